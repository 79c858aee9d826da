// One fuzz case for a filter: the op, the properties set on it (as text), its input and aux
// images and the region and level rendered. A case is drawn from (seed, index) and written as
// one line, so a case the fuzzer finds is replayed and kept (tests/fuzz/regressions.txt).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace smp_fuzz {

// An image fed to a pad. `kind`: none; buffer (a width x height buffer in `format` holding
// `content`); huge (a colour cropped to width x height, read only where asked); unbounded (a
// colour without bounds). `content`: constant, noise, skin, ramp or wild (NaN, infinities and
// extremes among ordinary values); `colour` is the constant's (or the fill's) RGBA.
struct Image {
  std::string kind = "none";
  std::string format;
  int width = 0, height = 0;
  std::string content = "noise";
  std::uint64_t seed = 0;
  std::string colour = "0.8,0.6,0.5,1";
};

struct Case {
  std::string op;
  std::vector<std::pair<std::string, std::string>> properties;  // name, value as text
  Image input, aux;
  int x = 0, y = 0, width = 1, height = 1;  // the region, in pixels of the level
  int level = 0;
};

// The ops fuzzed: every op of the module.
const std::vector<std::string>& operations();

// Case `index` of the run seeded `seed`. GEGL must be up with the module loaded (the ops'
// properties are read from it).
Case random_case(std::uint64_t seed, std::uint64_t index);

std::string describe(const Case& c);
std::optional<Case> parse_case(const std::string& line, std::string* error);

}  // namespace smp_fuzz
