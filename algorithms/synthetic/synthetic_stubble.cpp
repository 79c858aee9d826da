#include "synthetic/synthetic_stubble.hpp"

#include <algorithm>
#include <cmath>

#include "hash.hpp"
#include "stipple/dot_pattern.hpp"
#include "value_noise.hpp"

namespace smp {

SyntheticStubble synthetic_stubble(const SyntheticStubbleSpec& s)
{
  SyntheticStubble out;
  out.width = std::clamp(s.width_px, 1, 1 << 13);
  out.height = std::clamp(s.height_px, 1, 1 << 13);
  const std::size_t n = static_cast<std::size_t>(out.width) * out.height;
  std::vector<float> shade(n, 1.0f);  // multiplies the skin: 1 where no hair
  const DotPattern hairs(s.density_per_cm2 / 100.0, 0.6, s.seed);
  const double radius_px = 0.5 * s.diameter_mm * s.px_per_mm;
  for (const PatternDot& hair : hairs.dots_in({0.0, 0.0, out.width / s.px_per_mm, out.height / s.px_per_mm})) {
    ++out.hairs;
    const double cx = hair.x_mm * s.px_per_mm, cy = hair.y_mm * s.px_per_mm;
    const int reach = static_cast<int>(std::ceil(radius_px + 1.5));
    for (int y = std::max(0, static_cast<int>(cy) - reach); y <= std::min(out.height - 1, static_cast<int>(cy) + reach); ++y)
      for (int x = std::max(0, static_cast<int>(cx) - reach); x <= std::min(out.width - 1, static_cast<int>(cx) + reach); ++x) {
        const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
        const double cover = std::clamp(radius_px + 0.5 - d, 0.0, 1.0);  // anti-aliased disc
        float& v = shade[static_cast<std::size_t>(y) * out.width + x];
        v = static_cast<float>(v * (1.0 - s.darkening * cover));
      }
  }
  out.rgb.resize(n * 3);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const double light = 0.78 + 0.12 * x / out.width - 0.08 * y / out.height +
                           0.03 * value_noise(s.seed, 31, x / s.px_per_mm, y / s.px_per_mm, 4.0) +
                           0.015 * (to_unit(hash_key(s.seed, x, y, 0, 32)) - 0.5);
      const std::size_t i = static_cast<std::size_t>(y) * out.width + x;
      const double k = light * shade[i];
      out.rgb[3 * i] = static_cast<float>(std::clamp(k * 0.98, 0.0, 1.0));
      out.rgb[3 * i + 1] = static_cast<float>(std::clamp(k * 0.80, 0.0, 1.0));
      out.rgb[3 * i + 2] = static_cast<float>(std::clamp(k * 0.70, 0.0, 1.0));
    }
  return out;
}

}  // namespace smp
