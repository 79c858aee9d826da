// Which pixels of a raster a polygon covers: a pixel is inside when its centre is (even-odd
// rule, as SVG's fill-rule="evenodd"), so two polygons that share an edge share no pixel.
#pragma once

#include <cstdint>
#include <vector>

#include "geometry/path.hpp"

namespace smp {

using Polygon = std::vector<Point>;  // image pixels; the last point joins the first

// Pixels x_begin <= x < x_end of row y.
struct PixelSpan {
  int y = 0, x_begin = 0, x_end = 0;
};

// The covered pixels of a width x height raster, row by row; points may lie off the raster.
std::vector<PixelSpan> polygon_spans(const Polygon& polygon, int width, int height);

// A raster of 0 and 1 covering `polygon`, row-major.
std::vector<std::uint8_t> polygon_mask(const Polygon& polygon, int width, int height);

}  // namespace smp
