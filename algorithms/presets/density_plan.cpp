#include "presets/density_plan.hpp"

#include <algorithm>

#include "presets/zone_outline.hpp"

namespace smp {
namespace {

constexpr double hair_side_transition_mm = 8.0;
constexpr double head_edge_mm = 4.0;

}  // namespace

DensityPlan DensityPlan::scaled(double factor) const
{
  DensityPlan result = *this;
  result.px_per_mm = px_per_mm * factor;  // millimetres (reach, ramps) stay as they are
  result.hairline = smp::scaled(hairline, factor);
  result.hair_side.region = smp::scaled(hair_side.region, factor);
  result.head.region = smp::scaled(head.region, factor);
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
  if (placement.view == View::top) {
    Zone outline;  // the unit circle of the head frame
    outline.radius_x = outline.radius_y = 1.0;
    plan.head = {zone_outline(outline, placement), head_edge_mm, false, 0};
  }
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
  std::vector<float> hair(n, 1.0f);
  if (!plan.hairline.empty())
    HairlineMask(plan.hair_side.region, mask_settings(plan.hair_side, plan.px_per_mm, widen_mm), level)
        .render(rect, hair.data());
  const std::size_t zones = plan.zones.size();
  std::vector<std::vector<float>> within(zones, std::vector<float>(n));
  for (std::size_t z = 0; z < zones; ++z) {
    HairlineMask(plan.zones[z].outline.region, mask_settings(plan.zones[z].outline, plan.px_per_mm, widen_mm), level)
        .render(rect, within[z].data());
    for (std::size_t i = 0; i < n; ++i)
      density[i] = std::max(density[i], static_cast<float>(within[z][i] * plan.zones[z].share));
  }
  if (plan.reach_mm > 0.0) {
    std::vector<float> head(n, 1.0f), reached(n), others(n);
    if (!plan.head.region.empty())
      HairlineMask(plan.head.region, mask_settings(plan.head, plan.px_per_mm, widen_mm), level).render(rect, head.data());
    for (std::size_t z = 0; z < zones; ++z) {
      HairlineMaskSettings mask = mask_settings(plan.zones[z].outline, plan.px_per_mm, widen_mm);
      mask.grow_mm = plan.reach_mm;
      HairlineMask(plan.zones[z].outline.region, mask, level).render(rect, reached.data());
      std::fill(others.begin(), others.end(), 0.0f);
      for (std::size_t o = 0; o < zones; ++o)
        if (o != z)
          for (std::size_t i = 0; i < n; ++i)
            others[i] = std::max(others[i], within[o][i]);
      for (std::size_t i = 0; i < n; ++i)
        density[i] = std::max(density[i], static_cast<float>(reached[i] * plan.zones[z].share) * (1.0f - others[i]) * head[i]);
    }
  }
  for (std::size_t i = 0; i < n; ++i)
    density[i] *= hair[i];
}

}  // namespace smp
