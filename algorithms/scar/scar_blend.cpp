#include "scar/scar_blend.hpp"

#include <algorithm>
#include <cmath>

#include "sanitize.hpp"
#include "scar/plane_scale.hpp"

namespace smp {
namespace {

constexpr float hair_contrast = 6.0f;        // L* units darker than the skin around: a follicle or pore
constexpr double local_radius_mm = 10.0;     // how far skin counts as the scar's surroundings
constexpr double stats_px_per_mm = 4.0;      // local means and spreads are smooth: a coarse grid holds them
constexpr double max_stats_pixels = 4.0e6;
// Below these shares of a window the image-wide figures serve instead: a ring must surround the
// pixel; a scar's own figures need only a few of its pixels (a 0.8 mm punch is 0.1% of a window).
constexpr float min_ring_share = 0.02f, min_scar_share = 1e-4f;

int px(double mm, double px_per_mm)
{
  return static_cast<int>(std::clamp(std::lround(mm * px_per_mm), 1L, 4000L));
}

struct Moments {
  Plane mean, spread;
};

// Local mean and standard deviation of `value` over `weight`ed pixels, on the coarse grid, with
// the global figures where the window holds too little weight.
Moments local_moments(const Plane& value, const Plane& weight, int step, int radius, float min_share)
{
  Plane squared = value;
  for (float& v : squared.values)
    v *= v;
  const Plane block_weight = shrunk(weight, step, nullptr);
  const Plane block_mean = shrunk(value, step, &weight), block_square = shrunk(squared, step, &weight);
  double total = 0, sum = 0, sum2 = 0;
  for (std::size_t i = 0; i < block_weight.values.size(); ++i) {
    total += block_weight.values[i];
    sum += double(block_weight.values[i]) * block_mean.values[i];
    sum2 += double(block_weight.values[i]) * block_square.values[i];
  }
  const double global_mean = total > 0 ? sum / total : 0.0;
  const double global_spread = total > 0 ? std::sqrt(std::max(0.0, sum2 / total - global_mean * global_mean)) : 0.0;
  const Plane mean = window_mean(block_mean, block_weight, radius);
  const Plane square = window_mean(block_square, block_weight, radius);
  const Plane share = window_share(block_weight, radius);
  Moments m{Plane(mean.width, mean.height), Plane(mean.width, mean.height)};
  for (std::size_t i = 0; i < mean.values.size(); ++i) {
    const float local = std::clamp(share.values[i] / min_share, 0.0f, 1.0f);
    const float sd = std::sqrt(std::max(0.0f, square.values[i] - mean.values[i] * mean.values[i]));
    m.mean.values[i] = local * mean.values[i] + (1.0f - local) * static_cast<float>(global_mean);
    m.spread.values[i] = local * sd + (1.0f - local) * static_cast<float>(global_spread);
  }
  return {grown(m.mean, step, value.width, value.height), grown(m.spread, step, value.width, value.height)};
}

// At the scar's edge skin and scar tissue meet, and a mask never follows it to the pixel: each
// pixel takes the blend as far as its lightness says it is scar, so skin caught in the mask
// keeps its tone and follicles instead of turning into a dark line.
void edge_scar_share(const Plane& lightness, const Plane& skin_mean, const Plane& scar_mean,
                    Plane& applied)
{
  for (std::size_t i = 0; i < applied.values.size(); ++i) {
    if (applied.values[i] <= 0.0f)
      continue;
    const float gap = scar_mean.values[i] - skin_mean.values[i];
    const float share = std::abs(gap) > 1.0f ? std::clamp(2.0f * (lightness.values[i] - skin_mean.values[i]) / gap, 0.0f, 1.0f)
                                             : 1.0f;
    applied.values[i] *= share;
  }
}

}  // namespace

ScarBlendSettings sanitized(const ScarBlendSettings& in)
{
  const ScarBlendSettings d;
  ScarBlendSettings s = in;
  s.px_per_mm = sanitized_number(in.px_per_mm, d.px_per_mm, ScarBlendLimits::px_per_mm_min, ScarBlendLimits::px_per_mm_max);
  s.ring_width_mm = sanitized_number(in.ring_width_mm, d.ring_width_mm, ScarBlendLimits::ring_min, ScarBlendLimits::ring_max);
  s.feather_mm = sanitized_number(in.feather_mm, d.feather_mm, 0.0, ScarBlendLimits::feather_max);
  s.texture = sanitized_number(in.texture, d.texture, 0.0, 1.0);
  return s;
}

Plane scar_blend(LabImage& image, const Plane& raw_mask, const ScarBlendSettings& raw)
{
  const ScarBlendSettings settings = sanitized(raw);
  const int width = image.width, height = image.height;
  Plane applied(width, height);
  if (width <= 0 || height <= 0 || raw_mask.width != width || raw_mask.height != height)
    return applied;
  const double s = settings.px_per_mm;

  Plane mask(width, height), valid(width, height), inside(width, height), L(width, height);
  bool any = false;
  for (std::size_t i = 0; i < mask.values.size(); ++i) {
    const float* p = &image.lab_alpha[4 * i];
    const bool ok = std::isfinite(p[0]) && std::isfinite(p[1]) && std::isfinite(p[2]) && p[3] > 0.0f;
    const float m = raw_mask.values[i];
    valid.values[i] = ok ? 1.0f : 0.0f;
    mask.values[i] = ok && m > 0.0f ? std::min(m, 1.0f) : 0.0f;  // NaN: no scar
    inside.values[i] = mask.values[i] > 0.5f ? 1.0f : 0.0f;
    L.values[i] = ok ? p[0] : 0.0f;
    any = any || mask.values[i] > 0.0f;
  }
  if (!any)
    return applied;

  // The ring: skin within ring_width of the scar, without the follicles and pores on it.
  const Plane fine_mean = window_mean(L, valid, px(0.6, s));
  const Plane near_scar = window_share(inside, px(settings.ring_width_mm, s));
  Plane ring(width, height);
  for (std::size_t i = 0; i < ring.values.size(); ++i)
    ring.values[i] = valid.values[i] > 0.0f && mask.values[i] <= 0.0f && near_scar.values[i] > 0.0f &&
                             fine_mean.values[i] - L.values[i] <= hair_contrast
                         ? 1.0f
                         : 0.0f;

  // The scar's own figures come from its core, not from the soft edge that reaches into skin.
  Plane core = mask;
  for (float& v : core.values)
    v = v > 0.5f ? v : 0.0f;

  // Fade in over `feather` inside the edge only: never reach past the mask.
  const int feather_radius = static_cast<int>(std::lround(0.5 * settings.feather_mm * s));
  if (feather_radius >= 1) {
    const Plane all(width, height, 1.0f);
    const Plane soft = window_mean(mask, all, feather_radius);
    for (std::size_t i = 0; i < applied.values.size(); ++i)
      applied.values[i] = std::min(mask.values[i], soft.values[i]);
  } else {
    applied = mask;
  }

  const int step = working_step(width, height, s, stats_px_per_mm, max_stats_pixels);
  const int radius = px(local_radius_mm, s / step);
  Plane channel(width, height), applied_core;
  for (int c = 0; c < 3; ++c) {
    for (std::size_t i = 0; i < channel.values.size(); ++i)
      channel.values[i] = valid.values[i] > 0.0f ? image.lab_alpha[4 * i + c] : 0.0f;
    const Moments skin = local_moments(channel, ring, step, radius, min_ring_share);
    const Moments scar = local_moments(channel, core, step, radius, min_scar_share);
    if (c == 0) {
      applied_core = applied;
      edge_scar_share(channel, skin.mean, scar.mean, applied);
    }
    for (std::size_t i = 0; i < channel.values.size(); ++i) {
      const float k = applied.values[i];
      if (k <= 0.0f)
        continue;
      const float v = channel.values[i];
      float toned = v + skin.mean.values[i] - scar.mean.values[i];  // the soft rim: the mean moves, nothing else
      if (mask.values[i] >= 1.0f && k >= applied_core.values[i]) {
        const float ratio = scar.spread.values[i] > 1e-3f
                                ? std::clamp(skin.spread.values[i] / scar.spread.values[i], 0.25f, 3.0f)
                                : 1.0f;
        // The scar's own texture is scaled to the skin's; what lies far off it (a stray pixel of
        // skin or hair caught at the edge) only moves with the mean, or it would turn into a dark line.
        const float deviation = v - scar.mean.values[i], limit = 2.0f * scar.spread.values[i];
        const float texture = std::clamp(deviation, -limit, limit);
        toned = skin.mean.values[i] + texture * ratio * static_cast<float>(settings.texture) + (deviation - texture);
      }
      image.lab_alpha[4 * i + c] = v + k * (toned - v);
    }
  }
  return applied;
}

}  // namespace smp
