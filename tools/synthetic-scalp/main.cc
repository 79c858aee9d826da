// smp-synthetic-scalp OUT.png [SEED]: writes the project's own top-view test head, and prints
// its scale and bald area as "px_per_mm=... ellipse=x,y,width,height" for the demo to use.
#include <gegl.h>

#include <cstdio>
#include <cstdlib>

#include "synthetic/synthetic_scalp.hpp"

int main(int argc, char** argv)
{
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s OUT.png [SEED]\n", argv[0]);
    return 2;
  }
  smp::SyntheticScalpSpec spec;
  if (argc == 3)
    spec.seed = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10));
  const smp::SyntheticScalp scalp = smp::synthetic_scalp_top_view(spec);

  gegl_init(nullptr, nullptr);
  const GeglRectangle rect{0, 0, scalp.width, scalp.height};
  GeglBuffer* buffer = gegl_buffer_new(&rect, babl_format("R'G'B' float"));
  gegl_buffer_set(buffer, &rect, 0, babl_format("R'G'B' float"), scalp.rgb.data(), GEGL_AUTO_ROWSTRIDE);
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
  GeglNode* save = gegl_node_new_child(graph, "operation", "gegl:png-save", "path", argv[1], "bitdepth", 8, nullptr);
  gegl_node_link(source, save);
  gegl_node_process(save);
  g_object_unref(graph);
  g_object_unref(buffer);
  gegl_exit();

  const smp::Ellipse& e = scalp.bald_area;
  std::printf("px_per_mm=%g ellipse=%d,%d,%d,%d\n", spec.px_per_mm, static_cast<int>(e.centre_x - e.radius_x),
              static_cast<int>(e.centre_y - e.radius_y), static_cast<int>(2 * e.radius_x),
              static_cast<int>(2 * e.radius_y));
  return 0;
}
