#include "analysis/pattern_fit.hpp"

#include <algorithm>
#include <cmath>

#include "scalp/head_outline.hpp"

namespace smp {
namespace {

// Centre and spread of the head's coverage: for a filled ellipse the half axis is twice the
// standard deviation along it.
std::optional<HeadFrame> head_by_moments(const ScalpCells& c, double front_rad)
{
  double sum = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
  for (int y = 0; y < c.height; ++y)
    for (int x = 0; x < c.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * c.width + x;
      const double w = std::min(1.0f, c.bare[i] + c.hair[i]);
      sum += w;
      sx += w * (x + 0.5);
      sy += w * (y + 0.5);
      sxx += w * (x + 0.5) * (x + 0.5);
      syy += w * (y + 0.5) * (y + 0.5);
    }
  if (sum < 16.0)
    return std::nullopt;
  HeadFrame f;
  f.centre = {sx / sum, sy / sum};
  const double half_x = 2.0 * std::sqrt(std::max(1.0, sxx / sum - f.centre.x * f.centre.x));
  const double half_y = 2.0 * std::sqrt(std::max(1.0, syy / sum - f.centre.y * f.centre.y));
  const bool vertical = std::abs(std::sin(front_rad)) > 0.5;
  f.half_width_px = vertical ? half_x : half_y;
  f.half_length_px = vertical ? half_y : half_x;
  f.front_rad = front_rad;
  return f;
}

}  // namespace

std::optional<HeadFrame> head_facing(const ScalpCells& cells, Facing front)
{
  if (!cells.valid())
    return std::nullopt;
  const double front_rad = front_rad_of(front);
  if (cells.head) {
    // The user's ellipse is drawn without rotation: its extents along the image's axes.
    HeadFrame f = *cells.head;
    const bool drawn_vertical = std::abs(std::sin(f.front_rad)) > 0.5;
    const double half_x = drawn_vertical ? f.half_width_px : f.half_length_px;
    const double half_y = drawn_vertical ? f.half_length_px : f.half_width_px;
    const bool vertical = std::abs(std::sin(front_rad)) > 0.5;
    f.half_width_px = vertical ? half_x : half_y;
    f.half_length_px = vertical ? half_y : half_x;
    f.front_rad = front_rad;
    return f;
  }
  if (auto fitted = fit_head_frame(cells.bare, cells.hair, cells.width, cells.height, front_rad))
    return fitted;
  return head_by_moments(cells, front_rad);
}

std::vector<PatternFit> fit_patterns(const ScalpCells& cells, const HeadFrame& head,
                                     const std::vector<PatternTemplate>& patterns)
{
  std::vector<PatternFit> fits;
  if (!cells.valid())
    return fits;
  const Frame unit = head.normalised();
  std::vector<double> sums(patterns.size(), 0.0);
  double weight = 0.0;
  for (int y = 0; y < cells.height; ++y)
    for (int x = 0; x < cells.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * cells.width + x;
      const double covered = cells.bare[i] + cells.hair[i];
      if (covered < head_coverage_min)
        continue;
      const Point p = unit.from_image({x + 0.5, y + 0.5});
      if (p.x * p.x + p.y * p.y > 1.0)
        continue;
      const double bareness = cells.bare[i] / covered, w = std::min(1.0, covered);
      weight += w;
      for (std::size_t k = 0; k < patterns.size(); ++k) {
        const double d = bareness - patterns[k].at(p);
        sums[k] += w * d * d;
      }
    }
  for (std::size_t k = 0; k < patterns.size(); ++k)
    fits.push_back({&patterns[k], weight > 0.0 ? sums[k] / weight : 1.0});
  std::sort(fits.begin(), fits.end(), [](const PatternFit& a, const PatternFit& b) { return a.misfit < b.misfit; });
  return fits;
}

}  // namespace smp
