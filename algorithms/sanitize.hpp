// Every number a user or a script can set passes through here before the algorithms use it:
// NaN becomes the default, infinities and everything else the nearest end of the range.
#pragma once

#include <algorithm>
#include <cmath>

namespace smp {

inline double sanitized_number(double value, double fallback, double lo, double hi)
{
  if (std::isnan(value))
    return fallback;
  return std::clamp(value, lo, hi);
}

}  // namespace smp
