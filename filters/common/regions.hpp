// Regions: the margins ops read around them, and GEGL's zoomed-out renders (mipmap levels):
// process() is handed its region in level-0 coordinates and must draw the level's own pixels,
// 1 / 2^level as many; region callbacks are not told the level at all. Include after gegl-op.h.
#pragma once

#include <algorithm>

namespace smp_filters {

// GEGL's eval manager renders at most this level (its caches hold 8 mipmaps).
constexpr int max_level = 7;

inline int clamped_level(int level)
{
  return std::clamp(level, 0, max_level);
}

// The pixels at `level` of a region in level-0 coordinates: every level pixel it touches. A
// region GEGL clipped to the image's edge still gets the edge's partly covered pixels; where
// threads split a region, the pixel column or row on a seam is drawn by both, alike.
inline GeglRectangle region_at_level(const GeglRectangle& r, int level)
{
  if (level <= 0)
    return r;
  const int step = (1 << level) - 1;
  const int x0 = r.x >> level, y0 = r.y >> level;
  return {x0, y0, ((r.x + r.width + step) >> level) - x0, ((r.y + r.height + step) >> level) - y0};
}

// A margin given in pixels of each level, in level-0 pixels for the region callbacks: enough at
// every level GEGL may render, with one level pixel for the rounding of the region's edges.
template <typename MarginAtLevel>
int margin_at_every_level(MarginAtLevel margin_px)
{
  int widest = margin_px(0);
  for (int level = 1; level <= max_level; ++level)
    widest = std::max(widest, (margin_px(level) + 1) << level);
  return widest;
}

// `r` grown by `pad` on every side; an unbounded region (GEGL's infinite plane) stays unbounded,
// and none grows past what an int holds.
inline GeglRectangle padded(const GeglRectangle& r, int pad)
{
  if (gegl_rectangle_is_infinite_plane(&r))
    return r;
  const auto clamp = [](long long v) { return static_cast<int>(std::clamp<long long>(v, G_MININT / 2, G_MAXINT / 2)); };
  const int x0 = clamp(static_cast<long long>(r.x) - pad), y0 = clamp(static_cast<long long>(r.y) - pad);
  const int x1 = clamp(static_cast<long long>(r.x) + r.width + pad), y1 = clamp(static_cast<long long>(r.y) + r.height + pad);
  return {x0, y0, x1 - x0, y1 - y0};
}

inline double level_scale(int level)
{
  return 1.0 / (1 << clamped_level(level));
}

}  // namespace smp_filters
