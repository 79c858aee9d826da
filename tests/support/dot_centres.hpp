// Dots found in a rendered image the way a person counts them: 4-connected dark spots, each
// reported by its centre. `dark(x, y)` says which pixels belong to a dot.
#pragma once

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
