// Which way the face points on a top view, from the segmentation alone. Two cues, measured on
// the development photos (README, "Scalp analysis"):
// - seen from above a head is egg-shaped, wider at the back than at the brow: the narrower end
//   of the head is the front;
// - in pattern hair loss the hair left is a horseshoe at the sides and back, and the forehead is
//   skin: the bare scalp lies towards the face from the hair.
// The first holds on top views, the second where the forehead is in view; they are summed.
#pragma once

#include <array>

#include "analysis/scalp_cells.hpp"
#include "scalp/scalp_regions.hpp"

namespace smp {

struct FaceDirection {
  Facing front = Facing::down;
  double confidence = 0.0;            // 0 a guess, towards 1 sure: how far the best beats the next
  std::array<double, 4> evidence{};   // per Facing (up, down, left, right): higher is likelier
  bool found = false;                 // false: the grid holds no head to judge
};

FaceDirection face_direction(const ScalpCells& cells);

const char* facing_name(Facing facing);

}  // namespace smp
