// Dots found in a rendered image the way a person counts them: 4-connected dark spots, each
// reported by its centre. `dark(x, y)` says which pixels belong to a dot.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

namespace smp_test {

template <class Dark>
std::vector<std::pair<double, double>> dot_centres(int width, int height, Dark dark)
{
  std::vector<char> seen(static_cast<std::size_t>(width) * height, 0);
  std::vector<std::pair<double, double>> centres;
  std::vector<std::pair<int, int>> stack;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      if (seen[static_cast<std::size_t>(y) * width + x] || !dark(x, y))
        continue;
      double sx = 0.0, sy = 0.0;
      int n = 0;
      stack.assign(1, {x, y});
      seen[static_cast<std::size_t>(y) * width + x] = 1;
      while (!stack.empty()) {
        const auto [cx, cy] = stack.back();
        stack.pop_back();
        sx += cx + 0.5;
        sy += cy + 0.5;
        ++n;
        for (const auto& [nx, ny] : {std::pair{cx + 1, cy}, {cx - 1, cy}, {cx, cy + 1}, {cx, cy - 1}})
          if (nx >= 0 && nx < width && ny >= 0 && ny < height && !seen[static_cast<std::size_t>(ny) * width + nx] &&
              dark(nx, ny)) {
            seen[static_cast<std::size_t>(ny) * width + nx] = 1;
            stack.push_back({nx, ny});
          }
      }
      centres.push_back({sx / n, sy / n});
    }
  return centres;
}

}  // namespace smp_test

namespace smp_test {

// Dots of a rendered pigment layer, whatever tone lies around them: the spots at least `margin`
// darker (0..255) than the mean of the `window` px around them. The scattering shadow between
// the dots is a smooth tone, so a fixed threshold would count it too.
template <class Value>
std::vector<std::pair<double, double>> dots_against_surroundings(int width, int height, Value value, int window,
                                                                 double margin)
{
  std::vector<double> sums(static_cast<std::size_t>(width + 1) * (height + 1), 0.0);
  auto at = [&](int x, int y) -> double& { return sums[static_cast<std::size_t>(y) * (width + 1) + x]; };
  for (int y = 0; y < height; ++y) {
    double row = 0.0;
    for (int x = 0; x < width; ++x) {
      row += value(x, y);
      at(x + 1, y + 1) = at(x + 1, y) + row;
    }
  }
  auto local_mean = [&](int x, int y) {
    const int x0 = std::max(0, x - window), y0 = std::max(0, y - window);
    const int x1 = std::min(width, x + window + 1), y1 = std::min(height, y + window + 1);
    return (at(x1, y1) - at(x0, y1) - at(x1, y0) + at(x0, y0)) / ((x1 - x0) * (y1 - y0));
  };
  return dot_centres(width, height, [&](int x, int y) { return value(x, y) < local_mean(x, y) - margin; });
}

}  // namespace smp_test
