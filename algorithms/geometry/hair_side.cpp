#include "geometry/hair_side.hpp"

#include <algorithm>
#include <cmath>

namespace smp {
namespace {

// Open ends continue this far (pixels): beyond any image GIMP can hold.
constexpr double extension_px = 1e6;
// ... and the hair side is closed off farther still.
constexpr double closing_px = 4e6;
constexpr double flatten_tolerance_px = 0.1;
// Work bounds for any path, however it was drawn or pasted: edges measured per pixel (a
// pathological scribble is measured on every n-th edge of those near a cell of pixels, which
// blurs its distances but keeps GIMP responsive). Cells are fixed on the image, so the choice
// is the same however the region is split.
constexpr std::size_t max_edges_per_pixel = 1024;
constexpr long cell_px = 64;

long floor_div(long a, long b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

Point unit(Point v)
{
  const double n = std::hypot(v.x, v.y);
  return n > 0 ? Point{v.x / n, v.y / n} : Point{1.0, 0.0};
}

double squared_distance_to_segment(double px, double py, const Point& a, const Point& b)
{
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / length2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - px, ey = a.y + t * dy - py;
  return ex * ex + ey * ey;
}

}  // namespace

HairSide::HairSide(const Path& path, double scale)
{
  std::size_t points = 0;  // all subpaths share one budget of points
  for (const Subpath& subpath : path.subpaths) {
    Path single;
    single.subpaths.push_back(subpath);
    const std::size_t budget = PathLimits::max_flattened_points > points ? PathLimits::max_flattened_points - points : 1;
    const auto lines = flatten(single, flatten_tolerance_px / std::max(scale, 1e-9), budget);
    if (lines.empty())
      continue;
    points += lines.front().size();
    simplified_ = simplified_ || points > PathLimits::max_flattened_points;
    std::vector<Point> line = lines.front();
    for (Point& p : line)
      p = {p.x * scale, p.y * scale};
    if (!subpath.closed) {
      // Straight on beyond both ends, then round the hair side far away to close the region.
      const Point head = unit({line[0].x - line[1].x, line[0].y - line[1].y});
      const Point tail = unit({line[line.size() - 1].x - line[line.size() - 2].x,
                               line[line.size() - 1].y - line[line.size() - 2].y});
      const Point first{line.front().x + head.x * extension_px, line.front().y + head.y * extension_px};
      const Point last{line.back().x + tail.x * extension_px, line.back().y + tail.y * extension_px};
      line.insert(line.begin(), first);
      line.push_back(last);
      for (std::size_t i = 1; i < line.size(); ++i)
        distance_edges_.push_back({line[i - 1], line[i]});
      for (std::size_t i = 1; i < line.size(); ++i)
        region_edges_.push_back({line[i - 1], line[i]});
      // Close the region far out on the hair side: the line's overall left, on screen (y down)
      // the sum of (dy, -dx) over its edges, beyond the extended ends.
      Point left{0.0, 0.0};
      for (std::size_t i = 1; i < line.size(); ++i) {
        left.x += line[i].y - line[i - 1].y;
        left.y -= line[i].x - line[i - 1].x;
      }
      left = unit(left);
      const Point last_far{last.x + left.x * closing_px, last.y + left.y * closing_px};
      const Point first_far{first.x + left.x * closing_px, first.y + left.y * closing_px};
      region_edges_.push_back({last, last_far});
      region_edges_.push_back({last_far, first_far});
      region_edges_.push_back({first_far, first});
    } else {
      if (line.front().x != line.back().x || line.front().y != line.back().y)
        line.push_back(line.front());
      for (std::size_t i = 1; i < line.size(); ++i) {
        distance_edges_.push_back({line[i - 1], line[i]});
        region_edges_.push_back({line[i - 1], line[i]});
      }
    }
  }
}

void HairSide::row(long y, long x0, int count, double reach, float* out) const
{
  // The row's whole cells: which edges a cell measures must not depend on where the region ends.
  const long first_cell = floor_div(x0, cell_px), end_cell = floor_div(x0 + count - 1, cell_px) + 1;
  const double py = y + 0.5, left = first_cell * cell_px + 0.5, right = end_cell * cell_px - 0.5;
  // Where the row crosses the hair region's outline: inside between odd and even crossings.
  std::vector<double> crossings;
  for (const Edge& e : region_edges_) {
    if ((e.a.y <= py) == (e.b.y <= py))
      continue;
    crossings.push_back(e.a.x + (py - e.a.y) / (e.b.y - e.a.y) * (e.b.x - e.a.x));
  }
  std::sort(crossings.begin(), crossings.end());
  // Only edges that can come within `reach` of the row's cells matter for distances.
  std::vector<const Edge*> near_row;
  for (const Edge& e : distance_edges_) {
    if (std::min(e.a.y, e.b.y) > py + reach || std::max(e.a.y, e.b.y) < py - reach ||
        std::min(e.a.x, e.b.x) > right + reach || std::max(e.a.x, e.b.x) < left - reach)
      continue;
    near_row.push_back(&e);
  }
  const double far = reach + 1.0, reach2 = reach * reach;
  std::size_t next_crossing = 0;
  bool inside = false;
  std::vector<const Edge*> near;
  for (long cell = first_cell; cell < end_cell; ++cell) {
    // The edges within reach of this cell's pixels on the row.
    const double cell_left = cell * cell_px + 0.5, cell_right = cell_left + cell_px - 1.0;
    near.clear();
    for (const Edge* e : near_row)
      if (!(std::min(e->a.x, e->b.x) > cell_right + reach || std::max(e->a.x, e->b.x) < cell_left - reach))
        near.push_back(e);
    if (near.size() > max_edges_per_pixel) {
      const std::size_t step = (near.size() + max_edges_per_pixel - 1) / max_edges_per_pixel;
      std::size_t kept = 0;
      for (std::size_t i = 0; i < near.size(); i += step)
        near[kept++] = near[i];
      near.resize(kept);
    }
    const long first = std::max(x0, cell * cell_px), last = std::min(x0 + count, (cell + 1) * cell_px);
    for (long x = first; x < last; ++x) {
      const double px = x + 0.5;
      while (next_crossing < crossings.size() && crossings[next_crossing] <= px) {
        inside = !inside;
        ++next_crossing;
      }
      double best = reach2;
      for (const Edge* e : near)
        best = std::min(best, squared_distance_to_segment(px, py, e->a, e->b));
      const double distance = best < reach2 ? std::sqrt(best) : far;
      out[x - x0] = static_cast<float>(inside ? distance : -distance);
    }
  }
}

}  // namespace smp
