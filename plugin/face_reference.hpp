// Which point a front view's heights were measured from, kept on what was made from them: the
// glabella and the brow line differ by 8-10 mm, so a hairline or simulation says which it used.
#pragma once

#include <libgimp/gimp.h>

#include <string>

#include "geometry/frame.hpp"

namespace smp_plugin {

// Saved with the item (XCF included): "the glabella" or "the brow line".
void record_face_reference(GimpItem* item, const smp::FrontLandmarks& landmarks);

// What record_face_reference kept on `item`; empty when it was not made from a front view.
std::string face_reference_of(GimpItem* item);

}  // namespace smp_plugin
