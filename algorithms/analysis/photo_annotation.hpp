// What a person drew by eye on a development photo, read from its GLib key file
// (tests/photo-annotations/README.md): the head's outline and ellipse, bare scalp, the client's
// own hair, background, seam patches, landmarks, the scale and the preset a designer would pick.
// Every problem is reported with the file, the group and key, and the reason.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "analysis/polygon_raster.hpp"

namespace smp {

// A neighbouring pair of patches: the client's own hair and the bare scalp right beside it.
struct Seam {
  std::string name;  // "seam-1"
  Polygon hair, bare;
};

struct EllipseBox {
  double left = 0.0, top = 0.0, width = 0.0, height = 0.0;
};

struct PhotoAnnotation {
  std::string source;  // the .ini it was read from
  std::string file;    // the photo's file name
  int width = 0, height = 0;
  std::string view;   // top, top-front, front
  std::string front;  // which way the face points in the image: up, down, left, right
  std::string preset;
  double px_per_mm = 0.0;
  std::string hair_colour;
  int skin_tone = 0;  // Fitzpatrick I..VI as 1..6
  std::string notes;
  Polygon head_outline;
  EllipseBox head_ellipse;  // as a user would draw it with Ellipse Select
  std::vector<Polygon> bare, hair, background;
  std::vector<Seam> seams;
  std::map<std::string, Point> landmarks;  // glabella, pupil-left, pupil-right, brow-left, brow-right

  bool has_landmark(const std::string& name) const { return landmarks.count(name) > 0; }
  // The image direction the face points to (0 = image right, pi/2 = image bottom), as HeadFrame.
  double front_rad() const;
};

struct AnnotationError {
  std::string file, group, key, reason;
  std::string message() const;  // "file: [group] key: reason"
};

std::variant<PhotoAnnotation, AnnotationError> parse_photo_annotation(const std::string& text, const std::string& file);
std::variant<PhotoAnnotation, AnnotationError> load_photo_annotation(const std::string& path);

// The same annotation on the photo scaled to `width` x `height` pixels (a working copy): every
// coordinate and the scale follow.
PhotoAnnotation scaled_to(const PhotoAnnotation& annotation, int width, int height);

// What each pixel was annotated as, by the format's precedence (bare over hair over background).
enum class Region : std::uint8_t { unscored = 0, background = 1, hair = 2, bare = 3 };

// One Region per pixel of the photo, row-major.
std::vector<Region> annotated_regions(const PhotoAnnotation& annotation);

}  // namespace smp
