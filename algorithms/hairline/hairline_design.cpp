#include "hairline/hairline_design.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "value_noise.hpp"
#include "sanitize.hpp"

namespace smp {
namespace {

// Figures of the construction (docs/domain.md, "Hairline design"): the frontotemporal angle on the lateral canthus
// line; the temporal peak 5 cm down the line towards the point 8 cm lateral of the glabella.
constexpr double pupil_to_lateral_canthus_mm = 16.0;
constexpr double temple_point_lateral_mm = 80.0;
constexpr double temporal_peak_drop_mm = 50.0;
// A young hairline rises a little towards its corners: the centre is lower than the temples.
constexpr double juvenile_corner_rise_mm = 6.0;
// Mature: 1.3-1.9 cm higher at the midline, about 2.5 cm at the corners.
constexpr double mature_midline_mm = 16.0, mature_corner_mm = 25.0;
// Female/rounded: lower, with corners below the centre and a closed frontotemporal angle.
constexpr double rounded_lowering_mm = 5.0, rounded_corner_drop_mm = 6.0;
// The convex middle turns concave above the mid-pupil: its anchor is this share up the rise.
constexpr double mid_pupil_share_of_rise = 0.3;
constexpr double sharp_corner_tension = 0.2;
// A natural frontotemporal angle is a soft turn, not a hump: short handles keep the curve
// from overshooting above the corner.
constexpr double corner_tension = 0.45;

// An anchor in face millimetres (x to the image right, y up from the glabella), with how
// smoothly the curve passes through it (1 = smooth, small = a corner).
struct Anchor {
  double x, y;
  double tension = 1.0;
};

// Catmull-Rom through the anchors, as cubic Bezier segments, mapped to image pixels.
template <class ToImage>
Path through(const std::vector<Anchor>& anchors, ToImage to_image)
{
  Subpath subpath;
  const std::size_t n = anchors.size();
  auto tangent = [&](std::size_t i) {
    const Anchor& prev = anchors[i == 0 ? 0 : i - 1];
    const Anchor& next = anchors[i + 1 == n ? n - 1 : i + 1];
    const double share = (i == 0 || i + 1 == n) ? 1.0 : 0.5;
    return Point{(next.x - prev.x) * share * anchors[i].tension / 3.0,
                 (next.y - prev.y) * share * anchors[i].tension / 3.0};
  };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const Point t0 = tangent(i), t1 = tangent(i + 1);
    subpath.segments.push_back({to_image(anchors[i].x, anchors[i].y),
                                to_image(anchors[i].x + t0.x, anchors[i].y + t0.y),
                                to_image(anchors[i + 1].x - t1.x, anchors[i + 1].y - t1.y),
                                to_image(anchors[i + 1].x, anchors[i + 1].y)});
  }
  Path path;
  path.subpaths.push_back(subpath);
  return path;
}

// The styled anchors of a front hairline, in face millimetres; `corner_x` is the
// frontotemporal angle's distance from the midline.
std::vector<Anchor> front_anchors(const HairlineDesign& d, double corner_left_x, double corner_right_x)
{
  double midline = d.mfp_height_mm, rise = juvenile_corner_rise_mm;
  double corner_smoothness = corner_tension, corner_inset = 0.0;
  switch (d.style) {
    case HairlineStyle::juvenile: break;
    case HairlineStyle::mature:
      midline += mature_midline_mm;
      rise += mature_corner_mm - mature_midline_mm;
      break;
    case HairlineStyle::rounded:
      midline -= rounded_lowering_mm;
      rise = -rounded_corner_drop_mm;
      corner_smoothness = 1.0;  // no angle: the line rounds into the temples
      break;
    case HairlineStyle::receded:
      rise += d.recession_mm;
      corner_inset = 0.3 * d.recession_mm;
      break;
    case HairlineStyle::widows_peak: break;
    case HairlineStyle::defined: corner_smoothness = sharp_corner_tension; break;
  }
  auto side = [&](double corner_x, double sign) {
    const double cx = corner_x - sign * corner_inset;
    const Anchor corner{cx, midline + rise, corner_smoothness};
    // Down the line from the corner towards the point 8 cm lateral of the glabella.
    const double ex = sign * std::max(temple_point_lateral_mm, std::abs(cx) * 1.2);
    const double dx = ex - cx, dy = -corner.y, length = std::hypot(dx, dy);
    const double drop = d.style == HairlineStyle::rounded ? 0.7 * temporal_peak_drop_mm : temporal_peak_drop_mm;
    const Anchor peak{cx + dx * drop / length, corner.y + dy * drop / length};
    const Anchor middle{0.55 * cx, midline + mid_pupil_share_of_rise * rise};
    return std::vector<Anchor>{peak, corner, middle};
  };
  const auto left = side(corner_left_x, -1.0), right = side(corner_right_x, 1.0);
  std::vector<Anchor> anchors{left[0], left[1], left[2]};
  if (d.style == HairlineStyle::widows_peak) {
    anchors.push_back({-0.5 * d.peak_width_mm, midline, 1.0});
    anchors.push_back({0.0, midline - d.peak_depth_mm, sharp_corner_tension});
    anchors.push_back({0.5 * d.peak_width_mm, midline, 1.0});
  } else {
    anchors.push_back({0.0, midline});
  }
  anchors.insert(anchors.end(), {right[2], right[1], right[0]});

  // Asymmetry tilts the line; irregularity moves each anchor up or down a little.
  const double half_span = std::max(std::abs(corner_left_x), std::abs(corner_right_x));
  for (Anchor& a : anchors) {
    a.y -= 0.5 * d.asymmetry_mm * std::clamp(a.x / half_span, -1.0, 1.0);
    if (d.irregularity_mm > 0.0)
      a.y += d.irregularity_mm * value_noise(d.seed, 21, a.x, 0.0, d.irregularity_wavelength_mm);
  }
  return anchors;
}

}  // namespace

namespace {

const std::pair<const char*, HairlineStyle> style_names[] = {
    {"juvenile", HairlineStyle::juvenile}, {"mature", HairlineStyle::mature},
    {"rounded", HairlineStyle::rounded},   {"receded", HairlineStyle::receded},
    {"widows-peak", HairlineStyle::widows_peak}, {"defined", HairlineStyle::defined}};

}  // namespace

bool parse_hairline_style(const std::string& name, HairlineStyle& style)
{
  for (const auto& [n, s] : style_names)
    if (name == n) {
      style = s;
      return true;
    }
  return false;
}

const char* hairline_style_name(HairlineStyle style)
{
  for (const auto& [n, s] : style_names)
    if (s == style)
      return n;
  return "juvenile";
}

HairlineDesign sanitized(const HairlineDesign& r)
{
  using L = HairlineDesignLimits;
  const HairlineDesign d;
  HairlineDesign s = r;
  s.mfp_height_mm = sanitized_number(r.mfp_height_mm, d.mfp_height_mm, L::mfp_min, L::mfp_max);
  s.recession_mm = sanitized_number(r.recession_mm, d.recession_mm, 0.0, L::recession_max);
  s.peak_depth_mm = sanitized_number(r.peak_depth_mm, d.peak_depth_mm, 0.0, L::peak_depth_max);
  s.peak_width_mm = sanitized_number(r.peak_width_mm, d.peak_width_mm, L::peak_width_min, L::peak_width_max);
  s.asymmetry_mm = sanitized_number(r.asymmetry_mm, d.asymmetry_mm, -L::asymmetry_max, L::asymmetry_max);
  s.irregularity_mm = sanitized_number(r.irregularity_mm, d.irregularity_mm, 0.0, L::irregularity_max);
  s.irregularity_wavelength_mm =
      sanitized_number(r.irregularity_wavelength_mm, d.irregularity_wavelength_mm, L::wavelength_min, L::wavelength_max);
  return s;
}

FaceFrame face_frame(const FrontLandmarks& l, double px_per_mm)
{
  double ux = l.right.x - l.left.x, uy = l.right.y - l.left.y;
  const double n = std::hypot(ux, uy);
  if (n > 0) {
    ux /= n;
    uy /= n;
  } else {
    ux = 1.0;
    uy = 0.0;
  }
  // Marked at the brows, heights count from the brow line: the origin is the glabella moved
  // along the face onto it.
  Point origin = l.glabella;
  if (l.from_brow_line()) {
    const double along = (l.glabella.x - l.left.x) * ux + (l.glabella.y - l.left.y) * uy;
    origin = {l.left.x + along * ux, l.left.y + along * uy};
  }
  // Up the face is the eye line turned a quarter counter-clockwise on screen (y grows down).
  return {origin, {ux, uy}, {uy, -ux}, std::isfinite(px_per_mm) && px_per_mm > 0 ? px_per_mm : 1.0};
}

namespace {

std::vector<Anchor> front_design(const FrontLandmarks& l, const FaceFrame& f, const HairlineDesign& design)
{
  // Brow points are marked above the pupils.
  const double outward = l.marks == FaceMarks::lateral_canthi ? 0.0 : pupil_to_lateral_canthus_mm;
  const double left_x = std::min(f.x_of(l.left) - outward, -10.0);
  const double right_x = std::max(f.x_of(l.right) + outward, 10.0);
  return front_anchors(sanitized(design), left_x, right_x);
}

}  // namespace

FrontHairlinePoints front_hairline_points(const FrontLandmarks& l, double px_per_mm, const HairlineDesign& design)
{
  const FaceFrame f = face_frame(l, px_per_mm);
  const auto a = front_design(l, f, design);
  const std::size_t mid = a.size() / 2;
  return {f.to_image(a[mid].x, a[mid].y), f.to_image(a[1].x, a[1].y), f.to_image(a[a.size() - 2].x, a[a.size() - 2].y),
          f.to_image(a[0].x, a[0].y), f.to_image(a.back().x, a.back().y)};
}

Path front_hairline(const FrontLandmarks& l, double px_per_mm, const HairlineDesign& design)
{
  const FaceFrame f = face_frame(l, px_per_mm);
  return through(front_design(l, f, design), [&](double x, double y) { return f.to_image(x, y); });
}

Point face_point_mm(const FrontLandmarks& l, double px_per_mm, const Point& image)
{
  const FaceFrame f = face_frame(l, px_per_mm);
  return {f.x_of(image), f.y_of(image)};
}

Path top_hairline(const HeadFrame& head, double px_per_mm, const HairlineDesign& design)
{
  // Seen from above, the front hairline crosses the front of the head: the same anchors, their
  // height up the forehead turned into a distance back from the head's front edge, and their
  // lateral distance across it; lines are kept inside the ellipse. The forehead rises nearly
  // upright from the brows (leaning back about 15 degrees) for about 5 cm, then curves back over
  // the top like an arc of about 10 cm radius: seen from above, a hairline 8-10 cm up the
  // forehead lies only 2-3 cm behind the brow ridge, which is about at the outline's front (the
  // development photos' own hairlines are drawn 2-3 cm behind it).
  constexpr double glabella_behind_front_mm = 5.0;
  constexpr double upright_forehead_mm = 50.0, forehead_lean_rad = 0.26, forehead_radius_mm = 100.0;
  const HairlineDesign d = sanitized(design);
  const double scale = std::isfinite(px_per_mm) && px_per_mm > 0 ? px_per_mm : 1.0;
  const double half_width_mm = std::max(head.half_width_px / scale, 20.0);
  const double half_length_mm = std::max(head.half_length_px / scale, 20.0);
  const double corner = 0.62 * half_width_mm;  // the lateral canthus line, seen from above
  auto anchors = front_anchors(d, -corner, corner);
  const Frame mm = head.in_mm(scale);
  auto to_image = [&](double x, double y) {
    // y mm up the forehead from the glabella = that far back from the front, on the ellipse.
    const double up = std::max(y, 0.0);
    const double upright = std::min(up, upright_forehead_mm), curved = std::max(up - upright_forehead_mm, 0.0);
    double back = glabella_behind_front_mm + upright * std::sin(forehead_lean_rad) +
                  forehead_radius_mm * (1.0 - std::cos(curved / forehead_radius_mm));
    double lateral = std::clamp(x, -0.97 * half_width_mm, 0.97 * half_width_mm);
    const double edge = half_length_mm * std::sqrt(std::max(0.0, 1.0 - std::pow(lateral / half_width_mm, 2)));
    const double along = std::clamp(edge - back, -edge, edge);
    return mm.to_image(lateral, -along);
  };
  // Drawn from the face's right to its left as seen from above, the hair (behind the line)
  // lies on the left of the drawing direction.
  std::reverse(anchors.begin(), anchors.end());
  return through(anchors, to_image);
}

}  // namespace smp

namespace smp {

constexpr int front_arc_points = 72;

Path top_hair_region(const HeadFrame& head, const Path& hairline)
{
  if (hairline.empty() || hairline.subpaths.front().segments.empty())
    return hairline;
  constexpr int arc_steps = 48;
  Subpath region = hairline.subpaths.front();
  const Point start = region.segments.front().start, end = region.segments.back().end;
  const Frame unit = head.normalised();
  // Angles on the ellipse in the head's own frame (0 = front, pi/2 = towards its x axis).
  auto angle_of = [&](const Point& p) {
    const Point q = unit.from_image(p);
    return std::atan2(q.x, -q.y);
  };
  auto on_ellipse = [&](double angle) { return unit.to_image(std::sin(angle), -std::cos(angle)); };
  // From the line's end round the back (through angle pi) to its start.
  double from = angle_of(end), to = angle_of(start);
  const double back = std::numbers::pi;
  auto normalised = [](double a) { return std::remainder(a, 2.0 * std::numbers::pi); };
  double sweep = normalised(to - from);
  if (std::abs(normalised(from + sweep / 2 - back)) > std::numbers::pi / 2)  // the short way misses the back
    sweep += sweep > 0 ? -2.0 * std::numbers::pi : 2.0 * std::numbers::pi;
  Point previous = end;
  auto line_to = [&](const Point& p) {
    region.segments.push_back({previous, {previous.x + (p.x - previous.x) / 3, previous.y + (p.y - previous.y) / 3},
                               {previous.x + 2 * (p.x - previous.x) / 3, previous.y + 2 * (p.y - previous.y) / 3}, p});
    previous = p;
  };
  for (int i = 0; i <= arc_steps; ++i)
    line_to(on_ellipse(from + sweep * i / arc_steps));
  line_to(start);
  region.closed = true;
  Path path;
  path.subpaths.push_back(region);
  return path;
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
  for (int i = 0; i <= front_arc_points; ++i)
    line_to(on_outline(from + (to - from) * i / front_arc_points));
  line_to(first);
  region.closed = true;
  Path path;
  path.subpaths.push_back(region);
  return path;
}

}  // namespace smp
