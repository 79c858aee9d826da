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
  const int length = along_rows ? width : height, lines = along_rows ? height : width;
  const std::size_t step = along_rows ? 1 : static_cast<std::size_t>(width);
  std::vector<float> line(static_cast<std::size_t>(length + 2 * reach));
  for (int l = 0; l < lines; ++l) {
    // The line with its ends repeated `reach` times: the sums need no bounds test.
    const std::size_t first = along_rows ? static_cast<std::size_t>(l) * width : static_cast<std::size_t>(l);
    for (int k = 0; k < length + 2 * reach; ++k)
      line[static_cast<std::size_t>(k)] = in[first + step * static_cast<std::size_t>(std::clamp(k - reach, 0, length - 1))];
    for (int k = 0; k < length; ++k) {
      float v = 0.0f;
      const float* window = &line[static_cast<std::size_t>(k)];
      for (std::size_t t = 0; t < weights.size(); ++t)
        v += weights[t] * window[t];
      out[first + step * static_cast<std::size_t>(k)] = v;
    }
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
