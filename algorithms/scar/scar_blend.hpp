// Tones scar tissue to the skin around it: per channel of L*a*b*, the scar's local mean and
// spread are moved to those of a ring of skin just outside the mask, so its fine texture stays
// and its colour and paleness go; the mask's edge is feathered inwards only.
#pragma once

#include "scar/box_mean.hpp"
#include "scar/lab_image.hpp"

namespace smp {

struct ScarBlendSettings {
  double px_per_mm = 10.0;
  double ring_width_mm = 3.0;  // skin taken as reference, measured out from the mask
  double feather_mm = 0.2;     // the blend fades in over this distance inside the mask's edge
  double texture = 1.0;        // 1 gives the scar the skin's fine contrast, 0 a flat tone
};

struct ScarBlendLimits {
  static constexpr double px_per_mm_min = 0.01, px_per_mm_max = 200.0;
  static constexpr double ring_min = 0.2, ring_max = 50.0, feather_max = 20.0;
};

ScarBlendSettings sanitized(const ScarBlendSettings& settings);

// Blends `image` in place. Returns how much of the blend each pixel received (0-1): where it is
// 0 the pixel was not touched, so a caller can keep the original bits there.
Plane scar_blend(LabImage& image, const Plane& mask, const ScarBlendSettings& settings);

}  // namespace smp
