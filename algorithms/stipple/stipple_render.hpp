// Turns a density map into pigment: each dot of the pattern that the map admits becomes a soft,
// physically sized impression; pigment darkens multiplicatively (a transmittance).
#pragma once

#include <vector>

#include "stipple/dot_pattern.hpp"
#include "stipple/pixel_rect.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp {

// The density map at the render's level: row-major values in 0..1; 0 outside its rectangle.
struct DensityRaster {
  const float* values = nullptr;
  int x = 0, y = 0, width = 0, height = 0;

  float at(long px, long py) const
  {
    if (px < x || py < y || px >= x + static_cast<long>(width) || py >= y + static_cast<long>(height))
      return 0.0f;
    return values[(py - y) * static_cast<long>(width) + (px - x)];
  }
};

class StippleRenderer {
 public:
  explicit StippleRenderer(const StippleSettings& requested);

  const StippleSettings& settings() const { return settings_; }

  // How far around an output pixel, in pixels at `level`, the density map is read.
  int padding_px(int level) const;

  // Writes width*height*4 floats: transmittance RGBA (alpha 1) or premultiplied pigment dots.
  void render(const DensityRaster& density, const PixelRect& out, int level, float* rgba) const;

  // The largest footprint radius of one dot, in pixels; dots never reach farther.
  static constexpr int max_footprint_px = 512;

 private:
  struct DotLook;

  double scale_at(int level) const;
  bool dots_resolved(double px_per_mm) const;
  double footprint_radius_px(double px_per_mm) const;
  double halo_sigma_px(double px_per_mm) const;
  DotLook look_of(const PatternDot& dot, float density) const;
  void render_dots(const DensityRaster&, const PixelRect&, double px_per_mm, float* rgba) const;
  void render_mean(const DensityRaster&, const PixelRect&, float* rgba) const;
  double mean_ink(float density) const;

  StippleSettings settings_;
  DotPattern pattern_;
};

}  // namespace smp
