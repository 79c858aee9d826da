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
// Dropping a dot bilinearly, and reading pixels back bilinearly, each widen the halo by about
// a sixth of a cell squared in variance; the blur leaves out what the drop adds.
constexpr double drop_variance_cells2 = 1.0 / 6.0;

long floor_div(long a, long b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace

int HaloGrid::cell_px(double sigma_px)
{
  return std::clamp(static_cast<int>(sigma_px * cell_per_sigma), 1, max_cell_px);
}

int HaloGrid::reach_cells(double sigma_px)
{
  const int cell = cell_px(sigma_px);
  const double wanted = std::ceil(reach_sigmas * sigma_px / cell);
  return static_cast<int>(std::clamp(wanted, 1.0, double(max_reach_px / cell - 3)));
}

double HaloGrid::reach_px(double sigma_px)
{
  // A dot drops ink on the cells less than one from it, the blur carries it reach_cells()
  // further, and a pixel reads the cells less than one from it; half a pixel for its centre.
  return (reach_cells(sigma_px) + 2) * cell_px(sigma_px) + 0.5;
}

HaloGrid::HaloGrid(const PixelRect& out, double sigma_px) : cell_(cell_px(sigma_px)), reach_(reach_cells(sigma_px))
{
  x0_ = floor_div(out.x, cell_) - 1;
  y0_ = floor_div(out.y, cell_) - 1;
  width_ = floor_div(out.x + out.width - 1, cell_) + 2 - x0_;
  height_ = floor_div(out.y + out.height - 1, cell_) + 2 - y0_;
  // Rows of both grids run on to whole numbers of float4s.
  drop_x0_ = x0_ - reach_;
  drop_y0_ = y0_ - reach_;
  drop_width_ = ((width_ + 3) / 4 * 4 + 2 * reach_ + 3) / 4 * 4;
  drop_height_ = height_ + 2 * reach_;
  dropped_.assign(static_cast<std::size_t>(drop_width_ * drop_height_), 0.0f);

  const double sigma_cells = std::sqrt(std::max(sigma_px * sigma_px / (cell_ * cell_) - drop_variance_cells2, 0.01));
  std::vector<double> weights(static_cast<std::size_t>(2 * reach_ + 1));
  double sum = 0.0;
  for (int k = -reach_; k <= reach_; ++k)
    sum += weights[static_cast<std::size_t>(k + reach_)] = std::exp(-0.5 * (k / sigma_cells) * (k / sigma_cells));
  kernel_.resize(weights.size());
  for (std::size_t k = 0; k < weights.size(); ++k)
    kernel_[k] = static_cast<float>(weights[k] / sum);
}

void HaloGrid::add(double centre_x, double centre_y, double ink_px2)
{
  // In cell units, where cell (i, j) stands for the point ((i + 0.5) * cell, (j + 0.5) * cell).
  const double u = centre_x / cell_ - 0.5, v = centre_y / cell_ - 0.5;
  if (!(ink_px2 > 0.0) || !(u > drop_x0_ - 1.0 && u < drop_x0_ + drop_width_) ||
      !(v > drop_y0_ - 1.0 && v < drop_y0_ + drop_height_))
    return;
  const long i = floor_to_long(u), j = floor_to_long(v);
  const auto fx = static_cast<float>(u - i), fy = static_cast<float>(v - j);
  const auto ink = static_cast<float>(ink_px2 / (cell_ * cell_));
  const float share[2][2] = {{ink * (1.0f - fx) * (1.0f - fy), ink * fx * (1.0f - fy)},
                             {ink * (1.0f - fx) * fy, ink * fx * fy}};
  for (long dj = 0; dj < 2; ++dj)
    for (long di = 0; di < 2; ++di) {
      const long ci = i + di - drop_x0_, cj = j + dj - drop_y0_;
      if (ci >= 0 && ci < drop_width_ && cj >= 0 && cj < drop_height_)
        dropped_[static_cast<std::size_t>(cj * drop_width_ + ci)] += share[dj][di];
    }
  any_ink_ = true;
}

void HaloGrid::drop_centres(std::vector<long>& xs, std::vector<long>& ys) const
{
  xs.clear();
  ys.clear();
  for (long j = 0; j < drop_height_; ++j)
    for (long i = 0; i < drop_width_; ++i) {
      xs.push_back(floor_to_long((drop_x0_ + i + 0.5) * cell_));
      ys.push_back(floor_to_long((drop_y0_ + j + 0.5) * cell_));
    }
}

void HaloGrid::set_expected(const std::vector<float>& ink)
{
  if (ink.size() != dropped_.size())
    return;
  dropped_ = ink;
  any_ink_ = std::any_of(ink.begin(), ink.end(), [](float v) { return v > 0.0f; });
}

void HaloGrid::spread()
{
  if (!any_ink_)
    return;
  // Down the columns into one row, then along it: each halo cell is the same sum of the same
  // dropped cells in the same order, whatever rectangle the grid was made for.
  const auto taps = static_cast<long>(kernel_.size());
  const long padded_width = (width_ + 3) / 4 * 4;
  std::vector<float> column_sums(static_cast<std::size_t>(drop_width_));
  ink_.assign(static_cast<std::size_t>(padded_width * height_), 0.0f);
  for (long j = 0; j < height_; ++j) {
    for (long i = 0; i < drop_width_; i += 4) {
      float4 sum = splat4(0.0f);
      for (long k = 0; k < taps; ++k)
        sum += kernel_[static_cast<std::size_t>(k)] * load4(&dropped_[static_cast<std::size_t>((j + k) * drop_width_ + i)]);
      store4(&column_sums[static_cast<std::size_t>(i)], sum);
    }
    float* row = ink_.data() + j * padded_width;
    for (long i = 0; i < padded_width; i += 4) {
      float4 sum = splat4(0.0f);
      for (long k = 0; k < taps; ++k)
        sum += kernel_[static_cast<std::size_t>(k)] * load4(&column_sums[static_cast<std::size_t>(i + k)]);
      store4(row + i, sum);
    }
  }
}

void HaloGrid::paint(const PigmentCover& pigment, const PixelRect& piece, float* rgba, std::size_t row_stride) const
{
  const auto width = static_cast<std::size_t>(std::max(piece.width, 0));
  if (!any_ink_) {
    for (int y = 0; y < piece.height; ++y)
      for (std::size_t x = 0; x < width; ++x)
        pigment.paint(rgba + static_cast<std::size_t>(y) * row_stride + 4 * x, 0.0f);
    return;
  }
  const long padded_width = (width_ + 3) / 4 * 4;
  // Where each column falls between grid cells: the same for every row.
  std::vector<long> column(width);
  std::vector<float> column_t(width);
  for (std::size_t x = 0; x < width; ++x) {
    const double u = (piece.x + static_cast<int>(x) + 0.5) / cell_ - 0.5;
    column[x] = static_cast<long>(std::floor(u)) - x0_;
    column_t[x] = static_cast<float>(u - std::floor(u));
  }
  // The halo spread along the grid rows above and below a pixel row, and how it changes down to
  // the next grid row: shared by the cell's pixel rows. Whole float4s, zeros past the width.
  const std::size_t padded = (width + 3) / 4 * 4;
  std::vector<float> upper(padded, 0.0f), down(padded, 0.0f);
  long spread_row = std::numeric_limits<long>::min();
  for (int y = 0; y < piece.height; ++y) {
    const double v = (piece.y + y + 0.5) / cell_ - 0.5;
    const long j = static_cast<long>(std::floor(v));
    const auto ty = static_cast<float>(v - j);
    if (j != spread_row) {
      const float* top = ink_.data() + (j - y0_) * padded_width;
      const float* bottom = top + padded_width;
      for (std::size_t x = 0; x < width; ++x) {
        const long i = column[x];
        const float tx = column_t[x];
        upper[x] = top[i] + (top[i + 1] - top[i]) * tx;
        down[x] = bottom[i] + (bottom[i + 1] - bottom[i]) * tx - upper[x];
      }
      spread_row = j;
    }
    float* row = rgba + static_cast<std::size_t>(y) * row_stride;
    std::size_t x = 0;
    for (; x + 4 <= width; x += 4)
      pigment.paint4(row + 4 * x, min4(splat4(1.0f), load4(&upper[x]) + load4(&down[x]) * ty));
    for (; x < width; ++x)
      pigment.paint(row + 4 * x, std::min(1.0f, upper[x] + down[x] * ty));
  }
}

}  // namespace smp
