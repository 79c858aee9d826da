// A shipped top-view preset as the bare scalp it expects: its zones drawn on the normalised head
// (the unit circle, x across, y from the front at -1 to the back at 1), each cell the density
// share of the zone that covers it (the highest where zones overlap), 0 where the hair stays.
// The presets are the one home of what each pattern's bare scalp looks like; the analysis
// compares a photo's bare scalp with these.
#pragma once

#include <string>
#include <vector>

#include "geometry/path.hpp"
#include "presets/preset.hpp"

namespace smp {

struct PatternTemplate {
  std::string preset;  // file name without .preset
  int stage = 0;       // the Norwood stage it stands for (hair_loss_stage.hpp)
  static constexpr int side = 48;  // cells across the normalised head's square
  std::vector<float> bareness;     // side x side, row-major

  // The template at a point of the normalised head; 0 outside the head.
  double at(const Point& normalised) const;
};

PatternTemplate pattern_template(const Preset& preset, const std::string& preset_name, int stage);

}  // namespace smp
