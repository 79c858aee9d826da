#include "scalp/cell_means.hpp"

#include <algorithm>

namespace smp {

CellMeans::CellMeans(int width, int height, int cell)
    : width_(std::max(width, 0)), height_(std::max(height, 0)), cell_(std::max(cell, 1)),
      grid_w_((width_ + cell_ - 1) / cell_), grid_h_((height_ + cell_ - 1) / cell_),
      sums_(static_cast<std::size_t>(grid_w_) * grid_h_, 0.0)
{
}

void CellMeans::add_rows(int y0, const float* rows, int n_rows)
{
  for (int r = 0; r < n_rows; ++r) {
    const int y = y0 + r;
    if (y < 0 || y >= height_)
      continue;
    double* cells = &sums_[static_cast<std::size_t>(y / cell_) * grid_w_];
    const float* row = rows + static_cast<std::size_t>(r) * width_;
    for (int x = 0; x < width_; ++x)
      cells[x / cell_] += row[x];
  }
}

std::vector<float> CellMeans::means() const
{
  std::vector<float> out(sums_.size());
  const double area = static_cast<double>(cell_) * cell_;
  std::transform(sums_.begin(), sums_.end(), out.begin(), [&](double s) { return static_cast<float>(s / area); });
  return out;
}

int cell_size_for(int width, int height, int cells_across)
{
  const int longer = std::max({width, height, 1});
  return std::max(1, (longer + cells_across - 1) / std::max(cells_across, 1));
}

}  // namespace smp
