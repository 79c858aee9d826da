// The pieces every SMP procedure builds its items from: pigment layers carrying the stipple as
// a live layer effect, and drawables filled from a node of a filter graph (filter_graph.hpp).
#pragma once

#include <glib/gi18n-lib.h>
#include <libgimp/gimp.h>

#include "stipple/stipple_settings.hpp"

namespace smp_plugin {

inline constexpr const char* missing_filters_message =
    N_("GIMP does not know the SMP GEGL operations: install the smp-filters module into GEGL's user plug-ins folder "
       "(meson install does) and restart GIMP.");

// A transparent layer in Multiply mode, inserted at the top of `parent` (nullptr: the image).
GimpLayer* new_pigment_layer(GimpImage* image, GimpLayer* parent, const char* name);

// A new channel the size of the image, transparent (all 0), at the top of the channels.
GimpChannel* new_channel(GimpImage* image, const char* name);

// smp:follicle-stipple as the layer's live effect, every property from `settings` (the scale
// included). False when GIMP lacks the operation. The caller lifts the selection (LiftedSelection).
bool attach_stipple(GimpLayer* layer, const smp::StippleSettings& settings);

// Fills the selection (all, without one) of a pigment layer with full density.
void fill_full_density(GimpDrawable* drawable);

// `drawable`'s pixels rendered from `node` over the whole drawable (made at the image's origin,
// as the plug-in makes its layers and channels). A channel gets the numbers of the node's grey
// ("Y'A float") unchanged, whatever its own encoding.
void render_into(GimpDrawable* drawable, GeglNode* node);

// The format a drawable stores its numbers in (for reading them back as coverage).
const Babl* stored_format(GimpDrawable* drawable);

}  // namespace smp_plugin
