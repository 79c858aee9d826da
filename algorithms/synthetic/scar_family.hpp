// A family of synthetic scarred scalps drawn independently of synthetic_scar: its own skin
// texture, follicular units of 1-3 hairs lying at an angle, pores, lighting and shine, and scar
// tissue of a chosen colour and CIEDE2000 contrast against the skin. Each photo comes with its
// truth, so the scar filters can be judged on scars they were not tuned on.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace smp {

enum class FamilyScarKind { none, strip, punches, patch };

// How the scar tissue differs from the skin. White: paler and greyer; pink: redder and a little
// paler; hypopigmented: paler, keeping its hue; hyperpigmented: darker and browner.
enum class ScarTint { white, pink, hypopigmented, hyperpigmented };

struct ScarFamilySpec {
  FamilyScarKind kind = FamilyScarKind::strip;
  double px_per_mm = 10.0;
  double field_width_mm = 100.0, field_height_mm = 30.0;
  int fitzpatrick = 2;  // skin type I-VI as 1-6
  ScarTint tint = ScarTint::white;
  double contrast_delta_e = 8.0;  // CIEDE2000 between the scar tissue's and the skin's own colour
  double edge_softness_mm = 0.3;  // the tissue fades into skin over this width at its edge
  double strip_width_mm = 2.0, strip_length_mm = 80.0;
  double strip_bend_mm = 3.0;  // how far the strip's middle lies off the line through its ends
  int punch_count = 200;
  double punch_min_mm = 0.7, punch_max_mm = 0.9;
  double punch_spacing_mm = 3.5;  // least distance between punch centres
  double patch_diameter_mm = 30.0;
  double hairs_per_cm2 = 90.0;
  double hair_length_mm = 0.4;  // visible length of a shaved hair lying on the skin
  double hair_diameter_mm = 0.1;
  bool hairs_at_random = false;  // units placed by chance (clumps and gaps) instead of about evenly
  double light_gradient = 0.3;  // relative change of the light across the field
  double shine = 0.03;          // a specular highlight's peak, added in linear light
  std::uint32_t seed = 101;
};

struct ScarFamilyPhoto {
  int width = 0, height = 0;
  std::vector<float> rgb;    // sRGB-encoded, 0..1, row-major
  std::vector<float> truth;  // 1 where the pixel's centre is scar tissue
  std::vector<float> core;   // 1 where the pixel is scar tissue at full strength (inside the soft edge)
  std::vector<float> hair;   // how much of the pixel a hair covers, 0-1
  std::vector<std::pair<double, double>> punches;  // FUE punch centres in pixels
};

ScarFamilyPhoto scar_family_photo(const ScarFamilySpec& spec);

// The skin's own colour of Fitzpatrick type 1-6, sRGB-encoded.
struct SkinTone {
  double r, g, b;
};
SkinTone fitzpatrick_skin(int type);

}  // namespace smp
