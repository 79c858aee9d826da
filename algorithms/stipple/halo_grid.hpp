// The scattering halos of all dots, gathered on a coarse grid aligned to the image origin (so
// every tile computes the same values) and spread back to pixels bilinearly: a smooth halo
// needs a sample every few pixels, not every pixel.
#pragma once

#include <cstddef>
#include <vector>

#include "stipple/pixel_rect.hpp"
#include "stipple/pigment_cover.hpp"

namespace smp {

class HaloGrid {
 public:
  HaloGrid(const PixelRect& out, double sigma_px);

  // Pixels per grid cell for a halo of this spread.
  static int cell_px(double sigma_px);
  // How far from a dot's centre its halo reaches, in pixels, grid cells included.
  static double reach_px(double sigma_px);

  // Adds one dot's halo holding `ink_px2` (pixels^2 at full darkening), cut on a circle.
  void add(double centre_x, double centre_y, double ink_px2);

  // Darkens (transmittance) or composites (premultiplied dots) the halos into `rgba`, which
  // holds `piece` (inside the grid's rectangle) with rows `row_stride` floats apart.
  void apply(const PigmentCover& pigment, const PixelRect& piece, float* rgba, std::size_t row_stride) const;

 private:
  double sigma_px_;
  int cell_;
  long x0_, y0_, width_, height_;  // in cells
  std::vector<float> ink_;         // darkening per cell, before the pigment's colour
  std::vector<float> gx_, gy_;
};

}  // namespace smp
