// How much skin really shows where the segmentation reads bare scalp. At 1-2 px per mm it cannot
// resolve single strands, so thinning hair over skin reads as bare (tests/filters, the
// segmentation's shortfalls); its lightness still tells: in linear light a cell mixes the hair's
// and the skin's luminance by how much of each shows. The skin's reference is the lower quartile
// of the surely bare cells (so shading on a bald head does not read as hair), the hair's the
// median of the surely hair cells; shine counts as skin.
#pragma once

#include "analysis/scalp_cells.hpp"

namespace smp {

// The cells with each bare cell's hidden share moved to hair; unchanged where the photo shows too
// little sure hair or sure skin to compare with. `linear_rgb`: 3 floats a cell.
ScalpCells with_visible_skin(const ScalpCells& cells, const float* linear_rgb);

}  // namespace smp
