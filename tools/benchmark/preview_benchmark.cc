// How fast Simulate SMP's dialog preview redraws: the plug-in's own preview code (plain GEGL, as
// plugin/dialog_preview.cc calls it) on a photo, its head selected, Simulate's default preset.
//   smp-preview-benchmark FILTERS_DIR PRESETS_DIR PHOTO.png PX_PER_MM X,Y,W,H
// Prints "preview: WHAT SECONDS" lines: the scalp found once on the full photo (the first draw
// only), the photo shrunk to the preview, the first picture, and a redraw after each of three
// setting changes (density, sessions, dot size), which replans and redraws as the dialog does.
#include <gegl.h>

#include <cstdio>
#include <numbers>
#include <string>
#include <variant>

#include "filter_graph.hpp"
#include "dialog_preview.hpp"
#include "preset_library.hpp"
#include "preview_render.hpp"

namespace {

constexpr int preview_size = 480;  // as the dialog draws it

double seconds_since(gint64 start) { return (g_get_monotonic_time() - start) / 1e6; }

GeglBuffer* loaded(const char* path)
{
  GeglNode* graph = gegl_node_new();
  GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", path, nullptr);
  GeglBuffer* buffer = nullptr;
  GeglNode* sink = gegl_node_new_child(graph, "operation", "gegl:buffer-sink", "buffer", &buffer, nullptr);
  gegl_node_link(load, sink);
  gegl_node_process(sink);
  g_object_unref(graph);
  return buffer;
}

int measured(char** argv, double x, double y, double w, double h)
{
  gegl_load_module_directory(argv[1]);
  if (!smp_plugin::load_smp_operations()) {
    std::fprintf(stderr, "%s: the SMP GEGL operations are not installed\n", argv[0]);
    return 1;
  }
  const std::string preset_file = std::string(argv[2]) + "/" + smp_plugin::default_preset_nick + ".preset";
  auto loaded_preset = smp::load_preset_file(preset_file);
  if (!std::holds_alternative<smp::Preset>(loaded_preset)) {
    std::fprintf(stderr, "%s: %s is not a preset\n", argv[0], preset_file.c_str());
    return 1;
  }
  const smp::Preset preset = std::get<smp::Preset>(loaded_preset);
  GeglBuffer* photo = loaded(argv[3]);
  if (!photo || gegl_buffer_get_extent(photo)->width <= 0) {
    std::fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[3]);
    return 1;
  }
  const double px_per_mm = std::stod(argv[4]);
  const smp::HeadFrame head{{x + 0.5 * w, y + 0.5 * h}, 0.5 * w, 0.5 * h, -std::numbers::pi / 2};
  const smp::Placement placement = smp::Placement::on_head(head, px_per_mm);
  smp::StippleSettings stipple = preset.stipple;
  stipple.px_per_mm = px_per_mm;

  gint64 start = g_get_monotonic_time();
  smp_plugin::SimulationSpec spec = smp_plugin::simulation_spec(preset, placement, 1, stipple);
  {
    smp_plugin::Graph graph;
    spec.scalp = smp_plugin::analysed_scalp(smp_plugin::source_node(graph, photo), spec);
  }
  std::printf("preview: scalp-found-once %.3f\n", seconds_since(start));
  start = g_get_monotonic_time();
  double scale = 1.0;
  GeglBuffer* small = smp_plugin::shrunk_to_fit(photo, preview_size, scale);
  std::printf("preview: photo-shrunk %.3f\n", seconds_since(start));
  start = g_get_monotonic_time();
  smp_plugin::PreviewDensity kept;  // as the dialog keeps it between redraws
  g_object_unref(smp_plugin::simulation_preview(small, scale, spec, &kept));
  std::printf("preview: first-picture %.3f\n", seconds_since(start));

  const auto redraw = [&](const char* what, auto change) {
    change(stipple);
    const gint64 begin = g_get_monotonic_time();
    smp_plugin::SimulationSpec changed = smp_plugin::simulation_spec(preset, placement, 1, stipple);
    changed.scalp = spec.scalp;  // the dialog keeps the scalp it found
    g_object_unref(smp_plugin::simulation_preview(small, scale, changed, &kept));
    std::printf("preview: redraw-%s %.3f\n", what, seconds_since(begin));
  };
  std::printf("preview: redraw-wait %.3f\n", smp_plugin::preview_redraw_delay_ms / 1000.0);
  redraw("density", [](smp::StippleSettings& s) { s.density_per_cm2 *= 1.2; });
  redraw("sessions", [](smp::StippleSettings& s) { s.sessions = s.sessions == 1 ? 2 : 1; });
  redraw("dot-size", [](smp::StippleSettings& s) { s.dot_diameter_mm *= 1.1; });
  g_object_unref(small);
  g_object_unref(photo);
  return 0;
}

}  // namespace

int main(int argc, char** argv)
{
  double x = 0, y = 0, w = 0, h = 0;
  if (argc != 6 || std::sscanf(argv[5], "%lf,%lf,%lf,%lf", &x, &y, &w, &h) != 4 || !(w > 0 && h > 0)) {
    std::fprintf(stderr, "usage: %s FILTERS_DIR PRESETS_DIR PHOTO.png PX_PER_MM X,Y,W,H (the head's ellipse)\n", argv[0]);
    return 2;
  }
  gegl_init(nullptr, nullptr);
  const int status = measured(argv, x, y, w, h);
  gegl_exit();
  return status;
}
