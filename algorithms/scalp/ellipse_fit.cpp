#include "scalp/ellipse_fit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace smp {
namespace {

using Cells = std::vector<std::uint8_t>;

// Marks (with `label`) every cell 4-connected to `start` whose value in `cells` is `want`.
int flood(Cells& cells, int width, int height, std::size_t start, std::uint8_t want, std::uint8_t label)
{
  std::vector<std::size_t> stack{start};
  cells[start] = label;
  int count = 0;
  while (!stack.empty()) {
    const std::size_t i = stack.back();
    stack.pop_back();
    ++count;
    const int x = static_cast<int>(i % width), y = static_cast<int>(i / width);
    const std::size_t next[] = {x > 0 ? i - 1 : i, x + 1 < width ? i + 1 : i, y > 0 ? i - width : i,
                                y + 1 < height ? i + width : i};
    for (const std::size_t j : next)
      if (cells[j] == want) {
        cells[j] = label;
        stack.push_back(j);
      }
  }
  return count;
}

// Labels: 0 out, 1 in (unvisited), 2 visited, 3 the largest region.
Cells largest_region_filled(const std::vector<float>& weights, int width, int height, int& cells_in)
{
  const std::size_t count = static_cast<std::size_t>(width) * height;
  Cells cells(count);
  for (std::size_t i = 0; i < count; ++i)
    cells[i] = weights[i] > 0.5f ? 1 : 0;
  std::size_t best_start = count;
  int best = 0;
  for (std::size_t i = 0; i < count; ++i)
    if (cells[i] == 1) {
      const int size = flood(cells, width, height, i, 1, 2);
      if (size > best) {
        best = size;
        best_start = i;
      }
    }
  cells_in = best;
  if (best_start == count)
    return Cells(count, 0);
  flood(cells, width, height, best_start, 2, 3);
  // Holes: whatever the outside (reached from the border around the region) does not reach.
  for (std::size_t i = 0; i < count; ++i)
    cells[i] = cells[i] == 3 ? 1 : 0;
  for (int x = 0; x < width; ++x)
    for (const int y : {0, height - 1}) {
      const std::size_t i = static_cast<std::size_t>(y) * width + x;
      if (cells[i] == 0)
        flood(cells, width, height, i, 0, 4);
    }
  for (int y = 0; y < height; ++y)
    for (const int x : {0, width - 1}) {
      const std::size_t i = static_cast<std::size_t>(y) * width + x;
      if (cells[i] == 0)
        flood(cells, width, height, i, 0, 4);
    }
  for (auto& c : cells)
    c = c == 4 ? 0 : 1;
  return cells;
}

// Moments of the cells, only those inside `within` scaled by `reach` when given.
std::optional<FittedEllipse> moments_fit(const Cells& cells, int width, int height, const FittedEllipse* within,
                                         double reach)
{
  double n = 0, sx = 0, sy = 0;
  const double c = within ? std::cos(within->major_angle) : 1.0, s = within ? std::sin(within->major_angle) : 0.0;
  auto inside = [&](double x, double y) {
    if (!within)
      return true;
    const double dx = x - within->centre_x, dy = y - within->centre_y;
    const double u = (dx * c + dy * s) / (reach * within->radius_major), v = (-dx * s + dy * c) / (reach * within->radius_minor);
    return u * u + v * v <= 1.0;
  };
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (cells[static_cast<std::size_t>(y) * width + x] && inside(x + 0.5, y + 0.5)) {
        n += 1;
        sx += x + 0.5;
        sy += y + 0.5;
      }
  if (n < 3)
    return std::nullopt;
  const double mx = sx / n, my = sy / n;
  double xx = 0, yy = 0, xy = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (cells[static_cast<std::size_t>(y) * width + x] && inside(x + 0.5, y + 0.5)) {
        const double dx = x + 0.5 - mx, dy = y + 0.5 - my;
        xx += dx * dx;
        yy += dy * dy;
        xy += dx * dy;
      }
  xx /= n;
  yy /= n;
  xy /= n;
  // Eigenvalues of the covariance; a filled ellipse of radius r has variance r^2 / 4 along it.
  const double mean = 0.5 * (xx + yy), spread = std::sqrt(0.25 * (xx - yy) * (xx - yy) + xy * xy);
  const double major = 2.0 * std::sqrt(std::max(mean + spread, 0.0)), minor = 2.0 * std::sqrt(std::max(mean - spread, 0.0));
  const double angle = 0.5 * std::atan2(2.0 * xy, xx - yy);
  return FittedEllipse{mx, my, std::max(major, 0.5), std::max(minor, 0.5), angle};
}

}  // namespace

std::optional<FittedEllipse> fit_ellipse_to_mask(const std::vector<float>& weights, int width, int height, int min_cells)
{
  if (width <= 0 || height <= 0 || weights.size() < static_cast<std::size_t>(width) * height)
    return std::nullopt;
  int cells_in = 0;
  const Cells cells = largest_region_filled(weights, width, height, cells_in);
  if (cells_in < std::max(min_cells, 3))
    return std::nullopt;
  auto fit = moments_fit(cells, width, height, nullptr, 1.0);
  // A region that is an ellipse refits to itself; what sticks out of 1.05 times it is let go.
  for (int round = 0; round < 12 && fit; ++round) {
    const FittedEllipse previous = *fit;
    fit = moments_fit(cells, width, height, &previous, 1.05);
    if (!fit)
      fit = previous;
  }
  return fit;
}

std::optional<FittedEllipse> fit_head_ellipse(const std::vector<float>& skin, const std::vector<float>& head, int width,
                                              int height, int min_cells)
{
  const auto bare = fit_ellipse_to_mask(skin, width, height, min_cells);
  if (!bare || head.size() < skin.size())
    return bare;
  constexpr double reach = 1.5;  // a fringe can be half the bare skin's radius wide
  const double c = std::cos(bare->major_angle), s = std::sin(bare->major_angle);
  std::vector<float> near(skin.size(), 0.0f);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const double dx = x + 0.5 - bare->centre_x, dy = y + 0.5 - bare->centre_y;
      const double u = (dx * c + dy * s) / bare->radius_major, v = (-dx * s + dy * c) / bare->radius_minor;
      const std::size_t i = static_cast<std::size_t>(y) * width + x;
      if (u * u + v * v <= reach * reach)
        near[i] = std::max(skin[i], head[i]);
    }
  const auto whole = fit_ellipse_to_mask(near, width, height, min_cells);
  return whole ? whole : bare;
}

}  // namespace smp
