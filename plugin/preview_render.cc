#include "preview_render.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace smp_plugin {
namespace {

const char* const preview_format = "R'G'B'A float";

GeglRectangle extent_of(GeglBuffer* buffer)
{
  return *gegl_buffer_get_extent(buffer);
}

// Renders `output` over the photo's extent (densities and masks are endless planes) into a new buffer.
GeglBuffer* rendered(GeglNode* output, const GeglRectangle& extent, const char* format = preview_format)
{
  GeglBuffer* result = gegl_buffer_new(&extent, babl_format(format));
  gegl_node_blit_buffer(output, result, &extent, 0, GEGL_ABYSS_NONE);
  return result;
}

// `colour` laid over `below` with the coverage `mask` (times `opacity`): a fill through a selection.
GeglNode* fill_over(Graph& graph, GeglNode* below, const char* colour, GeglNode* mask, double opacity = 1.0)
{
  GeglNode* paint = graph.node("gegl:color", "value", graph.colour(colour));
  GeglNode* through = graph.node("gegl:opacity", "value", opacity);
  gegl_node_link(paint, through);
  gegl_node_connect(mask, "output", through, "aux");
  return composed(graph, "gegl:over", below, through);
}

// Where the ramp crosses `level`: the edge of the thresholded mask, as a line about 2 px wide.
GeglNode* level_line(Graph& graph, GeglNode* coverage, double level)
{
  GeglNode* threshold = graph.node("gegl:threshold", "value", level, "high", 1.0);
  GeglNode* edge = graph.node("gegl:edge-sobel");
  gegl_node_link_many(coverage, threshold, edge, nullptr);
  return edge;
}

}  // namespace

GeglBuffer* shrunk_to_fit(GeglBuffer* photo, int max_side, double& scale)
{
  const GeglRectangle extent = extent_of(photo);
  const int longer = std::max({extent.width, extent.height, 1});
  scale = std::min(1.0, static_cast<double>(std::max(max_side, 1)) / longer);
  const GeglRectangle shrunk{0, 0, std::max(1, static_cast<int>(std::lround(extent.width * scale))),
                             std::max(1, static_cast<int>(std::lround(extent.height * scale)))};
  scale = static_cast<double>(shrunk.width) / std::max(extent.width, 1);
  std::vector<float> pixels(static_cast<std::size_t>(shrunk.width) * shrunk.height * 4);
  const GeglRectangle source_rect{static_cast<int>(std::lround(extent.x * scale)),
                                  static_cast<int>(std::lround(extent.y * scale)), shrunk.width, shrunk.height};
  gegl_buffer_get(photo, &source_rect, scale, babl_format(preview_format), pixels.data(), GEGL_AUTO_ROWSTRIDE,
                  GEGL_ABYSS_CLAMP);
  GeglBuffer* result = gegl_buffer_new(&shrunk, babl_format(preview_format));
  gegl_buffer_set(result, &shrunk, 0, babl_format(preview_format), pixels.data(), GEGL_AUTO_ROWSTRIDE);
  return result;
}

PreviewDensity::~PreviewDensity()
{
  if (density_)
    g_object_unref(density_);
}

GeglBuffer* PreviewDensity::of(GeglBuffer* photo, double scale, const SimulationSpec& spec)
{
  DrawnFor wanted{spec.plan, spec.on_scalp, spec.front, spec.scalp, photo, scale};
  if (density_ && wanted == drawn_for_)
    return density_;
  if (density_)
    g_object_unref(density_);
  Graph graph;
  const GeglRectangle extent = extent_of(photo);
  density_ = rendered(simulation_density(graph, spec.scaled(scale), graph.node("gegl:buffer-source", "buffer", photo)),
                      extent, "RGBA float");
  drawn_for_ = std::move(wanted);
  ++drawn_;
  return density_;
}

GeglBuffer* simulation_preview(GeglBuffer* photo, double scale, const SimulationSpec& spec, PreviewDensity* kept)
{
  Graph graph;
  const GeglRectangle extent = extent_of(photo);
  GeglNode* image = graph.node("gegl:buffer-source", "buffer", photo);
  if (spec.plan.zones.empty())
    return rendered(image, extent);
  const SimulationSpec shown = spec.scaled(scale);
  GeglNode* density = kept ? graph.node("gegl:buffer-source", "buffer", kept->of(photo, scale, spec))
                           : simulation_density(graph, shown, image);
  return rendered(pigment_over(graph, shown.stipple, image, density), extent);
}

GeglBuffer* stipple_preview(GeglBuffer* photo, double scale, GeglBuffer* selection, const Babl* stored,
                            const smp::StippleSettings& stipple)
{
  Graph graph;
  const GeglRectangle extent = extent_of(photo);
  GeglNode* image = graph.node("gegl:buffer-source", "buffer", photo);
  GeglNode* density = graph.node("gegl:color", "value", graph.colour("white"));
  if (selection) {
    GeglNode* shrunk = graph.node("gegl:scale-ratio", "x", scale, "y", scale, "sampler", GEGL_SAMPLER_LINEAR);
    gegl_node_link(graph.node("gegl:buffer-source", "buffer", selection), shrunk);
    density = kept_inside(graph, density, as_coverage(graph, shrunk, stored));
  }
  smp::StippleSettings shown = stipple;
  shown.px_per_mm *= scale;  // the dots sit in millimetres: the same dots, smaller
  return rendered(pigment_over(graph, shown, image, density), extent);
}

GeglBuffer* hairline_preview(GeglBuffer* photo, double scale, const smp::Path& hairline, const smp::DensityPlan& hair_side)
{
  Graph graph;
  const GeglRectangle extent = extent_of(photo);
  GeglNode* image = graph.node("gegl:buffer-source", "buffer", photo);
  const smp::DensityPlan shown_plan = hair_side.scaled(scale);
  const Babl* grey = babl_format("Y'A float");
  GeglNode* coverage =
      as_coverage(graph, density_node(graph, shown_plan, smp_filters::density_plan::Output::grey), grey);
  GeglNode* shown = fill_over(graph, image, hairline_tint, coverage, hairline_tint_opacity);
  // The edges follow the ramp's undulation but not its stray single hairs, which would ring.
  smp::DensityPlan smooth = shown_plan;
  for (smp::ZoneFill& zone : smooth.zones)
    zone.outline.stray_hairs = false;
  GeglNode* ramp = as_coverage(graph, density_node(graph, smooth, smp_filters::density_plan::Output::grey), grey);
  for (const double level : {0.1, 0.9})
    shown = fill_over(graph, shown, ramp_edge_colour, level_line(graph, ramp, level), 0.8);
  GeglPath* stroke_path = graph.own(gegl_path_new_from_string(smp::to_svg_path(smp::scaled(hairline, scale)).c_str()));
  GeglNode* stroke = graph.node("gegl:vector-stroke", "d", stroke_path, "color", graph.colour(hairline_colour), "width", 2.0);
  return rendered(composed(graph, "gegl:over", shown, stroke), extent);
}

}  // namespace smp_plugin
