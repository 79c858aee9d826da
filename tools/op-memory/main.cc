// smp-op-memory FILTERS_DIR OP SIDE PX_PER_MM: the memory one smp: op takes to render SIDE x SIDE
// px whole, printed as the peak of its own C++ heap (operator new, counted here) per pixel, the
// process's peak resident memory before and after (GEGL's tiles and caches included) and the time. The input is
// a computed skin-coloured photo with noise (the stipple: a soft disc of density), so no input
// buffer is held beforehand; smp:scar-blend gets the disc as its mask.
#include <gegl.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "../gegl_start.hpp"
#include "support/gegl_compat.hpp"

namespace {

std::atomic<long long> live{0}, peak{0};

}  // namespace

void* operator new(std::size_t n)
{
  void* block = std::malloc(n + 16);
  if (!block)
    throw std::bad_alloc();
  *static_cast<std::size_t*>(block) = n;
  const long long now = live += static_cast<long long>(n);
  long long seen = peak.load();
  while (now > seen && !peak.compare_exchange_weak(seen, now)) {
  }
  return static_cast<char*>(block) + 16;
}

void operator delete(void* p) noexcept
{
  if (!p)
    return;
  char* block = static_cast<char*>(p) - 16;
  live -= static_cast<long long>(*reinterpret_cast<std::size_t*>(block));
  std::free(block);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 5, 5, "FILTERS_DIR OP SIDE PX_PER_MM", "smp:scar-mask"))
    return 2;
  const std::string op = argv[2];
  const int side = std::atoi(argv[3]);
  const double px_per_mm = std::atof(argv[4]);
  GeglNode* graph = gegl_node_new();
  GeglColor* skin_colour = gegl_color_new("rgb(0.8,0.6,0.5)");
  GeglNode* skin = gegl_node_new_child(graph, "operation", "gegl:color", "value", skin_colour, nullptr);
  GeglNode* grain = gegl_node_new_child(graph, "operation", "gegl:noise-rgb", "red", 0.05, "green", 0.05, "blue", 0.05,
                                        nullptr);
  GeglNode* photo = gegl_node_new_child(graph, "operation", "gegl:crop", "width", double(side), "height", double(side),
                                        nullptr);
  gegl_node_link_many(skin, grain, photo, nullptr);
  GeglColor *white = gegl_color_new("white"), *black = gegl_color_new("black");
  GeglNode* disc = gegl_node_new_child(graph, "operation", "gegl:radial-gradient", "start-x", side / 2.0, "start-y",
                                       side / 2.0, "end-x", side * 5.0 / 8.0, "end-y", side / 2.0, "start-color", white,
                                       "end-color", black, nullptr);
  GeglNode* mask = gegl_node_new_child(graph, "operation", "gegl:crop", "width", double(side), "height", double(side),
                                       nullptr);
  gegl_node_link(disc, mask);
  g_object_unref(skin_colour);
  g_object_unref(white);
  g_object_unref(black);
  GeglNode* node = gegl_node_new_child(graph, "operation", op.c_str(), "px-per-mm", px_per_mm, nullptr);
  if (op == "smp:follicle-stipple")
    gegl_node_link(mask, node);
  else if (op == "smp:hairline-mask")
    gegl_node_set(node, "d", ("M 0 " + std::to_string(side / 2) + " L " + std::to_string(side) + " " +
                              std::to_string(side / 3)).c_str(), nullptr);
  else
    gegl_node_link(photo, node);
  if (op == "smp:scar-blend")
    smp::connect(mask, "output", node, "aux");
  GeglNode* crop = gegl_node_new_child(graph, "operation", "gegl:crop", "width", double(side), "height", double(side),
                                       nullptr);
  gegl_node_link(node, crop);
  GeglBuffer* out = nullptr;
  GeglNode* sink = gegl_node_new_child(graph, "operation", "gegl:buffer-sink", "buffer", &out, nullptr);
  gegl_node_link(crop, sink);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double resident_before = usage.ru_maxrss / 1e3;
  const long long before = peak.load();
  const auto start = std::chrono::steady_clock::now();
  gegl_node_process(sink);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  getrusage(RUSAGE_SELF, &usage);
  const double pixels = double(side) * side;
  std::printf("%s %d x %d px at %g px/mm: own heap peak %.1f MB (%.2f bytes a pixel), process peak %.0f MB (%.0f MB before the render), %.1f s\n",
              op.c_str(), side, side, px_per_mm, (peak.load() - before) / 1e6, (peak.load() - before) / pixels,
              usage.ru_maxrss / 1e3, resident_before, seconds);
  if (out)
    g_object_unref(out);
  g_object_unref(graph);
  gegl_exit();
  return 0;
}
