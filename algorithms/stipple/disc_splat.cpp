#include "stipple/disc_splat.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stipple/float4.hpp"

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
  // The pixels whose centres lie within the soft edge's reach, which the stretch lengthens
  // along the hair; never beyond what the renderer's padding allows for.
  const double reach = std::min({(d.radius_px + d.edge_px) * d.stretch, d.radius_px * d.stretch + d.edge_px + 1.0,
                                 max_reach_px});
  DiscCover box;
  box.x0 = floor_to_long(d.centre_x - reach + 0.5);
  box.y0 = floor_to_long(d.centre_y - reach + 0.5);
  box.width = std::max(ceil_to_long(d.centre_x + reach - 0.5) - box.x0, 1L);
  box.height = std::max(ceil_to_long(d.centre_y + reach - 0.5) - box.y0, 1L);
  box.stride = box.width;
  box.offset = 0;
  return box;
}

bool add_disc_cover(const DiscShape& d, const DiscAxes& axes, DiscCover& box, CoverPool& pool)
{
  box.stride = (box.width + 3) / 4 * 4;
  box.offset = pool.size();
  pool.resize(box.offset + static_cast<std::size_t>(box.stride * box.height));
  float* cover = pool.data() + box.offset;

  // Distance in the disc's own frame, where the elongated disc is round; four pixels at a time.
  float* dx = cover;  // the first row holds the columns' offsets until it is filled, last
  for (long i = 0; i < box.stride; ++i)
    dx[i] = static_cast<float>(box.x0 + i + 0.5 - d.centre_x);
  const float4 inner = splat4(static_cast<float>(d.radius_px - d.edge_px));
  const float4 per_span = splat4(static_cast<float>(0.5 / d.edge_px));
  const float4 zero = splat4(0.0f), one = splat4(1.0f);
  // Only the last four columns of a row may run past the box's width; they stay out of the sum.
  float4 last_columns = one;
  for (long lane = box.width - (box.stride - 4); lane < 4; ++lane)
    last_columns[lane] = 0.0f;
  const bool round = d.stretch == 1.0;
  float4 sum = zero;
  for (long j = box.height - 1; j >= 0; --j) {
    const auto dy = static_cast<float>(box.y0 + j + 0.5 - d.centre_y);
    const float4 dy_along = splat4(dy * axes.along_y), dy_across = splat4(dy);
    float* row = cover + j * box.stride;
    const float4 dy2 = dy_across * dy_across;
    for (long i = 0; i < box.stride; i += 4) {
      const float4 x = load4(dx + i);
      float4 distance2;
      if (round) {  // turning a round dot changes nothing
        distance2 = x * x + dy2;
      } else {
        const float4 along = x * axes.along_x + dy_along, across = dy_across * axes.across_x - x * axes.across_y;
        distance2 = along * along + across * across;
      }
      const float4 t = min4(max4((sqrt4(distance2) - inner) * per_span, zero), one);
      const float4 c = 1.0f - t * t * (3.0f - 2.0f * t);
      store4(row + i, c);
      sum += i + 4 > box.width ? c * last_columns : c;
    }
  }
  const float total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
  if (!(total > 0.0f)) {
    pool.resize(box.offset);
    return false;
  }
  box.norm = static_cast<float>(std::numbers::pi * d.radius_px * d.radius_px / total);
  box.opacity = static_cast<float>(d.opacity);
  return true;
}

void apply_disc_cover(const DiscCover& box, const float* pool, const PigmentCover& pigment, const PixelRect& out,
                      float* rgba, std::size_t row_stride)
{
  const long x0 = std::max<long>(box.x0, out.x), x1 = std::min<long>(box.x0 + box.width, out.x + out.width);
  const long y0 = std::max<long>(box.y0, out.y), y1 = std::min<long>(box.y0 + box.height, out.y + out.height);
  if (x0 >= x1)
    return;
  const float4 norm = splat4(box.norm), one = splat4(1.0f);
  for (long y = y0; y < y1; ++y) {
    const float* cover = pool + box.offset + (y - box.y0) * box.stride + (x0 - box.x0);
    float* row = rgba + static_cast<std::size_t>(y - out.y) * row_stride + 4 * (x0 - out.x);
    const long n = x1 - x0;
    long i = 0;
    for (; i + 4 <= n; i += 4)
      pigment.apply4(row + 4 * i, min4(one, load4(cover + i) * norm) * box.opacity);
    for (; i < n; ++i)
      pigment.apply(row + 4 * i, std::min(1.0f, cover[i] * box.norm) * box.opacity);
  }
}

}  // namespace smp
