#include "scalp_mask.hpp"

namespace smp_plugin {

GimpDrawable* photo_layer(GimpImage* image, GimpDrawable** selected)
{
  if (selected && selected[0] && GIMP_IS_LAYER(selected[0]) && !gimp_item_is_group(GIMP_ITEM(selected[0])) &&
      !gimp_layer_is_floating_sel(GIMP_LAYER(selected[0])))
    return selected[0];
  GimpLayer** layers = gimp_image_get_layers(image);
  GimpDrawable* bottom = nullptr;
  for (int i = 0; layers && layers[i]; ++i)
    if (!gimp_item_is_group(GIMP_ITEM(layers[i])))
      bottom = GIMP_DRAWABLE(layers[i]);
  g_free(layers);
  return bottom;
}

}  // namespace smp_plugin
