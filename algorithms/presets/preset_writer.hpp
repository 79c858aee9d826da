// A preset written back as format-1 key-file text, for "Save as preset": what parse_preset
// reads returns the same preset.
#pragma once

#include <string>

#include "presets/preset.hpp"

namespace smp {

std::string preset_to_text(const Preset& preset);

// A file name stem from a preset's name: lower case, letters and digits, words joined by '-'.
std::string preset_file_stem(const std::string& name);

}  // namespace smp
