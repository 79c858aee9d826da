// The scalp analysis that suggests a plan (issue 18): from a top view's segmentation, with the
// way the face points (found by face_direction.hpp, or said by the user), the hair-loss pattern
// its bare scalp resembles most among the shipped top-view presets (how much skin shows in each
// cell, visible_skin.hpp), how sure that is, what treating the bare scalp would take, and the
// client's hair colour and skin tone. A suggestion: the user may change any of it.
#pragma once

#include <string>
#include <vector>

#include "analysis/client_colours.hpp"
#include "analysis/pattern_fit.hpp"
#include "analysis/treatment_estimate.hpp"
#include "presets/preset.hpp"

namespace smp {

// The shipped top-view presets that stand for a stage (hair_loss_stage.hpp), with their templates.
struct PatternLibrary {
  std::vector<Preset> presets;
  std::vector<PatternTemplate> templates;  // one per preset, in the same order
};
PatternLibrary pattern_library(const PresetLibrary& shipped);

struct StageSuggestion {
  int stage = 0;        // Norwood I..VII; 0 when no head was found
  std::string preset;   // the preset of that stage that fits best
  double confidence = 0.0;  // that stage's share of the evidence, 0..1
  std::vector<PatternFit> fits;  // every template's, best first
};

struct ScalpAnalysis {
  bool head_found = false;
  HeadFrame head;  // grid pixels, facing `front`
  StageSuggestion stage;
  TreatmentEstimate treatment;  // with the suggested preset
  ClientColours colours;
};

// `linear_rgb`: the photo on the same grid, 3 floats a cell (nullptr: no colours).
ScalpAnalysis analyse_scalp(const ScalpCells& cells, Facing front, const float* linear_rgb,
                            const PatternLibrary& library);

}  // namespace smp
