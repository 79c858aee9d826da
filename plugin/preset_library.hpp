// Where the plug-in finds presets (shipped beside it, then the user's in the GIMP profile),
// how a procedure names one (its file name stem) and offers them as a choice.
#pragma once

#include <libgimp/gimp.h>

#include <string>
#include <vector>

#include "presets/preset.hpp"

namespace smp_plugin {

std::string user_preset_folder();
std::vector<std::string> preset_folders();
smp::PresetLibrary load_presets();  // reports skipped files on the console
std::string nick_of(const smp::Preset& preset);
const smp::Preset* find_preset(const smp::PresetLibrary& library, const std::string& nick);

// The argument "preset": one choice per preset, named by nick, labelled by name.
void add_preset_argument(GimpProcedure* procedure, const char* blurb);

// The arguments "sessions", "density" and "strength": the user's changes to a preset's
// stipple (0 keeps the preset's), and the stipple with them applied.
void add_stipple_override_arguments(GimpProcedure* procedure);
smp::PresetStipple with_overrides(GimpProcedureConfig* config, smp::PresetStipple stipple);

// The chosen preset, or nullptr with a message saying what is wrong.
const smp::Preset* chosen_preset(GimpProcedureConfig* config, const smp::PresetLibrary& library, std::string& problem);

}  // namespace smp_plugin
