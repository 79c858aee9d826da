#include "analysis/visible_skin.hpp"

#include <algorithm>

namespace smp {
namespace {

constexpr double skin_quantile = 0.25;  // of the surely bare cells' luminance
constexpr std::size_t cells_min = 20;

}  // namespace

ScalpCells with_visible_skin(const ScalpCells& cells, const float* rgb)
{
  ScalpCells out = cells;
  if (!cells.valid() || !rgb)
    return out;
  const std::size_t n = cells.count();
  const auto shiny = [&](std::size_t i) { return !cells.shine.empty() && cells.shine[i] > 0.5f; };
  std::vector<float> luminance(n), skin, hair;
  for (std::size_t i = 0; i < n; ++i) {
    luminance[i] = 0.2126f * rgb[3 * i] + 0.7152f * rgb[3 * i + 1] + 0.0722f * rgb[3 * i + 2];
    if (cells.bare[i] > sure_coverage && !shiny(i))
      skin.push_back(luminance[i]);
    if (cells.hair[i] > sure_coverage)
      hair.push_back(luminance[i]);
  }
  if (skin.size() < cells_min || hair.size() < cells_min)
    return out;
  const auto quantile = [](std::vector<float>& v, double q) {
    auto at = v.begin() + static_cast<std::ptrdiff_t>(q * (v.size() - 1));
    std::nth_element(v.begin(), at, v.end());
    return static_cast<double>(*at);
  };
  const double skin_y = quantile(skin, skin_quantile), hair_y = quantile(hair, 0.5);
  if (!(skin_y > hair_y))
    return out;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(cells.bare[i] > 0.0f) || shiny(i))
      continue;
    const double shows = std::clamp((luminance[i] - hair_y) / (skin_y - hair_y), 0.0, 1.0);
    const float hidden = static_cast<float>(cells.bare[i] * (1.0 - shows));
    out.bare[i] -= hidden;
    out.hair[i] += hidden;
  }
  return out;
}

}  // namespace smp
