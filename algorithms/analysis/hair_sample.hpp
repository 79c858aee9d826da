// The client's own hair beside bare scalp, measured on the photo: the hair within a few mm of
// the bare skin and the bare skin within a few mm of the hair (the seam a treatment must not
// show), their colours, their grain at 0.3-2 mm, and how soft the photo is there. Tone can be
// measured at any scale; grain and softness only where the photo resolves a few px per mm.
#pragma once

#include <optional>
#include <vector>

#include "analysis/shade_match.hpp"

namespace smp {

// A photo and what a segmentation says of it, on one raster.
struct SegmentedPhoto {
  const float* rgb = nullptr;    // linear light, 3 floats a pixel
  const float* bare = nullptr;   // bare scalp coverage, 0..1
  const float* hair = nullptr;   // the client's hair coverage, 0..1
  const float* shine = nullptr;  // specular share, 0..1 (nullptr: none)
  int width = 0, height = 0;
  double px_per_mm = 1.0;  // of this raster
};

struct HairSampleLimits {
  static constexpr double seam_band_mm = 6.0;       // how far from the seam both sides are sampled
  static constexpr double pairing_mm = 3.0;         // each hair pixel's tone against the skin this near it
  static constexpr double min_area_cm2 = 0.3;       // of each side, for a measurement to count
  static constexpr double grain_px_per_mm_min = 4.0;  // below this grain and softness are not measured
};

// Where the raster holds too little of either side beside the other (under
// `HairSampleLimits::min_area_cm2` of each, or of hair with skin within `pairing_mm`), nothing.
std::optional<HairBesideSkin> sample_hair_beside_skin(const SegmentedPhoto& photo);

// The client's stubble where the user selected it (`photo.hair` is the selection): against the
// bare skin beside it when the segmentation finds enough there, else against the skin between
// its hairs (the lightest fifth of the selection).
std::optional<HairBesideSkin> sample_selected_stubble(const SegmentedPhoto& photo);

// The softness of a photo (Gaussian sigma, in pixels) from its edges in `luminance` where
// `where` is set: each edge's gradient against the gradient after a known extra blur.
double blur_sigma_px(const std::vector<float>& luminance, const std::vector<char>& where, int width, int height);

}  // namespace smp
