// Weighted local means over square windows (normalised convolution), in time independent of the
// window size: what lets the scar filters compare a pixel with its surroundings at any scale.
#pragma once

#include <vector>

namespace smp {

// A single-channel float image, row-major.
struct Plane {
  int width = 0, height = 0;
  std::vector<float> values;

  Plane() = default;
  Plane(int w, int h, float fill = 0.0f) : width(w), height(h), values(static_cast<std::size_t>(w) * h, fill) {}
  float& at(int x, int y) { return values[static_cast<std::size_t>(y) * width + x]; }
  float at(int x, int y) const { return values[static_cast<std::size_t>(y) * width + x]; }
};

// Sums of `weight * value` and of `weight` over the (2 radius + 1)^2 window around each pixel
// (the window clipped to the image); `value` may be null (then the sum of weights only).
struct WindowSums {
  Plane weighted, weight;
};
WindowSums window_sums(const Plane* value, const Plane& weight, int radius);

// The weighted mean over the window; `fallback` where the window holds no weight.
Plane window_mean(const Plane& value, const Plane& weight, int radius, float fallback = 0.0f);

// The share of the window's area that carries weight (a local density of `weight`).
Plane window_share(const Plane& weight, int radius);

}  // namespace smp
