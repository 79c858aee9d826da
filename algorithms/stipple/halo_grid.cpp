#include "stipple/halo_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stipple/float4.hpp"
#include "stipple/pigment_cover.hpp"

namespace smp {
namespace {

// The halo is cut where the Gaussian falls below 4% of its peak.
constexpr double reach_sigmas = 2.5;
// A cell may be this fraction of sigma wide: bilinear spreading then stays within about 1%.
constexpr double cell_per_sigma = 0.8;
constexpr int max_cell_px = 8;

long floor_div(long a, long b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace

int HaloGrid::cell_px(double sigma_px)
{
  return std::clamp(static_cast<int>(sigma_px * cell_per_sigma), 1, max_cell_px);
}

double HaloGrid::reach_px(double sigma_px)
{
  return reach_sigmas * sigma_px + 2.0 * cell_px(sigma_px) + 1.0;
}

HaloGrid::HaloGrid(const PixelRect& out, double sigma_px) : sigma_px_(sigma_px), cell_(cell_px(sigma_px))
{
  // One cell beyond the output on every side, for the bilinear spreading at its edges.
  x0_ = floor_div(out.x, cell_) - 1;
  y0_ = floor_div(out.y, cell_) - 1;
  width_ = floor_div(out.x + out.width - 1, cell_) + 2 - x0_;
  height_ = floor_div(out.y + out.height - 1, cell_) + 2 - y0_;
  ink_.assign(static_cast<std::size_t>(width_ * height_), 0.0f);
}

void HaloGrid::add(double centre_x, double centre_y, double ink_px2)
{
  // In cell units, where cell (i, j) stands for the point ((i + 0.5) * cell, (j + 0.5) * cell).
  const double cx = centre_x / cell_ - 0.5, cy = centre_y / cell_ - 0.5, sigma = sigma_px_ / cell_;
  const double reach = reach_sigmas * sigma;
  const long i0 = std::max(x0_, ceil_to_long(cx - reach));
  const long i1 = std::min(x0_ + width_, floor_to_long(cx + reach) + 1);
  const long j0 = std::max(y0_, ceil_to_long(cy - reach));
  const long j1 = std::min(y0_ + height_, floor_to_long(cy + reach) + 1);
  if (i0 >= i1 || j0 >= j1)
    return;

  // The normalisation runs over the whole circle, also outside this grid, so that every tile
  // gives a cell the same share of the dot's ink.
  const long full_i0 = ceil_to_long(cx - reach), full_j0 = ceil_to_long(cy - reach);
  const long full_w = floor_to_long(cx + reach) + 1 - full_i0;
  const long full_h = floor_to_long(cy + reach) + 1 - full_j0;
  // gx_ runs on to a whole number of float4s with zeros, which never pass the cut.
  gx_.assign(static_cast<std::size_t>((full_w + 3) / 4 * 4), 0.0f);
  gy_.resize(static_cast<std::size_t>(full_h));
  for (long i = 0; i < full_w; ++i)
    gx_[static_cast<std::size_t>(i)] = static_cast<float>(std::exp(-0.5 * std::pow((full_i0 + i - cx) / sigma, 2)));
  for (long j = 0; j < full_h; ++j)
    gy_[static_cast<std::size_t>(j)] = static_cast<float>(std::exp(-0.5 * std::pow((full_j0 + j - cy) / sigma, 2)));
  static const auto cut = static_cast<float>(std::exp(-0.5 * reach_sigmas * reach_sigmas));
  const float4 cut4 = splat4(cut), none = splat4(0.0f);
  // Every kept weight is a multiple of 2^-28 (all are above 2^-5) and there are few: the double
  // sums are exact, in any order.
  double kept_by_lane[4] = {0.0, 0.0, 0.0, 0.0};
  for (long j = 0; j < full_h; ++j) {
    const float gy = gy_[static_cast<std::size_t>(j)];
    for (std::size_t i = 0; i < gx_.size(); i += 4) {
      const float4 g = load4(&gx_[i]) * gy;
      const float4 kept = g >= cut4 ? g : none;
      for (int lane = 0; lane < 4; ++lane)
        kept_by_lane[lane] += kept[lane];
    }
  }
  const double kept = (kept_by_lane[0] + kept_by_lane[1]) + (kept_by_lane[2] + kept_by_lane[3]);
  if (!(kept > 0.0))
    return;
  const auto amplitude = static_cast<float>(ink_px2 / (kept * cell_ * cell_));
  // Adding nothing (+0) leaves a cell's ink, never negative, as it was.
  for (long j = j0; j < j1; ++j) {
    const float gy = gy_[static_cast<std::size_t>(j - full_j0)];
    float* row = ink_.data() + (j - y0_) * width_ + (i0 - x0_);
    const float* gx = gx_.data() + (i0 - full_i0);
    const long n = i1 - i0;
    long k = 0;
    for (; k + 4 <= n; k += 4) {
      const float4 g = load4(gx + k) * gy;
      store4(row + k, load4(row + k) + (g >= cut4 ? amplitude * g : none));
    }
    for (; k < n; ++k) {
      const float g = gx[k] * gy;
      if (g >= cut)
        row[k] += amplitude * g;
    }
  }
}

void HaloGrid::apply(const PigmentCover& pigment_cover, const PixelRect& piece, float* rgba,
                     std::size_t row_stride) const
{
  const auto width = static_cast<std::size_t>(std::max(piece.width, 0));
  // Where each column falls between grid cells: the same for every row.
  std::vector<long> column(width);
  std::vector<float> column_t(width);
  for (std::size_t x = 0; x < width; ++x) {
    const double u = (piece.x + static_cast<int>(x) + 0.5) / cell_ - 0.5;
    column[x] = static_cast<long>(std::floor(u)) - x0_;
    column_t[x] = static_cast<float>(u - std::floor(u));
  }
  // The halo spread along the grid rows above and below a pixel row: shared by the cell's rows.
  std::vector<float> upper(width), lower(width), halo(width);
  long spread_row = std::numeric_limits<long>::min();
  for (int y = 0; y < piece.height; ++y) {
    const double v = (piece.y + y + 0.5) / cell_ - 0.5;
    const long j = static_cast<long>(std::floor(v));
    const auto ty = static_cast<float>(v - j);
    if (j != spread_row) {
      const float* top = ink_.data() + (j - y0_) * width_;
      const float* bottom = top + width_;
      for (std::size_t x = 0; x < width; ++x) {
        const long i = column[x];
        const float tx = column_t[x];
        upper[x] = top[i] + (top[i + 1] - top[i]) * tx;
        lower[x] = bottom[i] + (bottom[i + 1] - bottom[i]) * tx;
      }
      spread_row = j;
    }
    std::size_t x = 0;
    for (; x + 4 <= width; x += 4) {
      const float4 above = load4(&upper[x]), below = load4(&lower[x]);
      store4(&halo[x], min4(splat4(1.0f), above + (below - above) * ty));
    }
    for (; x < width; ++x)
      halo[x] = std::min(1.0f, upper[x] + (lower[x] - upper[x]) * ty);
    // Ink is never negative, and no ink leaves a pixel's bits as they are: no test needed.
    pigment_cover.apply_row(rgba + static_cast<std::size_t>(y) * row_stride, halo.data(), width);
  }
}

}  // namespace smp
