#include "presets/placement.hpp"

namespace smp {

Frame Placement::zone_frame() const
{
  return view == View::front ? face_frame(landmarks, px_per_mm).in_mm() : head.normalised();
}

HairlineDesign preset_hairline_design(const Preset& preset, std::uint32_t seed)
{
  HairlineDesign design;
  design.style = preset.hairline.style;
  design.mfp_height_mm = preset.hairline.mfp_height_mm;
  design.recession_mm = preset.hairline.recession_mm;
  design.irregularity_mm = HairlineDesignLimits::designer_irregularity_mm;
  design.seed = seed;
  return design;
}

Path preset_hairline(const Preset& preset, const Placement& placement, std::uint32_t seed)
{
  if (!preset.hairline.present)
    return {};
  const HairlineDesign design = preset_hairline_design(preset, seed);
  return placement.view == View::front ? front_hairline(placement.landmarks, placement.px_per_mm, design)
                                       : top_hairline(placement.head, placement.px_per_mm, design);
}

Path hair_side_region(const Placement& placement, const Path& hairline)
{
  return placement.view == View::front ? front_hair_region(hairline, face_frame(placement.landmarks, placement.px_per_mm))
                                       : top_hair_region(placement.head, hairline);
}

}  // namespace smp
