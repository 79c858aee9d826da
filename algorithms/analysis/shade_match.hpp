// The stipple that makes treated scalp read as the client's own shaved hair: settings solved so
// that a completed treatment on the client's bare skin averages to the colour of the hair beside
// it and carries its grain, at the photo's own scale and softness. Solved by rendering a patch
// with the real renderer, so what is matched is what the filter draws.
#pragma once

#include <string>
#include <vector>

#include "stipple/stipple_settings.hpp"

namespace smp {

// The client's hair beside bare scalp, as measured on the photo (hair_sample.hpp), or a shade
// picked by name. Colours are linear light in the photo's own space.
struct HairBesideSkin {
  LinearRgb skin{0.0, 0.0, 0.0};  // bare scalp right beside the hair
  LinearRgb hair{0.0, 0.0, 0.0};  // the hair there
  double skin_grain = 0.0;        // relative spread of luminance at 0.3-2 mm (grain_of)
  double hair_grain = 0.0;
  double blur_mm = 0.0;           // the photo's own softness there (Gaussian sigma)
};

// Shades to choose when the photo shows no hair to match: how much a completed treatment lets
// through of the skin's light, channel by channel, as the client's own stubble of that colour
// does on light skin (about ΔL* 14 for black down to 6 for blond on L* 65 skin).
enum class HairShade { black, dark_brown, brown, grey, blond };
inline constexpr const char* hair_shade_nicks[] = {"black", "dark-brown", "brown", "grey", "blond"};
LinearRgb shade_transmittance(HairShade shade);

// How much a completed treatment letting through `transmittance` darkens L* 65 skin.
double lightness_drop_on_light_skin(const LinearRgb& transmittance);

// Where a match to the photo's hair stands against the named shades. Stubble is darker than the
// skin it grows from, so hair found lighter than blond stubble beside the bare scalp is skin taken
// for hair (matching it would make the treatment vanish); and SMP's darkest is black stubble, so
// hair found darker than that by more than `ShadeMatchLimits::darker_than_black` is the head's own
// shadow or the background taken for hair (on shaved top views it asked for a ΔL* 24 helmet).
enum class MatchBound { within, lighter_than_blond, darker_than_black };
MatchBound match_bound(const LinearRgb& transmittance);

struct ShadeMatchLimits {
  // What a completed treatment can give, whatever the photo asks: never lighter than this
  // (no visible simulation), never darker than that (a painted-on helmet, not pigment in skin).
  static constexpr double lightest = 0.97, darkest = 0.25;
  static constexpr double dot_diameter_min_mm = 0.15, dot_diameter_max_mm = 0.4;
  // Light through the skin softens every dot a little, on any photo.
  static constexpr double skin_softening_mm = 0.05;
  // ΔL* on L* 65 skin beyond black stubble's that a match to the photo may still ask for.
  static constexpr double darker_than_black = 2.0;
};

struct ShadeMatch {
  StippleSettings settings;
  LinearRgb transmittance{1.0, 1.0, 1.0};  // what the settings give at full density, measured
  double grain = 0.0;                      // and their grain
  LinearRgb wanted{1.0, 1.0, 1.0};
  double wanted_grain = 0.0;
};

// `base` gives the density, sessions, scale and seed; the dot size, strength, halo, softening
// and colour are solved so that full density at completion lets through `wanted` (per channel,
// clamped to ShadeMatchLimits) with about `grain` of relative luminance spread at 0.3-2 mm.
ShadeMatch match_transmittance(const StippleSettings& base, const LinearRgb& wanted, double grain, double blur_mm);

// The same, aimed at the client's own hair: its colour over the skin's, and the grain the hair
// has beyond the skin's own.
ShadeMatch match_hair(const StippleSettings& base, const HairBesideSkin& sample);

// Relative spread of luminance at 0.3-2 mm over a patch of linear RGB (3 floats a pixel,
// `width` x `height`, all of it counted): a difference of Gaussians 0.15 mm and 1 mm wide,
// over the patch's mean. The patch must span a few mm.
double grain_of(const float* rgb, int width, int height, double px_per_mm);
// The same over the pixels `where` is set, of a luminance plane.
double grain_within(const std::vector<float>& luminance, const std::vector<char>& where, int width, int height,
                    double px_per_mm);
// The 0.3-2 mm band of a luminance plane (what grain_within measures), to measure several
// parts of one plane with grain_in_band.
std::vector<float> grain_band(const std::vector<float>& luminance, int width, int height, double px_per_mm);
double grain_in_band(const std::vector<float>& band, const std::vector<float>& luminance, const std::vector<char>& where);

}  // namespace smp
