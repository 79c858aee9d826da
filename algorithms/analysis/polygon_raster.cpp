#include "analysis/polygon_raster.hpp"

#include <algorithm>
#include <cmath>

namespace smp {

std::vector<PixelSpan> polygon_spans(const Polygon& polygon, int width, int height)
{
  std::vector<PixelSpan> spans;
  if (polygon.size() < 3 || width <= 0 || height <= 0)
    return spans;
  double top = polygon[0].y, bottom = polygon[0].y;
  for (const Point& p : polygon) {
    top = std::min(top, p.y);
    bottom = std::max(bottom, p.y);
  }
  const int first_row = static_cast<int>(std::clamp(std::floor(top), 0.0, static_cast<double>(height)));
  const int end_row = static_cast<int>(std::clamp(std::ceil(bottom), 0.0, static_cast<double>(height)));
  std::vector<double> crossings;
  for (int y = first_row; y < end_row; ++y) {
    const double row = y + 0.5;
    crossings.clear();
    for (std::size_t i = 0; i < polygon.size(); ++i) {
      const Point& a = polygon[i];
      const Point& b = polygon[(i + 1) % polygon.size()];
      // Half-open in y, so a vertex on the row is counted once.
      if ((a.y <= row) != (b.y <= row))
        crossings.push_back(a.x + (row - a.y) / (b.y - a.y) * (b.x - a.x));
    }
    std::sort(crossings.begin(), crossings.end());
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
      // Pixels whose centre x + 0.5 lies in [in, out).
      const double from = std::clamp(std::ceil(crossings[i] - 0.5), 0.0, static_cast<double>(width));
      const double to = std::clamp(std::ceil(crossings[i + 1] - 0.5), 0.0, static_cast<double>(width));
      if (to > from)
        spans.push_back({y, static_cast<int>(from), static_cast<int>(to)});
    }
  }
  return spans;
}

std::vector<std::uint8_t> polygon_mask(const Polygon& polygon, int width, int height)
{
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0), 0);
  for (const PixelSpan& span : polygon_spans(polygon, width, height))
    std::fill_n(mask.begin() + static_cast<std::ptrdiff_t>(span.y) * width + span.x_begin, span.x_end - span.x_begin, 1);
  return mask;
}

}  // namespace smp
