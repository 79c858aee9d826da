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

// shrunk() of planes handed over row by row, top to bottom, all weighted by one weight (or none):
// the same sums in the same order, so the same bits, in memory for the blocks only. With a step
// of 1 the planes are kept as they are, as shrunk() returns them.
class StreamingShrink {
 public:
  StreamingShrink(int width, int height, int step, int planes);
  // Row y of each plane (`values[k]`, width floats each) and of the weight (or null).
  void add_row(int y, const float* const* values, const float* weight);
  // The block means of plane k; once, after the last row.
  Plane take(int k);

 private:
  int width_, step_;
  std::vector<Plane> sums_;
  Plane total_;
};

// Back to width x height by bilinear interpolation between block centres.
Plane grown(const Plane& in, int step, int width, int height);
// One pixel of grown(); `in` itself where the step is 1.
float grown_at(const Plane& in, int step, int x, int y);

}  // namespace smp
