// Hairline curves as a hair-restoration surgeon constructs them (Garg et al.): from the
// glabella and the eyes in a front view, or in a head frame (an ellipse) in a top view, with
// the styles clinics offer. The result is a cubic Bezier path with few anchors, for a person to
// edit by hand, drawn so that the hair lies on its left as seen on screen (smp:hairline-mask).
#pragma once

#include <cstdint>
#include <string>

#include "geometry/frame.hpp"
#include "geometry/path.hpp"

namespace smp {

enum class HairlineStyle { juvenile, mature, rounded, receded, widows_peak, defined };

// Parses "juvenile", "mature", "rounded", "receded", "widows-peak" or "defined".
bool parse_hairline_style(const std::string& name, HairlineStyle& style);
const char* hairline_style_name(HairlineStyle style);

struct HairlineDesign {
  HairlineStyle style = HairlineStyle::juvenile;
  double mfp_height_mm = 80.0;       // mid-frontal point above the glabella or brow line (juvenile line)
  double recession_mm = 15.0;        // receded style: how much higher the temple corners sit
  double peak_depth_mm = 8.0;        // widow's peak: how far the point dips
  double peak_width_mm = 30.0;       //   and how wide it is
  double asymmetry_mm = 0.0;         // the image-left side higher by this much at its corner
  double irregularity_mm = 0.0;      // undulation of the anchors (macro-irregularity)
  double irregularity_wavelength_mm = 20.0;
  std::uint32_t seed = 0;
};

struct HairlineDesignLimits {
  static constexpr double mfp_min = 50.0, mfp_max = 110.0;
  static constexpr double recession_max = 50.0, peak_depth_max = 30.0, peak_width_min = 5.0, peak_width_max = 80.0;
  // The undulation a designer gives a line drawn for a client: a little life, not a ruler.
  static constexpr double designer_irregularity_mm = 2.0;
  static constexpr double asymmetry_max = 20.0, irregularity_max = 10.0;
  static constexpr double wavelength_min = 5.0, wavelength_max = 100.0;
};

HairlineDesign sanitized(const HairlineDesign& requested);


// The construction's key points, in image pixels.
struct FrontHairlinePoints {
  Point mid_frontal;
  Point frontotemporal_left, frontotemporal_right;
  Point temporal_peak_left, temporal_peak_right;
};

FrontHairlinePoints front_hairline_points(const FrontLandmarks& landmarks, double px_per_mm,
                                          const HairlineDesign& design);
Path front_hairline(const FrontLandmarks& landmarks, double px_per_mm, const HairlineDesign& design);

// An image point in the construction's face frame: millimetres from the glabella (or the brow
// line), x towards the image-right eye, y up the face.
Point face_point_mm(const FrontLandmarks& landmarks, double px_per_mm, const Point& image);


Path top_hairline(const HeadFrame& head, double px_per_mm, const HairlineDesign& design);

// The part of the head behind a top-view hairline, as one closed subpath: the hairline, then
// round the back of the head along its ellipse. A density map of it stays off the background.
Path top_hair_region(const HeadFrame& head, const Path& hairline);

// The hair side of a front hairline on the model head, as one closed region: the line, then from
// each temporal peak straight out across the face to the head's outline and round over the top.
// Left open, the line's hair side would run on down past the temporal peaks beside the eyes and
// out onto the background; this keeps the temples below the peaks and the background bare.
Path front_hair_region(const Path& hairline, const FaceFrame& face);

}  // namespace smp
