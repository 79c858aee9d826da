#include "pigment.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "preview_render.hpp"

namespace smp_plugin {

GimpLayer* new_pigment_layer(GimpImage* image, GimpLayer* parent, const char* name)
{
  const GimpImageType type = gimp_image_get_base_type(image) == GIMP_GRAY ? GIMP_GRAYA_IMAGE : GIMP_RGBA_IMAGE;
  GimpLayer* layer = gimp_layer_new(image, name, gimp_image_get_width(image), gimp_image_get_height(image), type, 100.0,
                                    GIMP_LAYER_MODE_MULTIPLY);
  gimp_image_insert_layer(image, layer, parent, 0);
  gimp_drawable_fill(GIMP_DRAWABLE(layer), GIMP_FILL_TRANSPARENT);
  return layer;
}

bool attach_stipple(GimpLayer* layer, double px_per_mm, const std::function<void(GimpDrawableFilterConfig*)>& configure)
{
  GimpDrawableFilter* filter = gimp_drawable_filter_new(GIMP_DRAWABLE(layer), "smp:follicle-stipple", "SMP follicle stipple");
  if (!filter)
    return false;
  GimpDrawableFilterConfig* config = gimp_drawable_filter_get_config(filter);
  g_object_set(config, "px-per-mm", px_per_mm, nullptr);
  configure(config);
  gimp_drawable_filter_update(filter);
  gimp_drawable_append_filter(GIMP_DRAWABLE(layer), filter);
  return true;
}

void fill_density(GimpDrawable* drawable, double density)
{
  // Density is perceptual grey (as GIMP's colour dialog shows it), so write it as sRGB hex.
  gimp_context_push();
  GeglColor* grey = gegl_color_new(density_grey(density).c_str());
  gimp_context_set_foreground(grey);
  g_object_unref(grey);
  gimp_drawable_edit_fill(drawable, GIMP_FILL_FOREGROUND);
  gimp_context_pop();
}

GimpChannel* render_mask_channel(GimpImage* image, const smp::Path& region, const char* name, double px_per_mm,
                                 double transition_mm, bool irregular, unsigned seed)
{
  GeglColor* red = gegl_color_new("red");
  GimpChannel* channel = gimp_channel_new(image, name, gimp_image_get_width(image), gimp_image_get_height(image), 50.0, red);
  g_object_unref(red);
  gimp_image_insert_channel(image, channel, nullptr, 0);
  gimp_drawable_fill(GIMP_DRAWABLE(channel), GIMP_FILL_TRANSPARENT);
  const std::string d = smp::to_svg_path(region);
  if (irregular)
    gimp_drawable_merge_new_filter(GIMP_DRAWABLE(channel), "smp:hairline-mask", "SMP mask", GIMP_LAYER_MODE_REPLACE, 1.0,
                                   "d", d.c_str(), "px-per-mm", px_per_mm, "transition-width", transition_mm, "seed",
                                   seed, nullptr);
  else
    gimp_drawable_merge_new_filter(GIMP_DRAWABLE(channel), "smp:hairline-mask", "SMP mask", GIMP_LAYER_MODE_REPLACE, 1.0,
                                   "d", d.c_str(), "px-per-mm", px_per_mm, "transition-width", std::max(transition_mm, 0.1),
                                   "micro-irregularity", 0.0, "macro-irregularity", 0.0, nullptr);
  return channel;
}

}  // namespace smp_plugin
