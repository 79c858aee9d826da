#include "scalp/scalp_regions.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sanitize.hpp"
#include "scalp/gaussian_mixture.hpp"
#include "scalp/head_outline.hpp"
#include "scalp/region_masks.hpp"
#include "scalp/specular_shine.hpp"
#include "scar/box_mean.hpp"
#include "scar/lab_colour.hpp"

namespace smp {
namespace {

// Every length is in millimetres of scalp; the windows in pixels follow the working scale.
constexpr double texture_mm = 1.0;        // hair strands and stubble make this window contrasty
constexpr double head_smoothing_mm = 2.0;
constexpr double outline_edge_mm = 3.0;    // head and background are compared this far either side
constexpr double agreement_mm = 1.0;      // bare and hair decided together over this window
constexpr double feather_mm = 0.5;
constexpr double edge_mm = 1.0;            // the outline follows lightness edges this sharp
constexpr double background_gap_mm = 5.0;  // the second look learns background this far off the head
constexpr double border_share = 0.04;     // of the photo's shorter side: the band background is learnt from
constexpr double centre_spread = 0.3;     // of the photo's size: where the head is looked for first
constexpr int head_components = 4, head_rounds = 6;
constexpr int split_rounds = 15;
constexpr std::size_t samples_max = 40000;  // per model: enough for a few Gaussians, bounded time
constexpr double hair_share_start = 0.35;  // the first guess of the split: the most hair-like third
// A split whose hair side is barely more textured than its skin side split the skin's own
// shading: then the head shows no hair.
constexpr double hair_texture_margin = 0.25;
constexpr double agreement_weight = 4.0;
// The model's say over a pixel is capped: a pixel unlike both classes (a blown-out highlight) is
// decided by its shine and its neighbours rather than by how far out it lies.
constexpr double odds_cap = 6.0;
constexpr double shine_weight = 8.0;     // log-odds for bare scalp of a full shine
constexpr double small_hole_share = 0.05;  // of the bare area: a highlight or blemish, filled

double ramp(double v, double lo, double hi) { return std::clamp((v - lo) / (hi - lo), 0.0, 1.0); }

double hue_window(double hue, double lo, double hi, double soft)
{
  const double centre = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
  return 1.0 - ramp(std::abs(std::remainder(hue - centre, 360.0)), half, half + soft);
}

double srgb_encoded(double v)
{
  v = std::clamp(v, 0.0, 1.0);
  return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}

int window_px(double mm, double px_per_mm) { return std::max(1, static_cast<int>(std::lround(mm * px_per_mm))); }

Plane box_mean(const Plane& v, int radius)
{
  return window_mean(v, Plane(v.width, v.height, 1.0f), radius);
}

struct Pixels {
  int width = 0, height = 0;
  Plane l, a, b, chroma, texture, opaque;
};

Pixels pixels_of(const std::vector<float>& rgba, int width, int height, double px_per_mm)
{
  Pixels p{width, height, Plane(width, height), Plane(width, height), Plane(width, height), Plane(width, height),
           Plane(width, height), Plane(width, height)};
  Plane l2(width, height);
  for (std::size_t i = 0; i < p.l.values.size(); ++i) {
    const float* px = &rgba[4 * i];
    const auto finite = [](float v) { return std::isfinite(v) ? static_cast<double>(v) : 0.0; };
    const Lab c = lab_from_srgb(srgb_encoded(finite(px[0])), srgb_encoded(finite(px[1])), srgb_encoded(finite(px[2])));
    p.l.values[i] = static_cast<float>(c.L);
    p.a.values[i] = static_cast<float>(c.a);
    p.b.values[i] = static_cast<float>(c.b);
    p.chroma.values[i] = static_cast<float>(std::hypot(c.a, c.b));
    p.opaque.values[i] = finite(px[3]) > 0.5 ? 1.0f : 0.0f;
    l2.values[i] = static_cast<float>(c.L * c.L);
  }
  // Texture: the spread of lightness over a millimetre, relative to its mean so that hair in the
  // head's own shadow still counts; on a log scale, where the photos' spreads compare evenly.
  const int r = window_px(texture_mm, px_per_mm);
  const Plane mean = box_mean(p.l, r), mean2 = box_mean(l2, r);
  for (std::size_t i = 0; i < p.l.values.size(); ++i) {
    const double m = mean.values[i], spread = std::sqrt(std::max(0.0, static_cast<double>(mean2.values[i]) - m * m));
    p.texture.values[i] = static_cast<float>(std::log(0.3 + 50.0 * spread / std::max(m, 8.0)));
  }
  return p;
}

// What the colour alone says, before anything is learnt: skin of any complexion (a warm hue with
// some chroma, at any lightness: dark skin is not told by darkness), a near-white shine, hair
// (textured, neutral or warm), and colours no head shows (blue, green, purple).
struct FirstGuess {
  double skin, hair, foreign;
};

FirstGuess first_guess(double l, double a, double b, double chroma, double texture)
{
  const double hue = std::atan2(b, a) * 180.0 / std::numbers::pi;
  const double skin = hue_window(hue, 15.0, 80.0, 10.0) * ramp(chroma, 3.0, 7.0) * (chroma < 60.0 ? 1.0 : 0.0);
  const double shine = l > 80.0 && chroma < 12.0 ? 1.0 : 0.0;
  const double hair = ramp(texture, 0.9, 1.5) * std::max(chroma < 10.0 ? 1.0 : 0.0, hue_window(hue, 0.0, 90.0, 15.0));
  const double foreign = chroma > 10.0 ? 1.0 - hue_window(hue, 0.0, 95.0, 20.0) : 0.0;
  return {std::max(skin, shine), hair, foreign};
}

// Every `stride`-th of the cells where `take` holds, so a model learns from at most samples_max.
template <typename Take>
std::vector<std::size_t> sampled(std::size_t count, Take take)
{
  std::size_t n = 0;
  for (std::size_t i = 0; i < count; ++i)
    n += take(i) ? 1 : 0;
  const std::size_t stride = std::max<std::size_t>(1, (n + samples_max - 1) / samples_max);
  std::vector<std::size_t> out;
  out.reserve(n / stride + 1);
  std::size_t k = 0;
  for (std::size_t i = 0; i < count; ++i)
    if (take(i) && (k++ % stride) == 0)
      out.push_back(i);
  return out;
}

// How surely each pixel is head (bare or hair) rather than background, from models of both
// learnt on this photo: first from colours near the middle against the border's, then, given
// `first_head`, from all of that head against what lies well outside it.
Plane head_certainty(const Pixels& p, double px_per_mm, Facing front, const std::vector<float>* first_head)
{
  const int w = p.width, h = p.height;
  const std::size_t count = p.l.values.size();
  const int band = std::max(2, static_cast<int>(border_share * std::min(w, h)));
  std::vector<std::uint8_t> head_seed(count), background_seed(count);
  // The face, and in a view from above and in front the forehead, may run off the photo's front
  // edge: skin there is not learnt as background.
  const auto at_front = [&](int x, int y) {
    switch (front) {
      case Facing::up: return y < band;
      case Facing::down: return y >= h - band;
      case Facing::left: return x < band;
      case Facing::right: return x >= w - band;
    }
    return false;
  };
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      const FirstGuess g = first_guess(p.l.values[i], p.a.values[i], p.b.values[i], p.chroma.values[i], p.texture.values[i]);
      const double u = (x + 0.5 - 0.5 * w) / (centre_spread * w), v = (y + 0.5 - 0.5 * h) / (centre_spread * h);
      const bool central = std::exp(-u * u - v * v) > 0.5;
      const bool border = x < band || y < band || x >= w - band || y >= h - band;
      const double headlike = std::max(g.skin, g.hair);
      const bool opaque = p.opaque.values[i] > 0.5f;
      head_seed[i] = opaque && central && headlike > 0.5;
      background_seed[i] = !opaque || (border && !(g.skin > 0.5 && at_front(x, y))) || g.foreign > 0.5;
    }
  if (first_head) {
    Plane head_plane(w, h);
    head_plane.values = *first_head;
    const Plane near = box_mean(head_plane, window_px(background_gap_mm, px_per_mm));
    for (std::size_t i = 0; i < count; ++i) {
      const bool opaque = p.opaque.values[i] > 0.5f;
      head_seed[i] = opaque && (*first_head)[i] > 0.5f;
      background_seed[i] = !opaque || (near.values[i] == 0.0f && !head_seed[i]) ||
                           (background_seed[i] && !head_seed[i]);
    }
  }
  const auto features = [&](std::size_t i) {
    return Features{p.l.values[i], p.a.values[i], p.b.values[i], 10.0 * p.texture.values[i]};
  };
  const auto model = [&](const std::vector<std::uint8_t>& seeds) {
    const std::vector<std::size_t> chosen = sampled(count, [&](std::size_t i) { return seeds[i] != 0; });
    std::vector<Features> samples(chosen.size());
    for (std::size_t k = 0; k < chosen.size(); ++k)
      samples[k] = features(chosen[k]);
    return GaussianMixture(samples, std::vector<double>(samples.size(), 1.0), 4, head_components, head_rounds);
  };
  const GaussianMixture head = model(head_seed), background = model(background_seed);
  Plane certainty(w, h);
  for (std::size_t i = 0; i < count; ++i) {
    const Features f = features(i);
    const double odds = std::clamp(head.log_likelihood(f) - background.log_likelihood(f), -30.0, 30.0);
    certainty.values[i] = p.opaque.values[i] > 0.5f ? static_cast<float>(1.0 / (1.0 + std::exp(-odds))) : 0.0f;
  }
  return box_mean(certainty, window_px(head_smoothing_mm, px_per_mm));
}

// Bare scalp's share of each head pixel (the rest is hair): a two-class model of colour and
// texture learnt on the head itself, then agreement with the neighbours over a millimetre.
Plane bare_share(const Pixels& p, const std::vector<float>& rgba, const std::vector<float>& head, double px_per_mm,
                 double sensitivity)
{
  const int w = p.width, h = p.height;
  const std::size_t count = p.l.values.size();
  Plane bare(w, h, 0.0f);
  std::vector<std::size_t> inside;
  for (std::size_t i = 0; i < count; ++i)
    if (head[i] > 0.5f)
      inside.push_back(i);
  if (inside.size() < 16)
    return bare;
  // Features standardised over the head: the hue plane (a, b), chroma, texture.
  const auto raw = [&](std::size_t i) {
    return Features{p.a.values[i], p.b.values[i], p.chroma.values[i], p.texture.values[i]};
  };
  Features mean{}, spread{};
  for (const std::size_t i : inside) {
    const Features f = raw(i);
    for (int k = 0; k < 4; ++k) {
      mean[k] += f[k];
      spread[k] += f[k] * f[k];
    }
  }
  for (int k = 0; k < 4; ++k) {
    mean[k] /= inside.size();
    spread[k] = std::sqrt(std::max(spread[k] / inside.size() - mean[k] * mean[k], 0.0)) + 1e-6;
  }
  const auto standard = [&](std::size_t i) {
    Features f = raw(i);
    for (int k = 0; k < 4; ++k)
      f[k] = (f[k] - mean[k]) / spread[k];
    return f;
  };
  const std::vector<std::size_t> chosen = sampled(inside.size(), [](std::size_t) { return true; });
  std::vector<Features> samples(chosen.size());
  std::vector<double> hairness(chosen.size());
  for (std::size_t k = 0; k < chosen.size(); ++k) {
    samples[k] = standard(inside[chosen[k]]);
    hairness[k] = samples[k][3] - samples[k][2];  // textured and less coloured
  }
  std::vector<double> sorted = hairness;
  const std::size_t cut = std::min(sorted.size() - 1, static_cast<std::size_t>((1.0 - hair_share_start) * sorted.size()));
  std::nth_element(sorted.begin(), sorted.begin() + cut, sorted.end());
  std::vector<bool> first_hair(samples.size());
  for (std::size_t k = 0; k < samples.size(); ++k)
    first_hair[k] = hairness[k] > sorted[cut];
  const TwoClassModel model(samples, 4, first_hair, split_rounds);

  Plane odds(w, h, 0.0f), on_head(w, h, 0.0f);
  for (const std::size_t i : inside) {
    odds.values[i] = static_cast<float>(std::clamp(model.log_odds(standard(i)), -odds_cap, odds_cap));
    on_head.values[i] = 1.0f;
  }
  // A shine is bare scalp: light reflected by the skin's surface, lighter than the skin around
  // it and as colourless as grey hair.
  {
    std::vector<float> first_bare(count, 0.0f);
    for (const std::size_t i : inside)
      first_bare[i] = odds.values[i] > 0.0f ? 1.0f : 0.0f;
    const std::vector<float> shine = specular_shine(rgba, first_bare, head, w, h, window_px(feather_mm, px_per_mm));
    for (const std::size_t i : inside)
      odds.values[i] += static_cast<float>(shine_weight * shine[i]);
  }
  double texture_bare = 0.0, texture_hair = 0.0, n_bare = 0.0, n_hair = 0.0;
  for (const std::size_t i : inside) {
    const bool is_bare = odds.values[i] > 0.0f;
    (is_bare ? texture_bare : texture_hair) += p.texture.values[i];
    (is_bare ? n_bare : n_hair) += 1.0;
  }
  const bool shows_hair = n_bare > 0.0 && n_hair > 0.0 &&
                          texture_hair / n_hair - texture_bare / n_bare >= hair_texture_margin;
  if (!shows_hair) {
    for (const std::size_t i : inside)
      bare.values[i] = 1.0f;
    return bare;
  }
  const double bias = 4.0 * (sensitivity - 0.5);
  const auto logistic = [](double v) { return static_cast<float>(1.0 / (1.0 + std::exp(-std::clamp(v, -30.0, 30.0)))); };
  for (const std::size_t i : inside)
    bare.values[i] = logistic(odds.values[i] + bias);
  const int r = window_px(agreement_mm, px_per_mm);
  const Plane head_share = box_mean(on_head, r);
  for (int round = 0; round < 3; ++round) {
    const Plane around = box_mean(bare, r);
    for (const std::size_t i : inside) {
      const double agree = around.values[i] / std::max(head_share.values[i], 1e-3f);
      bare.values[i] = logistic(odds.values[i] + bias + agreement_weight * (2.0 * agree - 1.0));
    }
  }
  // A highlight or a blemish in bare scalp is bare scalp.
  Mask is_bare(count);
  std::size_t bare_cells = 0;
  for (std::size_t i = 0; i < count; ++i) {
    is_bare[i] = bare.values[i] > 0.5f ? 1 : 0;
    bare_cells += is_bare[i];
  }
  const Mask holes = small_holes(is_bare, w, h, static_cast<std::size_t>(small_hole_share * bare_cells));
  for (std::size_t i = 0; i < count; ++i)
    if (holes[i] && head[i] > 0.5f)
      bare.values[i] = 1.0f;
  return bare;
}

// How strongly lightness changes at each pixel over a millimetre, 1 at the strongest of the
// changes within `head` (its 95th percentile) and above.
std::vector<float> lightness_edges(const Pixels& p, const std::vector<float>& head, double px_per_mm)
{
  const int w = p.width, h = p.height, r = window_px(edge_mm, px_per_mm);
  const Plane smooth = box_mean(p.l, r);
  std::vector<float> edges(p.l.values.size(), 0.0f);
  std::vector<double> inside;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float gx = smooth.at(std::min(x + r, w - 1), y) - smooth.at(std::max(x - r, 0), y);
      const float gy = smooth.at(x, std::min(y + r, h - 1)) - smooth.at(x, std::max(y - r, 0));
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      edges[i] = std::hypot(gx, gy);
      if (head[i] > 0.5f)
        inside.push_back(edges[i]);
    }
  if (inside.empty())
    return edges;
  const std::size_t k = static_cast<std::size_t>(0.95 * (inside.size() - 1));
  std::nth_element(inside.begin(), inside.begin() + k, inside.end());
  const double top = std::max(inside[k], 1e-3);
  for (float& e : edges)
    e = static_cast<float>(std::min(1.0, e / top));
  return edges;
}

}  // namespace

double front_rad_of(Facing facing)
{
  switch (facing) {
    case Facing::up:
      return -std::numbers::pi / 2;
    case Facing::down:
      return std::numbers::pi / 2;
    case Facing::left:
      return std::numbers::pi;
    case Facing::right:
      return 0.0;
  }
  return -std::numbers::pi / 2;
}

WorkingScale working_scale(int width, int height, double px_per_mm)
{
  using L = ScalpRegionsLimits;
  WorkingScale s;
  if (width <= 0 || height <= 0)
    return s;
  const double ppm = sanitized_number(px_per_mm, 10.0, L::px_per_mm_min, L::px_per_mm_max);
  const double pixels = static_cast<double>(width) * height;
  s.scale = std::min({1.0, std::sqrt(L::working_pixels_max / pixels), L::working_px_per_mm_max / ppm});
  s.width = std::max(1, static_cast<int>(std::lround(width * s.scale)));
  s.height = std::max(1, static_cast<int>(std::lround(height * s.scale)));
  return s;
}

ScalpRegions scalp_regions(const std::vector<float>& linear_rgba, int width, int height,
                           const ScalpRegionsSettings& settings)
{
  using L = ScalpRegionsLimits;
  ScalpRegions out;
  out.width = std::max(width, 0);
  out.height = std::max(height, 0);
  const std::size_t count = static_cast<std::size_t>(out.width) * out.height;
  out.bare.assign(count, 0.0f);
  out.hair.assign(count, 0.0f);
  out.shine.assign(count, 0.0f);
  if (width < L::working_side_min || height < L::working_side_min || linear_rgba.size() < 4 * count)
    return out;
  const double px_per_mm = sanitized_number(settings.px_per_mm, 10.0, L::px_per_mm_min, L::px_per_mm_max);
  const double sensitivity = sanitized_number(settings.sensitivity, 0.5, 0.0, 1.0);

  const Pixels pixels = pixels_of(linear_rgba, width, height, px_per_mm);
  const double front_rad = front_rad_of(settings.front), edge = outline_edge_mm * px_per_mm;
  const auto first = head_outline(head_certainty(pixels, px_per_mm, settings.front, nullptr).values, width, height, front_rad, edge);
  if (!first)
    return out;
  const std::vector<float> first_head = inside_contour(first->contour, width, height);
  const std::vector<float> edges = lightness_edges(pixels, first_head, px_per_mm);
  auto outline =
      head_outline(head_certainty(pixels, px_per_mm, settings.front, &first_head).values, width, height, front_rad, edge, &edges);
  if (!outline)
    outline = first;
  out.head = outline->frame;
  const std::vector<float> head = inside_contour(outline->contour, width, height);
  const Plane bare = bare_share(pixels, linear_rgba, head, px_per_mm, sensitivity);

  Plane bare_soft(width, height), hair_soft(width, height);
  for (std::size_t i = 0; i < count; ++i) {
    bare_soft.values[i] = head[i] * bare.values[i];
    hair_soft.values[i] = head[i] * (1.0f - bare.values[i]);
  }
  const int feather = window_px(feather_mm, px_per_mm);
  bare_soft = box_mean(bare_soft, feather);
  hair_soft = box_mean(hair_soft, feather);
  out.bare = std::move(bare_soft.values);
  out.hair = std::move(hair_soft.values);
  out.shine = shine_over_lit_skin(specular_shine(linear_rgba, out.bare, out.bare, width, height, feather), linear_rgba,
                                  out.bare, width, height, feather);
  return out;
}

}  // namespace smp
