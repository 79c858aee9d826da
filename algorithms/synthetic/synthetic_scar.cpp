#include "synthetic/synthetic_scar.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "hash.hpp"
#include "stipple/dot_pattern.hpp"
#include "value_noise.hpp"

namespace smp {
namespace {

constexpr double pi = std::numbers::pi;

// Signed distance in mm to the scar's edge (negative inside), from a point in mm.
struct ScarShape {
  const SyntheticScarSpec& s;
  double width_mm, height_mm;
  std::vector<std::pair<double, double>> dot_centres_mm;
  std::vector<double> dot_radii_mm;

  double strip_distance(double x, double y) const
  {
    // A gently bent line across the middle, its width varying along it.
    const double x0 = 0.5 * (width_mm - s.strip_length_mm), x1 = x0 + s.strip_length_mm;
    const double t = std::clamp(x, x0, x1);
    const double centre_y = 0.5 * height_mm + 2.0 * std::sin(2.0 * pi * (t - x0) / s.strip_length_mm);
    const double half = 0.5 * s.strip_width_mm * (1.0 + 0.15 * value_noise(s.seed, 41, t, 0.0, 12.0));
    const double along = x < x0 ? x0 - x : (x > x1 ? x - x1 : 0.0);
    return std::hypot(along, y - centre_y) - half;
  }

  double patch_distance(double x, double y) const
  {
    const double dx = x - 0.5 * width_mm, dy = y - 0.5 * height_mm;
    const double angle = std::atan2(dy, dx);
    const double radius = 0.5 * s.patch_diameter_mm *
                          (1.0 + 0.16 * std::sin(3.0 * angle + 0.7) + 0.08 * std::sin(5.0 * angle + 2.1) +
                           0.05 * std::sin(8.0 * angle + 0.3));
    return std::hypot(dx, dy) - radius;
  }

  double dots_distance(double x, double y) const
  {
    double best = 1e9;
    const double cell = s.dot_spacing_mm;
    const int columns = static_cast<int>(width_mm / cell);
    const int cx = static_cast<int>(x / cell), cy = static_cast<int>(y / cell);
    for (int j = cy - 1; j <= cy + 1; ++j)
      for (int i = cx - 1; i <= cx + 1; ++i) {
        if (i < 0 || j < 0 || i >= columns)
          continue;
        const std::size_t k = static_cast<std::size_t>(j) * columns + i;
        if (k >= dot_index.size() || dot_index[k] < 0)
          continue;
        const auto& c = dot_centres_mm[dot_index[k]];
        best = std::min(best, std::hypot(x - c.first, y - c.second) - dot_radii_mm[dot_index[k]]);
      }
    return best;
  }

  double distance(double x, double y) const
  {
    switch (s.kind) {
      case SyntheticScarKind::strip: return strip_distance(x, y);
      case SyntheticScarKind::patch: return patch_distance(x, y);
      case SyntheticScarKind::dots: return dots_distance(x, y);
      case SyntheticScarKind::none: break;
    }
    return 1e9;
  }

  std::vector<int> dot_index;  // per grid cell: the punch in it, or -1
};

// FUE punches: one per cell of a dot_spacing grid inside a 2 mm margin, taken in hashed order
// until dot_count, jittered inside their cells.
void place_dots(ScarShape& shape)
{
  const SyntheticScarSpec& s = shape.s;
  const double cell = s.dot_spacing_mm;
  const int columns = static_cast<int>(shape.width_mm / cell), rows = static_cast<int>(shape.height_mm / cell);
  shape.dot_index.assign(static_cast<std::size_t>(std::max(0, columns * rows)), -1);
  std::vector<std::pair<double, int>> order;
  for (int j = 1; j + 1 < rows; ++j)
    for (int i = 1; i + 1 < columns; ++i)
      order.push_back({to_unit(hash_key(s.seed, i, j, 0, 43)), j * columns + i});
  std::sort(order.begin(), order.end());
  for (const auto& [priority, k] : order) {
    if (static_cast<int>(shape.dot_centres_mm.size()) >= s.dot_count)
      break;
    const int i = k % columns, j = k / columns;
    const std::uint64_t h = hash_key(s.seed, i, j, 1, 44);
    const double margin = 0.5 * s.dot_diameter_mm + 0.3;
    const double x = i * cell + margin + to_unit(h) * (cell - 2 * margin);
    const double y = j * cell + margin + to_unit(mix64(h)) * (cell - 2 * margin);
    shape.dot_index[k] = static_cast<int>(shape.dot_centres_mm.size());
    shape.dot_centres_mm.push_back({x, y});
    shape.dot_radii_mm.push_back(0.5 * s.dot_diameter_mm * (0.9 + 0.2 * to_unit(mix64(h ^ 7))));
  }
}

}  // namespace

SyntheticScar synthetic_scar(const SyntheticScarSpec& s)
{
  SyntheticScar out;
  out.width = std::clamp(s.width_px, 1, 1 << 13);
  out.height = std::clamp(s.height_px, 1, 1 << 13);
  const double ppm = std::clamp(s.px_per_mm, 0.5, 100.0);
  ScarShape shape{s, out.width / ppm, out.height / ppm, {}, {}, {}};
  if (s.kind == SyntheticScarKind::dots)
    place_dots(shape);
  for (const auto& c : shape.dot_centres_mm)
    out.dots.push_back({c.first * ppm, c.second * ppm});

  const std::size_t n = static_cast<std::size_t>(out.width) * out.height;
  std::vector<float> tissue(n);  // 1 in scar tissue, soft over 0.15 mm at its edge
  out.truth.resize(n);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const double d = shape.distance((x + 0.5) / ppm, (y + 0.5) / ppm);
      const std::size_t i = static_cast<std::size_t>(y) * out.width + x;
      tissue[i] = static_cast<float>(std::clamp(0.5 - d / 0.15, 0.0, 1.0));
      out.truth[i] = d < 0.0 ? 1.0f : 0.0f;
    }

  // Hair ends where there is no scar tissue: scars carry no follicles.
  std::vector<float> shade(n, 1.0f);
  const DotPattern hairs(s.stubble_per_cm2 / 100.0, 0.6, s.seed);
  const double radius_px = 0.5 * s.hair_diameter_mm * ppm;
  for (const PatternDot& hair : hairs.dots_in({0.0, 0.0, shape.width_mm, shape.height_mm})) {
    if (shape.distance(hair.x_mm, hair.y_mm) < 0.3)
      continue;
    const double cx = hair.x_mm * ppm, cy = hair.y_mm * ppm;
    const int reach = static_cast<int>(std::ceil(radius_px + 1.5));
    for (int y = std::max(0, static_cast<int>(cy) - reach); y <= std::min(out.height - 1, static_cast<int>(cy) + reach); ++y)
      for (int x = std::max(0, static_cast<int>(cx) - reach); x <= std::min(out.width - 1, static_cast<int>(cx) + reach); ++x) {
        const double cover = std::clamp(radius_px + 0.5 - std::hypot(x + 0.5 - cx, y + 0.5 - cy), 0.0, 1.0);
        float& v = shade[static_cast<std::size_t>(y) * out.width + x];
        v = static_cast<float>(v * (1.0 - s.hair_darkening * cover));
      }
  }

  out.rgb.resize(n * 3);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * out.width + x;
      const double xm = x / ppm, ym = y / ppm;
      const double gradient = 0.74 + 0.16 * x / out.width - 0.10 * y / out.height;  // light from one side
      const double mottle = 0.03 * value_noise(s.seed, 31, xm, ym, 4.0) + 0.02 * value_noise(s.seed, 33, xm, ym, 12.0);
      const double grain = 0.02 * (to_unit(hash_key(s.seed, x, y, 0, 32)) - 0.5);
      const bool pore = to_unit(hash_key(s.seed, x / std::max(1, static_cast<int>(0.15 * ppm)),
                                         y / std::max(1, static_cast<int>(0.15 * ppm)), 0, 34)) < 0.01;
      const double t = tissue[i];
      const double skin = gradient + mottle + grain - (pore ? 0.05 : 0.0);
      const double scar = gradient * (1.0 + s.paleness) + 0.3 * mottle + 0.4 * grain;
      const double light = (skin + (scar - skin) * t) * shade[i];
      // Skin is warm; scar tissue is a paler, less red pinkish white.
      const double r = 0.98 + (0.97 - 0.98) * t, g = 0.80 + (0.86 - 0.80) * t, b = 0.70 + (0.80 - 0.70) * t;
      out.rgb[3 * i] = static_cast<float>(std::clamp(light * r, 0.0, 1.0));
      out.rgb[3 * i + 1] = static_cast<float>(std::clamp(light * g, 0.0, 1.0));
      out.rgb[3 * i + 2] = static_cast<float>(std::clamp(light * b, 0.0, 1.0));
    }
  return out;
}

}  // namespace smp
