// Tones scar tissue to the skin around it: per channel of L*a*b*, the scar's local mean and
// spread are moved to those of a ring of skin just outside the mask, so its fine texture stays
// and its colour and paleness go; the mask's edge is feathered inwards only.
#pragma once

#include "scar/box_mean.hpp"
#include "scar/lab_image.hpp"

namespace smp {

struct ScarBlendSettings {
  double px_per_mm = 10.0;
  double ring_width_mm = 3.0;  // skin taken as reference, measured out from the mask
  double feather_mm = 0.2;     // the blend fades in over this distance inside the mask's edge
  double texture = 1.0;        // 1 gives the scar the skin's fine contrast, 0 a flat tone
};

struct ScarBlendLimits {
  static constexpr double px_per_mm_min = 0.01, px_per_mm_max = 200.0;
  static constexpr double ring_min = 0.2, ring_max = 50.0, feather_max = 20.0;
  // The feather's window in pixels: its band of rows is what the blend keeps per pixel of width.
  static constexpr int feather_max_px = 256;
  // Larger photos are passed through unchanged: the blend reads the whole photo three times.
  static constexpr double max_photo_pixels = 256.0e6;
};

ScarBlendSettings sanitized(const ScarBlendSettings& settings);

// The photo and its scar mask as the blend reads them, one row at a time and top to bottom in each
// of its passes (a filter reads them from GEGL's tiles), and where the toned rows go.
class ScarBlendRows {
 public:
  virtual ~ScarBlendRows() = default;
  // Row y of the photo (L*a*b* and alpha, 4 floats a pixel) and of the mask (1 float a pixel).
  virtual void read(int y, float* lab_alpha, float* mask) = 0;
  // Row y toned; `applied` (0-1 a pixel) is how much of the blend each pixel got: where it is 0
  // the pixel was not touched, so the caller can keep the original bits there.
  virtual void write(int y, const float* lab_alpha, const float* applied) = 0;
};

// The blend of a width x height photo, row by row: every row is written once, in order. It keeps
// the scar's outline (one bit a pixel), statistics at about 4 px/mm (at most 4 million cells) and
// a band of rows as tall as the widest window; the same bits as scar_blend() over planes.
void scar_blend(int width, int height, ScarBlendRows& rows, const ScarBlendSettings& settings);

// Blends `image` in place. Returns how much of the blend each pixel received (0-1): where it is
// 0 the pixel was not touched, so a caller can keep the original bits there.
Plane scar_blend(LabImage& image, const Plane& mask, const ScarBlendSettings& settings);

}  // namespace smp
