// One dot's pigment disc over the pixel grid: a soft-edged (optionally elongated) disc whose
// ink is scaled to its true area whatever the grid, so sub-pixel dots keep their weight and
// their position instead of vanishing or snapping to pixels.
#pragma once

#include <vector>

#include "stipple/pixel_rect.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp {

struct DiscShape {
  double centre_x, centre_y;  // pixels
  double radius_px;
  double edge_px;             // half-width of the soft edge
  double stretch;             // sqrt(elongation): the disc is radius*stretch long, radius/stretch wide
  double angle_rad;           // direction of the long axis
  double opacity;             // darkening reached where the disc is full
};

class DiscSplat {
 public:
  // False when the disc covers nothing. `max_reach_px` bounds the footprint whatever the shape.
  bool shape(const DiscShape& disc, double max_reach_px);

  // Multiplies (transmittance) or composites (premultiplied dots) the disc into `rgba` over `out`.
  void apply(const PixelRect& out, const LinearRgb& pigment, bool transmittance, float* rgba) const;

 private:
  long x0_ = 0, y0_ = 0, width_ = 0, height_ = 0;
  std::vector<float> cover_;  // 0..1, opacity included
};

}  // namespace smp
