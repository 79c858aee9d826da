// The simulation's shade: the stipple matched to the client's own hair beside the bare scalp
// in the photo (smp::sample_hair_beside_skin, smp::match_hair), or to a shade picked by name, or
// the preset's own.
#pragma once

#include <libgimp/gimp.h>

#include <optional>
#include <string>

#include "analysis/shade_match.hpp"

namespace smp_plugin {

enum class ShadeChoice { match, black, dark_brown, brown, grey, blond, preset };
inline constexpr const char* shade_choice_nicks[] = {"match", "black", "dark-brown", "brown", "grey", "blond", "preset"};
// Matching with no hair in the photo to match: a dark shade, plainly visible on any skin.
inline constexpr smp::HairShade fallback_shade = smp::HairShade::dark_brown;

struct Shaded {
  smp::StippleSettings stipple;
  std::string how;  // what the shade was matched to, for the user and the metadata
};

// The client's hair beside the bare scalp in `photo` (a plain layer) at `px_per_mm`, nullopt
// when none is found. The costly part (a segmentation): measured once per photo and scale, while
// a dialog's settings change.
std::optional<smp::HairBesideSkin> measured_hair(GimpDrawable* photo, double px_per_mm);

// `base` (the preset's stipple with the user's changes, scale and seed set) shaded as chosen,
// from the hair measured (nullopt: no hair or no photo to measure).
Shaded shaded(const smp::StippleSettings& base, ShadeChoice choice, const std::optional<smp::HairBesideSkin>& hair);

}  // namespace smp_plugin
