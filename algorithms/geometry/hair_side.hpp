// Which side of a path the hair is on, and how far: the signed distance that hairline masks
// ramp along. Open subpaths: hair lies to the left of the drawing direction as seen on screen
// (draw a front hairline from the image's left to its right and the hair is above it); their
// ends continue straight along their last direction. Closed subpaths: the inside is hair
// (even-odd, so a subpath inside another is a hole).
#pragma once

#include <vector>

#include "geometry/path.hpp"

namespace smp {

class HairSide {
 public:
  // `scale` multiplies path coordinates (1 / 2^level for zoomed-out renders).
  HairSide(const Path& path, double scale);

  bool empty() const { return distance_edges_.empty(); }
  // Whether the path had more points than PathLimits::max_flattened_points once flattened, so
  // its curves were drawn coarser.
  bool simplified() const { return simplified_; }

  // Signed distances (positive on the hair side) of pixel centres (x0 + i + 0.5, y + 0.5),
  // i < count, exact within `reach` pixels of the path; farther ones are +-(reach + 1).
  void row(long y, long x0, int count, double reach, float* out) const;

 private:
  struct Edge {
    Point a, b;
  };
  std::vector<Edge> distance_edges_;  // the path, with its open ends extended
  std::vector<Edge> region_edges_;    // closed outlines of the hair side, for inside tests
  bool simplified_ = false;
};

}  // namespace smp
