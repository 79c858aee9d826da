#include "analysis/gaussian_blur.hpp"

#include <algorithm>
#include <cmath>

namespace smp {
namespace {

std::vector<float> blurred(const std::vector<float>& in, int width, int height, double sigma_px, bool along_rows)
{
  const int reach = std::max(1, static_cast<int>(std::ceil(3.0 * sigma_px)));
  std::vector<float> weights(static_cast<std::size_t>(2 * reach + 1));
  double sum = 0.0;
  for (int k = -reach; k <= reach; ++k)
    sum += weights[static_cast<std::size_t>(k + reach)] = static_cast<float>(std::exp(-0.5 * k * k / (sigma_px * sigma_px)));
  for (float& w : weights)
    w = static_cast<float>(w / sum);
  std::vector<float> out(in.size());
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      double v = 0.0;
      for (int k = -reach; k <= reach; ++k) {
        const int xx = along_rows ? std::clamp(x + k, 0, width - 1) : x;
        const int yy = along_rows ? y : std::clamp(y + k, 0, height - 1);
        v += weights[static_cast<std::size_t>(k + reach)] * in[static_cast<std::size_t>(yy) * width + xx];
      }
      out[static_cast<std::size_t>(y) * width + x] = static_cast<float>(v);
    }
  return out;
}

}  // namespace

std::vector<float> gaussian_blur(const std::vector<float>& plane, int width, int height, double sigma_px)
{
  if (!(sigma_px >= 0.3) || width <= 0 || height <= 0 || plane.size() != static_cast<std::size_t>(width) * height)
    return plane;
  return blurred(blurred(plane, width, height, sigma_px, true), width, height, sigma_px, false);
}

}  // namespace smp
