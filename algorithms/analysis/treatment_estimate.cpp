#include "analysis/treatment_estimate.hpp"

#include <algorithm>
#include <cmath>

namespace smp {

TreatmentEstimate treatment_estimate(const ScalpCells& cells, const HeadFrame& head, const Preset& preset,
                                     const PatternTemplate& pattern)
{
  TreatmentEstimate out;
  if (!cells.valid() || !(cells.px_per_mm > 0.0))
    return out;
  double densest = 0.0;
  for (const Zone& zone : preset.zones)
    densest = std::max(densest, zone.share);
  const double cell_cm2 = 0.01 / (cells.px_per_mm * cells.px_per_mm);
  const Frame unit = head.normalised();
  double area = 0.0, dots = 0.0;
  for (int y = 0; y < cells.height; ++y)
    for (int x = 0; x < cells.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * cells.width + x;
      const double bare = std::clamp(static_cast<double>(cells.bare[i]), 0.0, 1.0);
      if (bare <= 0.0)
        continue;
      const double share = pattern.at(unit.from_image({x + 0.5, y + 0.5}));
      area += bare * cell_cm2;
      dots += bare * cell_cm2 * preset.stipple.density_per_cm2 * (share > 0.0 ? share : densest);
    }
  out.area_cm2 = area;
  out.impressions = dots;
  out.sessions = std::max(preset.stipple.sessions, static_cast<int>(std::ceil(dots / impressions_per_sitting)));
  return out;
}

}  // namespace smp
