// Smooth value noise from hashes: a pure function of (seed, stream, position), so every tile
// sees the same field. Features are `scale` units across; values in [-1, 1].
#pragma once

#include <cmath>
#include <cstdint>

#include "hash.hpp"

namespace smp {

inline double value_noise(std::uint32_t seed, std::uint32_t stream, double x, double y, double scale)
{
  const double fx = x / scale, fy = y / scale;
  const double ix = std::floor(fx), iy = std::floor(fy);
  auto corner = [&](double cx, double cy) {
    return 2.0 * to_unit(hash_key(seed, static_cast<std::int64_t>(cx), static_cast<std::int64_t>(cy), 0, stream)) - 1.0;
  };
  auto smooth = [](double t) { return t * t * (3.0 - 2.0 * t); };
  const double tx = smooth(fx - ix), ty = smooth(fy - iy);
  const double top = corner(ix, iy) + (corner(ix + 1, iy) - corner(ix, iy)) * tx;
  const double bottom = corner(ix, iy + 1) + (corner(ix + 1, iy + 1) - corner(ix, iy + 1)) * tx;
  return top + (bottom - top) * ty;
}

}  // namespace smp
