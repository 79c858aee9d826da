// Keeping pigment on skin: the photo's scalp mask rendered by smp:scalp-mask into a channel, and
// a pigment layer's density multiplied by it.
#pragma once

#include <libgimp/gimp.h>

#include <string>

namespace smp_plugin {

// Share of full density a preset keeps over existing hair: fillers, scar camouflage and diffuse
// thinning go between the hairs (thinner there), the rest only on bare scalp.
double hair_density_for(const std::string& category);

// The layer whose pixels are the client's photo: the selected layer when it is a plain layer,
// else the image's bottom layer.
GimpDrawable* photo_layer(GimpImage* image, GimpDrawable** selected);

// A new channel `name` holding smp:scalp-mask of `photo` (white on bare scalp, `hair_density`
// over hair, black on the background); nullptr when GIMP lacks the operation. The caller lifts
// the selection first; the selection is none afterwards.
GimpChannel* render_scalp_mask(GimpImage* image, GimpDrawable* photo, const char* name, double px_per_mm,
                               double hair_density, double sensitivity);

// Multiplies the density (alpha) of `pigment` by `mask`, through a layer mask applied at once.
// The selection is none afterwards.
void confine_to_mask(GimpImage* image, GimpLayer* pigment, GimpChannel* mask);

}  // namespace smp_plugin
