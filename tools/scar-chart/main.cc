// smp-scar-chart FILTERS_DIR OUT.png: before and after crops of each scar kind on the project's
// synthetic scalp, for the README. One row per kind (FUT strip, FUE dots, irregular patch), 3 x 2 cm
// at 10 px/mm; columns: the photo, the mask smp:scar-mask found (red), the photo toned by
// smp:scar-blend, and with the scar's stipple over it as Camouflage Scar sets it up.
#include <gegl.h>

#include <algorithm>
#include <vector>

#include "gegl_start.hpp"
#include "png_writer.hpp"
#include "support/gegl_compat.hpp"
#include "synthetic/synthetic_scar.hpp"

namespace {

constexpr double px_per_mm = 10.0;
constexpr int crop_w = 300, crop_h = 200, gap = 6, columns = 4;

struct Row {
  smp::SyntheticScarKind kind;
  int width, height;     // the whole synthetic image
  int crop_x, crop_y;    // the part shown
};

// Row of panels for one scar: the graph runs on the whole image, the crop is blitted.
std::vector<std::vector<float>> render_row(const Row& row)
{
  smp::SyntheticScarSpec spec;
  spec.kind = row.kind;
  spec.width_px = row.width;
  spec.height_px = row.height;
  spec.px_per_mm = px_per_mm;
  const smp::SyntheticScar scar = smp::synthetic_scar(spec);
  const GeglRectangle whole{0, 0, scar.width, scar.height};
  GeglBuffer* buffer = gegl_buffer_new(&whole, babl_format("R'G'B' float"));
  gegl_buffer_set(buffer, &whole, 0, babl_format("R'G'B' float"), scar.rgb.data(), GEGL_AUTO_ROWSTRIDE);

  GeglNode* graph = gegl_node_new();
  GeglNode* photo = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
  g_object_unref(buffer);
  GeglNode* mask = gegl_node_new_child(graph, "operation", "smp:scar-mask", "px-per-mm", px_per_mm, nullptr);
  GeglNode* blend = gegl_node_new_child(graph, "operation", "smp:scar-blend", "px-per-mm", px_per_mm, nullptr);
  // 80% density as the pigment layer holds it: grey x alpha, the mask at 80% opacity.
  GeglNode* density = gegl_node_new_child(graph, "operation", "gegl:opacity", "value", 0.8, nullptr);
  GeglNode* stipple = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", "px-per-mm", px_per_mm,
                                          "density", 90.0, "strength", 0.6, nullptr);
  GeglNode* stippled = gegl_node_new_child(graph, "operation", "gegl:multiply", nullptr);
  gegl_node_link(photo, mask);
  gegl_node_link(photo, blend);
  smp::connect(mask, "output", blend, "aux");
  gegl_node_link_many(mask, density, stipple, nullptr);
  gegl_node_link(blend, stippled);
  smp::connect(stipple, "output", stippled, "aux");

  const GeglRectangle crop{row.crop_x, row.crop_y, crop_w, crop_h};
  auto rgb = [&](GeglNode* node) {
    std::vector<float> pixels(static_cast<std::size_t>(crop_w) * crop_h * 3);
    gegl_node_blit(node, 1.0, &crop, babl_format("R'G'B' float"), pixels.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
    return pixels;
  };
  std::vector<std::vector<float>> panels{rgb(photo), {}, rgb(blend), rgb(stippled)};
  std::vector<float> found(static_cast<std::size_t>(crop_w) * crop_h);
  gegl_node_blit(mask, 1.0, &crop, babl_format("Y' float"), found.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  panels[1] = panels[0];
  for (std::size_t i = 0; i < found.size(); ++i) {
    const float m = 0.6f * found[i];
    panels[1][3 * i] = panels[1][3 * i] * (1 - m) + m;
    panels[1][3 * i + 1] *= 1 - m;
    panels[1][3 * i + 2] *= 1 - m;
  }
  g_object_unref(graph);
  return panels;
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 3, 3, "FILTERS_DIR OUT.png", "smp:scar-blend"))
    return 2;
  const std::vector<Row> rows{{smp::SyntheticScarKind::strip, 1000, 300, 80, 50},
                              {smp::SyntheticScarKind::dots, 800, 560, 250, 180},
                              {smp::SyntheticScarKind::patch, 600, 600, 150, 150}};
  const int width = columns * crop_w + (columns - 1) * gap;
  const int height = static_cast<int>(rows.size()) * crop_h + (static_cast<int>(rows.size()) - 1) * gap;
  std::vector<float> sheet(static_cast<std::size_t>(width) * height * 3, 1.0f);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto panels = render_row(rows[r]);
    for (int c = 0; c < columns; ++c)
      for (int y = 0; y < crop_h; ++y)
        std::copy_n(&panels[c][3 * static_cast<std::size_t>(y) * crop_w], 3 * crop_w,
                    &sheet[3 * ((static_cast<std::size_t>(r) * (crop_h + gap) + y) * width + c * (crop_w + gap))]);
  }
  smp_tools::write_rgb_png(argv[2], sheet, width, height);
  gegl_exit();
  return 0;
}
