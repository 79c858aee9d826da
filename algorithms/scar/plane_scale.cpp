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
  StreamingShrink blocks(in.width, in.height, step, 1);
  for (int y = 0; y < in.height; ++y) {
    const float* row = &in.values[static_cast<std::size_t>(y) * in.width];
    blocks.add_row(y, &row, weight ? &weight->values[static_cast<std::size_t>(y) * in.width] : nullptr);
  }
  return blocks.take(0);
}

StreamingShrink::StreamingShrink(int width, int height, int step, int planes) : width_(width), step_(std::max(step, 1))
{
  const int w = step_ > 1 ? (width + step_ - 1) / step_ : width, h = step_ > 1 ? (height + step_ - 1) / step_ : height;
  sums_.assign(static_cast<std::size_t>(planes), Plane(w, h));
  if (step_ > 1)
    total_ = Plane(w, h);
}

void StreamingShrink::add_row(int y, const float* const* values, const float* weight)
{
  if (step_ <= 1) {
    for (std::size_t k = 0; k < sums_.size(); ++k)
      std::copy_n(values[k], width_, &sums_[k].values[static_cast<std::size_t>(y) * width_]);
    return;
  }
  const int by = y / step_;
  for (int x = 0; x < width_; ++x) {
    const float weight_here = weight ? weight[x] : 1.0f;
    for (std::size_t k = 0; k < sums_.size(); ++k) {
      const float v = values[k][x];
      sums_[k].at(x / step_, by) += std::isfinite(v) ? weight_here * v : 0.0f;
    }
    total_.at(x / step_, by) += weight_here;
  }
}

Plane StreamingShrink::take(int k)
{
  Plane sum = std::move(sums_[static_cast<std::size_t>(k)]);
  if (step_ > 1)
    for (std::size_t i = 0; i < sum.values.size(); ++i)
      sum.values[i] = total_.values[i] > 0.0f ? sum.values[i] / total_.values[i] : 0.0f;
  return sum;
}

float grown_at(const Plane& in, int step, int x, int y)
{
  if (step <= 1)
    return in.at(x, y);
  const double fy = std::clamp((y + 0.5) / step - 0.5, 0.0, in.height - 1.0);
  const int y0 = static_cast<int>(fy), y1 = std::min(y0 + 1, in.height - 1);
  const double ty = fy - y0;
  const double fx = std::clamp((x + 0.5) / step - 0.5, 0.0, in.width - 1.0);
  const int x0 = static_cast<int>(fx), x1 = std::min(x0 + 1, in.width - 1);
  const double tx = fx - x0;
  const double top = in.at(x0, y0) + (in.at(x1, y0) - in.at(x0, y0)) * tx;
  const double bottom = in.at(x0, y1) + (in.at(x1, y1) - in.at(x0, y1)) * tx;
  return static_cast<float>(top + (bottom - top) * ty);
}

Plane grown(const Plane& in, int step, int width, int height)
{
  if (step <= 1)
    return in;
  Plane out(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      out.at(x, y) = grown_at(in, step, x, y);
  return out;
}

}  // namespace smp
