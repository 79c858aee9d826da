// A top view of a balding head, made from hashes: warm skin with dome lighting, mottling and
// pores, a horseshoe of shaved stubble at the sides and back, on cloth. Demos and tests use it
// where a photo with a known scale and known bald area is needed.
#pragma once

#include <cstdint>
#include <vector>

namespace smp {

struct SyntheticScalpSpec {
  int width_px = 1600, height_px = 1200;
  double px_per_mm = 6.0;
  double head_width_mm = 150.0, head_length_mm = 190.0;  // the front of the head is at the top
  double stubble_per_cm2 = 70.0;                          // follicular units in the fringe
  double hair_length_mm = 0.7;                            // 0.7: shaved stubble; longer: lying strands
  // The skin's colour in full light (light skin; about 0.36, 0.22, 0.15 for Fitzpatrick VI).
  double skin_r = 0.95, skin_g = 0.74, skin_b = 0.63;
  double shine = 1.0;       // the specular highlight's strength (1: a mildly oily scalp; 4: a wet shine)
  double side_shade = 0.0;  // how much darker the image-right side of the head is (0..1): light from one side
  std::uint32_t seed = 1;
};

struct Ellipse {
  double centre_x, centre_y, radius_x, radius_y;  // pixels
};

struct SyntheticScalp {
  int width = 0, height = 0;
  std::vector<float> rgb;  // sRGB-encoded, 0..1, row-major
  Ellipse bald_area;       // where the fringe is absent: what a designer would select
  Ellipse head;            // the head's outline
  // What each pixel shows, for judging masks: background, bare scalp skin or the fringe's hair.
  enum Part : std::uint8_t { background = 0, bare_scalp = 1, hair = 2 };
  std::vector<std::uint8_t> truth;
};

SyntheticScalp synthetic_scalp_top_view(const SyntheticScalpSpec& spec);

}  // namespace smp
