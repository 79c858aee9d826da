// A preset's density on a photo, planned once and rendered one way. The plan holds, in image
// pixels, the preset's hairline, the head on its hair side and each zone's outline with its
// density. Rendered, each zone is its soft outline times its density, the highest zone wins where
// zones overlap, each reaches on by the plan's reach where no other zone lies (and within the
// head), and all of it is kept to the hair side of the hairline. Simulate SMP paints the
// pigment layer from it through smp:density-plan; its preview, the contact sheets and the tests
// render the same plan.
#pragma once

#include <cstdint>
#include <vector>

#include "geometry/path.hpp"
#include "hairline/hairline_mask.hpp"
#include "presets/placement.hpp"
#include "presets/preset.hpp"
#include "stipple/pixel_rect.hpp"

namespace smp {

// A soft region as smp:hairline-mask draws it: full inside (or on the hair side), a ramp across
// `transition_mm`; `irregular` adds the seeded micro- and macro-irregularity of a hairline.
struct MaskSpec {
  Path region;
  double transition_mm = 8.0;
  bool irregular = false;
  std::uint32_t seed = 0;
  bool stray_hairs = true;  // with `irregular`: its micro-irregularity too (spots and single hairs)
  friend bool operator==(const MaskSpec&, const MaskSpec&) = default;
};

struct ZoneFill {
  MaskSpec outline;
  double share = 1.0;  // of the stipple's density inside (0..1)
  friend bool operator==(const ZoneFill&, const ZoneFill&) = default;
};

struct DensityPlan {
  double px_per_mm = 10.0;
  Path hairline;       // empty when the preset has none
  MaskSpec hair_side;  // the head on the hair side of the hairline (no region without one)
  std::vector<ZoneFill> zones;
  // How far the zones reach on beyond their outlines where no zone lies (the head's edge), for
  // something else to stop them: a photo's own hair, in top views (0: they end at their outlines).
  double reach_mm = 0.0;
  MaskSpec head;  // the head's outline, which the reach never passes (no region: unbounded)

  // The same plan on the photo scaled by `factor` (a shrunk preview): regions scaled about the
  // origin, millimetres unchanged.
  DensityPlan scaled(double factor) const;
  friend bool operator==(const DensityPlan&, const DensityPlan&) = default;
};

// A plan of one zone filling `region` fully (a hairline's hair side, a designed hairline).
inline DensityPlan one_zone_plan(double px_per_mm, const MaskSpec& region)
{
  DensityPlan plan;
  plan.px_per_mm = px_per_mm;
  plan.zones = {{region, 1.0}};
  return plan;
}

// How far a top view's zones reach where the photo's bare scalp goes on: about a quarter of a
// head's half width, past the edge of the widest zone to the fringe of a Norwood VII.
inline constexpr double reach_to_hair_mm = 25.0;
// And past that edge the pigment blends on into the client's own hair, a filler between the hairs
// fading out over this much (the 5-10 mm of a natural transition zone), so the seam shows no
// step and bare scalp the segmentation took for hair beside it still gets its pigment.
inline constexpr double blend_into_hair_mm = 5.0;

DensityPlan density_plan(const Preset& preset, const Placement& placement, std::uint32_t seed);

// The mask settings a spec renders with; `widen_mm` adds to its soft edge.
HairlineMaskSettings mask_settings(const MaskSpec& spec, double px_per_mm, double widen_mm = 0.0);

// The plan's density (0..1) over `rect` at GEGL level `level` (pixels 2^level apart), row-major.
// `widen_mm` adds to every soft edge: a generous map, for "nothing outside" checks.
void render_density(const DensityPlan& plan, const PixelRect& rect, int level, float* density, double widen_mm = 0.0);

}  // namespace smp
