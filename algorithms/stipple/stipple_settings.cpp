#include "stipple/stipple_settings.hpp"

#include <algorithm>
#include <cmath>

#include "sanitize.hpp"

namespace smp {

StippleSettings sanitized(const StippleSettings& r)
{
  using L = StippleLimits;
  const StippleSettings d;
  StippleSettings s = r;
  s.px_per_mm = sanitized_number(r.px_per_mm, d.px_per_mm, L::px_per_mm_min, L::px_per_mm_max);
  s.density_per_cm2 = sanitized_number(r.density_per_cm2, d.density_per_cm2, 0.0, L::density_max);
  s.dot_diameter_mm = sanitized_number(r.dot_diameter_mm, d.dot_diameter_mm, L::dot_diameter_min, L::dot_diameter_max);
  s.size_variation = sanitized_number(r.size_variation, d.size_variation, 0.0, 1.0);
  s.regularity = sanitized_number(r.regularity, d.regularity, 0.0, 1.0);
  s.color = {sanitized_number(r.color.r, d.color.r, 0.0, 1.0), sanitized_number(r.color.g, d.color.g, 0.0, 1.0),
             sanitized_number(r.color.b, d.color.b, 0.0, 1.0)};
  s.shade_variation = sanitized_number(r.shade_variation, d.shade_variation, 0.0, 1.0);
  s.strength = sanitized_number(r.strength, d.strength, 0.0, 1.0);
  s.depth_mm = sanitized_number(r.depth_mm, d.depth_mm, 0.0, L::depth_max);
  s.halo = sanitized_number(r.halo, d.halo, 0.0, L::halo_max);
  s.halo_radius_mm = sanitized_number(r.halo_radius_mm, d.halo_radius_mm, L::halo_radius_min, L::halo_radius_max);
  s.age_years = sanitized_number(r.age_years, d.age_years, 0.0, L::age_max);
  s.sessions = std::clamp(r.sessions, 1, L::sessions_max);
  s.completed_sessions = std::clamp(r.completed_sessions, 1, s.sessions);
  s.transition_coupling = sanitized_number(r.transition_coupling, d.transition_coupling, 0.0, 1.0);
  s.elongation = sanitized_number(r.elongation, d.elongation, 1.0, L::elongation_max);
  s.hair_direction_deg = std::isfinite(r.hair_direction_deg) ? std::fmod(r.hair_direction_deg, 360.0) : d.hair_direction_deg;
  s.whorl_x_px = sanitized_number(r.whorl_x_px, 0.0, -L::whorl_max_px, L::whorl_max_px);
  s.whorl_y_px = sanitized_number(r.whorl_y_px, 0.0, -L::whorl_max_px, L::whorl_max_px);
  return s;
}

}  // namespace smp
