// How a simulation on a real photo compares with what was annotated on it: the figures of the
// realism score (tools/realism-score, tests/realism). Colours are CIE L*a*b* (D65) of the photo
// before and of the flattened result after; densities are 0..1 per pixel.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "analysis/photo_annotation.hpp"
#include "geometry/frame.hpp"
#include "scar/lab_colour.hpp"
#include "scar/lab_image.hpp"

namespace smp {

// Mean L*a*b* of the pixels of `spans` (nothing when they hold none).
std::optional<Lab> mean_lab(const LabImage& image, const std::vector<PixelSpan>& spans);

// Mean L* of the pixels annotated `region`, before minus after: how much darker it got.
std::optional<double> darkening(const LabImage& before, const LabImage& after, const std::vector<Region>& regions,
                                Region region);

// A seam: CIEDE2000 between the bare patch's mean colour and the hair patch's, each picture on its own.
struct SeamDifference {
  double before = 0.0, after = 0.0;
};
std::optional<SeamDifference> seam_difference(const LabImage& before, const LabImage& after, const Seam& seam);

// Change of the pixels annotated background: per-pixel CIEDE2000 before against after, its mean
// and the mean of the worst block (`block_px` square, aligned to the image's corner, counted when
// at least half of it is background).
struct BackgroundChange {
  double mean_delta_e = 0.0, worst_block_delta_e = 0.0;
  std::size_t pixels = 0;
};
BackgroundChange background_change(const LabImage& before, const LabImage& after, const std::vector<Region>& regions,
                                   int block_px);

// The pigment layer's density against the preset's own plan, on annotated pixels only.
// `planned` is the share of annotated bare scalp where the plan asks for at least half density;
// inside that region, `holes` is the share of bare scalp whose pigment is under a fifth of the
// plan's, and `iou` the intersection over union of "pigment at least half the plan's" with bare.
struct Coverage {
  std::optional<double> planned, holes, iou;
  std::size_t bare_px = 0, bare_planned_px = 0;
};
Coverage coverage(const std::vector<float>& plan, const std::vector<float>& pigment, const std::vector<Region>& regions);

// A fitted head against the annotated outline, along the head's own axes (across, and front to
// back as `front_rad` says): the fit's extent across and along, as a share of the outline's, less
// one, and its centre's distance from the outline's (the middle of its extents), along each axis
// as a share of the outline's extent there, the larger of the two.
struct HeadFitError {
  double width = 0.0, length = 0.0, centre = 0.0;
  double worst() const;
};
HeadFitError head_fit_error(const HeadFrame& fitted, const Polygon& outline, double front_rad);

}  // namespace smp
