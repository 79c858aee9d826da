#include "scar/box_mean.hpp"

#include <algorithm>

namespace smp {
namespace {

// Running sums along rows then columns: O(1) per pixel for any radius, double accumulators so
// the result does not drift over long rows.
Plane box_sum(const Plane& in, int radius)
{
  const int w = in.width, h = in.height;
  Plane rows(w, h), out(w, h);
  std::vector<double> prefix(static_cast<std::size_t>(std::max(w, h)) + 1);
  for (int y = 0; y < h; ++y) {
    prefix[0] = 0.0;
    for (int x = 0; x < w; ++x)
      prefix[x + 1] = prefix[x] + in.at(x, y);
    for (int x = 0; x < w; ++x)
      rows.at(x, y) = static_cast<float>(prefix[std::min(w, x + radius + 1)] - prefix[std::max(0, x - radius)]);
  }
  for (int x = 0; x < w; ++x) {
    prefix[0] = 0.0;
    for (int y = 0; y < h; ++y)
      prefix[y + 1] = prefix[y] + rows.at(x, y);
    for (int y = 0; y < h; ++y)
      out.at(x, y) = static_cast<float>(prefix[std::min(h, y + radius + 1)] - prefix[std::max(0, y - radius)]);
  }
  return out;
}

}  // namespace

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
