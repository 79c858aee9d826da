#include "analysis/stubble_measure.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace smp {
namespace {

// Skin around a hair: a wide box blur (twice, near Gaussian), far wider than a hair.
constexpr double skin_radius_mm = 1.2;
// Spots smaller than this are noise, larger ones are shadows or creases, not a hair's end.
constexpr double min_spot_mm2 = 0.004, max_spot_mm2 = 1.5;

std::vector<float> box_blur(const std::vector<float>& in, int w, int h, int r)
{
  std::vector<float> tmp(in.size()), out(in.size());
  for (int y = 0; y < h; ++y) {
    double sum = 0.0;
    int n = 0;
    for (int x = -r; x < w + r; ++x) {
      if (x + r < w) {
        sum += in[static_cast<std::size_t>(y) * w + (x + r)];
        ++n;
      }
      if (x - r - 1 >= 0) {
        sum -= in[static_cast<std::size_t>(y) * w + (x - r - 1)];
        --n;
      }
      if (x >= 0 && x < w)
        tmp[static_cast<std::size_t>(y) * w + x] = static_cast<float>(sum / std::max(n, 1));
    }
  }
  for (int x = 0; x < w; ++x) {
    double sum = 0.0;
    int n = 0;
    for (int y = -r; y < h + r; ++y) {
      if (y + r < h) {
        sum += tmp[static_cast<std::size_t>(y + r) * w + x];
        ++n;
      }
      if (y - r - 1 >= 0) {
        sum -= tmp[static_cast<std::size_t>(y - r - 1) * w + x];
        --n;
      }
      if (y >= 0 && y < h)
        out[static_cast<std::size_t>(y) * w + x] = static_cast<float>(sum / std::max(n, 1));
    }
  }
  return out;
}

}  // namespace

StubbleMeasure measure_stubble(const std::vector<float>& luma, const std::vector<float>& weight, int width, int height,
                               double px_per_mm, double min_darkening)
{
  StubbleMeasure m;
  const std::size_t n = static_cast<std::size_t>(std::max(width, 0)) * static_cast<std::size_t>(std::max(height, 0));
  if (n == 0 || luma.size() < n || !(px_per_mm > 0.0) || !std::isfinite(px_per_mm))
    return m;
  auto selected = [&](std::size_t i) { return weight.empty() ? 1.0f : weight[i]; };
  double selected_px = 0.0;
  for (std::size_t i = 0; i < n; ++i)
    selected_px += selected(i);
  m.area_cm2 = selected_px / (px_per_mm * px_per_mm) / 100.0;
  if (!(m.area_cm2 > 0.0))
    return m;

  const int r = std::clamp(static_cast<int>(skin_radius_mm * px_per_mm), 1, std::max(width, height));
  const auto skin = box_blur(box_blur(luma, width, height, r), width, height, r);
  std::vector<float> dark(n);
  for (std::size_t i = 0; i < n; ++i)
    dark[i] = skin[i] > 1e-4f ? std::max(0.0f, 1.0f - luma[i] / skin[i]) : 0.0f;

  const double px2_per_mm2 = px_per_mm * px_per_mm;
  std::vector<char> seen(n, 0);
  std::vector<std::pair<int, int>> stack;
  double diameters = 0.0, darkness = 0.0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * width + x;
      if (seen[i] || dark[i] < min_darkening || selected(i) < 0.5f)
        continue;
      int count = 0;
      float deepest = 0.0f;
      stack.assign(1, {x, y});
      seen[i] = 1;
      while (!stack.empty()) {
        const auto [cx, cy] = stack.back();
        stack.pop_back();
        ++count;
        deepest = std::max(deepest, dark[static_cast<std::size_t>(cy) * width + cx]);
        for (const auto& [nx, ny] : {std::pair{cx + 1, cy}, {cx - 1, cy}, {cx, cy + 1}, {cx, cy - 1}}) {
          if (nx < 0 || ny < 0 || nx >= width || ny >= height)
            continue;
          const std::size_t j = static_cast<std::size_t>(ny) * width + nx;
          if (!seen[j] && dark[j] >= min_darkening && selected(j) >= 0.5f) {
            seen[j] = 1;
            stack.push_back({nx, ny});
          }
        }
      }
      const double area_mm2 = count / px2_per_mm2;
      if (area_mm2 < min_spot_mm2 || area_mm2 > max_spot_mm2)
        continue;
      ++m.hairs;
      diameters += 2.0 * std::sqrt(area_mm2 / std::numbers::pi);
      darkness += deepest;
    }
  m.density_per_cm2 = m.hairs / m.area_cm2;
  if (m.hairs > 0) {
    m.diameter_mm = diameters / m.hairs;
    m.darkening = darkness / m.hairs;
  }
  return m;
}

}  // namespace smp
