// Keeping pigment on skin: which layer is the client's photo, and how much of a preset's
// density stays over the client's own hair (smp:scalp-mask's hair density).
#pragma once

#include <libgimp/gimp.h>

#include <string>

namespace smp_plugin {

// Share of full density a preset keeps over existing hair: fillers, scar camouflage and diffuse
// thinning go between the hairs (thinner there), the rest only on bare scalp.
double hair_density_for(const std::string& category);

// The layer whose pixels are the client's photo: the selected layer when it is a plain layer,
// else the image's bottom layer; nullptr when the image has no plain layer.
GimpDrawable* photo_layer(GimpImage* image, GimpDrawable** selected);

}  // namespace smp_plugin
