// A preset's density map over an image, as Simulate SMP builds it in GIMP: each zone's soft
// outline at its density (the highest wins where zones meet), only on the hair side of the
// preset's hairline. The charts draw with it and the tests check GIMP's result against it.
#pragma once

#include <cstdint>
#include <vector>

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
};

// How Simulate SMP paints a preset's density, in image pixels: each zone's outline filled at its
// density (later zones over earlier ones), only inside the hair side of the preset's hairline
// when it has one. The procedure paints it in GIMP, the dialog's preview in a GEGL graph.
struct ZoneFill {
  MaskSpec outline;
  double density = 1.0;
};
struct DensityPlan {
  Path hairline;    // empty when the preset has none
  MaskSpec hair_side;  // the head behind the hairline (no region without one)
  std::vector<ZoneFill> zones;
};

DensityPlan density_plan(const Preset& preset, const HeadFrame& head, double px_per_mm, std::uint32_t seed);

// `widen_mm` adds to every soft edge: a generous map, for "nothing outside" checks. `seed` is
// the one the hairline's irregularity was drawn with.
void preset_density(const Preset& preset, const HeadFrame& head, double px_per_mm, const PixelRect& rect, float* density,
                    double widen_mm = 0.0, std::uint32_t seed = 0);

// The hairline Simulate SMP designs for a preset (empty when the preset has none).
Path preset_hairline(const Preset& preset, const HeadFrame& head, double px_per_mm, std::uint32_t seed);

}  // namespace smp
