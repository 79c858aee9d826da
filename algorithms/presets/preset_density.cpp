#include "presets/preset_density.hpp"

#include <algorithm>
#include <vector>

#include "hairline/hairline_mask.hpp"

namespace smp {

Path preset_hairline(const Preset& preset, const HeadFrame& head, double px_per_mm, std::uint32_t seed)
{
  if (!preset.hairline.present)
    return {};
  HairlineDesign design;
  design.style = preset.hairline.style;
  design.mfp_height_mm = preset.hairline.mfp_height_mm;
  design.recession_mm = preset.hairline.recession_mm;
  design.irregularity_mm = 2.0;  // a little life in the line, as a designer would draw it
  design.seed = seed;
  return top_hairline(head, px_per_mm, design);
}

DensityPlan density_plan(const Preset& preset, const HeadFrame& head, double px_per_mm, std::uint32_t seed)
{
  constexpr double hair_side_transition_mm = 8.0;
  DensityPlan plan;
  plan.hairline = preset_hairline(preset, head, px_per_mm, seed);
  if (!plan.hairline.empty())
    plan.hair_side = {top_hair_region(head, plan.hairline), hair_side_transition_mm, true, seed};
  for (const Zone& zone : preset.zones)
    plan.zones.push_back({{zone_path(zone, head), std::max(zone.edge_mm, 0.1), false, 0}, zone.density});
  return plan;
}

void preset_density(const Preset& preset, const HeadFrame& head, double px_per_mm, const PixelRect& rect, float* density,
                    double widen_mm, std::uint32_t seed)
{
  const std::size_t n = static_cast<std::size_t>(rect.width) * static_cast<std::size_t>(rect.height);
  std::fill(density, density + n, 0.0f);
  const DensityPlan plan = density_plan(preset, head, px_per_mm, seed);
  std::vector<float> hair(n, 1.0f), zone_map(n);
  if (!plan.hairline.empty()) {
    HairlineMaskSettings mask;
    mask.px_per_mm = px_per_mm;
    mask.transition_width_mm = plan.hair_side.transition_mm + widen_mm;
    mask.seed = plan.hair_side.seed;
    HairlineMask(plan.hair_side.region, mask, 0).render(rect, hair.data());
  }
  for (const ZoneFill& zone : plan.zones) {
    HairlineMaskSettings mask;
    mask.px_per_mm = px_per_mm;
    mask.transition_width_mm = zone.outline.transition_mm + widen_mm;
    mask.micro_irregularity = 0.0;
    mask.macro_irregularity_mm = 0.0;
    HairlineMask(zone.outline.region, mask, 0).render(rect, zone_map.data());
    for (std::size_t i = 0; i < n; ++i)
      density[i] = std::max(density[i], static_cast<float>(zone_map[i] * zone.density) * hair[i]);
  }
}

}  // namespace smp
