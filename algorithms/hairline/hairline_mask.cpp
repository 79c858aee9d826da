#include "hairline/hairline_mask.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "hash.hpp"
#include "sanitize.hpp"
#include "value_noise.hpp"

namespace smp {
namespace {

// 10%-90% of each profile's full ramp: the transition width is measured the same way for all.
constexpr double linear_share = 0.8;       // of the linear ramp's length
constexpr double smooth_share = 0.6084;    // of smoothstep's length
constexpr double feathered_sigmas = 2.5631;  // widths of the erf profile's sigma

// Micro-irregularity: patches of uneven density about this size, and stray hairs ahead.
constexpr double micro_scale_mm = 1.5;
constexpr double micro_depth = 0.35;
constexpr double stray_cell_mm = 2.5, stray_radius_mm = 0.6, stray_density = 0.45;
constexpr double stray_zone_mm = 6.0;  // how far ahead of the ramp stray hairs reach

enum Stream : std::uint32_t { macro_stream = 11, micro_stream, stray_stream };

}  // namespace

HairlineMaskSettings sanitized(const HairlineMaskSettings& r)
{
  using L = HairlineMaskLimits;
  const HairlineMaskSettings d;
  HairlineMaskSettings s = r;
  s.px_per_mm = sanitized_number(r.px_per_mm, d.px_per_mm, L::px_per_mm_min, L::px_per_mm_max);
  s.transition_width_mm = sanitized_number(r.transition_width_mm, d.transition_width_mm, L::transition_min, L::transition_max);
  s.micro_irregularity = sanitized_number(r.micro_irregularity, d.micro_irregularity, 0.0, 1.0);
  s.macro_irregularity_mm = sanitized_number(r.macro_irregularity_mm, d.macro_irregularity_mm, 0.0, L::macro_max);
  s.macro_wavelength_mm = sanitized_number(r.macro_wavelength_mm, d.macro_wavelength_mm, L::wavelength_min, L::wavelength_max);
  s.grow_mm = sanitized_number(r.grow_mm, d.grow_mm, 0.0, L::grow_max);
  return s;
}

HairlineMask::HairlineMask(const Path& path, const HairlineMaskSettings& settings, int level)
    : settings_(sanitized(settings)),
      px_per_mm_(settings_.px_per_mm / std::ldexp(1.0, std::clamp(level, 0, 30))),
      side_(path, 1.0 / std::ldexp(1.0, std::clamp(level, 0, 30)))
{
}

double HairlineMask::ramp_reach_mm() const
{
  const double w = settings_.transition_width_mm;
  switch (settings_.profile) {
    case RampProfile::linear: return 0.5 * w / linear_share;
    case RampProfile::smooth: return 0.5 * w / smooth_share;
    case RampProfile::feathered: break;
  }
  return 3.5 * w / feathered_sigmas;  // erf is within 3e-7 of 0 or 1 beyond 3.5 sigma
}

double HairlineMask::profile(double s) const
{
  const double w = settings_.transition_width_mm;
  switch (settings_.profile) {
    case RampProfile::linear: return std::clamp(0.5 + s * linear_share / w, 0.0, 1.0);
    case RampProfile::smooth: {
      const double t = std::clamp(0.5 + s * smooth_share / w, 0.0, 1.0);
      return t * t * (3.0 - 2.0 * t);
    }
    case RampProfile::feathered: break;
  }
  return 0.5 * std::erfc(-s * feathered_sigmas / (w * std::sqrt(2.0)));
}

void HairlineMask::render(const PixelRect& rect, float* density) const
{
  const HairlineMaskSettings& s = settings_;
  const std::size_t n = static_cast<std::size_t>(rect.width) * static_cast<std::size_t>(rect.height);
  if (side_.empty()) {
    std::fill(density, density + n, 0.0f);
    return;
  }
  const double reach_mm = ramp_reach_mm() + s.macro_irregularity_mm + stray_zone_mm + stray_radius_mm + s.grow_mm;
  const double reach_px = reach_mm * px_per_mm_;
  std::vector<float> distance(static_cast<std::size_t>(rect.width));
  for (int j = 0; j < rect.height; ++j) {
    side_.row(rect.y + j, rect.x, rect.width, reach_px, distance.data());
    float* out = density + static_cast<std::size_t>(j) * rect.width;
    const double y_mm = (rect.y + j + 0.5) / px_per_mm_;
    for (int i = 0; i < rect.width; ++i) {
      double d_mm = distance[static_cast<std::size_t>(i)] / px_per_mm_;
      if (std::abs(d_mm) >= reach_mm) {
        out[i] = d_mm > 0 ? 1.0f : 0.0f;
        continue;
      }
      d_mm += s.grow_mm;
      const double x_mm = (rect.x + i + 0.5) / px_per_mm_;
      d_mm += s.macro_irregularity_mm * value_noise(s.seed, macro_stream, x_mm, y_mm, s.macro_wavelength_mm);
      double m = profile(d_mm);
      if (s.micro_irregularity > 0.0) {
        m += s.micro_irregularity * micro_depth * value_noise(s.seed, micro_stream, x_mm, y_mm, micro_scale_mm) * 4.0 *
             m * (1.0 - m);
        // A few single hairs ahead of the line: soft spots at hashed places in the zone.
        const double ahead = -d_mm - ramp_reach_mm();
        if (ahead > -ramp_reach_mm() && ahead < stray_zone_mm) {
          const double cx = std::floor(x_mm / stray_cell_mm), cy = std::floor(y_mm / stray_cell_mm);
          const std::uint64_t h = hash_key(s.seed, static_cast<std::int64_t>(cx), static_cast<std::int64_t>(cy), 0,
                                           stray_stream);
          if (to_unit(h) < 0.35 * s.micro_irregularity) {
            const double sx = (cx + 0.2 + 0.6 * to_unit(mix64(h))) * stray_cell_mm;
            const double sy = (cy + 0.2 + 0.6 * to_unit(mix64(h ^ 1))) * stray_cell_mm;
            const double r2 = ((x_mm - sx) * (x_mm - sx) + (y_mm - sy) * (y_mm - sy)) / (stray_radius_mm * stray_radius_mm);
            m = std::max(m, stray_density * std::exp(-0.5 * r2) * (1.0 - ahead / stray_zone_mm));
          }
        }
      }
      out[i] = static_cast<float>(std::clamp(m, 0.0, 1.0));
    }
  }
}

}  // namespace smp
