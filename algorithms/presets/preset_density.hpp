// A preset's density map over an image, as Simulate SMP builds it in GIMP: each zone's soft
// outline at its density (the highest wins where zones meet), only on the hair side of the
// preset's hairline. The charts draw with it and the tests check GIMP's result against it.
#pragma once

#include "presets/preset.hpp"
#include "stipple/pixel_rect.hpp"

namespace smp {

// `widen_mm` adds to every soft edge: a generous map, for "nothing outside" checks. `seed` is
// the one the hairline's irregularity was drawn with.
void preset_density(const Preset& preset, const HeadFrame& head, double px_per_mm, const PixelRect& rect, float* density,
                    double widen_mm = 0.0, std::uint32_t seed = 0);

// The hairline Simulate SMP designs for a preset (empty when the preset has none).
Path preset_hairline(const Preset& preset, const HeadFrame& head, double px_per_mm, std::uint32_t seed);

}  // namespace smp
