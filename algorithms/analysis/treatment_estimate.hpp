// What treating the bare scalp would take with a preset: the area, the impressions at the
// preset's density in each of its zones, and the sittings. DOMAIN.md, "Impressions": about
// 14,000 impressions fit one 2-4 h sitting, and a preset's sessions are its interleaved passes.
#pragma once

#include "analysis/pattern_template.hpp"
#include "analysis/scalp_cells.hpp"
#include "presets/preset.hpp"

namespace smp {

inline constexpr double impressions_per_sitting = 14000.0;

struct TreatmentEstimate {
  double area_cm2 = 0.0;  // bare scalp on the head
  double impressions = 0.0;
  int sessions = 0;  // at least the preset's passes, more when the impressions need them
};

// `pattern` is `preset`'s template, `head` the head on the grid facing the way the face points.
// A bare cell outside the preset's zones gets the densest zone's share, as Simulate's plan
// reaches on over the photo's bare scalp (density_plan.hpp).
TreatmentEstimate treatment_estimate(const ScalpCells& cells, const HeadFrame& head, const Preset& preset,
                                     const PatternTemplate& pattern);

}  // namespace smp
