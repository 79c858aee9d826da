// smp-benchmark: megapixels per second of smp:follicle-stipple beside GEGL's own ops, measured
// in the same run on the same machine. Usage: smp-benchmark FILTERS_DIR [SIZE [ONLY]]
// ONLY (for profiling) times just the operations whose name contains it.
// The load average is printed at the start and the end: other work on the machine skews the figures.
#include <gegl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "gegl_start.hpp"
#include "support/gegl_compat.hpp"

namespace {

constexpr double px_per_mm = 10.0;

struct Inputs {
  GeglBuffer* density;  // full density: the worst case, every dot drawn
  GeglBuffer* density_u8;  // the same as an 8-bit layer, as GIMP's pigment layer usually is
  GeglBuffer* photo;    // 8-bit sRGB, as a photo layer in GIMP
};

Inputs make_inputs(int size)
{
  const GeglRectangle rect{0, 0, size, size};
  Inputs in{gegl_buffer_new(&rect, babl_format("Y'A float")), gegl_buffer_new(&rect, babl_format("R'G'B'A u8")),
            gegl_buffer_new(&rect, babl_format("R'G'B'A u8"))};
  GeglColor* white = gegl_color_new("white");
  gegl_buffer_set_color(in.density, &rect, white);
  gegl_buffer_set_color(in.density_u8, &rect, white);
  g_object_unref(white);
  GeglNode* graph = gegl_node_new();
  GeglNode* noise = gegl_node_new_child(graph, "operation", "gegl:perlin-noise", nullptr);
  GeglNode* crop = gegl_node_new_child(graph, "operation", "gegl:crop", "width", double(size), "height", double(size), nullptr);
  GeglNode* write = gegl_node_new_child(graph, "operation", "gegl:write-buffer", "buffer", in.photo, nullptr);
  gegl_node_link_many(noise, crop, write, nullptr);
  gegl_node_process(write);
  g_object_unref(graph);
  return in;
}

// A graph to time: returns its output node; `graph` owns every node.
using Build = std::function<GeglNode*(GeglNode* graph, const Inputs&)>;

GeglNode* source(GeglNode* graph, GeglBuffer* buffer)
{
  return gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
}

GeglNode* stipple_over(GeglNode* graph, GeglBuffer* density)
{
  GeglNode* s = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", "px-per-mm", px_per_mm, nullptr);
  gegl_node_link(source(graph, density), s);
  return s;
}

GeglNode* stipple(GeglNode* graph, const Inputs& in)
{
  return stipple_over(graph, in.density);
}

// The filter keeps the dot pattern it placed (a preview re-rendered after a change of colour,
// halo or map reuses it); a seed never used before shows a first render.
GeglNode* stipple_new_seed(GeglNode* graph, const Inputs& in)
{
  static int seed = 1000;
  GeglNode* s = stipple(graph, in);
  gegl_node_set(s, "seed", ++seed, nullptr);
  return s;
}

std::string load_average()
{
  gchar* text = nullptr;
  std::string load = "unknown";
  if (g_file_get_contents("/proc/loadavg", &text, nullptr, nullptr)) {
    load = text;
    load = load.substr(0, load.find(' ', load.find(' ', load.find(' ') + 1) + 1));
  }
  g_free(text);
  return load;
}

// Best of `runs` renders of `rect` into a new buffer, in seconds; each run builds a fresh graph
// so no cache is reused.
double seconds_to_render(const Build& build, const Inputs& in, const GeglRectangle& rect, int runs)
{
  double best = 1e30;
  for (int i = 0; i < runs; ++i) {
    GeglNode* graph = gegl_node_new();
    GeglNode* output = build(graph, in);
    GeglBuffer* target = gegl_buffer_new(&rect, babl_format("RGBA float"));
    GeglNode* write = gegl_node_new_child(graph, "operation", "gegl:write-buffer", "buffer", target, nullptr);
    gegl_node_link(output, write);
    const gint64 start = g_get_monotonic_time();
    GeglProcessor* processor = gegl_node_new_processor(write, &rect);
    while (gegl_processor_work(processor, nullptr)) {
    }
    best = std::min(best, (g_get_monotonic_time() - start) / 1e6);
    g_object_unref(processor);
    g_object_unref(target);
    g_object_unref(graph);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 2, 4, "FILTERS_DIR [SIZE [ONLY]]", "smp:follicle-stipple"))
    return 2;
  const int size = argc > 2 ? std::atoi(argv[2]) : 4096;
  const std::string only = argc > 3 ? argv[3] : "";
  const Inputs in = make_inputs(size);
  const std::vector<std::pair<std::string, Build>> cases{
      {"gegl:nop (photo)", [](GeglNode* g, const Inputs& i) {
         GeglNode* n = gegl_node_new_child(g, "operation", "gegl:nop", nullptr);
         gegl_node_link(source(g, i.photo), n);
         return n;
       }},
      {"gegl:noise-hurl (photo)", [](GeglNode* g, const Inputs& i) {
         GeglNode* n = gegl_node_new_child(g, "operation", "gegl:noise-hurl", nullptr);
         gegl_node_link(source(g, i.photo), n);
         return n;
       }},
      {"gegl:cell-noise", [size](GeglNode* g, const Inputs&) {
         GeglNode* n = gegl_node_new_child(g, "operation", "gegl:cell-noise", nullptr);
         GeglNode* c = gegl_node_new_child(g, "operation", "gegl:crop", "width", double(size), "height", double(size), nullptr);
         gegl_node_link(n, c);
         return c;
       }},
      {"smp:follicle-stipple transmittance", stipple},
      // Where the time goes: writing the output alone (no dots), and the dots without halos.
      {"  density 0 (writing the output alone)", [](GeglNode* g, const Inputs& i) {
         GeglNode* s = stipple(g, i);
         gegl_node_set(s, "density", 0.0, nullptr);
         return s;
       }},
      {"  halo 0 (dots alone)", [](GeglNode* g, const Inputs& i) {
         GeglNode* s = stipple(g, i);
         gegl_node_set(s, "halo", 0.0, nullptr);
         return s;
       }},
      {"smp:follicle-stipple, new seed (first render)", stipple_new_seed},
      {"smp:follicle-stipple, 8-bit density layer",
       [](GeglNode* g, const Inputs& i) { return stipple_over(g, i.density_u8); }},
      {"smp:follicle-stipple x photo (gegl:multiply)", [](GeglNode* g, const Inputs& i) {
         GeglNode* m = gegl_node_new_child(g, "operation", "gegl:multiply", nullptr);
         gegl_node_link(source(g, i.photo), m);
         smp::connect(stipple(g, i), "output", m, "aux");
         return m;
       }},
  };

  const GeglRectangle whole{0, 0, size, size};
  const GeglRectangle preview{size / 4, size / 4, std::min(1920, size), std::min(1080, size)};
  const double megapixels = double(size) * size / 1e6;
  std::printf("%dx%d px at %.0f px/mm (%.0f x %.0f mm), full density, best of 3 runs; load average %s\n", size,
              size, px_per_mm, size / px_per_mm, size / px_per_mm, load_average().c_str());
  for (const int threads : {1, 2}) {
    g_object_set(gegl_config(), "threads", threads, nullptr);
    std::printf("\nthreads: %d\n%-46s %10s %10s %12s %12s\n", threads, "operation", "MP/s", "x nop", "x noise-hurl",
                "1920x1080 ms");
    std::vector<double> rates;
    for (const auto& [name, build] : cases) {
      if (name.find(only) == std::string::npos)
        continue;
      const double rate = megapixels / seconds_to_render(build, in, whole, 3);
      const double preview_ms = 1000.0 * seconds_to_render(build, in, preview, 3);
      rates.push_back(rate);
      if (only.empty())
        std::printf("%-46s %10.1f %10.2f %12.2f %12.1f\n", name.c_str(), rate, rate / rates[0],
                    rates.size() > 1 ? rate / rates[1] : 1.0, preview_ms);
      else  // the reference ops may not have run
        std::printf("%-46s %10.1f %10s %12s %12.1f\n", name.c_str(), rate, "-", "-", preview_ms);
    }
  }
  std::printf("\nload average at the end: %s\n", load_average().c_str());
  g_object_unref(in.density);
  g_object_unref(in.density_u8);
  g_object_unref(in.photo);
  gegl_exit();
  return 0;
}
