// smp-stipple-chart FILTERS_DIR OUT.png: the stipple's settings side by side on the project's
// synthetic scalp, for the README. Panels, left to right and top to bottom, are listed in
// `panels` below; each is 30 x 25 mm at 12 px/mm unless it says otherwise.
#include <gegl.h>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "support/gegl_compat.hpp"
#include "synthetic/synthetic_scalp.hpp"
#include "gegl_start.hpp"
#include "png_writer.hpp"

namespace {

constexpr int panel_w = 360, panel_h = 300, gap = 6, columns = 4;

struct Panel {
  const char* caption;
  double px_per_mm;
  bool ramp;                               // density rises from 0 (left) to 1 (right)
  std::function<void(GeglNode*)> configure;  // sets the stipple's properties
};

GeglBuffer* skin_patch(double px_per_mm)
{
  smp::SyntheticScalpSpec spec;
  spec.width_px = panel_w;
  spec.height_px = panel_h;
  spec.px_per_mm = px_per_mm;
  const smp::SyntheticScalp scalp = smp::synthetic_scalp_top_view(spec);
  const GeglRectangle rect{0, 0, panel_w, panel_h};
  GeglBuffer* buffer = gegl_buffer_new(&rect, babl_format("R'G'B' float"));
  gegl_buffer_set(buffer, &rect, 0, babl_format("R'G'B' float"), scalp.rgb.data(), GEGL_AUTO_ROWSTRIDE);
  return buffer;
}

GeglBuffer* density_map(bool ramp)
{
  const GeglRectangle rect{0, 0, panel_w, panel_h};
  std::vector<float> map(static_cast<std::size_t>(panel_w) * panel_h * 2);
  for (int y = 0; y < panel_h; ++y)
    for (int x = 0; x < panel_w; ++x) {
      map[2 * (static_cast<std::size_t>(y) * panel_w + x)] = ramp ? static_cast<float>(x) / (panel_w - 1) : 1.0f;
      map[2 * (static_cast<std::size_t>(y) * panel_w + x) + 1] = 1.0f;
    }
  GeglBuffer* buffer = gegl_buffer_new(&rect, babl_format("Y'A float"));
  gegl_buffer_set(buffer, &rect, 0, babl_format("Y'A float"), map.data(), GEGL_AUTO_ROWSTRIDE);
  return buffer;
}

std::vector<float> render_panel(const Panel& panel)
{
  GeglBuffer* skin = skin_patch(panel.px_per_mm);
  GeglBuffer* density = density_map(panel.ramp);
  GeglNode* graph = gegl_node_new();
  GeglNode* photo = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", skin, nullptr);
  GeglNode* map = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", density, nullptr);
  GeglNode* stipple = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", "px-per-mm", panel.px_per_mm,
                                          "seed", 4, nullptr);
  GeglNode* multiply = gegl_node_new_child(graph, "operation", "gegl:multiply", nullptr);
  panel.configure(stipple);
  gegl_node_link(map, stipple);
  gegl_node_link(photo, multiply);
  smp::connect(stipple, "output", multiply, "aux");
  std::vector<float> pixels(static_cast<std::size_t>(panel_w) * panel_h * 3);
  const GeglRectangle rect{0, 0, panel_w, panel_h};
  gegl_node_blit(multiply, 1.0, &rect, babl_format("R'G'B' float"), pixels.data(), GEGL_AUTO_ROWSTRIDE,
                 GEGL_BLIT_DEFAULT);
  g_object_unref(graph);
  g_object_unref(skin);
  g_object_unref(density);
  return pixels;
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 3, 3, "FILTERS_DIR OUT.png", "smp:follicle-stipple"))
    return 2;
  auto none = [](GeglNode*) {};
  const std::vector<Panel> panels{
      {"defaults: 90 dots/cm2, 0.25 mm, 3 sessions", 12.0, false, none},
      {"hairline transition: density 0 to 1, left to right", 12.0, true, none},
      {"after session 1 of 3: sparse and light", 12.0, false,
       [](GeglNode* n) { gegl_node_set(n, "completed-sessions", 1, nullptr); }},
      {"regularity 0: random (Poisson) placement", 12.0, false,
       [](GeglNode* n) { gegl_node_set(n, "regularity", 0.0, nullptr); }},
      {"no halo: the dots alone", 12.0, false, [](GeglNode* n) { gegl_node_set(n, "halo", 0.0, nullptr); }},
      {"15 years old: faded, spread, bluish", 12.0, false,
       [](GeglNode* n) { gegl_node_set(n, "age-years", 15.0, nullptr); }},
      {"stubble-like: elongation 2.5 around a whorl", 12.0, false,
       [](GeglNode* n) {
         gegl_node_set(n, "elongation", 2.5, "whorl", TRUE, "whorl-x", 60.0, "whorl-y", 150.0, nullptr);
       }},
      {"defaults from a distance: 120 x 100 mm at 3 px/mm", 3.0, false, none},
  };
  const int rows = static_cast<int>((panels.size() + columns - 1) / columns);
  const int width = columns * panel_w + (columns - 1) * gap, height = rows * panel_h + (rows - 1) * gap;
  std::vector<float> chart(static_cast<std::size_t>(width) * height * 3, 1.0f);
  for (std::size_t p = 0; p < panels.size(); ++p) {
    const auto pixels = render_panel(panels[p]);
    const int ox = static_cast<int>(p % columns) * (panel_w + gap), oy = static_cast<int>(p / columns) * (panel_h + gap);
    for (int y = 0; y < panel_h; ++y)
      for (int x = 0; x < panel_w * 3; ++x)
        chart[(static_cast<std::size_t>(oy + y) * width + ox) * 3 + x] = pixels[static_cast<std::size_t>(y) * panel_w * 3 + x];
    std::printf("panel %zu: %s\n", p + 1, panels[p].caption);
  }
  smp_tools::write_rgb_png(argv[2], chart, width, height);
  gegl_exit();
  return 0;
}
