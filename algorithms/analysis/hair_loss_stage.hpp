// The Norwood stage a preset stands for: how the suggested stage is told, and how our grading of
// the development photos (the preset a designer picked for each, tests/photo-annotations) is
// read as a stage. A variants, front-view and vertex presets count as their stage; the presets
// that are not Norwood stages count as the stage their bare scalp resembles:
// hairline-juvenile-front I (a juvenile hairline, minimal recession), diffuse-thinning V (thin
// over the whole top and crown, the front line kept: the extent of a V), density-filler V (in
// our photos it was picked for long hair over a V-like top).
#pragma once

#include <optional>
#include <string>

namespace smp {

inline constexpr int norwood_stage_min = 1, norwood_stage_max = 7;

// Nothing for a preset that is no hair-loss stage (scars, alopecia areata, Ludwig, Savin).
std::optional<int> stage_of_preset(const std::string& preset_name);

// "IV" for 4.
const char* roman_stage(int stage);

}  // namespace smp
