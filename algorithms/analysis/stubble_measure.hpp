// What a client's own shaved stubble looks like, measured from a photo: dark spots against the
// skin around them, counted per cm², sized in mm and weighed by darkness, so the stipple can
// be set to match it.
#pragma once

#include <vector>

namespace smp {

struct StubbleMeasure {
  int hairs = 0;                 // dark spots found
  double area_cm2 = 0.0;         // area measured (the selection)
  double density_per_cm2 = 0.0;
  double diameter_mm = 0.0;      // mean diameter of a spot of the same area
  double darkening = 0.0;        // mean darkest point of a spot against its surroundings, 0..1
};

// `luma`: perceptual luminance 0..1, row-major; `weight`: how much each pixel is selected
// (0..1, empty = all). Spots lighter than `min_darkening` against the local skin are not hair.
StubbleMeasure measure_stubble(const std::vector<float>& luma, const std::vector<float>& weight, int width, int height,
                               double px_per_mm, double min_darkening = 0.12);

}  // namespace smp
