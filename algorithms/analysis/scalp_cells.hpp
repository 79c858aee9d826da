// A photo's segmentation on a grid of cells (smp:scalp-regions read at its working scale): how
// much of each cell is bare scalp and how much the client's own hair; the rest is background.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "geometry/frame.hpp"

namespace smp {

// Coverage that counts a cell as head (bare and hair together), and as surely bare or surely hair.
inline constexpr float head_coverage_min = 0.5f, sure_coverage = 0.8f;

struct ScalpCells {
  int width = 0, height = 0;
  std::vector<float> bare, hair;  // coverages 0..1, row-major
  double px_per_mm = 1.0;         // of the grid
  std::vector<float> shine;       // specular share of bare scalp, 0..1 (empty: none)
  // The head's ellipse in grid pixels, when the user drew one (its front_rad is not used).
  std::optional<HeadFrame> head;

  std::size_t count() const { return static_cast<std::size_t>(width) * height; }
  bool valid() const
  {
    return width > 0 && height > 0 && bare.size() >= count() && hair.size() >= count() &&
           (shine.empty() || shine.size() >= count());
  }
};

}  // namespace smp
