#include "pigment.hpp"

#include <algorithm>
#include <string>

#include "follicle-stipple/follicle-stipple.hpp"

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

GimpChannel* new_channel(GimpImage* image, const char* name)
{
  GeglColor* red = gegl_color_new("red");
  GimpChannel* channel = gimp_channel_new(image, name, gimp_image_get_width(image), gimp_image_get_height(image), 50.0, red);
  g_object_unref(red);
  gimp_image_insert_channel(image, channel, nullptr, 0);
  gimp_drawable_fill(GIMP_DRAWABLE(channel), GIMP_FILL_TRANSPARENT);
  return channel;
}

bool attach_stipple(GimpLayer* layer, const smp::StippleSettings& settings)
{
  GimpDrawableFilter* filter =
      gimp_drawable_filter_new(GIMP_DRAWABLE(layer), smp_filters::follicle_stipple::operation, "SMP follicle stipple");
  if (!filter)
    return false;
  smp_filters::follicle_stipple::set(G_OBJECT(gimp_drawable_filter_get_config(filter)), settings);
  gimp_drawable_filter_update(filter);
  gimp_drawable_append_filter(GIMP_DRAWABLE(layer), filter);
  return true;
}

void fill_full_density(GimpDrawable* drawable)
{
  gimp_context_push();
  GeglColor* white = gegl_color_new("white");
  gimp_context_set_foreground(white);
  g_object_unref(white);
  gimp_drawable_edit_fill(drawable, GIMP_FILL_FOREGROUND);
  gimp_context_pop();
}

const Babl* stored_format(GimpDrawable* drawable)
{
  return gimp_drawable_get_format(drawable);
}

void render_into(GimpDrawable* drawable, GeglNode* node)
{
  GeglBuffer* buffer = gimp_drawable_get_buffer(drawable);
  const GeglRectangle extent = *gegl_buffer_get_extent(buffer);
  GeglNode* out = node;
  const std::string model = babl_get_name(babl_format_get_model(gimp_drawable_get_format(drawable)));
  if (GIMP_IS_CHANNEL(drawable) && model.find('\'') == std::string::npos) {
    // A linear channel keeps the grey's numbers: re-labelled as linear, nothing converts them.
    out = gegl_node_new_child(gegl_node_get_parent(node), "operation", "gegl:cast-format", "input-format",
                              babl_format("Y'A float"), "output-format", babl_format("YA float"), nullptr);
    gegl_node_link(node, out);
  }
  gegl_node_blit_buffer(out, buffer, &extent, 0, GEGL_ABYSS_NONE);
  gegl_buffer_flush(buffer);
  g_object_unref(buffer);
  gimp_drawable_update(drawable, extent.x, extent.y, extent.width, extent.height);
}

}  // namespace smp_plugin
