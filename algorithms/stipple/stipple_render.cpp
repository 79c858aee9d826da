#include "stipple/stipple_render.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "hash.hpp"

namespace smp {
namespace {

// Below this many pixels between dots they can't be told apart, and above this many dots over
// one pixel the texture is flat: both render the expected pigment instead, in bounded work.
constexpr double min_resolved_spacing_px = 0.75;
constexpr double max_dots_over_a_pixel = 512.0;
// A shadow fainter than this is none: below what a 16-bit layer holds.
constexpr double min_shadow_ink = 1e-5;
// A pixel's own footprint, as the blur that keeps sub-pixel dots from aliasing.
constexpr double pixel_blur_px = 0.35;
// The soft edge spans this many blur widths on either side of the dot's radius.
constexpr double edge_per_blur = 1.6;
// Old pigment: full effect after this many years; diameter, softness, fading and the blue shift.
constexpr double ageing_years = 20.0;
constexpr double aged_spread = 0.25, aged_blur_mm = 0.03, aged_fading = 0.35;
constexpr LinearRgb aged_cool_shift{0.0, 0.02, 0.06};
// Whorl: hair leaves the crown in a spiral, about this far off the radial direction.
constexpr double whorl_twist_rad = 0.35;

double ageing(const StippleSettings& s) { return std::min(s.age_years / ageing_years, 1.0); }

double session_shade(int session, int sessions)
{
  return sessions <= 1 ? 1.0 : 0.75 + 0.25 * session / (sessions - 1);
}

// Each session places an equal share of the dots; the sum of their shades over the done ones.
double done_sessions_shade(int completed, int sessions)
{
  double sum = 0.0;
  for (int k = 0; k < completed; ++k)
    sum += session_shade(k, sessions);
  return sum / sessions;
}

// Lighter and smaller dots where the map is below 1 (the hairline's transition zone).
double transition_thinning(const StippleSettings& s, double density)
{
  return 0.5 * s.transition_coupling * (1.0 - density);
}

}  // namespace

struct StippleRenderer::DotLook {
  int session;  // 0-based treatment pass
  double radius_mm;
  double opacity;
  double angle_rad;
};

StippleRenderer::StippleRenderer(const StippleSettings& requested)
    : settings_(sanitized(requested)),
      pattern_(settings_.density_per_cm2 / 100.0, settings_.regularity, settings_.seed)
{
  const double a = ageing(settings_);
  settings_.color = {std::min(1.0, settings_.color.r + aged_cool_shift.r * a),
                     std::min(1.0, settings_.color.g + aged_cool_shift.g * a),
                     std::min(1.0, settings_.color.b + aged_cool_shift.b * a)};
}

double StippleRenderer::scale_at(int level) const
{
  return settings_.px_per_mm / std::ldexp(1.0, std::clamp(level, 0, 30));
}

double StippleRenderer::footprint_radius_px(double px_per_mm) const
{
  const StippleSettings& s = settings_;
  const double a = ageing(s);
  const double radius_px = 0.5 * s.dot_diameter_mm * (1.0 + s.size_variation) * (1.0 + aged_spread * a) *
                           std::sqrt(s.elongation) * px_per_mm;
  const double blur_px = std::hypot((s.depth_mm + aged_blur_mm * a) * px_per_mm, pixel_blur_px);
  const double core = radius_px + edge_per_blur * blur_px + 1.0;
  const double halo = s.halo > 0.0 ? HaloGrid::reach_px(halo_sigma_px(px_per_mm)) : 0.0;
  return std::min(std::max(core, halo), double{max_footprint_px});
}

double StippleRenderer::halo_sigma_px(double px_per_mm) const
{
  return std::hypot(settings_.halo_radius_mm * px_per_mm, pixel_blur_px);
}

bool StippleRenderer::dots_resolved(double px_per_mm) const
{
  const double spacing_px = pattern_.spacing_mm() * px_per_mm;
  const double reach = footprint_radius_px(px_per_mm);
  return spacing_px >= min_resolved_spacing_px &&
         std::numbers::pi * reach * reach <= max_dots_over_a_pixel * spacing_px * spacing_px;
}

int StippleRenderer::padding_px(int level) const
{
  const double scale = scale_at(level);
  if (pattern_.empty() || !dots_resolved(scale))
    return 0;
  return static_cast<int>(std::ceil(footprint_radius_px(scale))) + 1;
}

StippleRenderer::DotLook StippleRenderer::look_of(const PatternDot& dot, float density) const
{
  const StippleSettings& s = settings_;
  const double size_u = to_unit(mix64(dot.key ^ 0x51u));
  const double shade_u = to_unit(mix64(dot.key ^ 0x5au));
  const double a = ageing(s);
  const double thin = transition_thinning(s, density);
  const int session = std::min(static_cast<int>(dot.rank / density * s.sessions), s.sessions - 1);

  DotLook look;
  look.session = session;
  const double size = std::max(0.2, 1.0 + s.size_variation * (2.0 * size_u - 1.0));
  look.radius_mm = 0.5 * s.dot_diameter_mm * size * (1.0 - thin) * (1.0 + aged_spread * a);
  look.opacity = std::clamp(s.strength * (1.0 + s.shade_variation * (2.0 * shade_u - 1.0)) *
                                session_shade(session, s.sessions) * (1.0 - thin) * (1.0 - aged_fading * a),
                            0.0, 1.0);
  if (s.use_whorl) {
    const double wx = s.whorl_x_px / s.px_per_mm, wy = s.whorl_y_px / s.px_per_mm;
    look.angle_rad = std::atan2(dot.y_mm - wy, dot.x_mm - wx) + whorl_twist_rad;
  } else {
    look.angle_rad = s.hair_direction_deg * std::numbers::pi / 180.0;
  }
  return look;
}

double StippleRenderer::mean_dot_ink(float density) const
{
  const StippleSettings& s = settings_;
  const double m = std::clamp(static_cast<double>(density), 0.0, 1.0);
  const double a = ageing(s);
  const double keep = 1.0 - transition_thinning(s, m);
  const double radius_mm = 0.5 * s.dot_diameter_mm * (1.0 + aged_spread * a) * keep;
  const double mean_size2 = 1.0 + s.size_variation * s.size_variation / 3.0;
  const double area_share = s.density_per_cm2 / 100.0 * m * std::numbers::pi * radius_mm * radius_mm * mean_size2;
  const double opacity = s.strength * done_sessions_shade(s.completed_sessions, s.sessions) * keep *
                         (1.0 - aged_fading * a);
  return area_share * opacity;
}

double StippleRenderer::mean_halo_ink(float density) const
{
  const StippleSettings& s = settings_;
  // The shadow is smooth where several dots share it; where dots lie farther apart than its
  // reach it fades with how many are there, and where none are, there is none.
  const double sigma_mm = s.halo_radius_mm;
  const double dots_within = s.density_per_cm2 / 100.0 * std::clamp(static_cast<double>(density), 0.0, 1.0) *
                             std::numbers::pi * 4.0 * sigma_mm * sigma_mm;
  const double ink = mean_dot_ink(density) * s.halo * std::min(dots_within, 1.0);
  return ink < min_shadow_ink ? 0.0 : std::min(ink, 1.0);
}

double StippleRenderer::mean_ink(float density) const
{
  return std::clamp(mean_dot_ink(density) + mean_halo_ink(density), 0.0, 1.0);
}

void StippleRenderer::render(const DensitySource& density, const PixelRect& out, int level, float* rgba) const
{
  StippleBand(*this, density, out, level).draw(out, rgba, 4 * static_cast<std::size_t>(std::max(out.width, 0)));
}

StippleBand::StippleBand(const StippleRenderer& renderer, const DensitySource& density, const PixelRect& band,
                         int level)
    : renderer_(renderer), density_(density), band_(band),
      pigment_(renderer.settings_.color, renderer.settings_.output == StippleOutput::transmittance)
{
  if (renderer.pattern_.empty() || renderer.settings_.strength <= 0.0 || band.width <= 0 || band.height <= 0)
    return;
  const double scale = renderer.scale_at(level);
  if (renderer.dots_resolved(scale)) {
    look_ = Look::dots;
    place_dots(scale);
  } else {
    look_ = Look::mean;
  }
}

void StippleBand::place_dots(double scale)
{
  const StippleRenderer& r = renderer_;
  const StippleSettings& s = r.settings_;
  const double reach_max = r.footprint_radius_px(scale);
  const MmRect area{(band_.x - reach_max) / scale, (band_.y - reach_max) / scale,
                    (band_.x + band_.width + reach_max) / scale, (band_.y + band_.height + reach_max) / scale};
  const double edge = edge_per_blur * std::hypot((s.depth_mm + aged_blur_mm * ageing(s)) * scale, pixel_blur_px);
  const double stretch = std::sqrt(s.elongation);
  DiscAxes axes;
  if (s.halo > 0.0)
    halos_.emplace(band_, r.halo_sigma_px(scale));
  const std::vector<PatternDot> dots = r.pattern_.dots_in(area);
  discs_.reserve(dots.size());
  shapes_.reserve(dots.size());
  covers_.reserve(std::min(dots.size() * 32, max_kept_cover_floats));  // about a default disc each
  // The map under every dot first, in one call: a filter reads just those pixels, and their
  // scattered reads wait for memory together instead of one after another.
  std::vector<long> xs(dots.size()), ys(dots.size());
  for (std::size_t k = 0; k < dots.size(); ++k) {
    xs[k] = floor_to_long(dots[k].x_mm * scale);
    ys[k] = floor_to_long(dots[k].y_mm * scale);
  }
  std::vector<float> density_at_dot(dots.size());
  density_.sample(xs.data(), ys.data(), dots.size(), density_at_dot.data());
  for (std::size_t k = 0; k < dots.size(); ++k) {
    const PatternDot& dot = dots[k];
    const double cx = dot.x_mm * scale, cy = dot.y_mm * scale;
    const float m = std::min(density_at_dot[k], 1.0f);
    if (!(m > dot.rank))
      continue;
    const StippleRenderer::DotLook look = r.look_of(dot, m);
    if (look.session >= s.completed_sessions)
      continue;
    const double radius = look.radius_mm * scale;
    const DiscShape shape{cx, cy, radius, edge, stretch, look.angle_rad, look.opacity};
    DiscCover box = disc_bounds(shape, reach_max);
    if (box.overlaps(band_)) {
      const auto cover_floats = static_cast<std::size_t>((box.width + 3) / 4 * 4 * box.height);
      if (covers_.size() + cover_floats > max_kept_cover_floats) {
        box.offset = DiscCover::not_kept;
        discs_.push_back(box);
        shapes_.push_back(shape);
      } else {
        axes.orient(look.angle_rad, stretch);
        if (add_disc_cover(shape, axes, box, covers_)) {
          discs_.push_back(box);
          shapes_.push_back(shape);
        }
      }
    }
  }
  if (halos_) {
    // The light scattered in the skin around the dots is a smooth shadow over the density,
    // not a cloud that follows the chance gaps and clusters of single dots.
    std::vector<long> cx, cy;
    halos_->drop_centres(cx, cy);
    std::vector<float> ink(cx.size());
    density_.sample(cx.data(), cy.data(), cx.size(), ink.data());
    for (float& m : ink)
      m = m > 0.0f ? static_cast<float>(r.mean_halo_ink(m)) : 0.0f;
    halos_->set_expected(ink);
    halos_->spread();
  }
  index_strips();
}

long StippleBand::strip_of(long x) const
{
  return x >= 0 ? x / strip_px : -((-x + strip_px - 1) / strip_px);
}

void StippleBand::index_strips()
{
  first_strip_ = strip_of(band_.x);
  const long strips = strip_of(band_.x + static_cast<long>(band_.width) - 1) - first_strip_ + 1;
  const auto strips_of = [&](const DiscCover& disc) {
    return std::pair{std::max(strip_of(disc.x0) - first_strip_, 0L),
                     std::min(strip_of(disc.x0 + disc.width - 1) - first_strip_, strips - 1)};
  };
  strip_first_.assign(static_cast<std::size_t>(strips + 1), 0);
  for (const DiscCover& disc : discs_) {
    const auto [first, last] = strips_of(disc);
    for (long k = first; k <= last; ++k)
      ++strip_first_[static_cast<std::size_t>(k + 1)];
  }
  for (std::size_t k = 1; k < strip_first_.size(); ++k)
    strip_first_[k] += strip_first_[k - 1];
  strip_discs_.resize(strip_first_.back());
  std::vector<std::uint32_t> filled(strip_first_.begin(), strip_first_.end() - 1);
  for (std::size_t d = 0; d < discs_.size(); ++d) {
    const auto [first, last] = strips_of(discs_[d]);
    for (long k = first; k <= last; ++k)
      strip_discs_[filled[static_cast<std::size_t>(k)]++] = static_cast<std::uint32_t>(d);
  }
}

void StippleBand::draw(const PixelRect& piece, float* rgba, std::size_t row_stride) const
{
  // The halos, where there are any, are the first layer of pigment: they write every pixel.
  if (halos_) {
    halos_->paint(pigment_, piece, rgba, row_stride);
  } else {
    const float4 blank = splat4(renderer_.settings_.output == StippleOutput::transmittance ? 1.0f : 0.0f);
    for (int y = 0; y < piece.height; ++y) {
      float* row = rgba + static_cast<std::size_t>(y) * row_stride;
      for (int x = 0; x < piece.width; ++x)
        store4(row + 4 * x, blank);
    }
  }
  if (look_ == Look::mean)
    draw_mean(piece, rgba, row_stride);
  else if (look_ == Look::dots)
    draw_discs(piece, rgba, row_stride);
}

void StippleBand::draw_discs(const PixelRect& piece, float* rgba, std::size_t row_stride) const
{
  const long first = std::max(strip_of(piece.x) - first_strip_, 0L);
  const long last = std::min(strip_of(piece.x + static_cast<long>(piece.width) - 1) - first_strip_,
                             static_cast<long>(strip_first_.size()) - 2);
  if (last - first >= 4) {  // a wide piece: every disc, tested one by one
    for (std::size_t d = 0; d < discs_.size(); ++d)
      if (discs_[d].overlaps(piece))
        draw_disc(d, piece, rgba, row_stride);
    return;
  }
  // The discs of the strips under the piece, each once and in the pattern's order.
  std::vector<std::uint32_t> under;
  for (long k = first; k <= last; ++k)
    under.insert(under.end(), strip_discs_.begin() + strip_first_[static_cast<std::size_t>(k)],
                 strip_discs_.begin() + strip_first_[static_cast<std::size_t>(k + 1)]);
  if (last > first) {
    std::sort(under.begin(), under.end());
    under.erase(std::unique(under.begin(), under.end()), under.end());
  }
  for (const std::uint32_t d : under)
    if (discs_[d].overlaps(piece))
      draw_disc(d, piece, rgba, row_stride);
}

void StippleBand::draw_disc(std::size_t disc, const PixelRect& piece, float* rgba, std::size_t row_stride) const
{
  if (discs_[disc].offset != DiscCover::not_kept) {
    apply_disc_cover(discs_[disc], covers_.data(), pigment_, piece, rgba, row_stride);
    return;
  }
  const DiscShape& shape = shapes_[disc];
  DiscAxes axes;
  axes.orient(shape.angle_rad, shape.stretch);
  DiscCover box = discs_[disc];
  CoverPool cover;
  if (add_disc_cover(shape, axes, box, cover))
    apply_disc_cover(box, cover.data(), pigment_, piece, rgba, row_stride);
}

void StippleBand::draw_mean(const PixelRect& piece, float* rgba, std::size_t row_stride) const
{
  const auto width = static_cast<std::size_t>(std::max(piece.width, 0));
  std::vector<long> xs(width), ys(width);
  std::vector<float> row(width);
  for (std::size_t i = 0; i < width; ++i)
    xs[i] = piece.x + static_cast<long>(i);
  for (int j = 0; j < piece.height; ++j) {
    std::fill(ys.begin(), ys.end(), piece.y + j);
    density_.sample(xs.data(), ys.data(), width, row.data());
    for (std::size_t i = 0; i < width; ++i) {
      const float m = row[i];
      if (m > 0.0f)
        pigment_.apply(rgba + static_cast<std::size_t>(j) * row_stride + 4 * static_cast<std::size_t>(i),
                       static_cast<float>(renderer_.mean_ink(m)));
    }
  }
}

}  // namespace smp
