// Fuzzing the preset reader: shipped presets broken at random (lines repeated, dropped or
// garbled, numbers in odd spellings, thousands of zones, huge names, bytes), and what a user
// must get back: a preset that paints a sane density, or a message naming the file, the line
// where there is one, and the reason.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace smp_fuzz {

// Broken preset `index` of the run seeded `seed`, made from one of `shipped` (their texts).
std::string broken_preset(const std::vector<std::string>& shipped, std::uint64_t seed, std::uint64_t index);

// One line per finding, none when the reader behaved.
std::vector<std::string> check_preset(const std::string& text);

}  // namespace smp_fuzz
