#include "scalp/specular_shine.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "scar/box_mean.hpp"

namespace smp {
namespace {

constexpr float bare_enough = 0.5f;
constexpr double body_lo = 0.2, body_hi = 0.6;      // the skin's colour from this band of its lightness ranks
constexpr double lighter_lo = 0.9, lighter_hi = 1.3;  // times the skin's median light: where shine counts
constexpr double clipped_channel = 0.98;              // linear: a channel the camera saturated

double ramp(double v, double lo, double hi) { return std::clamp((v - lo) / (hi - lo), 0.0, 1.0); }

double finite_or_zero(float v) { return std::isfinite(v) ? std::max(0.0, static_cast<double>(v)) : 0.0; }

double quantile(std::vector<double> v, double q)
{
  if (v.empty())
    return 0.0;
  const std::size_t k = std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

}  // namespace

std::vector<float> specular_shine(const std::vector<float>& linear_rgba, const std::vector<float>& bare,
                                  const std::vector<float>& region, int width, int height, int smoothing_px)
{
  const std::size_t count = static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0);
  std::vector<float> shine(count, 0.0f);
  if (linear_rgba.size() < 4 * count || bare.size() < count || region.size() < count)
    return shine;
  std::vector<double> light;
  for (std::size_t i = 0; i < count; ++i)
    if (bare[i] > bare_enough)
      light.push_back(finite_or_zero(linear_rgba[4 * i]) + finite_or_zero(linear_rgba[4 * i + 1]) +
                      finite_or_zero(linear_rgba[4 * i + 2]));
  if (light.size() < 16)
    return shine;
  const double lo = quantile(light, body_lo), hi = quantile(light, body_hi), median = quantile(light, 0.5);
  if (!(median > 0.0))
    return shine;
  std::array<std::vector<double>, 3> chromaticity;
  for (std::size_t i = 0; i < count; ++i) {
    if (bare[i] <= bare_enough)
      continue;
    const double r = finite_or_zero(linear_rgba[4 * i]), g = finite_or_zero(linear_rgba[4 * i + 1]),
                 b = finite_or_zero(linear_rgba[4 * i + 2]), sum = r + g + b;
    if (sum < lo || sum > hi || !(sum > 0.0))
      continue;
    chromaticity[0].push_back(r / sum);
    chromaticity[1].push_back(g / sum);
    chromaticity[2].push_back(b / sum);
  }
  if (chromaticity[0].empty())
    return shine;
  const double body[3] = {quantile(chromaticity[0], 0.5), quantile(chromaticity[1], 0.5),
                          quantile(chromaticity[2], 0.5)};
  const double white = 1.0 / 3.0;
  // Normal equations of light = body_amount * body + surface_amount * white.
  double bb = 0, bw = 0, ww = 3 * white * white;
  for (const double c : body) {
    bb += c * c;
    bw += c * white;
  }
  const double det = bb * ww - bw * bw;
  Plane raw(width, height);
  for (std::size_t i = 0; i < count; ++i) {
    if (!(region[i] > 0.0f) || !(det > 1e-12))
      continue;
    const double p[3] = {finite_or_zero(linear_rgba[4 * i]), finite_or_zero(linear_rgba[4 * i + 1]),
                         finite_or_zero(linear_rgba[4 * i + 2])};
    double pb = 0, pw = 0;
    for (int k = 0; k < 3; ++k) {
      pb += p[k] * body[k];
      pw += p[k] * white;
    }
    double body_amount = (pb * ww - pw * bw) / det, surface = (pw * bb - pb * bw) / det;
    if (surface < 0.0) {
      surface = 0.0;
      body_amount = pb / bb;
    }
    if (body_amount < 0.0) {
      body_amount = 0.0;
      surface = pw / ww;
    }
    const double total = body_amount + surface;
    if (!(total > 0.0))
      continue;
    raw.values[i] = static_cast<float>(surface / total * ramp((p[0] + p[1] + p[2]) / median, lighter_lo, lighter_hi));
  }
  const Plane smooth = window_mean(raw, Plane(width, height, 1.0f), std::max(0, smoothing_px));
  for (std::size_t i = 0; i < count; ++i)
    shine[i] = region[i] > 0.0f ? std::clamp(smooth.values[i], 0.0f, 1.0f) : 0.0f;
  return shine;
}

std::vector<float> shine_over_lit_skin(std::vector<float> shine, const std::vector<float>& linear_rgba,
                                       const std::vector<float>& bare, int width, int height, int smoothing_px)
{
  const std::size_t count = static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0);
  if (shine.size() < count || linear_rgba.size() < 4 * count || bare.size() < count)
    return shine;
  std::vector<double> light(count, 0.0), bare_light;
  std::vector<bool> clipped(count, false);
  for (std::size_t i = 0; i < count; ++i) {
    const double r = finite_or_zero(linear_rgba[4 * i]), g = finite_or_zero(linear_rgba[4 * i + 1]),
                 b = finite_or_zero(linear_rgba[4 * i + 2]);
    light[i] = r + g + b;
    clipped[i] = std::min({r, g, b}) >= clipped_channel;
    if (bare[i] > bare_enough && !clipped[i])
      bare_light.push_back(light[i]);
  }
  if (bare_light.size() < 16)
    return shine;
  const double lit = quantile(std::move(bare_light), lit_skin_quantile);
  // A clipped pixel's light is beyond what the camera recorded, so it bounds nothing: the colour
  // estimate stands there.
  Plane bound(width, height);
  for (std::size_t i = 0; i < count; ++i)
    bound.values[i] = clipped[i] ? 1.0f : light[i] > lit ? static_cast<float>(1.0 - lit / light[i]) : 0.0f;
  const Plane smooth = window_mean(bound, Plane(width, height, 1.0f), std::max(0, smoothing_px));
  for (std::size_t i = 0; i < count; ++i)
    shine[i] = std::min(shine[i], std::clamp(smooth.values[i], 0.0f, 1.0f));
  return shine;
}

}  // namespace smp
