// Front-view presets on a photo of the face: the zones are millimetres of the face frame the
// landmarks give (glabella, both eyes), kept on a model head seen from the front and on the hair
// side of the preset's hairline, which the Garg construction places from the same landmarks.
// Simulate SMP builds this in GIMP; the contact sheet and the tests draw it with the same code.
#pragma once

#include <cstdint>

#include "presets/preset.hpp"
#include "presets/preset_density.hpp"
#include "stipple/pixel_rect.hpp"

namespace smp {

// An adult head seen from the front, in face millimetres: an ellipse around the forehead and the
// top of the skull, a little narrower than most heads at the temples so that pigment stays off
// the background. In GIMP a selection around the head narrows it further.
struct FrontHeadModel {
  static constexpr double centre_y_mm = 35.0, half_width_mm = 70.0, half_height_mm = 115.0;
};

// The hairline design a preset asks for, as Simulate SMP draws it (a little irregularity).
HairlineDesign preset_hairline_design(const Preset& preset, std::uint32_t seed);

// A front-view zone's outline in image pixels (a band spans the head's width).
Path front_zone_path(const Zone& zone, const FaceFrame& face);

// The preset's hairline in image pixels, drawn image-left to image-right so that the hair side
// (above it) is on its left; empty when the preset has none.
Path front_preset_hairline(const Preset& preset, const FrontLandmarks& landmarks, double px_per_mm, std::uint32_t seed);

// The hair side of a front hairline on the model head, as one closed region: the line, then from
// each temporal peak straight out across the face to the head's outline and round over the top.
// Left open, the line's hair side would run on down past the temporal peaks beside the eyes and
// out onto the background; this keeps the temples below the peaks and the background bare.
Path front_hair_region(const Path& hairline, const FaceFrame& face);

// How Simulate SMP paints a front-view preset (see DensityPlan): the designed hairline, its hair
// side on the model head, and each zone's outline in the face frame.
DensityPlan front_density_plan(const Preset& preset, const FrontLandmarks& landmarks, double px_per_mm,
                               std::uint32_t seed);

// The preset's density map (0..1) over `rect`, as the plan paints it: each zone at its density
// times the hair side (the highest zone where zones meet). `widen_mm` adds to every soft edge.
void front_preset_density(const Preset& preset, const FrontLandmarks& landmarks, double px_per_mm, const PixelRect& rect,
                          float* density, double widen_mm = 0.0, std::uint32_t seed = 0);

}  // namespace smp
