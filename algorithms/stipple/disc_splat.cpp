#include "stipple/disc_splat.hpp"

#include <algorithm>
#include <cmath>

#include "stipple/pigment_cover.hpp"
#include <numbers>

namespace smp {

bool DiscSplat::shape(const DiscShape& d, double max_reach_px)
{
  const double reach = std::min(d.radius_px * d.stretch + d.edge_px + 1.0, max_reach_px);
  x0_ = static_cast<long>(std::floor(d.centre_x - reach));
  y0_ = static_cast<long>(std::floor(d.centre_y - reach));
  width_ = static_cast<long>(std::ceil(d.centre_x + reach)) - x0_;
  height_ = static_cast<long>(std::ceil(d.centre_y + reach)) - y0_;
  cover_.resize(static_cast<std::size_t>(width_ * height_));

  // Distance in the disc's own frame, where the elongated disc is round.
  const auto ca = static_cast<float>(std::cos(d.angle_rad) / d.stretch);
  const auto sa = static_cast<float>(std::sin(d.angle_rad) / d.stretch);
  const auto cb = static_cast<float>(std::cos(d.angle_rad) * d.stretch);
  const auto sb = static_cast<float>(std::sin(d.angle_rad) * d.stretch);
  const auto inner = static_cast<float>(d.radius_px - d.edge_px);
  const auto span = static_cast<float>(2.0 * d.edge_px);
  double sum = 0.0;
  for (long j = 0; j < height_; ++j) {
    const auto dy = static_cast<float>(y0_ + j + 0.5 - d.centre_y);
    float* row = cover_.data() + j * width_;
    for (long i = 0; i < width_; ++i) {
      const auto dx = static_cast<float>(x0_ + i + 0.5 - d.centre_x);
      const float along = dx * ca + dy * sa, across = dy * cb - dx * sb;
      const float t = std::clamp((std::sqrt(along * along + across * across) - inner) / span, 0.0f, 1.0f);
      row[i] = 1.0f - t * t * (3.0f - 2.0f * t);
      sum += row[i];
    }
  }
  if (!(sum > 0.0))
    return false;
  const auto norm = static_cast<float>(std::numbers::pi * d.radius_px * d.radius_px / sum);
  const auto opacity = static_cast<float>(d.opacity);
  for (float& c : cover_)
    c = std::min(1.0f, c * norm) * opacity;
  return true;
}

void DiscSplat::apply(const PixelRect& out, const LinearRgb& pigment, bool transmittance, float* rgba) const
{
  const long x0 = std::max<long>(x0_, out.x), x1 = std::min<long>(x0_ + width_, out.x + out.width);
  const long y0 = std::max<long>(y0_, out.y), y1 = std::min<long>(y0_ + height_, out.y + out.height);
  const PigmentCover pigment_cover(pigment, transmittance);
  for (long y = y0; y < y1; ++y) {
    const float* cover = cover_.data() + (y - y0_) * width_;
    float* row = rgba + 4 * (static_cast<std::size_t>(y - out.y) * out.width);
    for (long x = x0; x < x1; ++x) {
      const float c = cover[x - x0_];
      float* q = row + 4 * (x - out.x);
      pigment_cover.apply(q, c);
    }
  }
}

}  // namespace smp
