// Which layer is the client's photo.
#pragma once

#include <libgimp/gimp.h>

#include <string>

namespace smp_plugin {

// The layer whose pixels are the client's photo: the selected layer when it is a plain layer,
// else the image's bottom layer; nullptr when the image has no plain layer.
GimpDrawable* photo_layer(GimpImage* image, GimpDrawable** selected);

}  // namespace smp_plugin
