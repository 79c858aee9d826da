// What a photo of a head seen from above (or above and in front) shows, pixel by pixel: bare
// scalp skin, the client's own hair, or background (clothes, walls, pillows, and skin that is
// not scalp: face, ears, neck, arms), and how much of the light on bare scalp is surface shine.
// Learnt on each photo from its own confident pixels: the head is told from the background by
// colour and texture models of the two (seeded by skin and hair colours near the middle and by
// the photo's border), its outline found where head turns to background all round its middle;
// inside it, bare skin is told from hair by a two-class model of colour and texture (hair is
// textured at the millimetre scale and less coloured than skin), smoothed over a millimetre.
// Works on a working copy of at most WorkingScaleLimits' size: everything is bounded whatever
// the photo's size.
#pragma once

#include <optional>
#include <vector>

#include "geometry/frame.hpp"

namespace smp {

// Which way the face points in the image.
enum class Facing { up, down, left, right };
double front_rad_of(Facing facing);

struct ScalpRegionsSettings {
  double px_per_mm = 10.0;  // of the photo
  Facing front = Facing::up;
  double sensitivity = 0.5;  // 0 strict, 1 lenient about what reads as bare scalp rather than hair
};

struct ScalpRegionsLimits {
  static constexpr double px_per_mm_min = 0.01, px_per_mm_max = 200.0;
  // The working copy: at most this many pixels, and no finer than this (hair texture is judged
  // over a millimetre; finer only costs time).
  static constexpr double working_pixels_max = 1.0e6;
  static constexpr double working_px_per_mm_max = 4.0;
  static constexpr int working_side_min = 16;  // smaller than this: no head can be told
  // The op reads no larger photo (its working copy is read from all of it), as the scar ops.
  static constexpr double max_photo_pixels = 256.0e6;
};

// The working copy's size for a photo: its scale (<= 1) and pixel size.
struct WorkingScale {
  double scale = 1.0;
  int width = 0, height = 0;
};
WorkingScale working_scale(int width, int height, double px_per_mm);

struct ScalpRegions {
  int width = 0, height = 0;
  std::vector<float> bare, hair, shine;  // coverages 0..1, row-major, bare + hair <= 1
  std::optional<HeadFrame> head;         // the fitted head in working pixels
};

// `linear_rgba`: 4 floats a pixel (linear light, alpha), `width` x `height`, already at the
// working scale; `settings.px_per_mm` is that of this raster. A photo with no head found, or too
// small, comes back all background.
ScalpRegions scalp_regions(const std::vector<float>& linear_rgba, int width, int height,
                           const ScalpRegionsSettings& settings);

}  // namespace smp
