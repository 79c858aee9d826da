// What every smp: operation declares the same way: its entry in GEGL's list and GIMP's menu, and
// what a region shows when it can't be rendered. Include after gegl-op.h.
#pragma once

#include <algorithm>
#include <cstring>

namespace smp_filters {

inline void set_keys(GeglOperationClass* operation_class, const char* name, const char* title,
                     const char* menu_label, const char* description, const char* categories = "render:smp")
{
  gegl_operation_class_set_keys(operation_class, "name", name, "title", title, "categories", categories,
                                "gimp:menu-path", "<Image>/Filters/Render/SMP", "gimp:menu-label", menu_label,
                                "description", description, NULL);
}

// `region` (pixels at `level`) filled with `colour`, tile by tile through GEGL's own tiles:
// nothing is allocated here, so it serves after running out of memory too.
inline void fill(GeglBuffer* output, const GeglRectangle& region, int level, const char* colour)
{
  const Babl* format = gegl_buffer_get_format(output);
  const int bytes = babl_format_get_bytes_per_pixel(format);
  unsigned char pixel[64] = {};
  GeglColor* paint = gegl_color_new(colour);
  if (bytes <= static_cast<int>(sizeof pixel))
    gegl_color_get_pixel(paint, format, pixel);
  g_object_unref(paint);
  GeglBufferIterator* tiles =
      gegl_buffer_iterator_new(output, &region, level, format, GEGL_ACCESS_WRITE, GEGL_ABYSS_NONE, 1);
  while (gegl_buffer_iterator_next(tiles)) {
    auto* data = static_cast<unsigned char*>(tiles->items[0].data);
    for (gint i = 0; i < tiles->length; ++i)
      std::memcpy(data + static_cast<std::size_t>(i) * bytes, pixel, static_cast<std::size_t>(std::min(bytes, 64)));
  }
}

// After an exception (no memory, most likely): `region` shows `colour`, and GIMP's log says why.
inline void show_failure(GeglBuffer* output, const GeglRectangle& region, int level, const char* colour,
                         const char* message)
{
  fill(output, region, level, colour);
  g_warning("%s", message);
}

// `region` (pixels at `level`) of the input copied to the output in the output's format.
inline void pass_through(GeglBuffer* input, GeglBuffer* output, const GeglRectangle& region, int level)
{
  const Babl* format = gegl_buffer_get_format(output);
  const auto bytes = static_cast<std::size_t>(babl_format_get_bytes_per_pixel(format));
  GeglBufferIterator* tiles =
      gegl_buffer_iterator_new(output, &region, level, format, GEGL_ACCESS_WRITE, GEGL_ABYSS_NONE, 2);
  gegl_buffer_iterator_add(tiles, input, &region, level, format, GEGL_ACCESS_READ, GEGL_ABYSS_NONE);
  while (gegl_buffer_iterator_next(tiles))
    std::memcpy(tiles->items[0].data, tiles->items[1].data, bytes * static_cast<std::size_t>(tiles->length));
}

}  // namespace smp_filters
