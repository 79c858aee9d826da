// The density map read in the layer's own format: under a band's dots straight from the input's
// tiles (only the pixels under dots are converted to luminance and alpha: converting the whole
// padded band of an 8-bit layer, or even copying it, cost more than placing its dots), or over a
// whole band where dots are too small to resolve.
#pragma once

#include <gegl.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "common/pixels.hpp"
#include "stipple/stipple_render.hpp"

// The density (perceptual luminance x alpha, 0..1) of `n` pixels of the input's own format.
inline void density_of(const Babl* native, unsigned char* pixels, std::size_t n, const Babl* luma_alpha, float* out)
{
  std::vector<float> pairs(2 * n);
  smp_filters::convert(native, pixels, n, luma_alpha, pairs.data());
  for (std::size_t k = 0; k < n; ++k) {
    const float m = pairs[2 * k] * pairs[2 * k + 1];
    out[k] = m > 0.0f ? std::min(m, 1.0f) : 0.0f;  // also maps NaN to no pigment
  }
}

class TileDensity final : public smp::DensitySource {
 public:
  // `area` (at `level`) bounds what is read: outside it the density is 0, as past a raster.
  TileDensity(GeglBuffer* input, const GeglRectangle& area, int level, const Babl* luma_alpha)
      : input_(input), area_(area), level_(level), luma_alpha_(luma_alpha)
  {
  }

  void sample(const long* xs, const long* ys, std::size_t n, float* out) const override
  {
    if (n == 0)
      return;
    const Babl* native = gegl_buffer_get_format(input_);
    const auto bytes = static_cast<std::size_t>(babl_format_get_bytes_per_pixel(native));
    // The points by row of the area (a counting sort), so each tile finds its own.
    const auto rows = static_cast<std::size_t>(std::max(area_.height, 0));
    std::vector<std::size_t> first(rows + 1, 0), by_row(n);
    const auto row_of = [&](std::size_t k) { return static_cast<std::size_t>(ys[k] - area_.y); };
    const auto inside = [&](std::size_t k) {
      return ys[k] >= area_.y && ys[k] < area_.y + static_cast<long>(area_.height) && xs[k] >= area_.x &&
             xs[k] < area_.x + static_cast<long>(area_.width);
    };
    for (std::size_t k = 0; k < n; ++k)
      if (inside(k))
        ++first[row_of(k) + 1];
    for (std::size_t r = 0; r < rows; ++r)
      first[r + 1] += first[r];
    std::vector<std::size_t> fill(first.begin(), first.end() - 1);
    for (std::size_t k = 0; k < n; ++k)
      if (inside(k))
        by_row[fill[row_of(k)]++] = k;

    std::vector<unsigned char> pixels(n * bytes, 0);  // all zero, transparent: no density
    GeglBufferIterator* tiles =
        gegl_buffer_iterator_new(input_, &area_, level_, native, GEGL_ACCESS_READ, GEGL_ABYSS_NONE, 1);
    while (gegl_buffer_iterator_next(tiles)) {
      const GeglRectangle& tile = tiles->items[0].roi;
      const auto* data = static_cast<const unsigned char*>(tiles->items[0].data);
      const auto row0 = static_cast<std::size_t>(tile.y - area_.y);
      for (std::size_t i = first[row0]; i < first[row0 + static_cast<std::size_t>(tile.height)]; ++i) {
        const std::size_t k = by_row[i];
        if (xs[k] < tile.x || xs[k] >= tile.x + static_cast<long>(tile.width))
          continue;
        const auto offset = static_cast<std::size_t>((ys[k] - tile.y) * tile.width + (xs[k] - tile.x));
        std::memcpy(&pixels[k * bytes], data + offset * bytes, bytes);
      }
    }
    density_of(native, pixels.data(), n, luma_alpha_, out);
  }

 private:
  GeglBuffer* input_;
  GeglRectangle area_;
  int level_;
  const Babl* luma_alpha_;
};
