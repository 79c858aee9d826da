// smp-preset-sheet FILTERS_DIR PRESETS_DIR OUT.png [top|front]: every top-view preset on the
// project's synthetic head seen from above (or every front-view preset on its synthetic face,
// landmarks at its glabella and lateral canthi), as Simulate SMP lays it out (zones behind the
// preset's hairline), in a grid sorted by category and name; the order is printed, one line per
// panel. At this size the dots themselves are a faint grain, so the density also shows as a
// blue tint, as GIMP shows a channel over the image.
#include <gegl.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "gegl_start.hpp"
#include "png_writer.hpp"
#include "density-plan/density-plan.hpp"
#include "follicle-stipple/follicle-stipple.hpp"
#include "presets/density_plan.hpp"
#include "presets/preset.hpp"
#include "support/gegl_compat.hpp"
#include "synthetic/synthetic_face.hpp"
#include "synthetic/synthetic_scalp.hpp"

namespace {

constexpr int panel_w = 260, panel_h = 320, gap = 4, columns = 7;
constexpr double px_per_mm = 1.6;
// The front view: the whole head in a panel, and a client bald far back (his own line 13.5 cm
// above the glabella) so that every preset's pigment lands on skin.
constexpr double front_px_per_mm = 1.3, front_own_hairline_mm = 135.0;

// The photo the presets of one view are shown on, and where Simulate SMP would put their density.
struct Subject {
  std::vector<float> rgb;
  smp::HeadFrame head{};            // top view
  smp::FrontLandmarks landmarks{};  // front view
  bool front = false;
  double px_per_mm = 0.0;
};

Subject subject(bool front)
{
  Subject s;
  s.front = front;
  s.px_per_mm = front ? front_px_per_mm : px_per_mm;
  if (front) {
    smp::SyntheticFaceSpec spec;
    spec.width_px = panel_w;
    spec.height_px = panel_h;
    spec.px_per_mm = front_px_per_mm;
    spec.hairline_mm = front_own_hairline_mm;
    smp::SyntheticFace face = smp::synthetic_face_front(spec);
    s.landmarks = {face.glabella, face.left_canthus, face.right_canthus, smp::FaceMarks::lateral_canthi};
    s.rgb = std::move(face.rgb);
    return s;
  }
  smp::SyntheticScalpSpec spec;
  spec.width_px = panel_w;
  spec.height_px = panel_h;
  spec.px_per_mm = px_per_mm;
  smp::SyntheticScalp scalp = smp::synthetic_scalp_top_view(spec);
  s.head = {{scalp.head.centre_x, scalp.head.centre_y}, scalp.head.radius_x, scalp.head.radius_y, -1.5707963267948966};
  s.rgb = std::move(scalp.rgb);
  return s;
}

std::vector<float> render_panel(const smp::Preset& preset, const Subject& on)
{
  const smp::Placement placement =
      on.front ? smp::Placement::on_face(on.landmarks, on.px_per_mm) : smp::Placement::on_head(on.head, on.px_per_mm);
  const smp::DensityPlan plan = smp::density_plan(preset, placement, 0);
  const smp_filters::density_plan::PlanHandle handle{.plan = &plan};
  smp::StippleSettings stipple = preset.stipple;
  stipple.px_per_mm = on.px_per_mm;

  const GeglRectangle rect{0, 0, panel_w, panel_h};
  GeglBuffer* photo_buffer = gegl_buffer_new(&rect, babl_format("R'G'B' float"));
  gegl_buffer_set(photo_buffer, &rect, 0, babl_format("R'G'B' float"), on.rgb.data(), GEGL_AUTO_ROWSTRIDE);
  GeglNode* graph = gegl_node_new();
  GeglNode* photo = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo_buffer, nullptr);
  GeglNode* map = gegl_node_new_child(graph, "operation", smp_filters::density_plan::operation, nullptr);
  smp_filters::density_plan::set(map, &handle, smp_filters::density_plan::Output::alpha);
  GeglNode* stipple_node = gegl_node_new_child(graph, "operation", smp_filters::follicle_stipple::operation, nullptr);
  smp_filters::follicle_stipple::set(stipple_node, stipple);
  GeglNode* multiply = gegl_node_new_child(graph, "operation", "gegl:multiply", nullptr);
  gegl_node_link(map, stipple_node);
  gegl_node_link(photo, multiply);
  smp::connect(stipple_node, "output", multiply, "aux");
  std::vector<float> pixels(static_cast<std::size_t>(panel_w) * panel_h * 3);
  gegl_node_blit(multiply, 1.0, &rect, babl_format("R'G'B' float"), pixels.data(), GEGL_AUTO_ROWSTRIDE,
                 GEGL_BLIT_DEFAULT);
  std::vector<float> white_alpha(static_cast<std::size_t>(panel_w) * panel_h * 2), density(white_alpha.size() / 2);
  gegl_node_blit(map, 1.0, &rect, babl_format("Y'A float"), white_alpha.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  for (std::size_t i = 0; i < density.size(); ++i)
    density[i] = white_alpha[2 * i + 1];
  g_object_unref(graph);
  g_object_unref(photo_buffer);
  constexpr float tint[3] = {0.2f, 0.45f, 0.95f}, tint_opacity = 0.45f;
  for (std::size_t i = 0; i < density.size(); ++i)
    for (int c = 0; c < 3; ++c)
      pixels[3 * i + c] += (tint[c] - pixels[3 * i + c]) * tint_opacity * density[i];
  return pixels;
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 4, 5, "FILTERS_DIR PRESETS_DIR OUT.png [top|front]",
                                          smp_filters::follicle_stipple::operation))
    return 2;
  const std::string view = argc > 4 ? argv[4] : "top";
  if (view != "top" && view != "front") {
    std::fprintf(stderr, "the view is top or front, not '%s'\n", view.c_str());
    return 2;
  }
  smp::PresetLibrary library = smp::load_preset_folders({argv[2]});
  for (const auto& e : library.errors)
    std::fprintf(stderr, "skipped: %s\n", e.message().c_str());
  std::erase_if(library.presets, [&](const smp::Preset& p) { return smp::view_name(p.view) != view; });
  const Subject on = subject(view == "front");
  const int n = static_cast<int>(library.presets.size());
  if (n == 0) {
    std::fprintf(stderr, "no %s-view preset in %s\n", view.c_str(), argv[2]);
    return 1;
  }
  const int rows = (n + columns - 1) / columns;
  const int width = columns * panel_w + (columns - 1) * gap, height = rows * panel_h + (rows - 1) * gap;
  std::vector<float> sheet(static_cast<std::size_t>(width) * height * 3, 1.0f);
  for (int p = 0; p < n; ++p) {
    const auto pixels = render_panel(library.presets[static_cast<std::size_t>(p)], on);
    const int ox = (p % columns) * (panel_w + gap), oy = (p / columns) * (panel_h + gap);
    for (int y = 0; y < panel_h; ++y)
      std::copy_n(&pixels[static_cast<std::size_t>(y) * panel_w * 3], panel_w * 3,
                  &sheet[(static_cast<std::size_t>(oy + y) * width + ox) * 3]);
    std::printf("%d: %s\n", p + 1, library.presets[static_cast<std::size_t>(p)].name.c_str());
  }
  smp_tools::write_rgb_png(argv[3], sheet, width, height);
  gegl_exit();
  return 0;
}
