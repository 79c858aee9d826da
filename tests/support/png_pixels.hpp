// A PNG read back through GEGL's own loader as 8-bit sRGB RGBA, to check what GIMP wrote.
#pragma once

#include <gegl.h>

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace smp_test {

struct Rgba8 {
  std::vector<std::uint8_t> bytes;
  int width = 0, height = 0;
  const std::uint8_t* at(int x, int y) const { return &bytes[4 * (static_cast<std::size_t>(y) * width + x)]; }
};

inline Rgba8 load_png(const std::string& path)
{
  BOOST_TEST_REQUIRE(g_file_test(path.c_str(), G_FILE_TEST_EXISTS), "GIMP wrote no " << path);
  GeglNode* graph = gegl_node_new();
  GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", path.c_str(), nullptr);
  const GeglRectangle box = gegl_node_get_bounding_box(load);
  Rgba8 image;
  image.width = box.width;
  image.height = box.height;
  image.bytes.resize(static_cast<std::size_t>(box.width) * box.height * 4);
  gegl_node_blit(load, 1.0, &box, babl_format("R'G'B'A u8"), image.bytes.data(), GEGL_AUTO_ROWSTRIDE,
                 GEGL_BLIT_DEFAULT);
  g_object_unref(graph);
  return image;
}

}  // namespace smp_test
