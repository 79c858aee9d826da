// A separable Gaussian blur of one channel, edges clamped: the band-pass behind grain and the
// extra blur behind the softness measure.
#pragma once

#include <vector>

namespace smp {

// `sigma_px` under 0.3 returns the plane unchanged.
std::vector<float> gaussian_blur(const std::vector<float>& plane, int width, int height, double sigma_px);

}  // namespace smp
