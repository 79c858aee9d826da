#include "analysis/shade_match.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "analysis/gaussian_blur.hpp"
#include "stipple/stipple_render.hpp"

namespace smp {
namespace {

// The patch a candidate is rendered on: wide enough for the grain's 2 mm, small enough to
// solve in a fraction of a second.
constexpr double patch_mm = 16.0;
constexpr int patch_max_px = 320;
// The grain lives at 0.3-2 mm: finer photos are solved at this scale (the renderer keeps the
// same ink per mm at any scale), which keeps the solve fast.
constexpr double solve_px_per_mm_max = 8.0;
constexpr double fine_sigma_mm = 0.15, coarse_sigma_mm = 1.0;
// Neutral carbon pigment: the colour is fitted after the strength.
constexpr double neutral_pigment = 0.033;
constexpr std::array<double, 4> dot_diameters_mm{0.2, 0.25, 0.3, 0.35};
constexpr std::array<double, 7> halos{0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0};

double luminance(const LinearRgb& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

struct Measured {
  LinearRgb mean{1.0, 1.0, 1.0};
  double grain = 0.0;
};

// Full density over a patch at the settings' scale: the mean transmittance and its grain.
Measured render_patch(StippleSettings s)
{
  s.px_per_mm = std::min(s.px_per_mm, solve_px_per_mm_max);
  const int side = std::clamp(static_cast<int>(std::lround(patch_mm * s.px_per_mm)), 16, patch_max_px);
  const StippleRenderer renderer(s);
  const int pad = renderer.padding_px(0);
  std::vector<float> full(static_cast<std::size_t>(side + 2 * pad) * (side + 2 * pad), 1.0f);
  const RasterDensity density(DensityRaster{full.data(), -pad, -pad, side + 2 * pad, side + 2 * pad, false});
  std::vector<float> rgba(static_cast<std::size_t>(side) * side * 4);
  renderer.render(density, {0, 0, side, side}, 0, rgba.data());
  Measured m;
  double r = 0.0, g = 0.0, b = 0.0;
  std::vector<float> rgb(static_cast<std::size_t>(side) * side * 3);
  for (std::size_t i = 0; i < static_cast<std::size_t>(side) * side; ++i) {
    r += rgba[4 * i];
    g += rgba[4 * i + 1];
    b += rgba[4 * i + 2];
    std::copy_n(&rgba[4 * i], 3, &rgb[3 * i]);
  }
  const double n = static_cast<double>(side) * side;
  m.mean = {r / n, g / n, b / n};
  m.grain = grain_of(rgb.data(), side, side, s.px_per_mm);
  return m;
}

struct Candidate {
  StippleSettings settings;
  Measured measured;
  double shortfall = 0.0;  // how much lighter than wanted it stays at full strength
};

// The strength that gives the wanted luminance with these dots and halo (darkening grows about
// in proportion to strength), found in a few steps.
Candidate with_strength(StippleSettings s, double wanted_luminance)
{
  Candidate c;
  s.strength = 0.5;
  for (int step = 0; step < 4; ++step) {
    c.measured = render_patch(s);
    const double got = 1.0 - luminance(c.measured.mean);
    const double want = 1.0 - wanted_luminance;
    if (!(got > 1e-6))
      break;
    const double next = std::clamp(s.strength * want / got, 0.02, 1.0);
    if (std::abs(next - s.strength) < 1e-3)
      break;
    s.strength = next;
  }
  c.measured = render_patch(s);
  c.settings = s;
  c.shortfall = std::max(0.0, luminance(c.measured.mean) - wanted_luminance);
  return c;
}

LinearRgb clamped(const LinearRgb& t)
{
  auto c = [](double v) { return std::clamp(std::isfinite(v) ? v : 1.0, ShadeMatchLimits::darkest, ShadeMatchLimits::lightest); };
  return {c(t.r), c(t.g), c(t.b)};
}

}  // namespace

LinearRgb shade_transmittance(HairShade shade)
{
  // Cooler shades let more blue through: carbon pigment and grey stubble read bluish in skin.
  switch (shade) {
    case HairShade::black: return {0.52, 0.55, 0.61};
    case HairShade::dark_brown: return {0.60, 0.62, 0.66};
    case HairShade::brown: return {0.70, 0.70, 0.71};
    case HairShade::grey: return {0.67, 0.70, 0.76};
    case HairShade::blond: return {0.80, 0.78, 0.76};
  }
  return {0.60, 0.62, 0.66};
}

double lightness_drop_on_light_skin(const LinearRgb& through)
{
  const double y = 0.2126 * through.r + 0.7152 * through.g + 0.0722 * through.b;
  return 65.0 - (116.0 * std::cbrt(0.340 * y) - 16.0);  // L* 65 skin, relative luminance 0.340
}

MatchBound match_bound(const LinearRgb& transmittance)
{
  const double drop = lightness_drop_on_light_skin(transmittance);
  if (!(drop >= lightness_drop_on_light_skin(shade_transmittance(HairShade::blond))))
    return MatchBound::lighter_than_blond;
  if (drop > lightness_drop_on_light_skin(shade_transmittance(HairShade::black)) + ShadeMatchLimits::darker_than_black)
    return MatchBound::darker_than_black;
  return MatchBound::within;
}

std::vector<float> grain_band(const std::vector<float>& luminance, int width, int height, double px_per_mm)
{
  std::vector<float> band = gaussian_blur(luminance, width, height, fine_sigma_mm * px_per_mm);
  const std::vector<float> coarse = gaussian_blur(luminance, width, height, coarse_sigma_mm * px_per_mm);
  for (std::size_t i = 0; i < band.size(); ++i)
    band[i] -= coarse[i];
  return band;
}

double grain_in_band(const std::vector<float>& band, const std::vector<float>& luminance, const std::vector<char>& where)
{
  if (band.size() != where.size() || luminance.size() != where.size())
    return 0.0;
  double sum2 = 0.0, sum = 0.0;
  long count = 0;
  for (std::size_t i = 0; i < where.size(); ++i)
    if (where[i]) {
      sum2 += static_cast<double>(band[i]) * band[i];
      sum += luminance[i];
      ++count;
    }
  return count > 0 && sum > 1e-6 ? std::sqrt(sum2 / count) / (sum / count) : 0.0;
}

double grain_within(const std::vector<float>& luminance, const std::vector<char>& where, int width, int height,
                    double px_per_mm)
{
  if (width < 4 || height < 4 || !(px_per_mm > 0.0) || luminance.size() != where.size())
    return 0.0;
  return grain_in_band(grain_band(luminance, width, height, px_per_mm), luminance, where);
}

double grain_of(const float* rgb, int width, int height, double px_per_mm)
{
  if (width < 4 || height < 4)
    return 0.0;
  std::vector<float> y(static_cast<std::size_t>(width) * height);
  for (std::size_t i = 0; i < y.size(); ++i)
    y[i] = static_cast<float>(0.2126 * rgb[3 * i] + 0.7152 * rgb[3 * i + 1] + 0.0722 * rgb[3 * i + 2]);
  // Away from the patch's edges, where the wide blur runs out of pixels.
  const int margin = std::min({static_cast<int>(std::ceil(2.0 * coarse_sigma_mm * px_per_mm)), width / 4, height / 4});
  std::vector<char> inside(y.size(), 0);
  for (int j = margin; j < height - margin; ++j)
    for (int i = margin; i < width - margin; ++i)
      inside[static_cast<std::size_t>(j) * width + i] = 1;
  return grain_within(y, inside, width, height, px_per_mm);
}

ShadeMatch match_transmittance(const StippleSettings& base, const LinearRgb& wanted_rgb, double grain, double blur_mm)
{
  using L = ShadeMatchLimits;
  ShadeMatch result;
  result.wanted = clamped(wanted_rgb);
  result.wanted_grain = std::max(grain, 0.0);
  StippleSettings start = sanitized(base);
  start.output = StippleOutput::transmittance;
  start.completed_sessions = start.sessions;
  start.depth_mm = std::clamp(std::hypot(std::isfinite(blur_mm) ? blur_mm : 0.0, L::skin_softening_mm), 0.0,
                              StippleLimits::depth_max);
  start.color = {neutral_pigment, neutral_pigment, neutral_pigment};
  const double wanted_y = luminance(result.wanted);

  // Every dot size and halo: the strength that reaches the wanted tone, then the grain it has.
  // A little preference for the preset's own dots and a moderate halo breaks ties (and decides
  // alone where the photo is too small to show grain).
  Candidate best;
  double best_cost = 1e300;
  for (const double d : dot_diameters_mm)
    for (const double h : halos) {
      StippleSettings s = start;
      s.dot_diameter_mm = std::clamp(d, L::dot_diameter_min_mm, L::dot_diameter_max_mm);
      s.halo = h;
      const Candidate c = with_strength(s, wanted_y);
      const double preference = 0.002 * std::abs(d - base.dot_diameter_mm) / 0.05 + 0.001 * std::abs(h - 3.0);
      const double cost = 10.0 * c.shortfall + std::abs(c.measured.grain - result.wanted_grain) + preference;
      if (cost < best_cost) {
        best_cost = cost;
        best = c;
      }
    }

  // The colour: each channel absorbs what the wanted light leaves out, at the ink measured for
  // the neutral pigment, corrected from each new measurement. A channel that black pigment
  // cannot darken enough asks for more strength, and the others are then lightened.
  StippleSettings s = best.settings;
  auto ink_of = [](const StippleSettings& st, const Measured& m) {
    return std::max((1.0 - luminance(m.mean)) / std::max(1.0 - luminance(st.color), 0.05), 1e-3);
  };
  for (int step = 0; step < 5; ++step) {
    const Measured m = render_patch(s);
    const double ink = ink_of(s, m);
    const double wanted[3] = {result.wanted.r, result.wanted.g, result.wanted.b};
    const double got[3] = {m.mean.r, m.mean.g, m.mean.b};
    double pigment[3] = {s.color.r, s.color.g, s.color.b};
    double more_strength = 1.0;
    for (int c = 0; c < 3; ++c) {
      pigment[c] = std::clamp(pigment[c] - (got[c] - wanted[c]) / ink, 0.0, 1.0);
      if (pigment[c] == 0.0 && got[c] > wanted[c] + 0.003)
        more_strength = std::max(more_strength, (1.0 - wanted[c]) / std::max(1.0 - got[c], 1e-3));
    }
    s.color = {pigment[0], pigment[1], pigment[2]};
    s.strength = std::min(1.0, s.strength * more_strength);
  }
  const Measured final_look = render_patch(s);
  result.settings = s;
  result.transmittance = final_look.mean;
  result.grain = final_look.grain;
  return result;
}

ShadeMatch match_hair(const StippleSettings& base, const HairBesideSkin& sample)
{
  auto ratio = [](double hair, double skin) { return skin > 1e-6 ? hair / skin : 1.0; };
  const LinearRgb wanted{ratio(sample.hair.r, sample.skin.r), ratio(sample.hair.g, sample.skin.g),
                         ratio(sample.hair.b, sample.skin.b)};
  const double grain = std::sqrt(std::max(sample.hair_grain * sample.hair_grain - sample.skin_grain * sample.skin_grain, 0.0));
  return match_transmittance(base, wanted, grain, sample.blur_mm);
}

}  // namespace smp
