// How far from its centre a dot with these settings can darken anything, in pixels: the
// largest disc with its soft edge, or the scattering halo (cut at 2.5 sigma), plus the pixel
// rounding of the footprint and of the centre's position within its pixel.
#pragma once

#include <algorithm>
#include <cmath>

#include "stipple/stipple_settings.hpp"

namespace smp_test {

inline double dot_reach_px(const smp::StippleSettings& s, double px_per_mm)
{
  const double disc = (0.5 * s.dot_diameter_mm * (1.0 + s.size_variation) + 2.0 * s.depth_mm) * px_per_mm;
  const double halo = s.halo > 0.0 ? 2.5 * std::hypot(s.halo_radius_mm * px_per_mm, 0.35) : 0.0;
  return std::max(disc, halo) + 3.0;
}

}  // namespace smp_test
