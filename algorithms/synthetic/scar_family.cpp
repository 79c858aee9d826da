#include "synthetic/scar_family.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "hash.hpp"
#include "scar/lab_colour.hpp"

namespace smp {
namespace {

constexpr double pi = std::numbers::pi;
// Streams of this generator's hashes, apart from every other generator's.
enum Stream : std::uint32_t {
  texture_stream = 901, grain_stream, pore_stream, unit_stream, punch_stream, strip_stream, patch_stream, shine_stream
};

using Rgb = std::array<double, 3>;

double linear_from_encoded(double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); }
double encoded_from_linear(double v)
{
  v = std::clamp(v, 0.0, 1.0);
  return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}

// The inverse of lab_from_srgb, in linear light.
Rgb linear_from_lab(const Lab& c)
{
  constexpr double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
  const double fy = (c.L + 16.0) / 116.0, fx = fy + c.a / 500.0, fz = fy - c.b / 200.0;
  const auto inv = [&](double f) { return f * f * f > e ? f * f * f : (116.0 * f - 16.0) / k; };
  const double x = inv(fx) * 0.95047, y = c.L > k * e ? std::pow(fy, 3.0) : c.L / k, z = inv(fz) * 1.08883;
  return {3.2404542 * x - 1.5371385 * y - 0.4985314 * z, -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
          0.0556434 * x - 0.2040259 * y + 1.0572252 * z};
}

// The scar tissue's colour: the skin's moved along the tint's direction until CIEDE2000 says
// `contrast` (bisection; the difference grows with the step).
Lab scar_colour(const Lab& skin, ScarTint tint, double contrast)
{
  const double chroma = std::hypot(skin.a, skin.b), hue = std::atan2(skin.b, skin.a);
  const auto moved = [&](double t) {
    double L = skin.L, c = chroma, h = hue, a_shift = 0.0;
    switch (tint) {
      case ScarTint::white: L += t, c *= std::max(0.0, 1.0 - 0.05 * t); break;
      case ScarTint::pink: L += 0.4 * t, a_shift = 0.9 * t, c *= std::max(0.0, 1.0 - 0.03 * t); break;
      case ScarTint::hypopigmented: L += t, c *= std::max(0.0, 1.0 - 0.015 * t); break;
      case ScarTint::hyperpigmented: L -= t, c *= 1.0 + 0.01 * t, h += 0.004 * t; break;
    }
    return Lab{std::clamp(L, 1.0, 99.0), c * std::cos(h) + a_shift, c * std::sin(h)};
  };
  double lo = 0.0, hi = 60.0;
  for (int i = 0; i < 50; ++i) {
    const double mid = 0.5 * (lo + hi);
    (ciede2000(skin, moved(mid)) < contrast ? lo : hi) = mid;
  }
  return moved(0.5 * (lo + hi));
}

double unit(std::uint32_t seed, std::int64_t x, std::int64_t y, std::uint32_t index, Stream stream)
{
  return to_unit(hash_key(seed, x, y, index, stream));
}

// Smooth noise in [-1, 1] on a rotated lattice with cosine steps, features `scale_mm` across.
double lattice_noise(std::uint32_t seed, std::uint32_t octave, double x_mm, double y_mm, double scale_mm)
{
  const double angle = 0.7 + 1.3 * octave;
  const double u = (std::cos(angle) * x_mm - std::sin(angle) * y_mm) / scale_mm + 17.3 * octave;
  const double v = (std::sin(angle) * x_mm + std::cos(angle) * y_mm) / scale_mm - 5.1 * octave;
  const double iu = std::floor(u), iv = std::floor(v);
  const auto corner = [&](double cu, double cv) {
    return 2.0 * unit(seed, static_cast<std::int64_t>(cu), static_cast<std::int64_t>(cv), octave, texture_stream) - 1.0;
  };
  const auto step = [](double t) { return 0.5 - 0.5 * std::cos(pi * t); };
  const double tu = step(u - iu), tv = step(v - iv);
  const double top = corner(iu, iv) + (corner(iu + 1, iv) - corner(iu, iv)) * tu;
  const double bottom = corner(iu, iv + 1) + (corner(iu + 1, iv + 1) - corner(iu, iv + 1)) * tu;
  return top + (bottom - top) * tv;
}

// Skin's blotches and fine relief: octaves from 8 mm down to 0.5 mm.
double mottling(std::uint32_t seed, double x_mm, double y_mm)
{
  double sum = 0.0, amplitude = 1.0, scale = 8.0;
  for (std::uint32_t octave = 0; octave < 5; ++octave, amplitude *= 0.55, scale *= 0.5)
    sum += amplitude * lattice_noise(seed, octave, x_mm, y_mm, scale);
  return sum / 2.0;
}

struct Circle {
  double x, y, r;
};

// Punch centres by dart throwing (hashed candidates), at least `spacing` apart, 2 mm inside the field.
std::vector<Circle> punches_of(const ScarFamilySpec& s)
{
  std::vector<Circle> out;
  const double margin = 2.0;
  for (std::uint32_t attempt = 0; attempt < 400000 && static_cast<int>(out.size()) < s.punch_count; ++attempt) {
    const double x = margin + unit(s.seed, attempt, 0, 0, punch_stream) * (s.field_width_mm - 2 * margin);
    const double y = margin + unit(s.seed, attempt, 1, 0, punch_stream) * (s.field_height_mm - 2 * margin);
    const bool free = std::none_of(out.begin(), out.end(), [&](const Circle& c) {
      return std::hypot(c.x - x, c.y - y) < s.punch_spacing_mm;
    });
    if (!free)
      continue;
    const double diameter = s.punch_min_mm + unit(s.seed, attempt, 2, 0, punch_stream) * (s.punch_max_mm - s.punch_min_mm);
    out.push_back({x, y, 0.5 * diameter});
  }
  return out;
}

// Signed distance in mm to the scar's edge, negative inside.
class ScarOutline {
 public:
  ScarOutline(const ScarFamilySpec& s) : s_(s)
  {
    if (s.kind != FamilyScarKind::punches)
      return;
    punches_ = punches_of(s);
    cell_mm_ = std::max(1.0, s.punch_spacing_mm);
    columns_ = static_cast<int>(s.field_width_mm / cell_mm_) + 1;
    rows_ = static_cast<int>(s.field_height_mm / cell_mm_) + 1;
    cells_.resize(static_cast<std::size_t>(columns_) * rows_);
    for (std::size_t k = 0; k < punches_.size(); ++k)
      cells_[cell_of(punches_[k].x, punches_[k].y)].push_back(k);
  }

  const std::vector<Circle>& punches() const { return punches_; }

  double distance(double x, double y) const
  {
    switch (s_.kind) {
      case FamilyScarKind::strip: return strip(x, y);
      case FamilyScarKind::punches: return punch(x, y);
      case FamilyScarKind::patch: return patch(x, y);
      case FamilyScarKind::none: break;
    }
    return 1e9;
  }

 private:
  // An arc bent by strip_bend over its length, with a slow wobble, its width varying along it.
  double strip(double x, double y) const
  {
    const double x0 = 0.5 * (s_.field_width_mm - s_.strip_length_mm), x1 = x0 + s_.strip_length_mm;
    const double t = std::clamp(x, x0, x1), along = (t - x0) / std::max(1e-6, s_.strip_length_mm);
    const double centre = 0.5 * s_.field_height_mm + s_.strip_bend_mm * (std::sin(pi * along) - 0.5) +
                          0.6 * lattice_noise(s_.seed + 7, 1, t, 0.0, 15.0);
    const double half = 0.5 * s_.strip_width_mm * (1.0 + 0.2 * lattice_noise(s_.seed + 9, 2, t, 3.0, 9.0));
    // Distance across the curve, corrected for its slope so a bent strip keeps its width.
    const double slope = s_.strip_bend_mm * pi / std::max(1e-6, s_.strip_length_mm) * std::cos(pi * along);
    const double across = std::abs(y - centre) / std::sqrt(1.0 + slope * slope);
    const double beyond = x < x0 ? x0 - x : (x > x1 ? x - x1 : 0.0);
    return std::hypot(beyond, across) - half;
  }

  double punch(double x, double y) const
  {
    double best = 1e9;
    const int cx = static_cast<int>(x / cell_mm_), cy = static_cast<int>(y / cell_mm_);
    for (int j = cy - 1; j <= cy + 1; ++j)
      for (int i = cx - 1; i <= cx + 1; ++i)
        if (i >= 0 && j >= 0 && i < columns_ && j < rows_)
          for (const std::size_t k : cells_[static_cast<std::size_t>(j) * columns_ + i])
            best = std::min(best, std::hypot(x - punches_[k].x, y - punches_[k].y) - punches_[k].r);
    return best;
  }

  double patch(double x, double y) const
  {
    const double dx = x - 0.5 * s_.field_width_mm, dy = y - 0.5 * s_.field_height_mm;
    const double angle = std::atan2(dy, dx);
    const double phase = 2 * pi * unit(s_.seed, 0, 0, 0, patch_stream);
    const double radius = 0.5 * s_.patch_diameter_mm *
                          (1.0 + 0.12 * std::sin(2.0 * angle + phase) + 0.07 * std::sin(4.0 * angle + 2 * phase) +
                           0.04 * std::sin(7.0 * angle + 3 * phase));
    return std::hypot(dx, dy) - radius;
  }

  std::size_t cell_of(double x, double y) const
  {
    const int i = std::clamp(static_cast<int>(x / cell_mm_), 0, columns_ - 1);
    const int j = std::clamp(static_cast<int>(y / cell_mm_), 0, rows_ - 1);
    return static_cast<std::size_t>(j) * columns_ + i;
  }

  const ScarFamilySpec& s_;
  std::vector<Circle> punches_;
  double cell_mm_ = 1.0;
  int columns_ = 0, rows_ = 0;
  std::vector<std::vector<std::size_t>> cells_;
};

// Share of pixel (px, py) covered by a capsule from a to b of radius r (pixels), anti-aliased.
double capsule_cover(double px, double py, double ax, double ay, double bx, double by, double r)
{
  const double vx = bx - ax, vy = by - ay, len2 = vx * vx + vy * vy;
  const double t = len2 > 0 ? std::clamp(((px - ax) * vx + (py - ay) * vy) / len2, 0.0, 1.0) : 0.0;
  const double d = std::hypot(px - ax - t * vx, py - ay - t * vy);
  return std::clamp(r + 0.5 - d, 0.0, 1.0);
}

// Units in grid cell (i, j): one, or a Poisson count of mean 1 from the hash (inverse CDF).
int units_in_cell(const ScarFamilySpec& s, int i, int j)
{
  if (!s.hairs_at_random)
    return 1;
  const double u = unit(s.seed, i, j, 0, unit_stream);
  int count = 0;
  double p = std::exp(-1.0), cdf = p;
  while (u > cdf && count < 8) {
    ++count;
    p /= count;
    cdf += p;
  }
  return count;
}

// Follicular units of 1-3 hairs (about 2.2 on average), one in each cell of a square grid at
// random within it (a scalp's units are more even than chance), or a Poisson count of them a cell
// when placed at random; each hair lies from its opening in about the unit's direction, dark
// brown; none within 0.2 mm of scar tissue.
void draw_hairs(const ScarFamilySpec& s, const ScarOutline& outline, int width, int height, std::vector<float>& hair_cover)
{
  const double ppm = s.px_per_mm;
  const double cell = 1.0 / std::sqrt(std::max(1e-3, s.hairs_per_cm2 / 100.0 / 2.2));
  const int columns = static_cast<int>(std::ceil(s.field_width_mm / cell));
  const int rows = static_cast<int>(std::ceil(s.field_height_mm / cell));
  const double radius_px = 0.5 * s.hair_diameter_mm * ppm;
  const int reach = static_cast<int>(std::ceil(radius_px + 2.0));
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < columns; ++i)
      for (int k = 0, units = units_in_cell(s, i, j); k < units; ++k) {
        const std::uint32_t key = 16 * k;
        const double ux = (i + unit(s.seed, i, j, key + 1, unit_stream)) * cell;
        const double uy = (j + unit(s.seed, i, j, key + 2, unit_stream)) * cell;
        if (outline.distance(ux, uy) < 0.2 + 0.5 * s.edge_softness_mm)
          continue;
        const double pick = unit(s.seed, i, j, key + 3, unit_stream);
        const int hairs = pick < 0.25 ? 1 : (pick < 0.7 ? 2 : 3);
        const double direction = 2.0 * pi * unit(s.seed, i, j, key + 4, unit_stream);
        for (int h = 0; h < hairs; ++h) {
          const double a = direction + 0.5 * (unit(s.seed, i, j, key + 5 + h, unit_stream) - 0.5);
          const double ax = (ux + 0.05 * h) * ppm, ay = (uy + 0.04 * h) * ppm;
          const double length = s.hair_length_mm * (0.6 + 0.8 * unit(s.seed, i, j, key + 8 + h, unit_stream)) * ppm;
          const double bx = ax + length * std::cos(a), by = ay + length * std::sin(a);
          const int x0 = std::max(0, static_cast<int>(std::min(ax, bx)) - reach);
          const int x1 = std::min(width - 1, static_cast<int>(std::max(ax, bx)) + reach);
          const int y0 = std::max(0, static_cast<int>(std::min(ay, by)) - reach);
          const int y1 = std::min(height - 1, static_cast<int>(std::max(ay, by)) + reach);
          for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
              // The opening is a little wider than the shaft.
              const double cover = std::max(capsule_cover(x + 0.5, y + 0.5, ax, ay, bx, by, radius_px),
                                            capsule_cover(x + 0.5, y + 0.5, ax, ay, ax, ay, 1.4 * radius_px));
              float& v = hair_cover[static_cast<std::size_t>(y) * width + x];
              v = std::max(v, static_cast<float>(cover));
            }
        }
      }
}

}  // namespace

SkinTone fitzpatrick_skin(int type)
{
  // Typical scalp skin of each type in soft daylight, sRGB-encoded.
  static constexpr SkinTone tones[] = {{0.96, 0.82, 0.75}, {0.91, 0.74, 0.64}, {0.82, 0.62, 0.50},
                                       {0.66, 0.47, 0.35}, {0.49, 0.33, 0.23}, {0.33, 0.22, 0.16}};
  return tones[std::clamp(type, 1, 6) - 1];
}

ScarFamilyPhoto scar_family_photo(const ScarFamilySpec& s)
{
  ScarFamilyPhoto out;
  const double ppm = std::clamp(s.px_per_mm, 1.0, 50.0);
  out.width = std::clamp(static_cast<int>(std::lround(s.field_width_mm * ppm)), 1, 1 << 13);
  out.height = std::clamp(static_cast<int>(std::lround(s.field_height_mm * ppm)), 1, 1 << 13);
  const ScarOutline outline(s);
  for (const Circle& c : outline.punches())
    out.punches.push_back({c.x * ppm, c.y * ppm});

  const SkinTone tone = fitzpatrick_skin(s.fitzpatrick);
  const Lab skin_lab = lab_from_srgb(tone.r, tone.g, tone.b);
  const Rgb skin = {linear_from_encoded(tone.r), linear_from_encoded(tone.g), linear_from_encoded(tone.b)};
  const Rgb scar = linear_from_lab(scar_colour(skin_lab, s.tint, s.contrast_delta_e));
  const Rgb hair = {linear_from_encoded(0.11), linear_from_encoded(0.08), linear_from_encoded(0.07)};

  const std::size_t n = static_cast<std::size_t>(out.width) * out.height;
  out.hair.assign(n, 0.0f);
  draw_hairs(s, outline, out.width, out.height, out.hair);
  out.truth.resize(n);
  out.core.resize(n);
  out.rgb.resize(3 * n);
  const double softness = std::max(s.edge_softness_mm, 0.5 / ppm);
  const double shine_x = (0.25 + 0.5 * unit(s.seed, 0, 0, 0, shine_stream)) * s.field_width_mm;
  const double shine_y = (0.25 + 0.5 * unit(s.seed, 0, 1, 0, shine_stream)) * s.field_height_mm;
  const double pore_cell = 0.5;  // mm; one pore in about a third of the cells
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * out.width + x;
      const double xm = (x + 0.5) / ppm, ym = (y + 0.5) / ppm;
      const double d = outline.distance(xm, ym);
      const double tissue = std::clamp(0.5 - d / softness, 0.0, 1.0);
      out.truth[i] = d < 0.0 ? 1.0f : 0.0f;
      out.core[i] = tissue >= 1.0 ? 1.0f : 0.0f;

      const double relief = mottling(s.seed, xm, ym);
      const double grain = 2.0 * unit(s.seed, x, y, 0, grain_stream) - 1.0;
      const int pi_x = static_cast<int>(xm / pore_cell), pi_y = static_cast<int>(ym / pore_cell);
      double pore = 0.0;
      if (unit(s.seed, pi_x, pi_y, 0, pore_stream) < 0.33) {
        const double px_mm = (pi_x + unit(s.seed, pi_x, pi_y, 1, pore_stream)) * pore_cell;
        const double py_mm = (pi_y + unit(s.seed, pi_x, pi_y, 2, pore_stream)) * pore_cell;
        pore = std::clamp(1.0 - std::hypot(xm - px_mm, ym - py_mm) / 0.07, 0.0, 1.0);
      }
      const double skin_texture = 1.0 + 0.10 * relief + 0.04 * grain - 0.18 * pore;
      const double scar_texture = 1.0 + 0.04 * relief + 0.02 * grain;
      const double light = 1.0 + s.light_gradient * ((xm / s.field_width_mm - 0.5) - 0.4 * (ym / s.field_height_mm - 0.5));
      const double r2 = (xm - shine_x) * (xm - shine_x) + (ym - shine_y) * (ym - shine_y);
      const double shine = s.shine * std::exp(-r2 / (2.0 * 6.0 * 6.0)) * (1.0 + 0.3 * relief);
      for (int c = 0; c < 3; ++c) {
        const double tissue_colour = skin[c] * skin_texture + (scar[c] * scar_texture - skin[c] * skin_texture) * tissue;
        const double lit = tissue_colour * light + shine;
        const double haired = lit + (hair[c] * light - lit) * 0.9 * out.hair[i];
        out.rgb[3 * i + c] = static_cast<float>(encoded_from_linear(haired));
      }
    }
  return out;
}

}  // namespace smp
