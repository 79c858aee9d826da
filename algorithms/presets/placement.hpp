// Where a preset lands on a photo: a head seen from above (its ellipse) or a face seen from the
// front (its landmarks), at the photo's scale; and the hairline a preset draws there.
#pragma once

#include <cstdint>

#include "geometry/frame.hpp"
#include "hairline/hairline_design.hpp"
#include "presets/preset.hpp"

namespace smp {

struct Placement {
  View view = View::top;
  HeadFrame head;            // top view: the head's outline
  FrontLandmarks landmarks;  // front view: the glabella and both eyes, or the brows
  double px_per_mm = 10.0;

  static Placement on_head(const HeadFrame& head, double px_per_mm) { return {View::top, head, {}, px_per_mm}; }
  static Placement on_face(const FrontLandmarks& landmarks, double px_per_mm)
  {
    return {View::front, {}, landmarks, px_per_mm};
  }

  // Zone numbers to image pixels: the normalised head seen from above (its outline the unit
  // circle), or millimetres of the face frame.
  Frame zone_frame() const;
};

// The hairline design a preset asks for, as Simulate SMP draws it (a little irregularity).
HairlineDesign preset_hairline_design(const Preset& preset, std::uint32_t seed);

// The preset's hairline in image pixels, drawn so that the hair lies on its left (empty when
// the preset has none).
Path preset_hairline(const Preset& preset, const Placement& placement, std::uint32_t seed);

// The part of the head on the hair side of that hairline, as one closed region: behind it on a
// head seen from above, above it on the model head in a front view.
Path hair_side_region(const Placement& placement, const Path& hairline);

}  // namespace smp
