// The scattering halos of all dots, gathered on a coarse grid aligned to the image origin (so
// every tile computes the same values) and spread back to pixels bilinearly: a smooth halo
// needs a sample every few pixels, not every pixel.
//
// The ink is the expected halo of the dots at each cell's density (set_expected), or each dot's
// own halo dropped bilinearly (add); the grid is then blurred once by a separable Gaussian: a
// few operations per cell, however many dots there are.
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
  // How far from a dot's centre its halo reaches, in pixels, grid cells included; never more
  // than `max_reach_px`, however wide the halo.
  static double reach_px(double sigma_px);
  static constexpr int max_reach_px = 512;

  // Adds one dot's halo holding `ink_px2` (pixels^2 at full darkening). Every dot within
  // reach_px() of the grid's rectangle must be added, in one order whatever the rectangle.
  void add(double centre_x, double centre_y, double ink_px2);
  // The cells ink is dropped on: their centres ((i + 0.5) * cell_px, (j + 0.5) * cell_px) in
  // pixels, row by row; set_expected() takes one value per centre, in this order.
  void drop_centres(std::vector<long>& xs, std::vector<long>& ys) const;
  // Darkening per unit area at every drop cell's centre (instead of add()).
  void set_expected(const std::vector<float>& ink);
  // Blurs the added ink into the halos; once, after the last add().
  void spread();

  // Writes the halos over no pigment (transmittance, or premultiplied dots) into `rgba`, which
  // holds `piece` (inside the grid's rectangle) with rows `row_stride` floats apart.
  void paint(const PigmentCover& pigment, const PixelRect& piece, float* rgba, std::size_t row_stride) const;

 private:
  static int reach_cells(double sigma_px);

  int cell_;
  int reach_;                      // blur radius in cells
  long x0_, y0_, width_, height_;  // the halo cells, enough to interpolate every output pixel
  long drop_x0_, drop_y0_, drop_width_, drop_height_;  // the cells ink is dropped on: reach_ more
  std::vector<float> kernel_;      // 2 * reach_ + 1 Gaussian weights summing to 1
  std::vector<float> dropped_;     // ink per cell before blurring
  std::vector<float> ink_;         // darkening per halo cell, before the pigment's colour
  bool any_ink_ = false;
};

}  // namespace smp
