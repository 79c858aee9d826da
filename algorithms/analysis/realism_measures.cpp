#include "analysis/realism_measures.hpp"

#include <algorithm>
#include <cmath>

namespace smp {
namespace {

Lab lab_at(const LabImage& image, std::size_t i)
{
  const float* p = &image.lab_alpha[4 * i];
  return {p[0], p[1], p[2]};
}

}  // namespace

std::optional<Lab> mean_lab(const LabImage& image, const std::vector<PixelSpan>& spans)
{
  double sum[3] = {0.0, 0.0, 0.0};
  std::size_t n = 0;
  for (const PixelSpan& span : spans)
    for (int x = span.x_begin; x < span.x_end; ++x) {
      const float* p = image.at(x, span.y);
      for (int c = 0; c < 3; ++c)
        sum[c] += p[c];
      ++n;
    }
  if (n == 0)
    return std::nullopt;
  return Lab{sum[0] / n, sum[1] / n, sum[2] / n};
}

std::optional<double> darkening(const LabImage& before, const LabImage& after, const std::vector<Region>& regions,
                                Region region)
{
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (regions[i] == region) {
      sum += before.lab_alpha[4 * i] - after.lab_alpha[4 * i];
      ++n;
    }
  if (n == 0)
    return std::nullopt;
  return sum / n;
}

std::optional<SeamDifference> seam_difference(const LabImage& before, const LabImage& after, const Seam& seam)
{
  const auto hair = polygon_spans(seam.hair, before.width, before.height);
  const auto bare = polygon_spans(seam.bare, before.width, before.height);
  const auto hair_before = mean_lab(before, hair), bare_before = mean_lab(before, bare);
  const auto hair_after = mean_lab(after, hair), bare_after = mean_lab(after, bare);
  if (!hair_before || !bare_before)
    return std::nullopt;
  return SeamDifference{ciede2000(*bare_before, *hair_before), ciede2000(*bare_after, *hair_after)};
}

BackgroundChange background_change(const LabImage& before, const LabImage& after, const std::vector<Region>& regions,
                                   int block_px)
{
  const int w = before.width, h = before.height;
  block_px = std::max(block_px, 1);
  const int blocks_x = (w + block_px - 1) / block_px, blocks_y = (h + block_px - 1) / block_px;
  std::vector<double> block_sum(static_cast<std::size_t>(blocks_x) * blocks_y, 0.0);
  std::vector<std::size_t> block_count(block_sum.size(), 0);
  BackgroundChange change;
  double sum = 0.0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      if (regions[i] != Region::background)
        continue;
      const double e = ciede2000(lab_at(before, i), lab_at(after, i));
      sum += e;
      ++change.pixels;
      const std::size_t b = static_cast<std::size_t>(y / block_px) * blocks_x + x / block_px;
      block_sum[b] += e;
      ++block_count[b];
    }
  if (change.pixels == 0)
    return change;
  change.mean_delta_e = sum / change.pixels;
  for (int by = 0; by < blocks_y; ++by)
    for (int bx = 0; bx < blocks_x; ++bx) {
      const std::size_t b = static_cast<std::size_t>(by) * blocks_x + bx;
      const std::size_t area = static_cast<std::size_t>(std::min(block_px, w - bx * block_px)) *
                               std::min(block_px, h - by * block_px);
      if (2 * block_count[b] >= area && block_count[b] > 0)
        change.worst_block_delta_e = std::max(change.worst_block_delta_e, block_sum[b] / block_count[b]);
    }
  return change;
}

Coverage coverage(const std::vector<float>& plan, const std::vector<float>& pigment, const std::vector<Region>& regions)
{
  Coverage c;
  std::size_t holes = 0, both = 0, either = 0;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const bool bare = regions[i] == Region::bare;
    c.bare_px += bare;
    if (regions[i] == Region::unscored || !(plan[i] >= 0.5f))
      continue;
    c.bare_planned_px += bare;
    holes += bare && pigment[i] < 0.2f * plan[i];
    const bool found = pigment[i] >= 0.5f * plan[i];
    both += found && bare;
    either += found || bare;
  }
  if (c.bare_px > 0)
    c.planned = static_cast<double>(c.bare_planned_px) / c.bare_px;
  if (c.bare_planned_px > 0)
    c.holes = static_cast<double>(holes) / c.bare_planned_px;
  if (either > 0)
    c.iou = static_cast<double>(both) / either;
  return c;
}

double HeadFitError::worst() const
{
  return std::max({std::abs(width), std::abs(length), std::abs(centre)});
}

HeadFitError head_fit_error(const HeadFrame& fitted, const Polygon& outline, double front_rad)
{
  const Point forward{std::cos(front_rad), std::sin(front_rad)};
  const Point across{-forward.y, forward.x};
  auto dot = [](const Point& p, const Point& d) { return p.x * d.x + p.y * d.y; };
  double a_lo = 1e300, a_hi = -1e300, f_lo = 1e300, f_hi = -1e300;
  for (const Point& p : outline) {
    a_lo = std::min(a_lo, dot(p, across));
    a_hi = std::max(a_hi, dot(p, across));
    f_lo = std::min(f_lo, dot(p, forward));
    f_hi = std::max(f_hi, dot(p, forward));
  }
  const double outline_width = a_hi - a_lo, outline_length = f_hi - f_lo;
  // The fitted ellipse's extent along a direction d: twice the length of its semi-axes' projections.
  const Point fit_across = fitted.across(), fit_forward = fitted.forward();
  auto extent = [&](const Point& d) {
    return 2.0 * std::hypot(fitted.half_width_px * dot(fit_across, d), fitted.half_length_px * dot(fit_forward, d));
  };
  HeadFitError e;
  e.width = extent(across) / outline_width - 1.0;
  e.length = extent(forward) / outline_length - 1.0;
  const double off_across = std::abs(dot(fitted.centre, across) - 0.5 * (a_lo + a_hi)) / outline_width;
  const double off_along = std::abs(dot(fitted.centre, forward) - 0.5 * (f_lo + f_hi)) / outline_length;
  e.centre = std::max(off_across, off_along);
  return e;
}

}  // namespace smp
