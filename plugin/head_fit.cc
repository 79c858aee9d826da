#include "head_fit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "filter_graph.hpp"
#include "gimp_paths.hpp"
#include "scalp-regions/scalp-regions.hpp"
#include "scalp/head_outline.hpp"
#include "scalp/scalp_regions.hpp"

namespace smp_plugin {
namespace {

smp::Facing regions_facing(Facing facing)
{
  switch (facing) {
    case Facing::down:
      return smp::Facing::down;
    case Facing::left:
      return smp::Facing::left;
    case Facing::right:
      return smp::Facing::right;
    case Facing::up:
      break;
  }
  return smp::Facing::up;
}

}  // namespace

std::optional<smp::HeadFrame> head_from_photo(GimpImage* image, GimpDrawable* photo, double px_per_mm, Facing facing)
{
  const int width = gimp_drawable_get_width(photo), height = gimp_drawable_get_height(photo);
  if (gimp_image_get_width(image) <= 0 || width <= 0 || height <= 0 || !load_smp_operations())
    return std::nullopt;
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(photo, &ox, &oy);
  Graph graph;
  GeglNode* pixels = source_node(graph, graph.own(gimp_drawable_get_buffer(photo)), ox, oy);
  const smp::Facing front = regions_facing(facing);
  // On the photo as the run plans on it, so that keeping to the scalp next finds this
  // segmentation made (smp:scalp-regions keeps it).
  const PlanningPhoto small = photo_at_plan_scale(graph, pixels, px_per_mm);
  GeglNode* regions = scalp_regions_node(graph, small.node, px_per_mm * small.shrink, front);
  // Read at the op's own working scale (at most 1 MP): the outline needs no finer grid, and a
  // 12 MP photo is fitted in seconds (the cell means of smp:scalp-mask over every pixel took minutes).
  const GeglRectangle extent = gegl_node_get_bounding_box(small.node);
  const smp::WorkingScale ws = smp::working_scale(extent.width, extent.height, px_per_mm * small.shrink);
  const GeglRectangle grid{static_cast<int>(std::floor(extent.x * ws.scale)),
                           static_cast<int>(std::floor(extent.y * ws.scale)), ws.width, ws.height};
  std::vector<float> rgba(static_cast<std::size_t>(grid.width) * grid.height * 4);
  gegl_node_blit(regions, ws.scale, &grid, babl_format("RGBA float"), rgba.data(), GEGL_AUTO_ROWSTRIDE,
                 GEGL_BLIT_DEFAULT);
  std::vector<float> bare(rgba.size() / 4), hair(rgba.size() / 4);
  for (std::size_t i = 0; i < bare.size(); ++i) {
    bare[i] = rgba[4 * i + smp_filters::scalp_regions::bare_channel];
    hair[i] = rgba[4 * i + smp_filters::scalp_regions::hair_channel];
  }
  auto frame = smp::fit_head_frame(bare, hair, grid.width, grid.height, smp::front_rad_of(front));
  // A photo of one skin all over shows no head against anything: no outline to fit.
  if (!frame || smp::head_contrast(bare, hair, grid.width, grid.height, *frame) < smp::head_contrast_min)
    return std::nullopt;
  const double to_photo = 1.0 / (ws.scale * small.shrink);
  frame->centre = {(frame->centre.x + grid.x) * to_photo, (frame->centre.y + grid.y) * to_photo};
  frame->half_width_px *= to_photo;
  frame->half_length_px *= to_photo;
  return frame;
}

GimpPath* insert_head_path(GimpImage* image, const smp::HeadFrame& head, const char* name)
{
  // Front, side, back, side: Bezier handles of quarter circles on the head's unit circle.
  const double kappa = 0.5522847498;
  const smp::Frame unit = head.normalised();
  const smp::Point anchors[5] = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}, {0, -1}};
  smp::Subpath outline;
  outline.closed = true;
  for (int i = 0; i < 4; ++i) {
    const smp::Point a = anchors[i], b = anchors[i + 1];
    outline.segments.push_back({unit.to_image(a), unit.to_image(a.x + kappa * b.x, a.y + kappa * b.y),
                                unit.to_image(b.x + kappa * a.x, b.y + kappa * a.y), unit.to_image(b)});
  }
  return insert_path(image, smp::Path{{outline}}, name);
}

std::optional<smp::HeadFrame> head_from_selection(GimpImage* image, Facing facing)
{
  gboolean any = FALSE;
  gint x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  gimp_selection_bounds(image, &any, &x1, &y1, &x2, &y2);
  if (!any)
    return std::nullopt;
  const bool upright = facing == Facing::up || facing == Facing::down;
  const double half_w = 0.5 * (x2 - x1), half_h = 0.5 * (y2 - y1);
  return smp::HeadFrame{{0.5 * (x1 + x2), 0.5 * (y1 + y2)}, upright ? half_w : half_h, upright ? half_h : half_w,
                        front_rad_of(facing)};
}

}  // namespace smp_plugin
