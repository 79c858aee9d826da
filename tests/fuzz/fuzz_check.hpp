// Runs one fuzz case in real GEGL and says what a user would notice: NaN or out-of-range
// pixels, an op giving up (out of memory or an internal error), pixels that change with the
// tile size, the thread count or how the region is split. Crashes, hangs and memory are the
// driver's to catch (it runs cases in a worker process under limits).
#pragma once

#include <string>
#include <vector>

#include "fuzz_case.hpp"

namespace smp_fuzz {

// GEGL must be up with the module loaded; the log handler installed by watch_warnings() sees
// what the ops say. Returns one line per finding, none when the case passes.
std::vector<std::string> check_case(const Case& c);

// From here on, GLib messages are watched for an op giving up or a critical from any library.
void watch_warnings();

}  // namespace smp_fuzz
