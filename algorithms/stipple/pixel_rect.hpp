// A rectangle of pixels at the render's level, and the RGBA float image that covers it.
#pragma once

namespace smp {

struct PixelRect {
  int x, y, width, height;
};

// static_cast<long>(std::floor(v)) and std::ceil(v), without a call into the maths library
// (x86-64 has no rounding instruction before SSE4.1); `v` must fit a long.
inline long floor_to_long(double v)
{
  const auto i = static_cast<long>(v);
  return static_cast<double>(i) > v ? i - 1 : i;
}

inline long ceil_to_long(double v)
{
  const auto i = static_cast<long>(v);
  return static_cast<double>(i) < v ? i + 1 : i;
}

}  // namespace smp
