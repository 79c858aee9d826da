#include "stipple/disc_splat.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace smp {

void DiscAxes::orient(double angle, double stretch_factor)
{
  if (angle == angle_rad && stretch_factor == stretch && stretch != 0.0)
    return;
  angle_rad = angle;
  stretch = stretch_factor;
  along_x = static_cast<float>(std::cos(angle) / stretch_factor);
  along_y = static_cast<float>(std::sin(angle) / stretch_factor);
  across_x = static_cast<float>(std::cos(angle) * stretch_factor);
  across_y = static_cast<float>(std::sin(angle) * stretch_factor);
}

DiscCover disc_bounds(const DiscShape& d, double max_reach_px)
{
  const double reach = std::min(d.radius_px * d.stretch + d.edge_px + 1.0, max_reach_px);
  DiscCover box;
  box.x0 = static_cast<long>(std::floor(d.centre_x - reach));
  box.y0 = static_cast<long>(std::floor(d.centre_y - reach));
  box.width = static_cast<long>(std::ceil(d.centre_x + reach)) - box.x0;
  box.height = static_cast<long>(std::ceil(d.centre_y + reach)) - box.y0;
  box.offset = 0;
  return box;
}

bool add_disc_cover(const DiscShape& d, const DiscAxes& axes, DiscCover& box, std::vector<float>& pool)
{
  box.offset = pool.size();
  pool.resize(box.offset + static_cast<std::size_t>(box.width * box.height));
  float* cover = pool.data() + box.offset;

  // Distance in the disc's own frame, where the elongated disc is round.
  const float ca = axes.along_x, sa = axes.along_y, cb = axes.across_x, sb = axes.across_y;
  const auto inner = static_cast<float>(d.radius_px - d.edge_px);
  const auto span = static_cast<float>(2.0 * d.edge_px);
  double sum = 0.0;
  for (long j = 0; j < box.height; ++j) {
    const auto dy = static_cast<float>(box.y0 + j + 0.5 - d.centre_y);
    float* row = cover + j * box.width;
    for (long i = 0; i < box.width; ++i) {
      const auto dx = static_cast<float>(box.x0 + i + 0.5 - d.centre_x);
      const float along = dx * ca + dy * sa, across = dy * cb - dx * sb;
      const float t = std::clamp((std::sqrt(along * along + across * across) - inner) / span, 0.0f, 1.0f);
      row[i] = 1.0f - t * t * (3.0f - 2.0f * t);
      sum += row[i];
    }
  }
  if (!(sum > 0.0)) {
    pool.resize(box.offset);
    return false;
  }
  const auto norm = static_cast<float>(std::numbers::pi * d.radius_px * d.radius_px / sum);
  const auto opacity = static_cast<float>(d.opacity);
  for (long k = 0; k < box.width * box.height; ++k)
    cover[k] = std::min(1.0f, cover[k] * norm) * opacity;
  return true;
}

void apply_disc_cover(const DiscCover& box, const float* pool, const PigmentCover& pigment, const PixelRect& out,
                      float* rgba, std::size_t row_stride)
{
  const long x0 = std::max<long>(box.x0, out.x), x1 = std::min<long>(box.x0 + box.width, out.x + out.width);
  const long y0 = std::max<long>(box.y0, out.y), y1 = std::min<long>(box.y0 + box.height, out.y + out.height);
  for (long y = y0; y < y1; ++y) {
    const float* cover = pool + box.offset + (y - box.y0) * box.width;
    float* row = rgba + static_cast<std::size_t>(y - out.y) * row_stride;
    for (long x = x0; x < x1; ++x)
      pigment.apply(row + 4 * (x - out.x), cover[x - box.x0]);
  }
}

}  // namespace smp
