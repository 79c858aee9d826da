#include "preview_render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace smp_plugin {
namespace {

const char* const preview_format = "R'G'B'A float";

// A graph that is freed with everything it holds, and the buffers and objects handed to its nodes.
class Graph {
 public:
  Graph() : root_(gegl_node_new()) {}
  ~Graph()
  {
    g_object_unref(root_);
    for (GObject* o : owned_)
      g_object_unref(o);
  }
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  template <typename... Properties>
  GeglNode* node(const char* operation, Properties... properties)
  {
    return gegl_node_new_child(root_, "operation", operation, properties..., nullptr);
  }
  template <typename T>
  T* own(T* object)
  {
    owned_.push_back(G_OBJECT(object));
    return object;
  }
  GeglColor* colour(const char* css) { return own(gegl_color_new(css)); }

 private:
  GeglNode* root_;
  std::vector<GObject*> owned_;
};

// `path` with every point scaled about the origin: an image path onto the shrunk image.
smp::Path scaled(const smp::Path& path, double scale)
{
  smp::Path result = path;
  auto scale_point = [scale](smp::Point& p) {
    p.x *= scale;
    p.y *= scale;
  };
  for (smp::Subpath& subpath : result.subpaths)
    for (smp::CubicSegment& s : subpath.segments) {
      scale_point(s.start);
      scale_point(s.control1);
      scale_point(s.control2);
      scale_point(s.end);
    }
  return result;
}

GeglRectangle extent_of(GeglBuffer* buffer)
{
  return *gegl_buffer_get_extent(buffer);
}

// Renders `output` over the photo's extent (fills and masks are endless planes) into a new buffer.
GeglBuffer* rendered(GeglNode* output, const GeglRectangle& extent)
{
  GeglBuffer* result = gegl_buffer_new(&extent, babl_format(preview_format));
  gegl_node_blit_buffer(output, result, &extent, 0, GEGL_ABYSS_NONE);
  return result;
}

// smp:hairline-mask of the spec on the shrunk image: the region scaled, the scale shrunk, the
// millimetres unchanged. Plain masks have no irregularity, as the procedures render them.
GeglNode* mask_node(Graph& graph, const smp::MaskSpec& spec, double scale, double px_per_mm)
{
  const std::string d = smp::to_svg_path(scaled(spec.region, scale));
  if (spec.irregular)
    return graph.node("smp:hairline-mask", "d", d.c_str(), "px-per-mm", px_per_mm * scale, "transition-width",
                      spec.transition_mm, "seed", static_cast<int>(spec.seed));
  return graph.node("smp:hairline-mask", "d", d.c_str(), "px-per-mm", px_per_mm * scale, "transition-width",
                    std::max(spec.transition_mm, 0.1), "micro-irregularity", 0.0, "macro-irregularity", 0.0);
}

// A mask's grey read as coverage, as GIMP reads a channel's value when it selects it.
GeglNode* as_coverage(Graph& graph, GeglNode* mask)
{
  GeglNode* cast = graph.node("gegl:cast-format", "input-format", babl_format("Y'A float"), "output-format",
                              babl_format("YA float"));
  gegl_node_link(mask, cast);
  return cast;
}

// `colour` laid over `below` with the coverage `mask` (times `opacity`): a fill through a selection.
GeglNode* fill_over(Graph& graph, GeglNode* below, const char* colour, GeglNode* mask, double opacity = 1.0)
{
  GeglNode* paint = graph.node("gegl:color", "value", graph.colour(colour));
  GeglNode* through = graph.node("gegl:opacity", "value", opacity);
  gegl_node_link(paint, through);
  gegl_node_connect(mask, "output", through, "aux");
  if (!below)
    return through;
  GeglNode* over = graph.node("gegl:over");
  gegl_node_link(below, over);
  gegl_node_connect(through, "output", over, "aux");
  return over;
}

// The density as the procedure paints it into the pigment layer (transparent where none).
GeglNode* density_node(Graph& graph, double scale, double px_per_mm, const smp::DensityPlan& plan)
{
  GeglNode* hair_side = plan.hairline.empty() ? nullptr : as_coverage(graph, mask_node(graph, plan.hair_side, scale, px_per_mm));
  GeglNode* density = nullptr;
  for (const smp::ZoneFill& zone : plan.zones) {
    GeglNode* selection = as_coverage(graph, mask_node(graph, zone.outline, scale, px_per_mm));
    if (hair_side) {  // the zone's selection intersected with the hair side
      GeglNode* intersect = graph.node("svg:darken");
      gegl_node_link(selection, intersect);
      gegl_node_connect(hair_side, "output", intersect, "aux");
      selection = intersect;
    }
    density = fill_over(graph, density, density_grey(zone.density).c_str(), selection);
  }
  return density;
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

std::string density_grey(double density)
{
  const int level = static_cast<int>(std::lround(std::clamp(std::isnan(density) ? 0.0 : density, 0.0, 1.0) * 255.0));
  char hex[8];
  std::snprintf(hex, sizeof hex, "#%02x%02x%02x", level, level, level);
  return hex;
}

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

GeglBuffer* simulation_preview(GeglBuffer* photo, double scale, double px_per_mm, const smp::DensityPlan& density,
                               const smp::PresetStipple& stipple, unsigned seed,
                               std::optional<double> scalp_hair_density)
{
  Graph graph;
  const GeglRectangle extent = extent_of(photo);
  GeglNode* image = graph.node("gegl:buffer-source", "buffer", photo);
  GeglNode* painted = density_node(graph, scale, px_per_mm, density);
  if (!painted)
    return rendered(image, extent);
  if (scalp_hair_density) {
    // Density is luminance x alpha: the mask scales the alpha, as the run's layer mask does.
    GeglNode* scalp = graph.node("smp:scalp-mask", "px-per-mm", px_per_mm * scale, "hair-density",
                                 *scalp_hair_density, "sensitivity", 0.5);
    GeglNode* kept = graph.node("gegl:opacity");
    gegl_node_link(image, scalp);
    gegl_node_link(painted, kept);
    gegl_node_connect(scalp, "output", kept, "aux");
    painted = kept;
  }
  GeglNode* layer = graph.node("gegl:crop", "x", double(extent.x), "y", double(extent.y), "width",
                               double(extent.width), "height", double(extent.height));
  GeglNode* pigment = graph.node("smp:follicle-stipple", "px-per-mm", px_per_mm * scale);
  set_stipple_properties(gegl_node_set, pigment, stipple, seed);
  GeglNode* multiply = graph.node("gegl:multiply");
  gegl_node_link_many(painted, layer, pigment, nullptr);
  gegl_node_link(image, multiply);
  gegl_node_connect(pigment, "output", multiply, "aux");
  return rendered(multiply, extent);
}

GeglBuffer* hairline_preview(GeglBuffer* photo, double scale, double px_per_mm, const smp::Path& hairline,
                             const smp::MaskSpec& hair_side)
{
  Graph graph;
  const GeglRectangle extent = extent_of(photo);
  GeglNode* image = graph.node("gegl:buffer-source", "buffer", photo);
  GeglNode* coverage = as_coverage(graph, mask_node(graph, hair_side, scale, px_per_mm));
  GeglNode* shown = fill_over(graph, image, hairline_tint, coverage, hairline_tint_opacity);
  // The edges follow the ramp's undulation but not its stray single hairs, which would ring.
  GeglNode* ramp = mask_node(graph, hair_side, scale, px_per_mm);
  gegl_node_set(ramp, "micro-irregularity", 0.0, nullptr);
  GeglNode* ramp_coverage = as_coverage(graph, ramp);
  for (const double level : {0.1, 0.9})
    shown = fill_over(graph, shown, ramp_edge_colour, level_line(graph, ramp_coverage, level), 0.8);
  GeglPath* line = graph.own(gegl_path_new_from_string(smp::to_svg_path(scaled(hairline, scale)).c_str()));
  GeglNode* stroke = graph.node("gegl:vector-stroke", "d", line, "color", graph.colour(hairline_colour), "width", 2.0);
  GeglNode* over = graph.node("gegl:over");
  gegl_node_link(shown, over);
  gegl_node_connect(stroke, "output", over, "aux");
  return rendered(over, extent);
}

}  // namespace smp_plugin
