#include "scar/box_mean.hpp"

#include <algorithm>

namespace smp {
namespace {

// Running sums along rows then columns: O(1) per pixel for any radius, double accumulators so
// the result does not drift over long rows.
Plane box_sum(const Plane& in, int radius)
{
  Plane out(in.width, in.height);
  StreamingBoxSum sums(in.width, in.height, radius);
  for (int y = 0; y < in.height; ++y) {
    sums.push(&in.values[static_cast<std::size_t>(y) * in.width]);
    while (sums.ready())
      sums.pop(&out.values[static_cast<std::size_t>(sums.next_row()) * in.width]);
  }
  return out;
}

}  // namespace

StreamingBoxSum::StreamingBoxSum(int width, int height, int radius)
    : width_(std::max(width, 0)), height_(std::max(height, 0)), radius_(std::max(radius, 0)),
      ring_rows_(2 * std::min(radius_, height_) + 2), row_prefix_(static_cast<std::size_t>(width_) + 1),
      column_sums_(static_cast<std::size_t>(width_) * ring_rows_, 0.0)
{
}

void StreamingBoxSum::push(const float* row)
{
  const int w = width_, r = radius_;
  row_prefix_[0] = 0.0;
  for (int x = 0; x < w; ++x)
    row_prefix_[x + 1] = row_prefix_[x] + row[x];
  const int y = rows_in_++;
  for (int x = 0; x < w; ++x) {
    const auto row_sum = static_cast<float>(row_prefix_[std::min(w, x + r + 1)] - row_prefix_[std::max(0, x - r)]);
    column_sum(y + 1, x) = (y == 0 ? 0.0 : column_sum(y, x)) + row_sum;
  }
}

bool StreamingBoxSum::ready() const
{
  return rows_out_ < height_ && rows_in_ >= std::min(height_, rows_out_ + radius_ + 1);
}

void StreamingBoxSum::pop(float* sums)
{
  const int y = rows_out_++, below = std::min(height_, y + radius_ + 1), above = std::max(0, y - radius_);
  for (int x = 0; x < width_; ++x)
    sums[x] = static_cast<float>(column_sum(below, x) - (above == 0 ? 0.0 : column_sum(above, x)));
}

WindowSums window_sums(const Plane* value, const Plane& weight, int radius)
{
  radius = std::max(0, radius);
  WindowSums sums;
  if (value) {
    Plane product(weight.width, weight.height);
    for (std::size_t i = 0; i < product.values.size(); ++i)
      product.values[i] = value->values[i] * weight.values[i];
    sums.weighted = box_sum(product, radius);
  }
  sums.weight = box_sum(weight, radius);
  return sums;
}

Plane window_mean(const Plane& value, const Plane& weight, int radius, float fallback)
{
  WindowSums sums = window_sums(&value, weight, radius);
  Plane& mean = sums.weighted;
  for (std::size_t i = 0; i < mean.values.size(); ++i) {
    const float wsum = sums.weight.values[i];
    mean.values[i] = wsum > 1e-6f ? mean.values[i] / wsum : fallback;
  }
  return mean;
}

Plane window_share(const Plane& weight, int radius)
{
  radius = std::max(0, radius);
  Plane ones(weight.width, weight.height, 1.0f);
  Plane area = box_sum(ones, radius);
  Plane share = box_sum(weight, radius);
  for (std::size_t i = 0; i < share.values.size(); ++i)
    share.values[i] = area.values[i] > 0.0f ? share.values[i] / area.values[i] : 0.0f;
  return share;
}

}  // namespace smp
