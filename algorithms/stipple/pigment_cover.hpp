// What pigment covering a fraction of a pixel does to it: multiplies a transmittance by what
// the pigment lets through, or lays the pigment colour over premultiplied dots.
#pragma once

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
};

}  // namespace smp
