// One dot's pigment disc over the pixel grid: a soft-edged (optionally elongated) disc whose
// ink is scaled to its true area whatever the grid, so sub-pixel dots keep their weight and
// their position instead of vanishing or snapping to pixels.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "stipple/pigment_cover.hpp"
#include "stipple/pixel_rect.hpp"

namespace smp {

struct DiscShape {
  double centre_x, centre_y;  // pixels
  double radius_px;
  double edge_px;             // half-width of the soft edge
  double stretch;             // sqrt(elongation): the disc is radius*stretch long, radius/stretch wide
  double angle_rad;           // direction of the long axis
  double opacity;             // darkening reached where the disc is full
};

// The disc's frame: along and across its long axis, scaled so that the elongated disc is round.
// Dots share it while their direction is the same, which saves a sine and a cosine per dot.
struct DiscAxes {
  double angle_rad = 0.0, stretch = 0.0;
  float along_x = 1.0f, along_y = 0.0f, across_x = 0.0f, across_y = 1.0f;

  void orient(double angle, double stretch_factor);
};

// Floats that a resize leaves as they come (every cover is written before it is read): zeroing
// them first cost as much as a tenth of shaping the discs.
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  template <class U>
  void construct(U* p) noexcept
  {
    ::new (static_cast<void*>(p)) U;
  }
};
using CoverPool = std::vector<float, UninitialisedAllocator<float>>;

// The pixels a disc may darken, and where its cover starts in a pool of covers (rows `stride`
// floats apart, a whole number of float4s).
struct DiscCover {
  static constexpr std::size_t not_kept = ~std::size_t{0};  // shaped again wherever it is drawn

  long x0, y0, width, height, stride;
  std::size_t offset;
  // The cover's shape is kept as it came; drawing scales it so the disc holds its true area and
  // darkens at most to its opacity (no second pass over the cover).
  float norm = 1.0f, opacity = 1.0f;

  bool overlaps(const PixelRect& r) const
  {
    return x0 < r.x + static_cast<long>(r.width) && x0 + width > r.x && y0 < r.y + static_cast<long>(r.height) &&
           y0 + height > r.y;
  }
};

// The disc's footprint; `max_reach_px` bounds it whatever the shape.
DiscCover disc_bounds(const DiscShape& disc, double max_reach_px);

// Appends the cover (0..1, opacity included) of `box` = disc_bounds(disc) to `pool`; false,
// with the pool as it was, when the disc covers nothing.
bool add_disc_cover(const DiscShape& disc, const DiscAxes& axes, DiscCover& box, CoverPool& pool);

// Multiplies (transmittance) or composites (premultiplied dots) the cover into the pixels of
// `out` it overlaps; `rgba` holds `out`, rows `row_stride` floats apart.
void apply_disc_cover(const DiscCover& box, const float* pool, const PigmentCover& pigment, const PixelRect& out,
                      float* rgba, std::size_t row_stride);

}  // namespace smp
