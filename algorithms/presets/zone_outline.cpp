#include "presets/zone_outline.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace smp {
namespace {

constexpr int arc_points = 72;
// A front band reaches past the model head on either side: the head's hair side clips it.
constexpr double front_band_half_width_mm = 2.0 * FrontHeadModel::half_width_mm;

using Outline = std::vector<Point>;

Outline ellipse(const Frame& frame, const Point& centre, double rx, double ry)
{
  Outline o;
  for (int i = 0; i < arc_points; ++i) {
    const double a = 2.0 * std::numbers::pi * i / arc_points;
    o.push_back(frame.to_image(centre.x + rx * std::cos(a), centre.y + ry * std::sin(a)));
  }
  return o;
}

// On the head's outline seen from above (the unit circle), `degrees` from the front towards +x.
Point on_head_circle(const Frame& frame, double radius, double degrees)
{
  const double a = degrees * std::numbers::pi / 180.0;
  return frame.to_image(radius * std::sin(a), -radius * std::cos(a));
}

// The head's outline between the lines y = from and y = to, both sides.
Outline top_band(const Frame& frame, double from_y, double to_y)
{
  Outline o;
  const double a0 = std::acos(std::clamp(-from_y, -1.0, 1.0)) * 180.0 / std::numbers::pi;
  const double a1 = std::acos(std::clamp(-to_y, -1.0, 1.0)) * 180.0 / std::numbers::pi;
  for (int i = 0; i <= arc_points / 2; ++i)
    o.push_back(on_head_circle(frame, 1.0, a0 + (a1 - a0) * i / (arc_points / 2)));
  for (int i = 0; i <= arc_points / 2; ++i)
    o.push_back(on_head_circle(frame, 1.0, -(a1 + (a0 - a1) * i / (arc_points / 2))));
  return o;
}

std::vector<Outline> ring(const Frame& frame, const Zone& zone)
{
  const bool full = zone.to_deg - zone.from_deg >= 359.999;
  Outline outer, inner;
  for (int i = 0; i <= arc_points; ++i) {
    const double a = zone.from_deg + (zone.to_deg - zone.from_deg) * i / arc_points;
    outer.push_back(on_head_circle(frame, zone.outer, a));
    inner.push_back(on_head_circle(frame, zone.inner, a));
  }
  if (!full) {
    outer.insert(outer.end(), inner.rbegin(), inner.rend());
    return {outer};
  }
  if (zone.inner > 0.0)
    return {outer, inner};
  return {outer};
}

std::vector<Outline> outlines_of(const Zone& zone, const Placement& placement)
{
  const Frame frame = placement.zone_frame();
  switch (zone.shape) {
    case ZoneShape::ellipse: return {ellipse(frame, zone.centre, zone.radius_x, zone.radius_y)};
    case ZoneShape::polygon: {
      Outline o;
      for (const Point& p : zone.points)
        o.push_back(frame.to_image(p));
      return {o};
    }
    case ZoneShape::band:
      if (placement.view == View::front) {
        const double w = front_band_half_width_mm;
        return {{frame.to_image(-w, zone.from_y), frame.to_image(w, zone.from_y), frame.to_image(w, zone.to_y),
                 frame.to_image(-w, zone.to_y)}};
      }
      return {top_band(frame, zone.from_y, zone.to_y)};
    case ZoneShape::ring:
      if (placement.view == View::front)
        return {};  // the reader refuses rings in a front view
      return ring(frame, zone);
  }
  return {};
}

}  // namespace

Path zone_outline(const Zone& zone, const Placement& placement)
{
  Path path;
  for (const Outline& o : outlines_of(zone, placement)) {
    if (o.size() < 3)
      continue;
    Subpath s;
    for (std::size_t i = 0; i < o.size(); ++i) {
      const Point& a = o[i];
      const Point& b = o[(i + 1) % o.size()];
      s.segments.push_back({a, {a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3},
                            {a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3}, b});
    }
    s.closed = true;
    path.subpaths.push_back(s);
  }
  return path;
}

}  // namespace smp
