// Shaved scalp with a scar of known shape: warm, unevenly lit skin with mottling, pores, fine
// grain and hair ends, and scar tissue that is paler, less red, smoother and has no follicles.
// The scar-camouflage tests and the README pictures are made from it.
#pragma once

#include <cstdint>
#include <vector>

namespace smp {

enum class SyntheticScarKind { none, strip, dots, patch };

struct SyntheticScarSpec {
  SyntheticScarKind kind = SyntheticScarKind::strip;
  int width_px = 1000, height_px = 300;
  double px_per_mm = 10.0;
  double stubble_per_cm2 = 70.0, hair_diameter_mm = 0.25, hair_darkening = 0.45;
  double strip_width_mm = 2.0, strip_length_mm = 80.0;
  int dot_count = 200;
  double dot_diameter_mm = 0.8, dot_spacing_mm = 4.0;
  double patch_diameter_mm = 30.0;
  double paleness = 0.12;  // scar tissue is this much lighter than the skin
  std::uint32_t seed = 11;
};

struct SyntheticScar {
  int width = 0, height = 0;
  std::vector<float> rgb;                        // sRGB-encoded, 0..1
  std::vector<float> truth;                      // 1 where the pixel's centre is scar tissue
  std::vector<std::pair<double, double>> dots;   // FUE punch centres in pixels
};

SyntheticScar synthetic_scar(const SyntheticScarSpec& spec);

}  // namespace smp
