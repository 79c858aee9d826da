// Writes an sRGB-encoded float RGB image as an 8-bit PNG through GEGL: the tools' one exit.
#pragma once

#include <gegl.h>

#include <vector>

namespace smp_tools {

inline void write_rgb_png(const char* path, const std::vector<float>& rgb, int width, int height)
{
  const GeglRectangle rect{0, 0, width, height};
  GeglBuffer* buffer = gegl_buffer_new(&rect, babl_format("R'G'B' float"));
  gegl_buffer_set(buffer, &rect, 0, babl_format("R'G'B' float"), rgb.data(), GEGL_AUTO_ROWSTRIDE);
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
  GeglNode* save = gegl_node_new_child(graph, "operation", "gegl:png-save", "path", path, "bitdepth", 8, nullptr);
  gegl_node_link(source, save);
  gegl_node_process(save);
  g_object_unref(graph);
  g_object_unref(buffer);
}

}  // namespace smp_tools
