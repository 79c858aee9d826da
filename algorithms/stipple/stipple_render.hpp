// Turns a density map into pigment: each dot of the pattern that the map admits becomes a soft,
// physically sized impression; pigment darkens multiplicatively (a transmittance).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "stipple/disc_splat.hpp"
#include "stipple/dot_pattern.hpp"
#include "stipple/halo_grid.hpp"
#include "stipple/pixel_rect.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp {

// The density map at the render's level: row-major values in 0..1; 0 outside its rectangle.
// With `luminance_alpha`, each value is a (perceptual luminance, alpha) pair of the layer's own
// pixels, read as their product: only the pixels under dots are ever converted.
struct DensityRaster {
  const float* values = nullptr;
  int x = 0, y = 0, width = 0, height = 0;
  bool luminance_alpha = false;

  float at(long px, long py) const
  {
    if (px < x || py < y || px >= x + static_cast<long>(width) || py >= y + static_cast<long>(height))
      return 0.0f;
    const long i = (py - y) * static_cast<long>(width) + (px - x);
    if (!luminance_alpha)
      return values[i];
    const float m = values[2 * i] * values[2 * i + 1];
    return m > 0.0f ? std::min(m, 1.0f) : 0.0f;  // also maps NaN to no pigment
  }
};

// The density map as a renderer needs it: under the centre of every dot it places, in one call
// (a GEGL filter then converts only those pixels of its input), and, where dots are too small to
// resolve, under every pixel of a row.
class DensitySource {
 public:
  virtual ~DensitySource() = default;
  // out[k] = density (0..1) under pixel (xs[k], ys[k]); 0 outside the map.
  virtual void sample(const long* xs, const long* ys, std::size_t n, float* out) const = 0;
};

class RasterDensity final : public DensitySource {
 public:
  explicit RasterDensity(const DensityRaster& raster) : raster_(raster) {}
  void sample(const long* xs, const long* ys, std::size_t n, float* out) const override
  {
    for (std::size_t k = 0; k < n; ++k)
      out[k] = raster_.at(xs[k], ys[k]);
  }

 private:
  DensityRaster raster_;
};

class StippleRenderer {
 public:
  explicit StippleRenderer(const StippleSettings& requested);

  const StippleSettings& settings() const { return settings_; }

  // How far around an output pixel, in pixels at `level`, the density map is read.
  int padding_px(int level) const;

  // Writes width*height*4 floats: transmittance RGBA (alpha 1) or premultiplied pigment dots.
  void render(const DensitySource& density, const PixelRect& out, int level, float* rgba) const;

  // The largest footprint radius of one dot, in pixels; dots never reach farther.
  static constexpr int max_footprint_px = HaloGrid::max_reach_px;

 private:
  struct DotLook;

  double scale_at(int level) const;
  bool dots_resolved(double px_per_mm) const;
  double footprint_radius_px(double px_per_mm) const;
  double halo_sigma_px(double px_per_mm) const;
  DotLook look_of(const PatternDot& dot, float density) const;
  double mean_ink(float density) const;       // dots and shadow together
  double mean_dot_ink(float density) const;   // the dots' share of it
  double mean_halo_ink(float density) const;  // the shadow's share

  friend class StippleBand;

  StippleSettings settings_;
  DotPattern pattern_;
};

// A band of the output with its dots and halos placed once, drawn piece by piece (GEGL hands
// out a band's tiles one at a time); any piece gets the same bits as rendering it alone.
class StippleBand {
 public:
  // `density` must cover the band with the renderer's padding and outlive the band.
  StippleBand(const StippleRenderer& renderer, const DensitySource& density, const PixelRect& band, int level);

  // Writes `piece` (inside the band) to `rgba`, rows `row_stride` floats apart.
  void draw(const PixelRect& piece, float* rgba, std::size_t row_stride) const;

 private:
  enum class Look { blank, mean, dots };

  void place_dots(double px_per_mm);
  void index_strips();
  long strip_of(long x) const;
  void draw_mean(const PixelRect& piece, float* rgba, std::size_t row_stride) const;
  void draw_discs(const PixelRect& piece, float* rgba, std::size_t row_stride) const;
  void draw_disc(std::size_t disc, const PixelRect& piece, float* rgba, std::size_t row_stride) const;

  const StippleRenderer& renderer_;
  const DensitySource& density_;
  PixelRect band_;
  PigmentCover pigment_;
  Look look_ = Look::blank;
  std::vector<DiscCover> discs_;  // in the pattern's order, which fixes every pixel's bits
  std::vector<DiscShape> shapes_;
  CoverPool covers_;
  // Beyond this many floats of kept covers (huge dots, zoomed in), discs are shaped again for
  // each piece they cover instead: memory stays bounded whatever the settings.
  static constexpr std::size_t max_kept_cover_floats = std::size_t{1} << 23;
  // The discs over each column strip of the band, in order: strip k's are
  // discs_[strip_discs_[strip_first_[k]]] up to strip_first_[k + 1].
  static constexpr int strip_px = 128;
  long first_strip_ = 0;
  std::vector<std::uint32_t> strip_first_, strip_discs_;
  std::optional<HaloGrid> halos_;
};

}  // namespace smp
