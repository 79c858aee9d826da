#include "analysis/hair_sample.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "analysis/gaussian_blur.hpp"
#include "scar/box_mean.hpp"

namespace smp {
namespace {

constexpr float core = 0.8f;          // coverage that counts as surely bare, or surely hair
constexpr double edge_keep_mm = 1.0;  // grain is read this far inside either side, off the seam itself
constexpr double extra_blur_px = 1.0;
constexpr double strongest_edges = 0.1;  // the share of pixels, by gradient, the softness is read on

// Two-pass chamfer distance (pixels, 1 and sqrt 2 steps) to the nearest pixel of `from`.
std::vector<float> distance_to(const std::vector<char>& from, int width, int height)
{
  constexpr float far = std::numeric_limits<float>::max() / 4;
  constexpr float diagonal = 1.41421356f;
  std::vector<float> d(from.size(), far);
  for (std::size_t i = 0; i < from.size(); ++i)
    if (from[i])
      d[i] = 0.0f;
  auto at = [&](int x, int y) -> float& { return d[static_cast<std::size_t>(y) * width + x]; };
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      float& v = at(x, y);
      if (x > 0) v = std::min(v, at(x - 1, y) + 1.0f);
      if (y > 0) {
        v = std::min(v, at(x, y - 1) + 1.0f);
        if (x > 0) v = std::min(v, at(x - 1, y - 1) + diagonal);
        if (x + 1 < width) v = std::min(v, at(x + 1, y - 1) + diagonal);
      }
    }
  for (int y = height - 1; y >= 0; --y)
    for (int x = width - 1; x >= 0; --x) {
      float& v = at(x, y);
      if (x + 1 < width) v = std::min(v, at(x + 1, y) + 1.0f);
      if (y + 1 < height) {
        v = std::min(v, at(x, y + 1) + 1.0f);
        if (x + 1 < width) v = std::min(v, at(x + 1, y + 1) + diagonal);
        if (x > 0) v = std::min(v, at(x - 1, y + 1) + diagonal);
      }
    }
  return d;
}

std::vector<float> gradient(const std::vector<float>& plane, int width, int height)
{
  std::vector<float> g(plane.size(), 0.0f);
  for (int y = 1; y + 1 < height; ++y)
    for (int x = 1; x + 1 < width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * width + x;
      g[i] = 0.5f * std::hypot(plane[i + 1] - plane[i - 1], plane[i + width] - plane[i - width]);
    }
  return g;
}

// Mean linear colour of the pixels `where` is set, the darkest and lightest 2% by luminance
// left out (stray shadow and shine), each weighed by how little of it is shine. No more is
// trimmed: the darkest pixels of stubble are its hairs.
LinearRgb mean_colour(const SegmentedPhoto& p, const std::vector<char>& where, double& weight)
{
  constexpr double trimmed = 0.02;
  std::vector<std::pair<float, std::size_t>> by_luminance;
  for (std::size_t i = 0; i < where.size(); ++i)
    if (where[i])
      by_luminance.emplace_back(0.2126f * p.rgb[3 * i] + 0.7152f * p.rgb[3 * i + 1] + 0.0722f * p.rgb[3 * i + 2], i);
  std::sort(by_luminance.begin(), by_luminance.end());
  const std::size_t from = static_cast<std::size_t>(trimmed * by_luminance.size());
  const std::size_t to = by_luminance.size() - from;
  double r = 0.0, g = 0.0, b = 0.0, kept = 0.0;
  weight = 0.0;
  for (std::size_t k = 0; k < by_luminance.size(); ++k) {
    const std::size_t i = by_luminance[k].second;
    const double w = p.shine ? 1.0 - std::clamp(static_cast<double>(p.shine[i]), 0.0, 1.0) : 1.0;
    weight += w;
    if (k < from || k >= to)
      continue;
    r += w * p.rgb[3 * i];
    g += w * p.rgb[3 * i + 1];
    b += w * p.rgb[3 * i + 2];
    kept += w;
  }
  if (!(kept > 0.0))
    return {0.0, 0.0, 0.0};
  return {r / kept, g / kept, b / kept};
}

// What the hair lets through of the skin's light, each hair pixel against the bare skin near it
// (within `HairSampleLimits::pairing_mm`), summed over the seam: a head lit from one side, or darker
// along its silhouette, puts most of its fringe in shade, and the two sides' overall means then
// took that shade for hair (a fringe no darker than the skin beside it asked for ΔL* 24). The
// sides are what is more bare than not and more hair than not, which meet at the seam: sure skin
// and sure hair lie 2-3 mm apart under smp:scalp-mask's feather, too far to pair.
std::optional<LinearRgb> hair_over_skin_nearby(const SegmentedPhoto& p)
{
  const int w = p.width, h = p.height;
  const std::size_t n = static_cast<std::size_t>(w) * h;
  std::vector<char> bare(n), hair(n);
  for (std::size_t i = 0; i < n; ++i) {
    bare[i] = p.bare[i] >= 0.5f && p.bare[i] >= p.hair[i];
    hair[i] = !bare[i] && p.hair[i] >= 0.5f;
  }
  const std::vector<float> to_bare = distance_to(bare, w, h);
  const float band = static_cast<float>(HairSampleLimits::seam_band_mm * p.px_per_mm);
  std::vector<char> hair_side(n), skin_side = bare;
  for (std::size_t i = 0; i < n; ++i)
    hair_side[i] = hair[i] && to_bare[i] <= band;
  const int radius =
      static_cast<int>(std::lround(std::clamp(HairSampleLimits::pairing_mm * p.px_per_mm, 1.0, static_cast<double>(std::max(w, h)))));
  Plane weight(w, h);
  std::array<Plane, 3> colour{Plane(w, h), Plane(w, h), Plane(w, h)};
  for (std::size_t i = 0; i < skin_side.size(); ++i)
    if (skin_side[i]) {
      weight.values[i] = 1.0f;
      for (int c = 0; c < 3; ++c)
        colour[c].values[i] = p.rgb[3 * i + c];
    }
  const Plane share = window_share(weight, radius);
  std::array<Plane, 3> nearby;
  for (int c = 0; c < 3; ++c)
    nearby[c] = window_mean(colour[c], weight, radius);
  // Sums, not a median of pixel ratios: stubble's mean tone is its dark hairs and the skin between.
  double hair_sum[3] = {0, 0, 0}, skin_sum[3] = {0, 0, 0};
  std::size_t paired = 0;
  constexpr float enough_skin = 0.05f;  // of the window, for the skin there to be measured
  for (std::size_t i = 0; i < hair_side.size(); ++i) {
    if (!hair_side[i] || share.values[i] < enough_skin)
      continue;
    ++paired;
    for (int c = 0; c < 3; ++c) {
      hair_sum[c] += p.rgb[3 * i + c];
      skin_sum[c] += nearby[c].values[i];
    }
  }
  const std::size_t enough = static_cast<std::size_t>(HairSampleLimits::min_area_cm2 * 100.0 * p.px_per_mm * p.px_per_mm);
  if (paired < std::max<std::size_t>(enough, 16) || !(skin_sum[0] > 0.0 && skin_sum[1] > 0.0 && skin_sum[2] > 0.0))
    return std::nullopt;
  const LinearRgb through{hair_sum[0] / skin_sum[0], hair_sum[1] / skin_sum[1], hair_sum[2] / skin_sum[2]};
  return through;
}

}  // namespace

double blur_sigma_px(const std::vector<float>& luminance, const std::vector<char>& where, int width, int height)
{
  if (width < 8 || height < 8 || luminance.size() != where.size())
    return 0.0;
  // An edge blurred by sigma and blurred again by s0 keeps sqrt(sigma^2 + s0^2) / sigma of its
  // gradient (Zhuo and Sim's defocus estimate): read on the strongest edges only.
  const std::vector<float> sharp = gradient(luminance, width, height);
  const std::vector<float> soft = gradient(gaussian_blur(luminance, width, height, extra_blur_px), width, height);
  std::vector<std::pair<float, float>> edges;
  for (std::size_t i = 0; i < sharp.size(); ++i)
    if (where[i] && sharp[i] > 0.0f)
      edges.emplace_back(sharp[i], soft[i]);
  if (edges.size() < 50)
    return 0.0;
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  edges.resize(std::max<std::size_t>(50, static_cast<std::size_t>(edges.size() * strongest_edges)));
  std::vector<double> sigmas;
  for (const auto& [g, gb] : edges) {
    const double ratio = gb > 0.0f ? g / gb : 0.0;
    if (ratio > 1.01)
      sigmas.push_back(extra_blur_px / std::sqrt(ratio * ratio - 1.0));
  }
  if (sigmas.empty())
    return 0.0;
  std::nth_element(sigmas.begin(), sigmas.begin() + static_cast<long>(sigmas.size() / 2), sigmas.end());
  return sigmas[sigmas.size() / 2];
}

std::optional<HairBesideSkin> sample_hair_beside_skin(const SegmentedPhoto& p)
{
  using L = HairSampleLimits;
  const int w = p.width, h = p.height;
  if (!p.rgb || !p.bare || !p.hair || w <= 0 || h <= 0 || !(p.px_per_mm > 0.0))
    return std::nullopt;
  const std::size_t n = static_cast<std::size_t>(w) * h;
  std::vector<char> bare(n), hair(n);
  for (std::size_t i = 0; i < n; ++i) {
    bare[i] = p.bare[i] >= core;
    hair[i] = !bare[i] && p.hair[i] >= core;
  }
  const std::vector<float> to_bare = distance_to(bare, w, h), to_hair = distance_to(hair, w, h);
  const float band = static_cast<float>(L::seam_band_mm * p.px_per_mm);
  const float keep = static_cast<float>(edge_keep_mm * p.px_per_mm);
  std::vector<char> hair_side(n), skin_side(n), hair_inner(n), skin_inner(n);
  for (std::size_t i = 0; i < n; ++i) {
    hair_side[i] = hair[i] && to_bare[i] <= band;
    skin_side[i] = bare[i] && to_hair[i] <= band;
    hair_inner[i] = hair_side[i] && to_bare[i] >= keep;
    skin_inner[i] = skin_side[i] && to_hair[i] >= keep;
  }
  double hair_weight = 0.0, skin_weight = 0.0;
  HairBesideSkin s;
  s.hair = mean_colour(p, hair_side, hair_weight);
  s.skin = mean_colour(p, skin_side, skin_weight);
  const double px_per_cm2 = 100.0 * p.px_per_mm * p.px_per_mm;
  if (hair_weight < L::min_area_cm2 * px_per_cm2 || skin_weight < L::min_area_cm2 * px_per_cm2)
    return std::nullopt;
  // The two sides' overall means are not a fallback: they take the head's own shade for hair.
  const auto through = hair_over_skin_nearby(p);
  if (!through)
    return std::nullopt;
  s.hair = {s.skin.r * through->r, s.skin.g * through->g, s.skin.b * through->b};
  if (p.px_per_mm >= L::grain_px_per_mm_min) {
    // Only around the seam, with room for the widest blur: the rest of the photo is not read.
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const std::size_t i = static_cast<std::size_t>(y) * w + x;
        if (hair_side[i] || skin_side[i]) {
          x0 = std::min(x0, x);
          x1 = std::max(x1, x);
          y0 = std::min(y0, y);
          y1 = std::max(y1, y);
        }
      }
    const int margin = static_cast<int>(std::ceil(3.0 * p.px_per_mm));
    x0 = std::max(0, x0 - margin);
    y0 = std::max(0, y0 - margin);
    x1 = std::min(w - 1, x1 + margin);
    y1 = std::min(h - 1, y1 + margin);
    const int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
    std::vector<float> y(static_cast<std::size_t>(cw) * ch);
    std::vector<char> hair_in(y.size()), skin_in(y.size()), hair_edge(y.size());
    for (int j = 0; j < ch; ++j)
      for (int i = 0; i < cw; ++i) {
        const std::size_t from = static_cast<std::size_t>(y0 + j) * w + (x0 + i), to = static_cast<std::size_t>(j) * cw + i;
        y[to] = static_cast<float>(0.2126 * p.rgb[3 * from] + 0.7152 * p.rgb[3 * from + 1] + 0.0722 * p.rgb[3 * from + 2]);
        hair_in[to] = hair_inner[from];
        skin_in[to] = skin_inner[from];
        hair_edge[to] = hair_side[from];
      }
    const std::vector<float> band = grain_band(y, cw, ch, p.px_per_mm);
    s.hair_grain = grain_in_band(band, y, hair_in);
    s.skin_grain = grain_in_band(band, y, skin_in);
    s.blur_mm = blur_sigma_px(y, hair_edge, cw, ch) / p.px_per_mm;
  }
  return s;
}

std::optional<HairBesideSkin> sample_selected_stubble(const SegmentedPhoto& p)
{
  if (auto beside = sample_hair_beside_skin(p))
    return beside;
  const int w = p.width, h = p.height;
  if (!p.rgb || !p.hair || w <= 0 || h <= 0 || !(p.px_per_mm > 0.0))
    return std::nullopt;
  const std::size_t n = static_cast<std::size_t>(w) * h;
  std::vector<char> selected(n);
  std::vector<std::pair<float, std::size_t>> by_luminance;
  for (std::size_t i = 0; i < n; ++i) {
    selected[i] = p.hair[i] >= core;
    if (selected[i])
      by_luminance.emplace_back(0.2126f * p.rgb[3 * i] + 0.7152f * p.rgb[3 * i + 1] + 0.0722f * p.rgb[3 * i + 2], i);
  }
  if (by_luminance.size() < HairSampleLimits::min_area_cm2 * 100.0 * p.px_per_mm * p.px_per_mm)
    return std::nullopt;
  std::sort(by_luminance.begin(), by_luminance.end());
  std::vector<char> gaps(n, 0);
  for (std::size_t k = by_luminance.size() * 4 / 5; k < by_luminance.size(); ++k)
    gaps[by_luminance[k].second] = 1;
  double weight = 0.0;
  HairBesideSkin s;
  s.hair = mean_colour(p, selected, weight);
  s.skin = mean_colour(p, gaps, weight);
  if (p.px_per_mm >= HairSampleLimits::grain_px_per_mm_min) {
    std::vector<float> y(n);
    for (std::size_t i = 0; i < n; ++i)
      y[i] = static_cast<float>(0.2126 * p.rgb[3 * i] + 0.7152 * p.rgb[3 * i + 1] + 0.0722 * p.rgb[3 * i + 2]);
    s.hair_grain = grain_within(y, selected, w, h, p.px_per_mm);
    s.blur_mm = blur_sigma_px(y, selected, w, h) / p.px_per_mm;
  }
  return s;
}

}  // namespace smp
