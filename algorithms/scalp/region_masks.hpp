// Connected regions of a binary mask on a grid: the region the head is, its holes, and the
// small holes a highlight or a blemish leaves in bare scalp. 4-connected, row-major, 1 = in.
#pragma once

#include <cstdint>
#include <vector>

namespace smp {

using Mask = std::vector<std::uint8_t>;

// The 4-connected region of `mask` with the largest sum of `weight` over its cells (ties: the
// first met in row order); empty when the mask holds nothing of weight.
Mask heaviest_region(const Mask& mask, const std::vector<float>& weight, int width, int height);

// `mask` with every hole filled (cells out of it that the grid's border does not reach).
Mask with_holes_filled(const Mask& mask, int width, int height);

// Each hole of `mask` smaller than `max_cells` cells, as a mask.
Mask small_holes(const Mask& mask, int width, int height, std::size_t max_cells);

}  // namespace smp
