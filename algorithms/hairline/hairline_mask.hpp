// The density map of a hairline: full density on the hair side of a path, a ramp across the
// transition zone, an undulating line (macro-irregularity) and mm-scale unevenness with stray
// single hairs ahead of the line (micro-irregularity). The path marks the middle of the ramp.
#pragma once

#include <cstdint>

#include "geometry/hair_side.hpp"
#include "stipple/pixel_rect.hpp"

namespace smp {

enum class RampProfile { linear, smooth, feathered };

// docs/domain.md, "Hairline design": natural hairlines build density over 5-10 mm, with macro-
// and micro-irregularity.
struct HairlineMaskSettings {
  double px_per_mm = 10.0;
  double transition_width_mm = 8.0;  // 10% to 90% of full density, across the line
  RampProfile profile = RampProfile::smooth;
  double micro_irregularity = 0.5;     // 0..1
  double macro_irregularity_mm = 1.5;  // amplitude of the undulation
  double macro_wavelength_mm = 15.0;
  double grow_mm = 0.0;  // the ramp moved this far out from the path (the region grown)
  std::uint32_t seed = 0;
};

struct HairlineMaskLimits {
  static constexpr double px_per_mm_min = 0.01, px_per_mm_max = 200.0;
  static constexpr double transition_min = 0.1, transition_max = 60.0;
  static constexpr double macro_max = 20.0;
  static constexpr double wavelength_min = 1.0, wavelength_max = 200.0;
  static constexpr double grow_max = 60.0;
};

HairlineMaskSettings sanitized(const HairlineMaskSettings& requested);

class HairlineMask {
 public:
  HairlineMask(const Path& path, const HairlineMaskSettings& settings, int level);

  // Whether the path was drawn coarser than asked, to bound its points (HairSide::simplified).
  bool path_simplified() const { return side_.simplified(); }

  // Density 0..1 of the pixels of `rect` (at the level given above), row-major.
  void render(const PixelRect& rect, float* density) const;

 private:
  double profile(double signed_mm) const;
  double ramp_reach_mm() const;

  HairlineMaskSettings settings_;
  double px_per_mm_;  // at the level
  HairSide side_;
};

}  // namespace smp
