// Where on a photo pigment may go: bare scalp skin (1), background (0) and existing hair (0, or
// a share of full density for fillers between longer hair), from colour and texture at the
// millimetre scale. Input is CIE Lab with alpha; the result depends only on pixels within
// context_px() of the output pixel, with integer box sums so every tiling gives the same bits.
#pragma once

#include <vector>

namespace smp {

struct ScalpMaskSettings {
  double px_per_mm = 10.0;
  double feather_mm = 1.5;    // Gaussian softening of the mask's edge
  double sensitivity = 0.5;   // 0 strict, 1 lenient about what reads as bare skin
  double hair_density = 0.0;  // share of full density kept over existing hair (1: the whole head)
  double texture_mm = 1.5;    // radius of the window colour and texture are judged in
  friend bool operator==(const ScalpMaskSettings&, const ScalpMaskSettings&) = default;
};

struct ScalpMaskLimits {
  static constexpr double px_per_mm_min = 0.01, px_per_mm_max = 200.0;
  static constexpr double feather_max_mm = 20.0, texture_min_mm = 0.2, texture_max_mm = 5.0;
  static constexpr int window_max_px = 32, feather_max_px = 32;  // bound the context whatever the scale
};

class ScalpMask {
 public:
  ScalpMask(const ScalpMaskSettings& settings, int level);

  // Pixels of input needed on every side of an output pixel.
  int context_px() const { return window_px_ + 3 * feather_px_; }

  // `lab_alpha`: 4 floats a pixel (L 0..100, a, b, alpha 0..1), `width` x `height`, whose
  // border of context_px() is context only. Writes the inner (width - 2c) x (height - 2c)
  // pixels of the mask (0..1) into `mask`.
  void render(const float* lab_alpha, int width, int height, float* mask) const;

 private:
  ScalpMaskSettings settings_;
  int window_px_ = 1, feather_px_ = 0;
};

}  // namespace smp
