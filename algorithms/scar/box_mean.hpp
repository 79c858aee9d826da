// Weighted local means over square windows (normalised convolution), in time independent of the
// window size: what lets the scar filters compare a pixel with its surroundings at any scale.
#pragma once

#include <vector>

namespace smp {

// A single-channel float image, row-major.
struct Plane {
  int width = 0, height = 0;
  std::vector<float> values;

  Plane() = default;
  Plane(int w, int h, float fill = 0.0f) : width(w), height(h), values(static_cast<std::size_t>(w) * h, fill) {}
  float& at(int x, int y) { return values[static_cast<std::size_t>(y) * width + x]; }
  float at(int x, int y) const { return values[static_cast<std::size_t>(y) * width + x]; }
};

// Box sums of a plane handed over row by row, top to bottom, each row of sums out as soon as its
// window is complete: what lets a whole-photo op keep a band of rows instead of the photo. The
// same running sums in the same order as box_sum over the whole plane, so the same bits; it holds
// 2 radius + 2 rows of column sums (8 bytes a pixel of width each).
class StreamingBoxSum {
 public:
  StreamingBoxSum(int width, int height, int radius);

  // The next input row (`width` floats). Take every ready row out before pushing the next.
  void push(const float* row);
  bool ready() const;
  int next_row() const { return rows_out_; }
  // Writes the window sums of row next_row() (`width` floats) and moves on.
  void pop(float* sums);

 private:
  double& column_sum(int row, int x) { return column_sums_[static_cast<std::size_t>(row % ring_rows_) * width_ + x]; }

  int width_, height_, radius_, ring_rows_;
  int rows_in_ = 0, rows_out_ = 0;
  std::vector<double> row_prefix_;
  std::vector<double> column_sums_;  // running column sums of the row sums, by row index mod ring_rows_
};

// Sums of `weight * value` and of `weight` over the (2 radius + 1)^2 window around each pixel
// (the window clipped to the image); `value` may be null (then the sum of weights only).
struct WindowSums {
  Plane weighted, weight;
};
WindowSums window_sums(const Plane* value, const Plane& weight, int radius);

// The weighted mean over the window; `fallback` where the window holds no weight.
Plane window_mean(const Plane& value, const Plane& weight, int radius, float fallback = 0.0f);

// The share of the window's area that carries weight (a local density of `weight`).
Plane window_share(const Plane& weight, int radius);

}  // namespace smp
