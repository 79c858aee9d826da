// smp-scalp-mask FILTERS_DIR PHOTO PX_PER_MM OUT.png [HAIR_DENSITY]: the photo where
// smp:scalp-mask keeps it, tinted blue where it leaves it out, to check the mask by eye.
#include <gegl.h>

#include <cstdio>
#include <cstdlib>

#include "../gegl_start.hpp"
#include "support/gegl_compat.hpp"

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 5, 6, "FILTERS_DIR PHOTO PX_PER_MM OUT.png [HAIR_DENSITY]",
                                          "smp:scalp-mask"))
    return 2;
  const double px_per_mm = std::atof(argv[3]);
  const double hair_density = argc > 5 ? std::atof(argv[5]) : 0.0;
  GeglNode* graph = gegl_node_new();
  GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", argv[2], nullptr);
  GeglNode* mask = gegl_node_new_child(graph, "operation", "smp:scalp-mask", "px-per-mm", px_per_mm, "hair-density",
                                       hair_density, nullptr);
  // Left out: the photo at 35% over blue; kept: the photo itself.
  GeglColor* tint = gegl_color_new("rgba(0.1,0.2,0.9,0.65)");
  GeglNode* dim = gegl_node_new_child(graph, "operation", "gegl:color-overlay", "value", tint, nullptr);
  g_object_unref(tint);
  GeglNode* over = gegl_node_new_child(graph, "operation", "gegl:over", nullptr);
  GeglNode* opacity = gegl_node_new_child(graph, "operation", "gegl:opacity", nullptr);
  GeglNode* save = gegl_node_new_child(graph, "operation", "gegl:png-save", "path", argv[4], "bitdepth", 8, nullptr);
  gegl_node_link_many(load, mask, nullptr);
  gegl_node_link_many(load, dim, over, save, nullptr);
  gegl_node_link_many(load, opacity, nullptr);
  smp::connect(mask, "output", opacity, "aux");
  smp::connect(opacity, "output", over, "aux");
  gegl_node_process(save);
  g_object_unref(graph);
  gegl_exit();
  return 0;
}
