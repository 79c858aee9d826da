#include "scar/plane_scale.hpp"

#include <algorithm>
#include <cmath>

namespace smp {

int working_step(int width, int height, double px_per_mm, double wanted_px_per_mm, double max_pixels)
{
  int step = std::max(1, static_cast<int>(std::lround(px_per_mm / wanted_px_per_mm)));
  while (static_cast<double>(width / step + 1) * (height / step + 1) > max_pixels)
    ++step;
  return step;
}

Plane shrunk(const Plane& in, int step, const Plane* weight)
{
  if (step <= 1)
    return in;
  const int w = (in.width + step - 1) / step, h = (in.height + step - 1) / step;
  Plane sum(w, h), total(w, h);
  for (int y = 0; y < in.height; ++y)
    for (int x = 0; x < in.width; ++x) {
      const float k = weight ? weight->at(x, y) : 1.0f;
      const float v = in.at(x, y);
      sum.at(x / step, y / step) += std::isfinite(v) ? k * v : 0.0f;
      total.at(x / step, y / step) += k;
    }
  for (std::size_t i = 0; i < sum.values.size(); ++i)
    sum.values[i] = total.values[i] > 0.0f ? sum.values[i] / total.values[i] : 0.0f;
  return sum;
}

Plane grown(const Plane& in, int step, int width, int height)
{
  if (step <= 1)
    return in;
  Plane out(width, height);
  for (int y = 0; y < height; ++y) {
    const double fy = std::clamp((y + 0.5) / step - 0.5, 0.0, in.height - 1.0);
    const int y0 = static_cast<int>(fy), y1 = std::min(y0 + 1, in.height - 1);
    const double ty = fy - y0;
    for (int x = 0; x < width; ++x) {
      const double fx = std::clamp((x + 0.5) / step - 0.5, 0.0, in.width - 1.0);
      const int x0 = static_cast<int>(fx), x1 = std::min(x0 + 1, in.width - 1);
      const double tx = fx - x0;
      const double top = in.at(x0, y0) + (in.at(x1, y0) - in.at(x0, y0)) * tx;
      const double bottom = in.at(x0, y1) + (in.at(x1, y1) - in.at(x0, y1)) * tx;
      out.at(x, y) = static_cast<float>(top + (bottom - top) * ty);
    }
  }
  return out;
}

}  // namespace smp
