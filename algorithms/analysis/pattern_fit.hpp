// How well each pattern's template (pattern_template.hpp) explains a photo's bare scalp, with the
// head placed facing a given way: the mean squared difference, over the head, between the share
// of each cell that is bare (of its bare and hair) and the template there, each cell weighed by
// how surely it is head. 0 is a perfect fit, 1 the worst.
#pragma once

#include <optional>
#include <vector>

#include "analysis/pattern_template.hpp"
#include "analysis/scalp_cells.hpp"
#include "scalp/scalp_regions.hpp"

namespace smp {

struct PatternFit {
  const PatternTemplate* pattern = nullptr;
  double misfit = 1.0;
};

// The head on the grid facing `front`: the user's ellipse when given, else the plug-in's head
// fit, else the head's own moments; nothing when the grid holds no head.
std::optional<HeadFrame> head_facing(const ScalpCells& cells, Facing front);

// One fit per template, best first.
std::vector<PatternFit> fit_patterns(const ScalpCells& cells, const HeadFrame& head,
                                     const std::vector<PatternTemplate>& patterns);

}  // namespace smp
