// The scalp analysis as the plan's first step (issue 18): on the photo layer, from the very
// segmentation Simulate SMP keeps its pigment to, which way the face points, the hair-loss
// pattern the bare scalp resembles and how sure that is, what treating it would take, and the
// client's hair colour and skin tone. A suggestion: the user may change any of it.
#pragma once

#include <gegl.h>

#include <optional>
#include <string>

#include "analysis/face_direction.hpp"
#include "analysis/scalp_analysis.hpp"
#include "presets/preset.hpp"

namespace smp_plugin {

struct ScalpSuggestion {
  smp::FaceDirection direction;  // found, or the one the user gave (confidence 1)
  smp::ScalpAnalysis analysis;

  // One paragraph in the user's words; says so when no head was found.
  std::string summary(const smp::PresetLibrary& presets) const;
};

// `photo`: the photo layer as a node in image coordinates, `px_per_mm` the image's scale;
// `front`: the way the face points when the user says so, else it is found.
ScalpSuggestion suggested_plan(GeglNode* photo, double px_per_mm, const smp::PresetLibrary& presets,
                               std::optional<smp::Facing> front);

}  // namespace smp_plugin
