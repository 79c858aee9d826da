// A development photo through the segmentation as GEGL runs it, read on a scoring grid
// (segmentation_scores.hpp): smp:scalp-regions, or the candidates it was measured against.
#pragma once

#include <gegl.h>

#include <chrono>
#include <string>
#include <vector>

#include "scalp-mask/scalp-mask.hpp"
#include "scalp-regions/scalp-regions.hpp"
#include "scalp/head_outline.hpp"
#include "support/gegl_compat.hpp"
#include "support/segmentation_scores.hpp"

namespace smp_test {

struct GridCoverage {
  std::vector<float> bare, hair, shine;
  double seconds = 0.0;  // from the photo's pixels to the grid's (loading not counted)
};

inline std::vector<float> blit_grid(GeglNode* node, const ScoringGrid& g, const char* format, int channels)
{
  std::vector<float> pixels(static_cast<std::size_t>(g.width) * g.height * channels);
  const GeglRectangle rect{0, 0, g.width, g.height};
  gegl_node_blit(node, g.scale, &rect, babl_format(format), pixels.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  return pixels;
}

// The photo decoded once into a buffer, so timings leave the decoding out.
inline GeglBuffer* load_photo(const std::string& path)
{
  GeglNode* graph = gegl_node_new();
  GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", path.c_str(), nullptr);
  GeglBuffer* buffer = nullptr;
  GeglNode* sink = gegl_node_new_child(graph, "operation", "gegl:buffer-sink", "buffer", &buffer, nullptr);
  gegl_node_link(load, sink);
  gegl_node_process(sink);
  g_object_unref(graph);
  return buffer;
}

inline smp::ScalpRegionsSettings regions_settings(const PhotoAnnotation& a)
{
  smp::ScalpRegionsSettings s;
  s.px_per_mm = a.px_per_mm;
  s.front = a.front;
  return s;
}

inline GridCoverage regions_on_grid(GeglBuffer* photo, const ScoringGrid& g, const smp::ScalpRegionsSettings& s)
{
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo, nullptr);
  GeglNode* regions = gegl_node_new_child(graph, "operation", smp_filters::scalp_regions::operation, nullptr);
  smp_filters::scalp_regions::set(regions, s);
  gegl_node_link(source, regions);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<float> rgba = blit_grid(regions, g, "RGBA float", 4);
  GridCoverage c;
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t n = rgba.size() / 4;
  c.bare.resize(n);
  c.hair.resize(n);
  c.shine.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    c.bare[i] = rgba[4 * i + smp_filters::scalp_regions::bare_channel];
    c.hair[i] = rgba[4 * i + smp_filters::scalp_regions::hair_channel];
    c.shine[i] = rgba[4 * i + smp_filters::scalp_regions::shine_channel];
  }
  g_object_unref(graph);
  return c;
}

// The rules Simulate used before (smp:scalp-mask): bare where its mask is white; hair is where it
// reads skin or hair at full hair density but not bare.
inline GridCoverage rules_on_grid(GeglBuffer* photo, const ScoringGrid& g, double px_per_mm)
{
  GridCoverage c;
  const auto start = std::chrono::steady_clock::now();
  for (const double hair_density : {0.0, 1.0}) {
    GeglNode* graph = gegl_node_new();
    GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo, nullptr);
    GeglNode* mask = gegl_node_new_child(graph, "operation", smp_filters::scalp_mask::operation, nullptr);
    smp::ScalpMaskSettings s;
    s.px_per_mm = px_per_mm;
    s.hair_density = hair_density;
    smp_filters::scalp_mask::set(mask, s);
    gegl_node_link(source, mask);
    (hair_density == 0.0 ? c.bare : c.hair) = blit_grid(mask, g, "Y' float", 1);
    g_object_unref(graph);
  }
  for (std::size_t i = 0; i < c.hair.size(); ++i)
    c.hair[i] = std::max(0.0f, c.hair[i] - c.bare[i]);
  c.shine.assign(c.bare.size(), 0.0f);
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return c;
}

// GEGL's matting (`operation`: gegl:matting-global or gegl:matting-levin) of the photo at the
// grid's scale from a trimap of `from`: sure bare where its bare coverage is above one half
// `margin_cells` in from its edge, sure not bare likewise, unknown between.
inline GridCoverage matting_on_grid(GeglBuffer* photo, const ScoringGrid& g, const GridCoverage& from,
                                    const char* operation, int margin_cells)
{
  const int w = g.width, h = g.height;
  std::vector<float> trimap(static_cast<std::size_t>(w) * h, 0.5f);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      bool all_in = true, all_out = true;
      for (int dy = -margin_cells; dy <= margin_cells; ++dy)
        for (int dx = -margin_cells; dx <= margin_cells; ++dx) {
          const int xx = std::clamp(x + dx, 0, w - 1), yy = std::clamp(y + dy, 0, h - 1);
          const bool in = from.bare[static_cast<std::size_t>(yy) * w + xx] > 0.5f;
          all_in = all_in && in;
          all_out = all_out && !in;
        }
      trimap[static_cast<std::size_t>(y) * w + x] = all_in ? 1.0f : all_out ? 0.0f : 0.5f;
    }
  const GeglRectangle rect{0, 0, w, h};
  GeglBuffer* small = gegl_buffer_new(&rect, babl_format("R'G'B'A float"));
  std::vector<float> rgba(static_cast<std::size_t>(w) * h * 4);
  gegl_buffer_get(photo, &rect, g.scale, babl_format("R'G'B'A float"), rgba.data(), GEGL_AUTO_ROWSTRIDE,
                  GEGL_ABYSS_NONE);
  gegl_buffer_set(small, &rect, 0, babl_format("R'G'B'A float"), rgba.data(), GEGL_AUTO_ROWSTRIDE);
  GeglBuffer* tri = gegl_buffer_new(&rect, babl_format("Y' float"));
  gegl_buffer_set(tri, &rect, 0, babl_format("Y' float"), trimap.data(), GEGL_AUTO_ROWSTRIDE);
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", small, nullptr);
  GeglNode* aux = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", tri, nullptr);
  GeglNode* matting = gegl_node_new_child(graph, "operation", operation, nullptr);
  gegl_node_link(source, matting);
  smp::connect(aux, "output", matting, "aux");
  GridCoverage c;
  const auto start = std::chrono::steady_clock::now();
  c.bare.resize(trimap.size());
  gegl_node_blit(matting, 1.0, &rect, babl_format("Y float"), c.bare.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  c.hair.resize(trimap.size());
  for (std::size_t i = 0; i < trimap.size(); ++i)
    c.hair[i] = std::max(0.0f, from.bare[i] + from.hair[i] - c.bare[i]);
  c.shine.assign(trimap.size(), 0.0f);
  g_object_unref(graph);
  g_object_unref(small);
  g_object_unref(tri);
  return c;
}

// The plug-in's head fit on the grid's coverages, in photo pixels.
inline std::optional<smp::HeadFrame> head_on_grid(const ScoringGrid& g, const GridCoverage& c, smp::Facing front)
{
  auto frame = smp::fit_head_frame(c.bare, c.hair, g.width, g.height, smp::front_rad_of(front));
  if (!frame)
    return std::nullopt;
  frame->centre = {frame->centre.x / g.scale, frame->centre.y / g.scale};
  frame->half_width_px /= g.scale;
  frame->half_length_px /= g.scale;
  return frame;
}

}  // namespace smp_test
