// A preset zone's outline on the photo: its shape in the view's zone units (presets/preset.hpp)
// turned into image pixels through the placement's frame.
#pragma once

#include "geometry/path.hpp"
#include "presets/placement.hpp"
#include "presets/preset.hpp"

namespace smp {

// Closed subpaths in image pixels (a full ring is two: fill them even-odd). A band is the
// head's outline between two lines seen from above, and a strip across the face in a front view.
Path zone_outline(const Zone& zone, const Placement& placement);

}  // namespace smp
