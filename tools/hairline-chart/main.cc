// smp-hairline-chart FILTERS_DIR OUT.png: every hairline style drawn on the project's synthetic
// face, with the SMP simulation the style gives (smp:hairline-mask feeding smp:follicle-stipple,
// multiplied over the face) and the hairline path in a thin light line.
#include <gegl.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "hairline/hairline_design.hpp"
#include "support/gegl_compat.hpp"
#include "synthetic/synthetic_face.hpp"
#include "gegl_start.hpp"
#include "png_writer.hpp"

namespace {

constexpr int columns = 3, gap = 6;

std::vector<float> render_style(const smp::SyntheticFace& face, double px_per_mm, smp::HairlineStyle style)
{
  smp::HairlineDesign design;
  design.style = style;
  design.irregularity_mm = 1.5;
  const std::string d = smp::to_svg_path(
      smp::front_hairline({face.glabella, face.left_canthus, face.right_canthus, smp::FaceMarks::lateral_canthi}, px_per_mm, design));
  const GeglRectangle rect{0, 0, face.width, face.height};
  GeglBuffer* photo_buffer = gegl_buffer_new(&rect, babl_format("R'G'B' float"));
  gegl_buffer_set(photo_buffer, &rect, 0, babl_format("R'G'B' float"), face.rgb.data(), GEGL_AUTO_ROWSTRIDE);
  GeglNode* graph = gegl_node_new();
  GeglNode* photo = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo_buffer, nullptr);
  GeglNode* mask = gegl_node_new_child(graph, "operation", "smp:hairline-mask", "d", d.c_str(), "px-per-mm", px_per_mm,
                                       nullptr);
  GeglNode* crop = gegl_node_new_child(graph, "operation", "gegl:crop", "width", double(face.width), "height",
                                       double(face.height), nullptr);
  GeglNode* stipple = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", "px-per-mm", px_per_mm, nullptr);
  GeglNode* multiply = gegl_node_new_child(graph, "operation", "gegl:multiply", nullptr);
  GeglPath* vector = gegl_path_new_from_string(d.c_str());
  GeglColor* light = gegl_color_new("rgba(1.0, 0.95, 0.6, 0.8)");
  GeglNode* stroke = gegl_node_new_child(graph, "operation", "gegl:vector-stroke", "d", vector, "color", light,
                                         "width", 1.5, nullptr);
  GeglNode* over = gegl_node_new_child(graph, "operation", "gegl:over", nullptr);
  gegl_node_link_many(mask, crop, stipple, nullptr);
  gegl_node_link_many(photo, multiply, over, nullptr);
  smp::connect(stipple, "output", multiply, "aux");
  smp::connect(stroke, "output", over, "aux");
  std::vector<float> pixels(static_cast<std::size_t>(face.width) * face.height * 3);
  gegl_node_blit(over, 1.0, &rect, babl_format("R'G'B' float"), pixels.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  g_object_unref(graph);
  g_object_unref(vector);
  g_object_unref(light);
  g_object_unref(photo_buffer);
  return pixels;
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 3, 3, "FILTERS_DIR OUT.png", "smp:hairline-mask"))
    return 2;
  const smp::SyntheticFaceSpec spec;
  const smp::SyntheticFace face = smp::synthetic_face_front(spec);
  const std::pair<const char*, smp::HairlineStyle> styles[] = {
      {"juvenile", smp::HairlineStyle::juvenile}, {"mature", smp::HairlineStyle::mature},
      {"rounded", smp::HairlineStyle::rounded},   {"receded", smp::HairlineStyle::receded},
      {"widows-peak", smp::HairlineStyle::widows_peak}, {"defined", smp::HairlineStyle::defined}};
  // Only the upper part of each face: forehead, hairline and eyes.
  const int panel_w = face.width, panel_h = static_cast<int>(face.height * 0.72);
  const int rows = 2, width = columns * panel_w + (columns - 1) * gap, height = rows * panel_h + (rows - 1) * gap;
  std::vector<float> chart(static_cast<std::size_t>(width) * height * 3, 1.0f);
  for (int i = 0; i < 6; ++i) {
    const auto pixels = render_style(face, spec.px_per_mm, styles[i].second);
    const int ox = (i % columns) * (panel_w + gap), oy = (i / columns) * (panel_h + gap);
    for (int y = 0; y < panel_h; ++y)
      std::copy_n(&pixels[static_cast<std::size_t>(y) * face.width * 3], panel_w * 3,
                  &chart[(static_cast<std::size_t>(oy + y) * width + ox) * 3]);
    std::printf("panel %d: %s\n", i + 1, styles[i].first);
  }
  smp_tools::write_rgb_png(argv[2], chart, width, height);
  gegl_exit();
  return 0;
}
