#include "presets/density_plan.hpp"

#include <algorithm>

#include "presets/zone_outline.hpp"

namespace smp {
namespace {

constexpr double hair_side_transition_mm = 8.0;

}  // namespace

DensityPlan DensityPlan::scaled(double factor) const
{
  DensityPlan result = *this;
  result.px_per_mm = px_per_mm * factor;
  result.hairline = smp::scaled(hairline, factor);
  result.hair_side.region = smp::scaled(hair_side.region, factor);
  for (ZoneFill& zone : result.zones)
    zone.outline.region = smp::scaled(zone.outline.region, factor);
  return result;
}

DensityPlan density_plan(const Preset& preset, const Placement& placement, std::uint32_t seed)
{
  DensityPlan plan;
  plan.px_per_mm = placement.px_per_mm;
  plan.hairline = preset_hairline(preset, placement, seed);
  if (!plan.hairline.empty())
    plan.hair_side = {hair_side_region(placement, plan.hairline), hair_side_transition_mm, true, seed};
  for (const Zone& zone : preset.zones)
    plan.zones.push_back(
        {{zone_outline(zone, placement), std::max(zone.edge_mm, HairlineMaskLimits::transition_min), false, 0},
         zone.share});
  return plan;
}

HairlineMaskSettings mask_settings(const MaskSpec& spec, double px_per_mm, double widen_mm)
{
  HairlineMaskSettings mask;
  mask.px_per_mm = px_per_mm;
  mask.transition_width_mm = std::max(spec.transition_mm, HairlineMaskLimits::transition_min) + widen_mm;
  if (spec.irregular) {
    mask.seed = spec.seed;
  } else {
    mask.micro_irregularity = 0.0;
    mask.macro_irregularity_mm = 0.0;
  }
  return mask;
}

void render_density(const DensityPlan& plan, const PixelRect& rect, int level, float* density, double widen_mm)
{
  const std::size_t n = static_cast<std::size_t>(std::max(rect.width, 0)) * static_cast<std::size_t>(std::max(rect.height, 0));
  std::fill(density, density + n, 0.0f);
  if (n == 0)
    return;
  std::vector<float> hair(n, 1.0f), zone_map(n);
  if (!plan.hairline.empty())
    HairlineMask(plan.hair_side.region, mask_settings(plan.hair_side, plan.px_per_mm, widen_mm), level)
        .render(rect, hair.data());
  for (const ZoneFill& zone : plan.zones) {
    HairlineMask(zone.outline.region, mask_settings(zone.outline, plan.px_per_mm, widen_mm), level)
        .render(rect, zone_map.data());
    for (std::size_t i = 0; i < n; ++i)
      density[i] = std::max(density[i], static_cast<float>(zone_map[i] * zone.share) * hair[i]);
  }
}

}  // namespace smp
