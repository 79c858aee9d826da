// Finds scar tissue on a photo of the scalp: skin that is paler and less saturated, or darker and
// browner, smoother and without follicles compared with the scalp around it, at the photo's
// physical scale.
#pragma once

#include "scar/box_mean.hpp"
#include "scar/lab_image.hpp"

namespace smp {

// Sizes from docs/domain.md, "Classification scales" (FUT strip and FUE scars).
enum class ScarKind {
  any,     // every kind below
  linear,  // FUT strip: a line 1-15 mm wide and at least 1 cm long
  dots,    // FUE punches: round, 0.6-1.2 mm across
  area,    // burns, surgery, scarring alopecia: a patch of at least 25 mm^2
};

struct ScarMaskSettings {
  double px_per_mm = 10.0;
  ScarKind kind = ScarKind::any;
  double sensitivity = 0.5;  // 0 only the clearest scars, 1 fainter ones too
  double feather_mm = 0.3;   // soft edge of the mask
};

struct ScarMaskLimits {
  static constexpr double px_per_mm_min = 0.01, px_per_mm_max = 200.0;
  static constexpr double feather_max = 20.0;
  // Larger photos are refused (no scar marked): the detector reads the whole photo twice.
  static constexpr double max_photo_pixels = 256.0e6;
};

ScarMaskSettings sanitized(const ScarMaskSettings& settings);

// The photo (and the region, if any) as the detector reads them, one row at a time and top to
// bottom in each of its passes (a filter reads them from GEGL's tiles), and where the mask goes.
class ScarMaskRows {
 public:
  virtual ~ScarMaskRows() = default;
  // Row y of the photo (L*a*b* and alpha, 4 floats a pixel) and of the region (1 float a pixel);
  // a null pointer is not needed in that pass.
  virtual void read(int y, float* lab_alpha, float* region) = 0;
  virtual void write(int y, const float* mask) = 0;
};

// The mask of a width x height photo, row by row: every row is written once, in order. It keeps
// only the detector's working image, at about 10 px/mm and at most 8 million pixels; the same
// bits as scar_mask() over a whole image.
void scar_mask(int width, int height, bool with_region, ScarMaskRows& rows, const ScarMaskSettings& settings);

// The mask (0-1) of scar tissue, the size of `image`. `region` (optional, the image's size,
// 0-1) limits where scars are looked for; the skin outside it still serves as reference.
Plane scar_mask(const LabImage& image, const Plane* region, const ScarMaskSettings& settings);

}  // namespace smp
