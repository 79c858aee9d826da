#include "scalp/head_outline.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "scalp/region_masks.hpp"

namespace smp {
namespace {

constexpr double jump_per_ray = 0.06;     // of the longest ray: how far the outline may step between rays
constexpr double step_cost = 0.02;        // per cell of step, against a drop of certainty of up to 1
constexpr double kept_share = 0.85;       // of the outline's points the ellipse is fitted to at last
constexpr int trim_rounds = 5;
constexpr double central_share = 0.15;    // the head's middle is looked for within this of the grid's size
constexpr double edge_weight = 0.25;      // an image edge counts as this drop of certainty

double sample(const std::vector<float>& v, int width, int height, double x, double y, bool& inside)
{
  inside = x >= 0.0 && y >= 0.0 && x <= width - 1.0 && y <= height - 1.0;
  if (!inside)
    return 0.0;
  const int x0 = std::min(static_cast<int>(x), width - 2 < 0 ? 0 : width - 2);
  const int y0 = std::min(static_cast<int>(y), height - 2 < 0 ? 0 : height - 2);
  const int x1 = std::min(x0 + 1, width - 1), y1 = std::min(y0 + 1, height - 1);
  const double fx = x - x0, fy = y - y0;
  const auto at = [&](int xx, int yy) { return static_cast<double>(v[static_cast<std::size_t>(yy) * width + xx]); };
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

// The closed star-shaped curve round `centre`: on each ray the radius where `head` drops most
// from inside to outside (or the grid's edge, for a head cut off by the photo's frame), with
// smoothness between rays; dynamic programming over one and a half turns, the middle turn kept.
std::vector<Point> polar_contour(const std::vector<float>& head, const std::vector<float>* edges, int width, int height,
                                 Point centre, int edge)
{
  const int rays = HeadOutlineLimits::rays;
  const double reach = std::hypot(std::max(centre.x, width - centre.x), std::max(centre.y, height - centre.y));
  const int radii = static_cast<int>(std::ceil(reach)) + 2 * edge + 2;
  const int first = edge, last = radii - edge;  // radii with a full window on either side
  const int n = last - first;
  if (n <= 1)
    return {};
  std::vector<float> cost(static_cast<std::size_t>(rays) * n);
  std::vector<double> prefix(radii + 1), along_edges(radii, 0.0);
  for (int k = 0; k < rays; ++k) {
    const double angle = 2.0 * std::numbers::pi * k / rays, c = std::cos(angle), s = std::sin(angle);
    int leaves = radii;
    prefix[0] = 0.0;
    for (int r = 0; r < radii; ++r) {
      bool inside = false;
      prefix[r + 1] = prefix[r] + sample(head, width, height, centre.x + c * r, centre.y + s * r, inside);
      if (!inside && leaves == radii)
        leaves = r;
      if (edges)
        along_edges[r] = sample(*edges, width, height, centre.x + c * r, centre.y + s * r, inside);
    }
    for (int j = 0; j < n; ++j) {
      const int r = first + j;
      const double within = (prefix[r] - prefix[r - edge]) / edge, beyond = (prefix[r + edge] - prefix[r]) / edge;
      // Past the grid's edge the outline may not go: the photo's frame is where a cut-off head ends.
      cost[static_cast<std::size_t>(k) * n + j] =
          r > leaves ? 1e3f : static_cast<float>(beyond - within - edge_weight * along_edges[r]);
    }
  }
  const int jump = std::max(1, static_cast<int>(jump_per_ray * radii));
  const int steps = rays + rays / 2;
  std::vector<double> total(cost.begin(), cost.begin() + n), next(n);
  std::vector<int> from(static_cast<std::size_t>(steps) * n, 0);
  for (int step = 1; step < steps; ++step) {
    const int k = step % rays;
    for (int j = 0; j < n; ++j) {
      double best = std::numeric_limits<double>::infinity();
      int arg = j;
      for (int i = std::max(0, j - jump); i <= std::min(n - 1, j + jump); ++i) {
        const double v = total[i] + step_cost * std::abs(i - j);
        if (v < best) {
          best = v;
          arg = i;
        }
      }
      next[j] = best + cost[static_cast<std::size_t>(k) * n + j];
      from[static_cast<std::size_t>(step) * n + j] = arg;
    }
    total.swap(next);
  }
  int j = static_cast<int>(std::min_element(total.begin(), total.end()) - total.begin());
  std::vector<int> path(steps);
  for (int step = steps - 1; step >= 0; --step) {
    path[step] = j;
    if (step > 0)
      j = from[static_cast<std::size_t>(step) * n + j];
  }
  std::vector<Point> contour(rays);
  for (int step = rays / 4; step < rays / 4 + rays; ++step) {
    const int k = step % rays;
    const double angle = 2.0 * std::numbers::pi * k / rays, r = first + path[step];
    contour[k] = {centre.x + std::cos(angle) * r, centre.y + std::sin(angle) * r};
  }
  return contour;
}

// Least squares of x^2/a^2 + y^2/b^2 = 1 around a free centre, in the head's own axes (across,
// along), refitted to the share of points nearest to it.
std::optional<HeadFrame> ellipse_of(const std::vector<Point>& contour, double front_rad)
{
  if (contour.size() < 8)
    return std::nullopt;
  const double fc = std::cos(front_rad), fs = std::sin(front_rad);
  // across = (-sin, cos), along = (cos, sin): the HeadFrame's own axes
  double mx = 0, my = 0;
  for (const Point& p : contour) {
    mx += p.x;
    my += p.y;
  }
  mx /= contour.size();
  my /= contour.size();
  std::vector<Point> local(contour.size());
  for (std::size_t i = 0; i < contour.size(); ++i) {
    const double dx = contour[i].x - mx, dy = contour[i].y - my;
    local[i] = {-fs * dx + fc * dy, fc * dx + fs * dy};
  }
  std::vector<bool> used(local.size(), true);
  double cu = 0, cv = 0, ru = 0, rv = 0;
  bool fitted = false;
  for (int round = 0; round < trim_rounds; ++round) {
    double m[4][5] = {};
    for (std::size_t i = 0; i < local.size(); ++i) {
      if (!used[i])
        continue;
      const double row[4] = {local[i].x * local[i].x, local[i].y * local[i].y, local[i].x, local[i].y};
      for (int a = 0; a < 4; ++a) {
        for (int b = 0; b < 4; ++b)
          m[a][b] += row[a] * row[b];
        m[a][4] += row[a];
      }
    }
    // Gaussian elimination with partial pivoting on the 4x4 normal equations.
    bool singular = false;
    for (int c = 0; c < 4 && !singular; ++c) {
      int pivot = c;
      for (int r = c + 1; r < 4; ++r)
        if (std::abs(m[r][c]) > std::abs(m[pivot][c]))
          pivot = r;
      if (!(std::abs(m[pivot][c]) > 1e-12)) {
        singular = true;
        break;
      }
      for (int k = 0; k < 5; ++k)
        std::swap(m[c][k], m[pivot][k]);
      for (int r = 0; r < 4; ++r) {
        if (r == c)
          continue;
        const double f = m[r][c] / m[c][c];
        for (int k = c; k < 5; ++k)
          m[r][k] -= f * m[c][k];
      }
    }
    if (singular)
      break;
    const double a = m[0][4] / m[0][0], b = m[1][4] / m[1][1], c = m[2][4] / m[2][2], d = m[3][4] / m[3][3];
    if (!(a > 0.0) || !(b > 0.0))
      break;
    cu = -c / (2 * a);
    cv = -d / (2 * b);
    const double k = 1.0 + a * cu * cu + b * cv * cv;
    ru = std::sqrt(k / a);
    rv = std::sqrt(k / b);
    fitted = true;
    if (round == trim_rounds - 1)
      break;
    std::vector<double> residual(local.size());
    for (std::size_t i = 0; i < local.size(); ++i)
      residual[i] = std::abs(std::hypot((local[i].x - cu) / ru, (local[i].y - cv) / rv) - 1.0);
    std::vector<double> sorted = residual;
    const std::size_t keep = std::max<std::size_t>(8, static_cast<std::size_t>(kept_share * sorted.size()));
    std::nth_element(sorted.begin(), sorted.begin() + (keep - 1), sorted.end());
    const double limit = sorted[keep - 1];
    for (std::size_t i = 0; i < local.size(); ++i)
      used[i] = residual[i] <= limit;
  }
  if (!fitted || !std::isfinite(ru) || !std::isfinite(rv))
    return std::nullopt;
  HeadFrame frame;
  frame.centre = {mx - fs * cu + fc * cv, my + fc * cu + fs * cv};
  frame.half_width_px = ru;
  frame.half_length_px = rv;
  frame.front_rad = front_rad;
  return frame;
}

}  // namespace

std::vector<float> inside_contour(const std::vector<Point>& contour, int width, int height)
{
  std::vector<float> inside(static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0), 0.0f);
  const std::size_t n = contour.size();
  if (n < 3)
    return inside;
  std::vector<double> crossings;
  for (int y = 0; y < height; ++y) {
    const double cy = y + 0.5;
    crossings.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const Point& a = contour[i];
      const Point& b = contour[(i + 1) % n];
      if ((a.y <= cy) != (b.y <= cy))
        crossings.push_back(a.x + (cy - a.y) * (b.x - a.x) / (b.y - a.y));
    }
    std::sort(crossings.begin(), crossings.end());
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
      const int x0 = std::max(0, static_cast<int>(std::ceil(crossings[i] - 0.5)));
      const int x1 = std::min(width - 1, static_cast<int>(std::floor(crossings[i + 1] - 0.5)));
      for (int x = x0; x <= x1; ++x)
        inside[static_cast<std::size_t>(y) * width + x] = 1.0f;
    }
  }
  return inside;
}

std::optional<HeadOutline> head_outline(const std::vector<float>& head, int width, int height, double front_rad,
                                        double edge_cells, const std::vector<float>* edges)
{
  const std::size_t count = static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0);
  if (width < 4 || height < 4 || head.size() < count || !std::isfinite(front_rad))
    return std::nullopt;
  // The head is the confident region with the most of it near the grid's middle.
  Mask confident(count);
  std::vector<float> middle(count), clean(count);
  const double cx = 0.5 * width, cy = 0.5 * height, rx = central_share * width * 2.0, ry = central_share * height * 2.0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * width + x;
      const float v = std::isfinite(head[i]) ? std::clamp(head[i], 0.0f, 1.0f) : 0.0f;
      clean[i] = v;
      confident[i] = v > 0.5f ? 1 : 0;
      const double u = (x + 0.5 - cx) / rx, w = (y + 0.5 - cy) / ry;
      middle[i] = u * u + w * w <= 0.25 ? 1.0f : 0.0f;
    }
  const Mask region = with_holes_filled(heaviest_region(confident, middle, width, height), width, height);
  double n = 0, sx = 0, sy = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (region[static_cast<std::size_t>(y) * width + x]) {
        n += 1;
        sx += x + 0.5;
        sy += y + 0.5;
      }
  if (n < HeadOutlineLimits::min_cells)
    return std::nullopt;
  std::vector<float> within(count);
  for (std::size_t i = 0; i < count; ++i)
    within[i] = region[i] ? clean[i] : 0.0f;
  const int edge = std::max(2, static_cast<int>(std::lround(edge_cells)));
  HeadOutline outline;
  if (edges && edges->size() < count)
    edges = nullptr;
  outline.contour = polar_contour(within, edges, width, height, {sx / n, sy / n}, edge);
  const auto frame = ellipse_of(outline.contour, front_rad);
  if (!frame)
    return std::nullopt;
  outline.frame = *frame;
  return outline;
}

std::optional<HeadFrame> fit_head_frame(const std::vector<float>& bare, const std::vector<float>& hair, int width,
                                        int height, double front_rad)
{
  const std::size_t count = static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0);
  if (bare.size() < count || hair.size() < count)
    return std::nullopt;
  std::vector<float> head(count);
  for (std::size_t i = 0; i < count; ++i)
    head[i] = std::min(1.0f, bare[i] + hair[i]);
  // A coarse grid of a few hundred cells across: compare a few cells either side of the outline.
  const double edge = std::max(2.0, 0.012 * std::max(width, height));
  const auto outline = head_outline(head, width, height, front_rad, edge);
  if (!outline)
    return std::nullopt;
  return outline->frame;
}

double head_contrast(const std::vector<float>& bare, const std::vector<float>& hair, int width, int height,
                     const HeadFrame& frame)
{
  const std::size_t count = static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0);
  if (count == 0 || bare.size() < count || hair.size() < count)
    return 0.0;
  const Frame unit = frame.normalised();
  double inside = 0.0, outside = 0.0;
  std::size_t inside_cells = 0, outside_cells = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * width + x;
      const double head = std::min(1.0f, bare[i] + hair[i]);
      const Point p = unit.from_image({x + 0.5, y + 0.5});
      if (p.x * p.x + p.y * p.y <= 1.0) {
        inside += head;
        ++inside_cells;
      } else {
        outside += head;
        ++outside_cells;
      }
    }
  if (inside_cells == 0 || outside_cells < 0.02 * static_cast<double>(count))
    return 0.0;
  return inside / static_cast<double>(inside_cells) - outside / static_cast<double>(outside_cells);
}

}  // namespace smp
