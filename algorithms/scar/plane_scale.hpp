// Working at a coarser grid than the photo: whole-image scar maths stays bounded in time and
// memory on large, finely resolved photos.
#pragma once

#include "scar/box_mean.hpp"

namespace smp {

// Pixels per working pixel (1 or more): brings the scale down to about `wanted_px_per_mm` and
// the pixel count under `max_pixels`.
int working_step(int width, int height, double px_per_mm, double wanted_px_per_mm, double max_pixels);

// Mean over step x step blocks, weighted by `weight` when given (at the input's size).
Plane shrunk(const Plane& in, int step, const Plane* weight);

// Back to width x height by bilinear interpolation between block centres.
Plane grown(const Plane& in, int step, int width, int height);

}  // namespace smp
