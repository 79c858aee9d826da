#include "scalp/region_masks.hpp"

#include <algorithm>

namespace smp {
namespace {

// Labels each 4-connected region of cells equal to `value` from 1 up; 0 elsewhere.
std::vector<int> label_regions(const Mask& mask, int width, int height, std::uint8_t value, int& count)
{
  const std::size_t n = static_cast<std::size_t>(width) * height;
  std::vector<int> labels(n, 0);
  std::vector<std::size_t> stack;
  count = 0;
  for (std::size_t start = 0; start < n; ++start) {
    if (mask[start] != value || labels[start] != 0)
      continue;
    labels[start] = ++count;
    stack.assign(1, start);
    while (!stack.empty()) {
      const std::size_t i = stack.back();
      stack.pop_back();
      const int x = static_cast<int>(i % width), y = static_cast<int>(i / width);
      const auto visit = [&](std::size_t j) {
        if (mask[j] == value && labels[j] == 0) {
          labels[j] = count;
          stack.push_back(j);
        }
      };
      if (x > 0)
        visit(i - 1);
      if (x + 1 < width)
        visit(i + 1);
      if (y > 0)
        visit(i - width);
      if (y + 1 < height)
        visit(i + width);
    }
  }
  return labels;
}

// Which labels touch the grid's border.
std::vector<bool> on_border(const std::vector<int>& labels, int width, int height, int count)
{
  std::vector<bool> border(static_cast<std::size_t>(count) + 1, false);
  for (int x = 0; x < width; ++x) {
    border[labels[x]] = true;
    border[labels[static_cast<std::size_t>(height - 1) * width + x]] = true;
  }
  for (int y = 0; y < height; ++y) {
    border[labels[static_cast<std::size_t>(y) * width]] = true;
    border[labels[static_cast<std::size_t>(y) * width + width - 1]] = true;
  }
  return border;
}

}  // namespace

Mask heaviest_region(const Mask& mask, const std::vector<float>& weight, int width, int height)
{
  const std::size_t n = static_cast<std::size_t>(width) * height;
  Mask out(n, 0);
  if (width <= 0 || height <= 0 || mask.size() < n || weight.size() < n)
    return out;
  int count = 0;
  const std::vector<int> labels = label_regions(mask, width, height, 1, count);
  std::vector<double> sums(static_cast<std::size_t>(count) + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    if (labels[i] > 0)
      sums[labels[i]] += weight[i];
  int best = 0;
  for (int k = 1; k <= count; ++k)
    if (sums[k] > sums[best] && sums[k] > 0.0)
      best = k;
  if (best == 0)
    return out;
  for (std::size_t i = 0; i < n; ++i)
    out[i] = labels[i] == best ? 1 : 0;
  return out;
}

Mask with_holes_filled(const Mask& mask, int width, int height)
{
  const std::size_t n = static_cast<std::size_t>(width) * height;
  Mask out(mask.begin(), mask.begin() + std::min(n, mask.size()));
  if (width <= 0 || height <= 0 || out.size() < n)
    return out;
  int count = 0;
  const std::vector<int> labels = label_regions(out, width, height, 0, count);
  const std::vector<bool> border = on_border(labels, width, height, count);
  for (std::size_t i = 0; i < n; ++i)
    if (labels[i] > 0 && !border[labels[i]])
      out[i] = 1;
  return out;
}

Mask small_holes(const Mask& mask, int width, int height, std::size_t max_cells)
{
  const std::size_t n = static_cast<std::size_t>(width) * height;
  Mask out(n, 0);
  if (width <= 0 || height <= 0 || mask.size() < n)
    return out;
  int count = 0;
  const std::vector<int> labels = label_regions(mask, width, height, 0, count);
  const std::vector<bool> border = on_border(labels, width, height, count);
  std::vector<std::size_t> sizes(static_cast<std::size_t>(count) + 1, 0);
  for (std::size_t i = 0; i < n; ++i)
    ++sizes[labels[i]];
  for (std::size_t i = 0; i < n; ++i)
    if (labels[i] > 0 && !border[labels[i]] && sizes[labels[i]] < max_cells)
      out[i] = 1;
  return out;
}

}  // namespace smp
