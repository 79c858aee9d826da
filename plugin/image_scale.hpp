// The photo's physical scale, as the filters need it.
#pragma once

#include <libgimp/gimp.h>

#include <string>

namespace smp_plugin {

// Pixels per millimetre from the image resolution (the calibration procedure sets it).
double px_per_mm_of(GimpImage* image);

// What a photo of a head can be taken at: from a thumbnail of the head (0.2 px/mm: a head 30
// px across) to a macro shot of the scalp (the filters' own limit).
struct ScaleLimits {
  static constexpr double plausible_min_px_per_mm = 0.2, plausible_max_px_per_mm = 200.0;
  static constexpr int image_min_px = 16;  // smaller, no head can be seen in it
};

// "" when the image's size and resolution can hold a simulation; else what is wrong and what
// to do ("the image's resolution gives 0.0002 px/mm: ...").
std::string unusable_for_simulation(GimpImage* image);

// How the scale was set ("a ruler of 150 mm (SMP Calibrate Scale)"), kept with the image (and in
// its XCF) beside the resolution it set.
void record_scale_source(GimpImage* image, const std::string& how);

// That record, or "" when the scale was never calibrated or the resolution changed since.
std::string calibrated_scale_source(GimpImage* image);

// How the scale was set: the calibration's record, else the image's resolution, never calibrated.
std::string scale_source_of(GimpImage* image);

// "" unless the scale was never calibrated and the resolution is one cameras and editors set
// by default (72, 300 ppi...): then what that means for the dots and how to calibrate.
std::string never_calibrated_warning(GimpImage* image);

}  // namespace smp_plugin
