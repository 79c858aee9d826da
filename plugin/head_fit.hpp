// The head frame without a selection: the outline of the bare scalp and hair that smp:scalp-regions
// finds (smp::fit_head_frame at its working scale), and the path "SMP head" that
// shows it so the user can correct it.
#pragma once

#include <libgimp/gimp.h>

#include <optional>
#include <string>

#include "arguments.hpp"
#include "geometry/frame.hpp"

namespace smp_plugin {

// The head seen from above in `photo` (a plain layer), facing `facing`, in image pixels;
// nothing when there is no head, or skin nearly everywhere (no outline to fit).
std::optional<smp::HeadFrame> head_from_photo(GimpImage* image, GimpDrawable* photo, double px_per_mm, Facing facing);

// The head's outline as the closed path `name` (four anchors, as Ellipse Select draws it).
GimpPath* insert_head_path(GimpImage* image, const smp::HeadFrame& head, const char* name);

// The head as the elliptical selection shows it, facing `facing`; nothing when nothing is selected.
std::optional<smp::HeadFrame> head_from_selection(GimpImage* image, Facing facing);

}  // namespace smp_plugin
