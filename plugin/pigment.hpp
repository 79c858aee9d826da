// The pieces every SMP procedure builds its items from: pigment layers carrying the stipple as
// a live layer effect, density filled into them, and channels rendered by smp:hairline-mask.
#pragma once

#include <libgimp/gimp.h>

#include <functional>

#include "geometry/path.hpp"

namespace smp_plugin {

inline constexpr const char* missing_filters_message =
    "GIMP does not know the SMP GEGL operations: install the smp-filters module into GEGL's user plug-ins folder "
    "(meson install does) and restart GIMP.";

// A transparent layer in Multiply mode, inserted at the top of `parent` (nullptr: the image).
GimpLayer* new_pigment_layer(GimpImage* image, GimpLayer* parent, const char* name);

// smp:follicle-stipple as the layer's live effect, set up by `configure`, with the image's
// scale. False when GIMP lacks the operation. The caller lifts the selection (LiftedSelection).
bool attach_stipple(GimpLayer* layer, double px_per_mm, const std::function<void(GimpDrawableFilterConfig*)>& configure);

// Fills the selection (all, without one) of `drawable` with grey at this density (0..1).
void fill_density(GimpDrawable* drawable, double density);

// A new channel holding smp:hairline-mask of `region` (soft edge `transition_mm`, no
// irregularity unless `irregular`). The caller lifts the selection first.
GimpChannel* render_mask_channel(GimpImage* image, const smp::Path& region, const char* name, double px_per_mm,
                                 double transition_mm, bool irregular, unsigned seed);

}  // namespace smp_plugin
