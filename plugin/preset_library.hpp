// Where the plug-in finds presets (shipped beside it, then the user's in the GIMP profile),
// and how a procedure names one (its file name stem).
#pragma once

#include <libgimp/gimp.h>

#include <string>
#include <vector>

#include "presets/preset.hpp"

namespace smp_plugin {

// The first pick: the commonest pattern SMP treats, seen from above.
inline constexpr const char* default_preset_nick = "norwood-6";

std::string user_preset_folder();
std::vector<std::string> preset_folders();
smp::PresetLibrary load_presets();  // reports skipped files on the console
std::string nick_of(const smp::Preset& preset);
const smp::Preset* find_preset(const smp::PresetLibrary& library, const std::string& nick);

}  // namespace smp_plugin
