// The realism score's runs of Simulate SMP in a real headless GIMP 3: which preset each
// annotated photo is run with, the job file the GIMP side (simulate_photos.py) reads, and what
// it reported back. Every picture GIMP writes goes into a work folder the caller owns.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/photo_annotation.hpp"
#include "geometry/frame.hpp"
#include "presets/preset.hpp"

namespace smp_realism {

// Which presets a designer would run on the photo. A front-view preset needs the glabella and
// both pupils, or the brows (photos cropped at them); without either the top-view preset of the
// same stage is run instead.
struct RunChoice {
  std::optional<smp::Preset> designer, fit;  // nothing: not run
  std::string designer_nick, fit_nick;       // their file names without .preset
  std::optional<smp::FrontLandmarks> face;   // what the front-view runs mark
  // A photo whose face is marked at the brows only, and whose designer run takes the top-view
  // preset of the stage: its own front-view preset from the brows too (the front run).
  std::optional<smp::Preset> front;
  std::string front_nick;
  std::string note;  // what was run instead, or why nothing was
};

RunChoice choose_runs(const smp::PhotoAnnotation& photo, const std::string& presets_dir);

// An annotated development photo (tests/photo-annotations/STEM.ini) and what it is run with.
struct AnnotatedPhoto {
  std::string stem;
  smp::PhotoAnnotation photo;  // on the photo as it is run: the file, or a working copy of it
  int stored_width = 0, stored_height = 0;  // the photo file's own size
  RunChoice choice;

  bool working_copy() const { return photo.width != stored_width || photo.height != stored_height; }
};

// Every annotation of the source tree, by name, or only those of `stems`; empty and `problem`
// set when one can't be read or a stem has no annotation. With `max_side_px` a photo whose
// longer side is longer runs as a working copy scaled down to it (GIMP's Image > Scale).
std::vector<AnnotatedPhoto> annotated_photos(const std::string& source_dir, const std::vector<std::string>& stems,
                                             int max_side_px, std::string& problem);

// One photo as the GIMP side reported it.
struct PhotoRun {
  std::string stem;
  bool designer_done = false, fit_done = false, front_done = false;
  std::string designer_message, fit_message, front_message;  // GIMP's or the plug-in's words when not done
  double designer_seconds = 0.0, fit_seconds = 0.0, front_seconds = 0.0;
  std::optional<smp::HeadFrame> selected_head;  // the head frame the designer run's selection gave
  std::optional<smp::HeadFrame> fitted_head;    // the path "SMP head" of the fit run
  std::string after_png, density_png;           // the flattened result, the pigment layer's own pixels
  std::string front_after_png;                  // the front run's flattened result
  std::string before_png;                       // a working copy's photo as GIMP scaled it
};

struct Folders {
  std::string source, build, photos, work;  // work: where GIMP writes, owned by the caller
};

// Runs every photo in one GIMP session; `progress` gets each line the GIMP side reports as it goes.
// Jobs with nothing to run come back not done, with the choice's note.
std::vector<PhotoRun> run_in_gimp(const std::vector<AnnotatedPhoto>& jobs, const Folders& folders,
                                  const std::function<void(const std::string&)>& progress);

// The head as Simulate SMP reads an elliptical selection's bounds (x1, y1, x2, y2), facing `front_rad`.
smp::HeadFrame head_of_bounds(double x1, double y1, double x2, double y2, double front_rad);

}  // namespace smp_realism
