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
// Work bounds for any path, however it was drawn or pasted: points per subpath after
// flattening, and edges measured per pixel (a pathological scribble is measured on every
// n-th edge, which blurs its distances but keeps GIMP responsive).
constexpr std::size_t max_points_per_subpath = 50000;
constexpr std::size_t max_edges_per_pixel = 1024;

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
  for (const Subpath& subpath : path.subpaths) {
    Path single;
    single.subpaths.push_back(subpath);
    const auto lines = flatten(single, flatten_tolerance_px / std::max(scale, 1e-9), max_points_per_subpath);
    if (lines.empty())
      continue;
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
  const double py = y + 0.5, left = x0 + 0.5, right = x0 + count - 0.5;
  // Where the row crosses the hair region's outline: inside between odd and even crossings.
  std::vector<double> crossings;
  for (const Edge& e : region_edges_) {
    if ((e.a.y <= py) == (e.b.y <= py))
      continue;
    crossings.push_back(e.a.x + (py - e.a.y) / (e.b.y - e.a.y) * (e.b.x - e.a.x));
  }
  std::sort(crossings.begin(), crossings.end());
  // Only edges that can come within `reach` of this row segment matter for distances.
  std::vector<const Edge*> near;
  for (const Edge& e : distance_edges_) {
    if (std::min(e.a.y, e.b.y) > py + reach || std::max(e.a.y, e.b.y) < py - reach ||
        std::min(e.a.x, e.b.x) > right + reach || std::max(e.a.x, e.b.x) < left - reach)
      continue;
    near.push_back(&e);
  }
  if (near.size() > max_edges_per_pixel) {
    const std::size_t step = (near.size() + max_edges_per_pixel - 1) / max_edges_per_pixel;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < near.size(); i += step)
      near[kept++] = near[i];
    near.resize(kept);
  }
  const double far = reach + 1.0, reach2 = reach * reach;
  std::size_t next_crossing = 0;
  bool inside = false;
  for (int i = 0; i < count; ++i) {
    const double px = x0 + i + 0.5;
    while (next_crossing < crossings.size() && crossings[next_crossing] <= px) {
      inside = !inside;
      ++next_crossing;
    }
    double best = reach2;
    for (const Edge* e : near)
      best = std::min(best, squared_distance_to_segment(px, py, e->a, e->b));
    const double distance = best < reach2 ? std::sqrt(best) : far;
    out[i] = static_cast<float>(inside ? distance : -distance);
  }
}

}  // namespace smp
