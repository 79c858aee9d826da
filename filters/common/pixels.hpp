// Reading an input in the format an op works in, with the same bits however GEGL tiles it and
// whatever region it asks for. Include after gegl-op.h.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <vector>

namespace smp_filters {

// Float and double pixels brought within +-16 (NaN anywhere: a blank pixel). babl converts a
// whole batch another way when it holds a linear value beyond about a thousand (1e4, 1e30 and
// infinities measured; a perceptual 16 is 776 linear), which changes other pixels' bits, and
// which pixels share a batch depends on where a tile, band or strip starts. No photo or
// density map holds such values; 16 times white reads as full density anyway, except under an
// alpha below 0.3.
template <typename Component>
void keep_in_range(unsigned char* pixels, std::size_t n, int components)
{
  constexpr Component most = 16;
  for (std::size_t k = 0; k < n; ++k) {
    auto* c = reinterpret_cast<Component*>(pixels) + k * static_cast<std::size_t>(components);
    bool blank = false;
    for (int i = 0; i < components; ++i) {
      if (std::isnan(c[i]))
        blank = true;
      else
        c[i] = std::clamp(c[i], -most, most);
    }
    if (blank)
      std::fill(c, c + components, Component(0));
  }
}

// `n` pixels of `native` format converted to `format`, after keep_in_range, in batches of whole
// fours: babl converts four pixels at a time and the last one to three of a batch another way
// (CIE Lab measured: other bits), so a pixel's bits would depend on where its batch ends.
inline void convert(const Babl* native, unsigned char* pixels, std::size_t n, const Babl* format, void* out)
{
  if (n == 0)  // babl's half-float path asserts on converting no pixels
    return;
  const int components = babl_format_get_n_components(native);
  const Babl* type = babl_format_get_type(native, 0);
  if (type == babl_type("float"))
    keep_in_range<float>(pixels, n, components);
  else if (type == babl_type("double"))
    keep_in_range<double>(pixels, n, components);
  const Babl* fish = babl_fish(native, format);
  const std::size_t whole = n / 4 * 4;
  if (whole > 0)
    babl_process(fish, pixels, out, static_cast<long>(whole));
  if (whole < n) {
    const auto in_bytes = static_cast<std::size_t>(babl_format_get_bytes_per_pixel(native));
    const auto out_bytes = static_cast<std::size_t>(babl_format_get_bytes_per_pixel(format));
    unsigned char last_in[4 * 64] = {}, last_out[4 * 64] = {};
    if (in_bytes > 64 || out_bytes > 64) {  // no such format in GIMP
      babl_process(fish, pixels + whole * in_bytes, static_cast<unsigned char*>(out) + whole * out_bytes,
                   static_cast<long>(n - whole));
      return;
    }
    std::memcpy(last_in, pixels + whole * in_bytes, (n - whole) * in_bytes);
    babl_process(fish, last_in, last_out, 4);
    std::memcpy(static_cast<unsigned char*>(out) + whole * out_bytes, last_out, (n - whole) * out_bytes);
  }
}

// `rect` (pixels at `level`) of `input` in `format`; `scratch` holds the input's own pixels
// between calls. They are read with alpha, so that past the input's edge they are transparent as
// GEGL gives them in `format`, not black.
inline void read_pixels(GeglBuffer* input, const GeglRectangle& rect, int level, const Babl* format, void* out,
                        std::vector<unsigned char>& scratch)
{
  const Babl* native = gegl_babl_variant(gegl_buffer_get_format(input), GEGL_BABL_VARIANT_ALPHA);
  const auto n = static_cast<std::size_t>(std::max(rect.width, 0)) * static_cast<std::size_t>(std::max(rect.height, 0));
  scratch.resize(n * static_cast<std::size_t>(babl_format_get_bytes_per_pixel(native)));
  gegl_buffer_get(input, &rect, 1.0 / (1 << std::clamp(level, 0, 30)), native, scratch.data(), GEGL_AUTO_ROWSTRIDE,
                  GEGL_ABYSS_NONE);
  convert(native, scratch.data(), n, format, out);
}

}  // namespace smp_filters
