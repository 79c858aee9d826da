// The head frame without a selection: an ellipse fitted to the photo's head mask (skin and hair,
// from smp:scalp-mask), and the path "SMP head" that shows it so the user can correct it.
#pragma once

#include <libgimp/gimp.h>

#include <optional>
#include <string>

#include "hairline/hairline_design.hpp"

namespace smp_plugin {

// The head seen from above, facing `facing` (0 up, 1 down, 2 left, 3 right), fitted to the
// photo's bare skin and then its skin or hair nearby (smp::fit_head_ellipse); nothing when
// there is no head, or skin nearly everywhere (no outline to fit).
std::optional<smp::HeadFrame> head_from_masks(GimpChannel* skin_mask, GimpChannel* head_mask, int facing);

// With no selection: the head fitted to `photo`'s masks, shown as the path "SMP head" (edit
// it, Select > From Path and run again to correct it). False, with `problem` saying what to do,
// when the photo shows no head. The caller lifts the selection; it is none afterwards.
bool fit_head_and_show_it(GimpImage* image, GimpDrawable* photo, double px_per_mm, int facing, smp::HeadFrame& head,
                          std::string& problem);

// The head's outline as the closed path `name`.
GimpPath* insert_head_path(GimpImage* image, const smp::HeadFrame& head, const char* name);

}  // namespace smp_plugin
