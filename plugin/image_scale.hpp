// The photo's physical scale, as the filters need it.
#pragma once

#include <libgimp/gimp.h>

namespace smp_plugin {

// Pixels per millimetre from the image resolution (the calibration procedure sets it).
double px_per_mm_of(GimpImage* image);

}  // namespace smp_plugin
