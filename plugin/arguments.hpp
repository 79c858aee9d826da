// The arguments several procedures share, each declared and read here once: the preset, which
// way the face points in a top view, the face's landmarks and which eye points they mark, the
// seed, and a user's changes to a preset's stipple.
#pragma once

#include <libgimp/gimp.h>

#include <cstdint>
#include <optional>
#include <string>

#include "geometry/frame.hpp"
#include "hair_match.hpp"
#include "presets/preset.hpp"

namespace smp_plugin {

// "preset": a preset's file name without .preset. A string, not a choice: GIMP keeps a
// procedure's choices in its cache until the plug-in changes, and presets are saved at any time.
void add_preset_argument(GimpProcedure* procedure, const char* blurb);
// The chosen preset, or nullptr with a message saying what is wrong.
const smp::Preset* chosen_preset(GimpProcedureConfig* config, const smp::PresetLibrary& library, std::string& problem);

// "front": which way the face points in a top view (up, down, left, right in the image).
enum class Facing { up, down, left, right };
void add_front_argument(GimpProcedure* procedure, const char* blurb);
Facing facing_of(GimpProcedureConfig* config);
// The image direction the face points to, as smp::HeadFrame::front_rad holds it.
double front_rad_of(Facing facing);

// "landmarks" (a path: the glabella, the image-left eye, the image-right eye) and "eyes"
// (which point of each eye they mark: lateral canthi or pupils; or "brows": the glabella and
// the brows' upper edge above each pupil, or those two alone, when the eyes are out of frame).
void add_landmark_arguments(GimpProcedure* procedure, const char* landmarks_blurb);
// The path given, else the image's path named "SMP landmarks"; nullptr without either.
GimpPath* landmarks_path(GimpImage* image, GimpProcedureConfig* config);
// The landmarks of that path, or of the one selected path; false with what is missing.
bool landmarks_of(GimpImage* image, GimpProcedureConfig* config, smp::FrontLandmarks& landmarks, std::string& problem);
// The landmarks of `path`; false with what is wrong with it.
bool landmarks_on(GimpPath* path, GimpProcedureConfig* config, smp::FrontLandmarks& landmarks, std::string& problem);

// Whether `argument` applies to a view: "front" to top views only, "landmarks" and "eyes" to
// front views only, any other to both (a dialog greys out the rest).
bool applies_to_view(const char* argument, smp::View view);

// "seed": the same seed gives the same dots (or irregularity).
void add_seed_argument(GimpProcedure* procedure, const char* blurb);
std::uint32_t seed_of(GimpProcedureConfig* config);

// "sessions", "density" and "strength": the user's changes to a preset's stipple (0 keeps the
// preset's), and the stipple with them applied.
void add_stipple_override_arguments(GimpProcedure* procedure);
smp::StippleSettings with_overrides(GimpProcedureConfig* config, smp::StippleSettings stipple);
// The strength the user gave, if any (0 keeps the preset's).
std::optional<double> strength_override_of(GimpProcedureConfig* config);

// "shade": what the pigment is matched to (the client's hair in the photo, a named hair colour,
// or the preset's own stipple).
void add_shade_argument(GimpProcedure* procedure);
ShadeChoice shade_choice_of(GimpProcedureConfig* config);

}  // namespace smp_plugin
