// What pigment covering a fraction of a pixel does to it: multiplies a transmittance by what
// the pigment lets through, or lays the pigment colour over premultiplied dots.
#pragma once

#include <cstddef>

#include "stipple/float4.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp {

struct PigmentCover {
  float4 absorbed;  // transmittance: what full cover takes away (alpha stays 1)
  float4 colour;    // dots: premultiplied pigment at full cover
  bool transmittance;

  explicit PigmentCover(const LinearRgb& pigment, bool transmittance_output) : transmittance(transmittance_output)
  {
    const auto r = static_cast<float>(pigment.r), g = static_cast<float>(pigment.g), b = static_cast<float>(pigment.b);
    absorbed = float4{1.0f - r, 1.0f - g, 1.0f - b, 0.0f};
    colour = float4{r, g, b, 1.0f};
  }

  // `cover` lies in 0..1; one RGBA pixel.
  void apply(float* pixel, float cover) const
  {
    const float4 p = load4(pixel);
    if (transmittance)
      store4(pixel, p * (1.0f - cover * absorbed));
    else
      store4(pixel, p * (1.0f - cover) + colour * cover);
  }

  // One RGBA pixel with no pigment yet: the bits of apply() over white (transmittance) or
  // nothing (dots), without reading it.
  void paint(float* pixel, float cover) const
  {
    store4(pixel, transmittance ? 1.0f - cover * absorbed : colour * cover);
  }

  // Four RGBA pixels in a row, each under its lane of `cover`.
  void paint4(float* pixels, float4 cover) const
  {
    paint(pixels, cover[0]);
    paint(pixels + 4, cover[1]);
    paint(pixels + 8, cover[2]);
    paint(pixels + 12, cover[3]);
  }

  // Four RGBA pixels in a row, each under its lane of `cover`.
  void apply4(float* pixels, float4 cover) const
  {
    apply(pixels, cover[0]);
    apply(pixels + 4, cover[1]);
    apply(pixels + 8, cover[2]);
    apply(pixels + 12, cover[3]);
  }
};

}  // namespace smp
