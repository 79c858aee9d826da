// A photo in CIE L*a*b* with alpha, four floats per pixel (babl's "CIE Lab alpha float"
// layout), as both scar filters read it.
#pragma once

#include <vector>

namespace smp {

struct LabImage {
  int width = 0, height = 0;
  std::vector<float> lab_alpha;  // L (0-100), a, b, alpha (0-1), row-major

  const float* at(int x, int y) const { return &lab_alpha[4 * (static_cast<std::size_t>(y) * width + x)]; }
  float* at(int x, int y) { return &lab_alpha[4 * (static_cast<std::size_t>(y) * width + x)]; }
};

// From sRGB-encoded RGB floats (three per pixel), opaque.
LabImage lab_image_from_srgb(const std::vector<float>& rgb, int width, int height);

}  // namespace smp
