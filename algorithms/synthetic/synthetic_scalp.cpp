#include "synthetic/synthetic_scalp.hpp"

#include <algorithm>
#include <cmath>

#include "hash.hpp"
#include "value_noise.hpp"

namespace smp {
namespace {

struct Rgb {
  double r, g, b;
};

double smooth(double t) { return t * t * (3.0 - 2.0 * t); }

// How much of the fringe (remaining hair) covers a point, from its normalised head position.
double fringe_cover(double nx, double ny)
{
  const double r = std::hypot(nx, ny);
  const double sides_and_back = smooth(std::clamp((ny + 0.35) / 0.35, 0.0, 1.0));
  return smooth(std::clamp((r - 0.70) / 0.12, 0.0, 1.0)) * sides_and_back;
}

// Dark coverage of the stubble at pixel (x, y): short strokes from hashed follicles.
double stubble_at(const SyntheticScalpSpec& s, const Ellipse& head, double x, double y)
{
  const double cell = 10.0 / std::sqrt(s.stubble_per_cm2) * s.px_per_mm;
  const double length = std::clamp(s.hair_length_mm, 0.1, 30.0) * s.px_per_mm, half_width = 0.05 * s.px_per_mm + 0.35;
  const double curl = s.hair_length_mm > 2.0 ? 0.6 : 0.0;  // longer hair bends as it lies
  const double reach = curl > 0.0 ? 1.3 * length : length;
  const auto cx0 = static_cast<std::int64_t>(std::floor((x - reach) / cell));
  const auto cy0 = static_cast<std::int64_t>(std::floor((y - reach) / cell));
  double clear = 1.0;
  for (std::int64_t cy = cy0; cy <= cy0 + static_cast<std::int64_t>(2 * reach / cell) + 1; ++cy)
    for (std::int64_t cx = cx0; cx <= cx0 + static_cast<std::int64_t>(2 * reach / cell) + 1; ++cx)
      for (std::uint32_t hair = 0; hair < 2; ++hair) {
        const std::uint64_t h = hash_key(s.seed, cx, cy, hair, 7);
        const double fx = (cx + to_unit(h)) * cell, fy = (cy + to_unit(mix64(h))) * cell;
        const double nx = (fx - head.centre_x) / head.radius_x, ny = (fy - head.centre_y) / head.radius_y;
        if (to_unit(mix64(h ^ 3)) > fringe_cover(nx, ny))
          continue;
        // Hair lies backwards and outwards, as it grows on the sides and back.
        const double angle = std::atan2(ny + 0.4, nx) + 0.3 * (to_unit(mix64(h ^ 5)) - 0.5);
        const double ux = std::cos(angle), uy = std::sin(angle);
        const double l = length * (0.6 + 0.6 * to_unit(mix64(h ^ 9)));
        const double along = (x - fx) * ux + (y - fy) * uy;
        const double bend = curl * (to_unit(mix64(h ^ 11)) - 0.5) * along * along / std::max(l, 1.0);
        const double across = -(x - fx) * uy + (y - fy) * ux - bend;
        if (along < -half_width || along > l + half_width)
          continue;
        const double cover = std::clamp(1.0 - std::abs(across) / half_width, 0.0, 1.0) * 0.8;
        clear *= 1.0 - cover;
      }
  return 1.0 - clear;
}

Rgb skin_at(const SyntheticScalpSpec& s, const Ellipse& head, double x, double y, double nx, double ny)
{
  const double r2 = nx * nx + ny * ny;
  const double nz = std::sqrt(std::max(0.0, 1.0 - r2));
  const double length = std::sqrt(0.49 * r2 + nz * nz);
  const double lx = -0.35, ly = -0.45, lz = 0.82;  // light from the upper left
  const double diffuse = std::max(0.0, (0.7 * nx * lx + 0.7 * ny * ly + nz * lz) / length);
  const double specular = std::pow(std::max(0.0, (0.7 * nx * (lx) + 0.7 * ny * (ly) + nz * (lz + 1.0)) /
                                                      (length * std::sqrt(lx * lx + ly * ly + (lz + 1) * (lz + 1)))),
                                   40.0);
  const double mottle = 0.03 * value_noise(s.seed, 1, x, y, 9.0 * s.px_per_mm) +
                        0.025 * value_noise(s.seed, 2, x, y, 2.0 * s.px_per_mm);
  const double redness = 0.025 * value_noise(s.seed, 3, x, y, 14.0 * s.px_per_mm);
  const double pore = to_unit(hash_key(s.seed, static_cast<std::int64_t>(x), static_cast<std::int64_t>(y), 0, 4)) <
                              0.0045 * 36.0 / (s.px_per_mm * s.px_per_mm) ? 0.06 : 0.0;
  const double grain = 0.02 * (to_unit(hash_key(s.seed, static_cast<std::int64_t>(x), static_cast<std::int64_t>(y), 0, 5)) - 0.5);
  const double shade = 1.0 - s.side_shade * smooth(std::clamp(0.5 * (nx + 1.0), 0.0, 1.0));
  const double light = (0.42 + 0.55 * diffuse + mottle + grain - pore) * shade;
  (void)head;
  return {std::min(1.0, light * (s.skin_r + redness) + 0.22 * s.shine * specular),
          std::min(1.0, light * (s.skin_g - 0.5 * redness) + 0.2 * s.shine * specular),
          std::min(1.0, light * s.skin_b + 0.2 * s.shine * specular)};
}

Rgb cloth_at(const SyntheticScalpSpec& s, double x, double y)
{
  const double weave = 0.04 * value_noise(s.seed, 6, x, y, 3.0 * s.px_per_mm) +
                       0.02 * std::sin((x + y) / (1.2 * s.px_per_mm));
  const double shade = 0.55 + 0.25 * y / s.height_px + weave;
  return {0.55 * shade, 0.62 * shade, 0.78 * shade};
}

}  // namespace

SyntheticScalp synthetic_scalp_top_view(const SyntheticScalpSpec& s)
{
  SyntheticScalp out;
  out.width = std::clamp(s.width_px, 1, 1 << 14);
  out.height = std::clamp(s.height_px, 1, 1 << 14);
  out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * 3);
  const Ellipse head{out.width / 2.0, out.height / 2.0, 0.5 * s.head_width_mm * s.px_per_mm,
                     0.5 * s.head_length_mm * s.px_per_mm};
  out.head = head;
  out.bald_area = {head.centre_x, head.centre_y - 0.12 * head.radius_y, 0.68 * head.radius_x, 0.82 * head.radius_y};
  const Rgb hair{0.16, 0.12, 0.10};
  out.truth.assign(static_cast<std::size_t>(out.width) * out.height, SyntheticScalp::background);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const double px = x + 0.5, py = y + 0.5;
      const double nx = (px - head.centre_x) / head.radius_x, ny = (py - head.centre_y) / head.radius_y;
      const double r = std::hypot(nx, ny);
      const double inside = std::clamp((1.0 - r) * std::min(head.radius_x, head.radius_y) + 0.5, 0.0, 1.0);
      Rgb c = cloth_at(s, px, py);
      if (inside > 0.0) {
        Rgb skin = skin_at(s, head, px, py, nx, ny);
        const double stubble = stubble_at(s, head, px, py);
        const double fringe_shadow = 0.25 * fringe_cover(nx, ny);
        skin = {skin.r * (1 - fringe_shadow), skin.g * (1 - fringe_shadow), skin.b * (1 - fringe_shadow)};
        skin = {skin.r + (hair.r - skin.r) * stubble, skin.g + (hair.g - skin.g) * stubble,
                skin.b + (hair.b - skin.b) * stubble};
        c = {c.r + (skin.r - c.r) * inside, c.g + (skin.g - c.g) * inside, c.b + (skin.b - c.b) * inside};
      }
      if (inside >= 0.5)
        out.truth[static_cast<std::size_t>(y) * out.width + x] =
            fringe_cover(nx, ny) >= 0.5 ? SyntheticScalp::hair : SyntheticScalp::bare_scalp;
      float* p = &out.rgb[3 * (static_cast<std::size_t>(y) * out.width + x)];
      p[0] = static_cast<float>(std::clamp(c.r, 0.0, 1.0));
      p[1] = static_cast<float>(std::clamp(c.g, 0.0, 1.0));
      p[2] = static_cast<float>(std::clamp(c.b, 0.0, 1.0));
    }
  return out;
}

}  // namespace smp
