// The photo's physical scale, as the filters need it.
#pragma once

#include <libgimp/gimp.h>

#include <string>

namespace smp_plugin {

// Pixels per millimetre from the image resolution (the calibration procedure sets it).
double px_per_mm_of(GimpImage* image);

// How the scale was set ("a ruler of 150 mm (SMP Calibrate Scale)"), kept with the image (and in
// its XCF) beside the resolution it set.
void record_scale_source(GimpImage* image, const std::string& how);

// That record, or "" when the scale was never calibrated or the resolution changed since.
std::string calibrated_scale_source(GimpImage* image);

}  // namespace smp_plugin
