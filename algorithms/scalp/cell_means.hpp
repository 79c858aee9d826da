// A mask averaged over square cells, fed a band of rows at a time: the coarse grid the head's
// ellipse is fitted on (a few hundred cells across bound the fit's work on any photo).
#pragma once

#include <vector>

namespace smp {

class CellMeans {
 public:
  CellMeans(int width, int height, int cell);

  int cell() const { return cell_; }
  int grid_width() const { return grid_w_; }
  int grid_height() const { return grid_h_; }

  // `n_rows` rows of `width` values starting at row `y0`.
  void add_rows(int y0, const float* rows, int n_rows);
  // Each cell's mean; cells at the image's edge count their missing part as 0 (a head is far from it).
  std::vector<float> means() const;

 private:
  int width_, height_, cell_, grid_w_, grid_h_;
  std::vector<double> sums_;
};

// A cell size that puts about `cells_across` cells along the longer side.
int cell_size_for(int width, int height, int cells_across);

}  // namespace smp
