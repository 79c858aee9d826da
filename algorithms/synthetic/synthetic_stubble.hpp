// A patch of closely shaved scalp with hair ends of known density, size and darkness on warm,
// unevenly lit skin: what Match Stubble must measure back.
#pragma once

#include <cstdint>
#include <vector>

namespace smp {

struct SyntheticStubbleSpec {
  int width_px = 480, height_px = 480;
  double px_per_mm = 12.0;
  double density_per_cm2 = 70.0;
  double diameter_mm = 0.25;
  double darkening = 0.45;  // at a hair's centre, against the skin
  std::uint32_t seed = 5;
};

struct SyntheticStubble {
  int width = 0, height = 0;
  std::vector<float> rgb;  // sRGB-encoded, 0..1
  int hairs = 0;           // hair ends whose centres lie in the patch
};

SyntheticStubble synthetic_stubble(const SyntheticStubbleSpec& spec);

}  // namespace smp
