#include "scalp_mask.hpp"

namespace smp_plugin {

double hair_density_for(const std::string& category)
{
  return category == "filler" || category == "scar" || category == "other" ? 0.5 : 0.0;
}

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

GimpChannel* render_scalp_mask(GimpImage* image, GimpDrawable* photo, const char* name, double px_per_mm,
                               double hair_density, double sensitivity)
{
  // The filter's grey output on a copy of the photo, its grey copied into a layer mask, the
  // mask taken as the selection (where the layer sits) and saved as a channel.
  GimpLayer* work = gimp_layer_new_from_drawable(photo, image);
  gimp_image_insert_layer(image, work, nullptr, 0);
  GimpDrawableFilter* filter = gimp_drawable_filter_new(GIMP_DRAWABLE(work), "smp:scalp-mask", "SMP scalp mask");
  if (!filter) {
    gimp_image_remove_layer(image, work);
    return nullptr;
  }
  g_object_set(gimp_drawable_filter_get_config(filter), "px-per-mm", px_per_mm, "hair-density", hair_density,
               "sensitivity", sensitivity, nullptr);
  gimp_drawable_filter_set_blend_mode(filter, GIMP_LAYER_MODE_REPLACE);
  gimp_drawable_filter_update(filter);
  gimp_drawable_merge_filter(GIMP_DRAWABLE(work), filter);
  GimpLayerMask* grey = gimp_layer_create_mask(work, GIMP_ADD_MASK_COPY);
  gimp_layer_add_mask(work, grey);
  gimp_image_select_item(image, GIMP_CHANNEL_OP_REPLACE, GIMP_ITEM(grey));
  GimpChannel* channel = gimp_selection_save(image);
  gimp_item_set_name(GIMP_ITEM(channel), name);
  gimp_selection_none(image);
  gimp_image_remove_layer(image, work);
  return channel;
}

void confine_to_mask(GimpImage* image, GimpLayer* pigment, GimpChannel* mask)
{
  gimp_image_select_item(image, GIMP_CHANNEL_OP_REPLACE, GIMP_ITEM(mask));
  GimpLayerMask* layer_mask = gimp_layer_create_mask(pigment, GIMP_ADD_MASK_SELECTION);
  gimp_layer_add_mask(pigment, layer_mask);
  gimp_layer_remove_mask(pigment, GIMP_MASK_APPLY);
  gimp_selection_none(image);
}

}  // namespace smp_plugin
