#include "analysis/client_colours.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "analysis/scalp_cells.hpp"

namespace smp {
namespace {

constexpr double cells_min = 20.0;    // fewer cells than this tell no colour

double encoded(double linear)
{
  linear = std::clamp(linear, 0.0, 1.0);
  return linear <= 0.0031308 ? 12.92 * linear : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
}

Lab lab_of_linear(const LinearRgb& c) { return lab_from_srgb(encoded(c.r), encoded(c.g), encoded(c.b)); }

std::optional<Lab> mean_where_sure(const SegmentedPhoto& p, const float* coverage)
{
  double r = 0, g = 0, b = 0, n = 0;
  const std::size_t count = static_cast<std::size_t>(p.width) * p.height;
  for (std::size_t i = 0; i < count; ++i)
    if (coverage[i] >= sure_coverage && (!p.shine || p.shine[i] < 0.5f)) {
      r += p.rgb[3 * i];
      g += p.rgb[3 * i + 1];
      b += p.rgb[3 * i + 2];
      n += 1;
    }
  if (n < cells_min)
    return std::nullopt;
  return lab_of_linear({r / n, g / n, b / n});
}

}  // namespace

ClientColours client_colours(const SegmentedPhoto& photo)
{
  ClientColours out;
  if (!photo.rgb || !photo.bare || !photo.hair || photo.width <= 0 || photo.height <= 0)
    return out;
  const auto seam = sample_hair_beside_skin(photo);
  out.from_seam = seam.has_value();
  out.hair = seam ? lab_of_linear(seam->hair) : mean_where_sure(photo, photo.hair);
  out.skin = mean_where_sure(photo, photo.bare);
  if (!out.skin && seam)
    out.skin = lab_of_linear(seam->skin);
  return out;
}

std::string hair_colour_name(const std::optional<Lab>& hair)
{
  if (!hair)
    return "none";
  const double chroma = std::hypot(hair->a, hair->b);
  if (hair->L > 45.0 && chroma < 8.0)
    return "grey";
  if (hair->L < 22.0)
    return "black";
  if (hair->L < 32.0)
    return "dark-brown";
  if (hair->L < 42.0)
    return "brown";
  if (hair->L < 55.0)
    return "light-brown";
  return "blond";
}

int fitzpatrick_type(const std::optional<Lab>& skin)
{
  if (!skin)
    return 0;
  const double ita = std::atan2(skin->L - 50.0, std::max(skin->b, 1e-6)) * 180.0 / std::numbers::pi;
  if (ita > 55.0) return 1;
  if (ita > 41.0) return 2;
  if (ita > 28.0) return 3;
  if (ita > 10.0) return 4;
  if (ita > -30.0) return 5;
  return 6;
}

}  // namespace smp
