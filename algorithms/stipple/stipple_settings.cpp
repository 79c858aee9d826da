#include "stipple/stipple_settings.hpp"

#include <algorithm>
#include <cmath>

namespace smp {
namespace {

double clamped(double value, double fallback, double lo, double hi)
{
  if (!std::isfinite(value))
    return std::isinf(value) ? (value > 0 ? hi : lo) : fallback;
  return std::clamp(value, lo, hi);
}

}  // namespace

StippleSettings sanitized(const StippleSettings& r)
{
  using L = StippleLimits;
  const StippleSettings d;
  StippleSettings s = r;
  s.px_per_mm = clamped(r.px_per_mm, d.px_per_mm, L::px_per_mm_min, L::px_per_mm_max);
  s.density_per_cm2 = clamped(r.density_per_cm2, d.density_per_cm2, 0.0, L::density_max);
  s.dot_diameter_mm = clamped(r.dot_diameter_mm, d.dot_diameter_mm, L::dot_diameter_min, L::dot_diameter_max);
  s.size_variation = clamped(r.size_variation, d.size_variation, 0.0, 1.0);
  s.regularity = clamped(r.regularity, d.regularity, 0.0, 1.0);
  s.color = {clamped(r.color.r, d.color.r, 0.0, 1.0), clamped(r.color.g, d.color.g, 0.0, 1.0),
             clamped(r.color.b, d.color.b, 0.0, 1.0)};
  s.shade_variation = clamped(r.shade_variation, d.shade_variation, 0.0, 1.0);
  s.strength = clamped(r.strength, d.strength, 0.0, 1.0);
  s.depth_mm = clamped(r.depth_mm, d.depth_mm, 0.0, L::depth_max);
  s.halo = clamped(r.halo, d.halo, 0.0, L::halo_max);
  s.halo_radius_mm = clamped(r.halo_radius_mm, d.halo_radius_mm, L::halo_radius_min, L::halo_radius_max);
  s.age_years = clamped(r.age_years, d.age_years, 0.0, L::age_max);
  s.sessions = std::clamp(r.sessions, 1, L::sessions_max);
  s.completed_sessions = std::clamp(r.completed_sessions, 1, s.sessions);
  s.transition_coupling = clamped(r.transition_coupling, d.transition_coupling, 0.0, 1.0);
  s.elongation = clamped(r.elongation, d.elongation, 1.0, L::elongation_max);
  s.hair_direction_deg = std::isfinite(r.hair_direction_deg) ? std::fmod(r.hair_direction_deg, 360.0) : d.hair_direction_deg;
  s.whorl_x_px = clamped(r.whorl_x_px, 0.0, -L::whorl_max_px, L::whorl_max_px);
  s.whorl_y_px = clamped(r.whorl_y_px, 0.0, -L::whorl_max_px, L::whorl_max_px);
  return s;
}

}  // namespace smp
