// How a segmentation of a development photo compares with what a person drew on it
// (photo_annotation.hpp), on a grid of cells over the photo (its working scale):
// - bare-scalp IoU: the bare coverage's intersection with the annotated bare scalp over their
//   union, counted on annotated cells only (a cell in no group is unscored);
// - the same behind the hairline: only cells not in front of the annotated bare scalp's front
//   edge, line by line along the way the face points (where a line crosses no bare scalp, its
//   front-most point on any line), since the forehead below a natural hairline is drawn as
//   background but can't be told from bare scalp by colour;
// - holes: the share of annotated bare scalp more than 3 mm inside its outline whose bare
//   coverage is below one half;
// - pigment on background: the annotated background's mean bare coverage (of its area), and the
//   same summed over the bare scalp's area;
// - head fit: the fitted ellipse against the annotated outline, both cut to the photo: width
//   and length errors relative to the outline's extent across and along the head, and the
//   centre's offset along each of them relative to that extent.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "support/photo_annotation.hpp"

namespace smp_test {

struct SegmentationTargets {
  static constexpr double iou_min = 0.85, holes_max = 0.02, on_background_max = 0.005, head_fit_max = 0.05;
  static constexpr double hole_depth_mm = 3.0;
};

struct ScoringGrid {
  double scale = 1.0;  // cells per photo pixel
  int width = 0, height = 0;
  enum Label : std::uint8_t { unscored = 0, bare = 1, hair = 2, background = 3 };
  std::vector<std::uint8_t> label, behind, core;
};

namespace detail {

// Cells whose centre lies inside `polygon` (photo pixels), by scan lines.
template <typename Mark>
void each_cell_inside(const Polygon& polygon, double scale, int width, int height, Mark mark)
{
  std::vector<double> crossings;
  for (int y = 0; y < height; ++y) {
    const double py = (y + 0.5) / scale;
    crossings.clear();
    for (std::size_t i = 0; i < polygon.size(); ++i) {
      const smp::Point& a = polygon[i];
      const smp::Point& b = polygon[(i + 1) % polygon.size()];
      if ((a.y <= py) != (b.y <= py))
        crossings.push_back(a.x + (py - a.y) * (b.x - a.x) / (b.y - a.y));
    }
    std::sort(crossings.begin(), crossings.end());
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
      const int x0 = std::max(0, static_cast<int>(std::ceil(crossings[i] * scale - 0.5)));
      const int x1 = std::min(width - 1, static_cast<int>(std::floor(crossings[i + 1] * scale - 0.5)));
      for (int x = x0; x <= x1; ++x)
        mark(static_cast<std::size_t>(y) * width + x);
    }
  }
}

inline double distance_to_edges(const Polygon& polygon, double x, double y)
{
  double best = 1e300;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const smp::Point& a = polygon[i];
    const smp::Point& b = polygon[(i + 1) % polygon.size()];
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((x - a.x) * dx + (y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    best = std::min(best, std::hypot(x - a.x - t * dx, y - a.y - t * dy));
  }
  return best;
}

}  // namespace detail

inline ScoringGrid scoring_grid(const PhotoAnnotation& a, double scale)
{
  ScoringGrid g;
  g.scale = scale;
  g.width = std::max(1, static_cast<int>(std::lround(a.width * scale)));
  g.height = std::max(1, static_cast<int>(std::lround(a.height * scale)));
  const std::size_t n = static_cast<std::size_t>(g.width) * g.height;
  g.label.assign(n, ScoringGrid::unscored);
  // Bare wins over hair, both over background.
  for (const auto& p : a.background)
    detail::each_cell_inside(p, scale, g.width, g.height, [&](std::size_t i) { g.label[i] = ScoringGrid::background; });
  for (const auto& p : a.hair)
    detail::each_cell_inside(p, scale, g.width, g.height, [&](std::size_t i) { g.label[i] = ScoringGrid::hair; });
  g.core.assign(n, 0);
  const double depth_px = SegmentationTargets::hole_depth_mm * a.px_per_mm;
  for (const auto& p : a.bare)
    detail::each_cell_inside(p, scale, g.width, g.height, [&](std::size_t i) {
      g.label[i] = ScoringGrid::bare;
      const double x = (i % g.width + 0.5) / scale, y = (i / g.width + 0.5) / scale;
      if (detail::distance_to_edges(p, x, y) > depth_px)
        g.core[i] = 1;
    });
  // Behind the hairline: line by line along the facing, up to the front-most bare cell.
  g.behind.assign(n, 1);
  const bool vertical = a.front == smp::Facing::up || a.front == smp::Facing::down;
  const bool towards_higher = a.front == smp::Facing::down || a.front == smp::Facing::right;
  const int lines = vertical ? g.width : g.height, length = vertical ? g.height : g.width;
  const auto cell = [&](int line, int along) {
    return vertical ? static_cast<std::size_t>(along) * g.width + line : static_cast<std::size_t>(line) * g.width + along;
  };
  std::vector<int> edge(lines, -1);
  int overall = -1;
  for (int line = 0; line < lines; ++line)
    for (int k = 0; k < length; ++k) {
      const int along = towards_higher ? length - 1 - k : k;  // from the front backwards
      if (g.label[cell(line, along)] == ScoringGrid::bare) {
        edge[line] = along;
        if (overall < 0 || (towards_higher ? along > overall : along < overall))
          overall = along;
        break;
      }
    }
  for (int line = 0; line < lines; ++line) {
    const int front_edge = edge[line] >= 0 ? edge[line] : overall;
    if (front_edge < 0)
      continue;
    for (int along = 0; along < length; ++along)
      if (towards_higher ? along > front_edge : along < front_edge)
        g.behind[cell(line, along)] = 0;
  }
  return g;
}

struct SegmentationScore {
  bool has_bare = false;
  double iou = 0, iou_behind = 0, holes = 0;
  double on_background = 0, on_background_behind = 0, on_background_of_bare = 0;
  double hair_iou = 0;
};

// `bare`, `hair`: coverages 0..1 on the grid's cells.
inline SegmentationScore score_segmentation(const ScoringGrid& g, const std::vector<float>& bare,
                                            const std::vector<float>& hair)
{
  SegmentationScore s;
  double inter = 0, uni = 0, inter_b = 0, uni_b = 0, core = 0, holes = 0;
  double bg = 0, bg_sum = 0, bg_b = 0, bg_sum_b = 0, bare_b = 0;
  double hair_inter = 0, hair_uni = 0;
  for (std::size_t i = 0; i < g.label.size(); ++i) {
    const std::uint8_t l = g.label[i];
    if (l == ScoringGrid::unscored)
      continue;
    const double p = std::clamp(static_cast<double>(bare[i]), 0.0, 1.0);
    const double q = std::clamp(static_cast<double>(hair[i]), 0.0, 1.0);
    const bool behind = g.behind[i] != 0;
    if (l == ScoringGrid::bare) {
      inter += p;
      uni += 1;
      if (behind) {
        inter_b += p;
        uni_b += 1;
        bare_b += 1;
      }
      if (g.core[i]) {
        core += 1;
        holes += p < 0.5 ? 1 : 0;
      }
    } else {
      uni += p;
      if (behind)
        uni_b += p;
    }
    if (l == ScoringGrid::background) {
      bg += 1;
      bg_sum += p;
      if (behind) {
        bg_b += 1;
        bg_sum_b += p;
      }
    }
    if (l == ScoringGrid::hair) {
      hair_inter += q;
      hair_uni += 1;
    } else {
      hair_uni += q;
    }
  }
  s.has_bare = uni_b > 0 && bare_b > 0;
  s.iou = uni > 0 ? inter / uni : 0;
  s.iou_behind = uni_b > 0 ? inter_b / uni_b : 0;
  s.holes = core > 0 ? holes / core : 0;
  s.on_background = bg > 0 ? bg_sum / bg : 0;
  s.on_background_behind = bg_b > 0 ? bg_sum_b / bg_b : 0;
  s.on_background_of_bare = bare_b > 0 ? bg_sum_b / bare_b : 0;
  s.hair_iou = hair_uni > 0 ? hair_inter / hair_uni : 0;
  return s;
}

struct HeadFitError {
  double width = 0, length = 0, centre_across = 0, centre_along = 0;
  double worst() const
  {
    return std::max({std::abs(width), std::abs(length), std::abs(centre_across), std::abs(centre_along)});
  }
};

// `fitted` in photo pixels.
inline HeadFitError head_fit_error(const smp::HeadFrame& fitted, const PhotoAnnotation& a)
{
  const smp::Point across = fitted.across(), along = fitted.forward();
  const auto extent = [&](const smp::Point& axis, double centre, double half) {
    // the photo's own extent on this axis, to cut both to what the photo shows
    double lo = 1e300, hi = -1e300;
    for (const smp::Point c : {smp::Point{0, 0}, smp::Point{double(a.width), 0}, smp::Point{0, double(a.height)},
                               smp::Point{double(a.width), double(a.height)}}) {
      lo = std::min(lo, c.x * axis.x + c.y * axis.y);
      hi = std::max(hi, c.x * axis.x + c.y * axis.y);
    }
    double olo = 1e300, ohi = -1e300;
    for (const smp::Point& p : a.outline) {
      olo = std::min(olo, p.x * axis.x + p.y * axis.y);
      ohi = std::max(ohi, p.x * axis.x + p.y * axis.y);
    }
    olo = std::max(olo, lo);
    ohi = std::min(ohi, hi);
    const double elo = std::max(centre - half, lo), ehi = std::min(centre + half, hi);
    const double size = std::max(ohi - olo, 1e-9);
    return std::pair<double, double>{((ehi - elo) - (ohi - olo)) / size, (0.5 * (elo + ehi) - 0.5 * (olo + ohi)) / size};
  };
  const double c_across = fitted.centre.x * across.x + fitted.centre.y * across.y;
  const double c_along = fitted.centre.x * along.x + fitted.centre.y * along.y;
  const auto [w, cw] = extent(across, c_across, fitted.half_width_px);
  const auto [l, cl] = extent(along, c_along, fitted.half_length_px);
  return {w, l, cw, cl};
}

}  // namespace smp_test
