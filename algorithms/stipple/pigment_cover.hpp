// What pigment covering a fraction of a pixel does to it: multiplies a transmittance by what
// the pigment lets through, or lays the pigment colour over premultiplied dots.
#pragma once

#include "stipple/stipple_settings.hpp"

namespace smp {

struct PigmentCover {
  float r, g, b;
  bool transmittance;

  explicit PigmentCover(const LinearRgb& pigment, bool transmittance_output)
      : r(static_cast<float>(pigment.r)), g(static_cast<float>(pigment.g)), b(static_cast<float>(pigment.b)),
        transmittance(transmittance_output)
  {
  }

  void apply(float* pixel, float cover) const
  {
    if (transmittance) {
      pixel[0] *= 1.0f - cover * (1.0f - r);
      pixel[1] *= 1.0f - cover * (1.0f - g);
      pixel[2] *= 1.0f - cover * (1.0f - b);
    } else {
      const float keep = 1.0f - cover;
      pixel[0] = pixel[0] * keep + r * cover;
      pixel[1] = pixel[1] * keep + g * cover;
      pixel[2] = pixel[2] * keep + b * cover;
      pixel[3] = pixel[3] * keep + cover;
    }
  }
};

}  // namespace smp
