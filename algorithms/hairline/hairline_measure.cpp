#include "hairline/hairline_measure.hpp"

#include <cmath>

namespace smp {

std::vector<std::vector<Point>> face_polylines_mm(const FrontLandmarks& landmarks, const Path& path, double px_per_mm)
{
  // A tenth of a millimetre: well under what a skin marker draws.
  const double tolerance_px = 0.1 * (px_per_mm > 0.0 ? px_per_mm : 1.0);
  auto lines = flatten(path, tolerance_px, 100000);
  for (auto& line : lines)
    for (Point& p : line)
      p = face_point_mm(landmarks, px_per_mm, p);
  return lines;
}

FrontHairlineMeasures measure_front_hairline(const FrontLandmarks& landmarks, const Path& hairline, double px_per_mm)
{
  FrontHairlineMeasures m;
  if (hairline.empty())
    return m;
  Path first;
  first.subpaths.push_back(hairline.subpaths.front());
  const auto lines = face_polylines_mm(landmarks, first, px_per_mm);
  // The highest crossing: a closed outline crosses the midline twice, its upper edge is the hairline.
  for (const auto& line : lines)
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const Point a = line[i], b = line[i + 1];
      if ((a.x < 0.0) == (b.x < 0.0) && a.x != 0.0)
        continue;
      const double t = b.x == a.x ? 0.0 : -a.x / (b.x - a.x);
      const Point crossing{0.0, a.y + t * (b.y - a.y)};
      if (!m.crosses_midline || crossing.y > m.mid_frontal_mm.y)
        m.mid_frontal_mm = crossing;
      m.crosses_midline = true;
    }
  const auto& segments = hairline.subpaths.front().segments;
  std::vector<Point> anchors;
  if (!segments.empty())
    anchors.push_back(segments.front().start);
  for (const CubicSegment& s : segments)
    anchors.push_back(s.end);
  if (anchors.size() >= 5) {
    auto mm = [&](const Point& p) { return face_point_mm(landmarks, px_per_mm, p); };
    m.has_temple_points = true;
    m.temporal_peak_left_mm = mm(anchors.front());
    m.frontotemporal_left_mm = mm(anchors[1]);
    m.frontotemporal_right_mm = mm(anchors[anchors.size() - 2]);
    m.temporal_peak_right_mm = mm(anchors.back());
  }
  return m;
}

std::vector<std::vector<Point>> offset_edges(const std::vector<std::vector<Point>>& lines, double half_width)
{
  std::vector<std::vector<Point>> edges;
  for (const double side : {1.0, -1.0})
    for (const auto& line : lines) {
      std::vector<Point> edge;
      for (std::size_t i = 0; i < line.size(); ++i) {
        const Point& before = line[i == 0 ? 0 : i - 1];
        const Point& after = line[i + 1 == line.size() ? i : i + 1];
        const double dx = after.x - before.x, dy = after.y - before.y, length = std::hypot(dx, dy);
        if (!(length > 0.0))
          continue;
        // The left normal in a y-up frame.
        edge.push_back({line[i].x - side * half_width * dy / length, line[i].y + side * half_width * dx / length});
      }
      edges.push_back(edge);
    }
  return edges;
}

}  // namespace smp
