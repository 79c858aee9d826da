// The head frame from a mask: an ellipse fitted to the largest region of the mask (holes
// filled), by its second moments, then refitted to the part inside a slightly larger copy of
// itself, so a neck, an ear or a hand joined to the head pulls it less.
#pragma once

#include <optional>
#include <vector>

namespace smp {

struct FittedEllipse {
  double centre_x, centre_y;  // grid pixels (pixel centres at +0.5)
  double radius_major, radius_minor;
  double major_angle;  // radians, image axes (y down), in (-pi/2, pi/2]
};

// `weights`: width x height values, 1 inside; a cell counts above 0.5. Nothing when the mask
// holds no region of at least `min_cells` cells.
std::optional<FittedEllipse> fit_ellipse_to_mask(const std::vector<float>& weights, int width, int height,
                                                 int min_cells = 16);

// The whole head from two masks of the same grid: bare skin (`skin`) finds the head, even a
// shaved one, without the pillows and shirts around it; skin or hair (`head`) within 1.5 times
// that ellipse then adds the fringe of hair a balding head keeps at its sides and back.
std::optional<FittedEllipse> fit_head_ellipse(const std::vector<float>& skin, const std::vector<float>& head, int width,
                                              int height, int min_cells = 16);

}  // namespace smp
