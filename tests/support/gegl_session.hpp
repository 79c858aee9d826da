// Real GEGL for filter tests: one gegl_init per test program, the project's module loaded from
// the build folder, and small helpers to feed buffers in and read pixels out.
#pragma once

#include <gegl.h>

#include "support/gegl_compat.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>
#include <vector>

namespace smp_test {

struct GeglSession {
  GeglSession()
  {
    gegl_init(nullptr, nullptr);
    const char* dir = std::getenv("SMP_FILTERS_DIR");
    BOOST_TEST_REQUIRE(dir != nullptr, "SMP_FILTERS_DIR must name the folder holding smp-filters.so");
    gegl_load_module_directory(dir);
  }
  ~GeglSession() { gegl_exit(); }
};

inline GeglBuffer* buffer_from(const std::vector<float>& pixels, int width, int height, const char* format)
{
  const GeglRectangle rect{0, 0, width, height};
  GeglBuffer* buffer = gegl_buffer_new(&rect, babl_format(format));
  gegl_buffer_set(buffer, &rect, 0, babl_format(format), pixels.data(), GEGL_AUTO_ROWSTRIDE);
  return buffer;
}

// Writes float pixels of `format` as a PNG through GEGL, as a photo the tests hand to GIMP.
inline void write_png(const std::string& path, const std::vector<float>& pixels, int width, int height,
                      const char* format, int bitdepth = 8)
{
  GeglBuffer* buffer = buffer_from(pixels, width, height, format);
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
  GeglNode* save = gegl_node_new_child(graph, "operation", "gegl:png-save", "path", path.c_str(), "bitdepth", bitdepth,
                                       nullptr);
  gegl_node_link(source, save);
  gegl_node_process(save);
  g_object_unref(graph);
  g_object_unref(buffer);
}

// Grey density map (perceptual luminance, opaque), as a user paints it.
inline GeglBuffer* density_buffer(const std::vector<float>& map, int width, int height)
{
  std::vector<float> ya(map.size() * 2);
  for (std::size_t i = 0; i < map.size(); ++i) {
    ya[2 * i] = map[i];
    ya[2 * i + 1] = 1.0f;
  }
  return buffer_from(ya, width, height, "Y'A float");
}

inline std::vector<float> render(GeglNode* node, const GeglRectangle& rect, const char* format = "RGBA float",
                                 double scale = 1.0)
{
  std::vector<float> pixels(static_cast<std::size_t>(rect.width) * rect.height *
                            babl_format_get_n_components(babl_format(format)));
  gegl_node_blit(node, scale, &rect, babl_format(format), pixels.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  return pixels;
}

}  // namespace smp_test
