// The stipple's settings in the user's units, and the ranges that keep any value safe.
#pragma once

#include <cstdint>

namespace smp {

enum class StippleOutput { transmittance, dots };

struct LinearRgb {
  double r, g, b;
};

// Defaults from docs/domain.md, "Impressions": ~1 mm spacing (about 90-100 dots/cm^2 at
// completion), healed dots of 0.10-0.25 mm, three sessions light first, carbon black greys. With
// the scattering shadow they darken light skin by about ΔL* 7 at completion at any scale (the
// stubble of the clients in the development photos is ΔL* 10-20 darker than their skin).
struct StippleSettings {
  StippleOutput output = StippleOutput::transmittance;
  double px_per_mm = 10.0;
  double density_per_cm2 = 90.0;     // dots per cm^2 where the density map is 1
  double dot_diameter_mm = 0.25;     // visible healed dot, before the skin's softening
  double size_variation = 0.25;      // relative spread of dot diameters
  double regularity = 0.9;           // 0 = Poisson, 1 = as even as the hard-core process allows
  LinearRgb color{0.033, 0.033, 0.033};  // pigment transmittance at full strength, linear light
  double shade_variation = 0.15;     // relative spread of dot strength
  double strength = 0.9;             // fraction of the pigment's darkening a dot reaches
  double depth_mm = 0.05;            // softening of the dot edge seen through skin
  double halo = 6.0;                 // ink of the scattering shadow, relative to the dots' own
  double halo_radius_mm = 0.45;      // its spread (Gaussian standard deviation)
  double age_years = 0.0;            // fading, spread and cool shift of old pigment
  int sessions = 3;                  // interleaved treatment passes, light first
  int completed_sessions = 3;        // how many of them are done (shows a treatment in progress)
  double transition_coupling = 0.5;  // how much dots shrink and lighten where the map is below 1
  double elongation = 1.0;           // length / width of a dot along the hair direction
  double hair_direction_deg = 90.0;  // direction of growth, degrees clockwise from +x
  bool use_whorl = false;            // directions spiral around a crown whorl instead
  double whorl_x_px = 0.0, whorl_y_px = 0.0;  // whorl centre in full-resolution pixels
  std::uint32_t seed = 0;
};

// Ranges every filter and the plug-in share; sanitized() maps NaN to the default and clamps.
struct StippleLimits {
  static constexpr double px_per_mm_min = 0.01, px_per_mm_max = 200.0;
  static constexpr double density_max = 1000.0;
  static constexpr double dot_diameter_min = 0.02, dot_diameter_max = 1.5;
  static constexpr double depth_max = 0.3;
  static constexpr double halo_max = 8.0;
  static constexpr double halo_radius_min = 0.05, halo_radius_max = 1.0;
  static constexpr double age_max = 40.0;
  static constexpr double elongation_max = 4.0;
  static constexpr int sessions_max = 3;
  static constexpr double whorl_max_px = 1e7;
};

StippleSettings sanitized(const StippleSettings& requested);

}  // namespace smp
