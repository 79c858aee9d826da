// smp-zoom-cost FILTERS_DIR [MAX_LEVEL]: how long each smp: op takes to draw a 1920 x 1080 view of
// a 6000 x 6000 px photo at 10 px/mm zoomed out as GIMP's canvas does (GEGL's mipmap levels:
// 100%, 50%, 25%, 12.5%), and the hairline mask at 1/1024. Each op's work should fall with the
// zoom: a level's view holds the same number of pixels, so the time stays about the same.
#include <gegl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../gegl_start.hpp"
#include "support/gegl_compat.hpp"

namespace {

constexpr int side = 6000;

double milliseconds(GeglNode* node, double scale, const GeglRectangle& view)
{
  std::vector<float> pixels(static_cast<std::size_t>(view.width) * view.height * 4);
  const auto start = std::chrono::steady_clock::now();
  gegl_node_blit(node, scale, &view, babl_format("RGBA float"), pixels.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 2, 3, "FILTERS_DIR [MAX_LEVEL]", "smp:follicle-stipple"))
    return 2;
  const int max_level = argc > 2 ? std::atoi(argv[2]) : 3;
  g_object_set(gegl_config(), "mipmap-rendering", TRUE, nullptr);
  const GeglRectangle extent{0, 0, side, side};
  GeglBuffer* photo = gegl_buffer_new(&extent, babl_format("R'G'B'A u8"));
  GeglBuffer* density = gegl_buffer_new(&extent, babl_format("R'G'B'A u8"));
  {
    GeglNode* graph = gegl_node_new();
    GeglNode* noise = gegl_node_new_child(graph, "operation", "gegl:perlin-noise", nullptr);
    GeglNode* write = gegl_node_new_child(graph, "operation", "gegl:write-buffer", "buffer", photo, nullptr);
    gegl_node_link(noise, write);
    gegl_node_process(write);
    g_object_unref(graph);
    GeglColor* white = gegl_color_new("white");
    gegl_buffer_set_color(density, &extent, white);
    g_object_unref(white);
  }
  int threads = 0;
  g_object_get(gegl_config(), "threads", &threads, nullptr);
  std::printf("1920 x 1080 view of a %d x %d px image at 10 px/mm, %d threads (ms per view)\n", side, side, threads);
  std::printf("%-22s", "op");
  for (int level = 0; level <= max_level; ++level)
    std::printf("  %6.1f%%", 100.0 / (1 << level));
  std::printf("\n");
  for (const char* op : {"smp:follicle-stipple", "smp:hairline-mask", "smp:scalp-mask"}) {
    std::printf("%-22s", op);
    for (int level = 0; level <= max_level; ++level) {
      // A fresh graph per view: nothing cached from the last one.
      GeglNode* graph = gegl_node_new();
      GeglNode* node = gegl_node_new_child(graph, "operation", op, "px-per-mm", 10.0, nullptr);
      if (std::string(op) == "smp:hairline-mask")
        gegl_node_set(node, "d", "M 0 3000 C 2000 2000 4000 2000 6000 3000", nullptr);
      else
        gegl_node_link(gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer",
                                           std::string(op) == "smp:follicle-stipple" ? density : photo, nullptr),
                       node);
      // The view's centre stays on the image's centre.
      const int f = 1 << level;
      const GeglRectangle view{side / 2 / f - 960, side / 2 / f - 540, 1920, 1080};
      std::printf("  %7.1f", milliseconds(node, 1.0 / f, view));
      std::fflush(stdout);
      g_object_unref(graph);
    }
    std::printf("\n");
  }
  GeglNode* graph = gegl_node_new();
  GeglNode* hairline = gegl_node_new_child(graph, "operation", "smp:hairline-mask", "px-per-mm", 10.0, "d",
                                           "M 0 3000 C 2000 2000 4000 2000 6000 3000", nullptr);
  std::printf("smp:hairline-mask, a 100 x 100 px view at 1/1024: %.1f ms\n", milliseconds(hairline, 1.0 / 1024, {0, 0, 100, 100}));
  g_object_unref(graph);
  g_object_unref(photo);
  g_object_unref(density);
  gegl_exit();
  return 0;
}
