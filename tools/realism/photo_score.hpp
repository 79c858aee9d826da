// The realism score of one photo: the figures of its designer run and fit run against what was
// annotated on it, measured on the photo itself and on GIMP's result in CIE L*a*b* (D65). Needs
// GEGL started (it reads the pictures with gegl:load, each in its own colour space).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/realism_measures.hpp"
#include "photo_runs.hpp"

namespace smp_realism {

// The targets (issue 13), as the test asserts them and the table marks them.
struct Targets {
  static constexpr double seam_delta_e_max = 4.0;         // treated skin against the client's hair
  static constexpr double bare_darkening_min = 6.0;       // ΔL* on light skin with no hair to match
  static constexpr int light_skin_tone_max = 3;           // Fitzpatrick I-III
  static constexpr double bare_iou_min = 0.85;
  static constexpr double holes_max = 0.02;               // share of planned bare scalp
  static constexpr double background_delta_e_max = 0.5;  // mean over background pixels
  static constexpr double head_fit_max = 0.05;            // every head-fit error
  static constexpr double block_mm = 5.0;                 // the blocks the worst background change is found in
};

struct SeamScore {
  std::string name;
  smp::SeamDifference delta_e;
};

struct PhotoScore {
  std::string stem;
  const smp::PhotoAnnotation* photo = nullptr;
  RunChoice choice;
  PhotoRun run;
  std::optional<double> bare_darkening;  // ΔL*
  std::vector<SeamScore> seams;
  std::optional<smp::BackgroundChange> background;
  smp::Coverage coverage;
  std::optional<smp::HeadFitError> head_fit;
  // The front run (a front-view preset from the brows), where there was one.
  std::optional<double> front_bare_darkening;
  std::optional<smp::BackgroundChange> front_background;
  std::string problem;  // why the designer run's figures are missing

  bool has_bare_scalp() const { return !photo->bare.empty(); }
  bool light_skin() const { return photo->skin_tone <= Targets::light_skin_tone_max; }
};

// Reads the photo and the pictures of `run`, and measures.
PhotoScore score_photo(const AnnotatedPhoto& annotated, const PhotoRun& run, const std::string& photos_dir);

}  // namespace smp_realism
