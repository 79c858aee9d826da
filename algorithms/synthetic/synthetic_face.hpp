// A face seen from the front, made from hashes and simple shapes: skin with lighting, eyes,
// brows, a nose shadow and hair above a receding hairline (about Norwood III), with its
// landmarks known exactly. The hairline styles chart and the tests draw on it.
#pragma once

#include <cstdint>
#include <vector>

#include "geometry/path.hpp"

namespace smp {

struct SyntheticFaceSpec {
  int width_px = 720, height_px = 780;
  double px_per_mm = 3.6;
  double hairline_mm = 98.0;  // the client's own receding line above the glabella, at the midline
  std::uint32_t seed = 2;
};

struct SyntheticFace {
  int width = 0, height = 0;
  std::vector<float> rgb;  // sRGB-encoded, 0..1, row-major
  Point glabella, left_canthus, right_canthus, left_pupil, right_pupil;
  Point left_brow, right_brow;  // the brows' upper edge above each pupil
};

SyntheticFace synthetic_face_front(const SyntheticFaceSpec& spec);

}  // namespace smp
