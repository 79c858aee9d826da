#include "presets/front_view.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "hairline/hairline_mask.hpp"

namespace smp {
namespace {

constexpr int arc_points = 72;
constexpr double band_half_width_mm = 2.0 * FrontHeadModel::half_width_mm;  // past the head: the head clips it

Path closed_outline(const std::vector<Point>& o)
{
  Path path;
  if (o.size() < 3)
    return path;
  Subpath s;
  for (std::size_t i = 0; i < o.size(); ++i) {
    const Point& a = o[i];
    const Point& b = o[(i + 1) % o.size()];
    s.segments.push_back({a, {a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3}, {a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3}, b});
  }
  s.closed = true;
  path.subpaths.push_back(s);
  return path;
}

std::vector<Point> ellipse_points(const FaceFrame& face, Point centre, double rx, double ry)
{
  std::vector<Point> o;
  for (int i = 0; i < arc_points; ++i) {
    const double a = 2.0 * std::numbers::pi * i / arc_points;
    o.push_back(face.to_image(centre.x + rx * std::cos(a), centre.y + ry * std::sin(a)));
  }
  return o;
}

// A soft-edged map of a closed outline over `rect`, without the hairline's irregularity.
void render_outline(const Path& outline, double px_per_mm, double edge_mm, const PixelRect& rect, float* out)
{
  HairlineMaskSettings mask;
  mask.px_per_mm = px_per_mm;
  mask.transition_width_mm = std::max(edge_mm, 0.1);
  mask.micro_irregularity = 0.0;
  mask.macro_irregularity_mm = 0.0;
  HairlineMask(outline, mask, 0).render(rect, out);
}

}  // namespace

HairlineDesign preset_hairline_design(const Preset& preset, std::uint32_t seed)
{
  HairlineDesign design;
  design.style = preset.hairline.style;
  design.mfp_height_mm = preset.hairline.mfp_height_mm;
  design.recession_mm = preset.hairline.recession_mm;
  design.irregularity_mm = 2.0;  // a little life in the line, as a designer would draw it
  design.seed = seed;
  return design;
}

Path front_zone_path(const Zone& zone, const FaceFrame& face)
{
  std::vector<Point> o;
  switch (zone.shape) {
    case ZoneShape::ellipse: o = ellipse_points(face, zone.centre, zone.radius_x, zone.radius_y); break;
    case ZoneShape::polygon:
      for (const Point& p : zone.points)
        o.push_back(face.to_image(p.x, p.y));
      break;
    case ZoneShape::band:
      o = {face.to_image(-band_half_width_mm, zone.from_y), face.to_image(band_half_width_mm, zone.from_y),
           face.to_image(band_half_width_mm, zone.to_y), face.to_image(-band_half_width_mm, zone.to_y)};
      break;
    case ZoneShape::ring: break;  // the reader refuses rings in a front view
  }
  return closed_outline(o);
}

Path front_hair_region(const Path& hairline, const FaceFrame& face)
{
  if (hairline.empty() || hairline.subpaths.front().segments.empty())
    return hairline;
  using Model = FrontHeadModel;
  Subpath region = hairline.subpaths.front();
  const Point first = region.segments.front().start, last = region.segments.back().end;
  // Angles on the model head's outline (0 = its widest point on the image's right, up the face positive).
  auto angle_at_height = [&](double y_mm, double side) {
    const double s = std::clamp((y_mm - Model::centre_y_mm) / Model::half_height_mm, -1.0, 1.0);
    return side > 0 ? std::asin(s) : std::numbers::pi - std::asin(s);
  };
  auto on_outline = [&](double angle) {
    return face.to_image(Model::half_width_mm * std::cos(angle),
                         Model::centre_y_mm + Model::half_height_mm * std::sin(angle));
  };
  Point previous = last;
  auto line_to = [&](const Point& p) {
    region.segments.push_back({previous, {previous.x + (p.x - previous.x) / 3, previous.y + (p.y - previous.y) / 3},
                               {previous.x + 2 * (p.x - previous.x) / 3, previous.y + 2 * (p.y - previous.y) / 3}, p});
    previous = p;
  };
  const double from = angle_at_height(face.y_of(last), 1.0), to = angle_at_height(face.y_of(first), -1.0);
  for (int i = 0; i <= arc_points; ++i)
    line_to(on_outline(from + (to - from) * i / arc_points));
  line_to(first);
  region.closed = true;
  Path path;
  path.subpaths.push_back(region);
  return path;
}

DensityPlan front_density_plan(const Preset& preset, const FrontLandmarks& landmarks, double px_per_mm,
                               std::uint32_t seed)
{
  constexpr double hair_side_transition_mm = 8.0;
  const FaceFrame face = face_frame(landmarks, px_per_mm);
  DensityPlan plan;
  plan.hairline = front_preset_hairline(preset, landmarks, px_per_mm, seed);
  if (!plan.hairline.empty())
    plan.hair_side = {front_hair_region(plan.hairline, face), hair_side_transition_mm, true, seed};
  for (const Zone& zone : preset.zones)
    plan.zones.push_back({{front_zone_path(zone, face), std::max(zone.edge_mm, 0.1), false, 0}, zone.density});
  return plan;
}

Path front_preset_hairline(const Preset& preset, const FrontLandmarks& landmarks, double px_per_mm, std::uint32_t seed)
{
  if (!preset.hairline.present)
    return {};
  return front_hairline(landmarks, px_per_mm, preset_hairline_design(preset, seed));
}

void front_preset_density(const Preset& preset, const FrontLandmarks& landmarks, double px_per_mm, const PixelRect& rect,
                          float* density, double widen_mm, std::uint32_t seed)
{
  const std::size_t n = static_cast<std::size_t>(rect.width) * static_cast<std::size_t>(rect.height);
  std::fill(density, density + n, 0.0f);
  const DensityPlan plan = front_density_plan(preset, landmarks, px_per_mm, seed);
  std::vector<float> hair(n, 1.0f), zone_map(n);
  if (!plan.hairline.empty()) {
    HairlineMaskSettings mask;
    mask.px_per_mm = px_per_mm;
    mask.transition_width_mm = plan.hair_side.transition_mm + widen_mm;
    mask.seed = plan.hair_side.seed;
    HairlineMask(plan.hair_side.region, mask, 0).render(rect, hair.data());
  }
  for (const ZoneFill& zone : plan.zones) {
    render_outline(zone.outline.region, px_per_mm, zone.outline.transition_mm + widen_mm, rect, zone_map.data());
    for (std::size_t i = 0; i < n; ++i)
      density[i] = std::max(density[i], static_cast<float>(zone_map[i] * zone.density) * hair[i]);
  }
}

}  // namespace smp
