#include "head_fit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "filter_graph.hpp"
#include "gimp_paths.hpp"
#include "scalp/cell_means.hpp"
#include "scalp/ellipse_fit.hpp"
#include "scalp_mask.hpp"

namespace smp_plugin {
namespace {

constexpr int cells_across = 400;  // a few hundred cells across are plenty for a head's outline

// `coverage` (image coordinates) averaged over the grid's cells, rendered a band of rows at a time.
std::vector<float> cell_means_of(GeglNode* coverage, int width, int height, int cell)
{
  smp::CellMeans means(width, height, cell);
  std::vector<float> band(static_cast<std::size_t>(width) * cell);
  for (int y = 0; y < height; y += cell) {
    const GeglRectangle rows{0, y, width, std::min(cell, height - y)};
    gegl_node_blit(coverage, 1.0, &rows, babl_format("Y float"), band.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
    means.add_rows(y, band.data(), rows.height);
  }
  return means.means();
}

}  // namespace

std::optional<smp::HeadFrame> head_from_photo(GimpImage* image, GimpDrawable* photo, double px_per_mm, Facing facing)
{
  const int width = gimp_image_get_width(image), height = gimp_image_get_height(image);
  if (width <= 0 || height <= 0 || !load_smp_operations())
    return std::nullopt;
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(photo, &ox, &oy);
  Graph graph;
  GeglNode* pixels = source_node(graph, graph.own(gimp_drawable_get_buffer(photo)), ox, oy);
  smp::ScalpMaskSettings skin_only;
  skin_only.px_per_mm = px_per_mm;
  smp::ScalpMaskSettings skin_or_hair = skin_only;
  skin_or_hair.hair_density = 1.0;
  const int cell = smp::cell_size_for(width, height, cells_across);
  const std::vector<float> skin = cell_means_of(scalp_coverage(graph, pixels, skin_only), width, height, cell);
  const std::vector<float> head = cell_means_of(scalp_coverage(graph, pixels, skin_or_hair), width, height, cell);
  const int grid_w = (width + cell - 1) / cell, grid_h = (height + cell - 1) / cell;
  // A layer that reads as skin nearly everywhere has no head outline to fit.
  const auto covered = std::count_if(skin.begin(), skin.end(), [](float v) { return v > 0.5f; });
  if (covered > 0.9 * static_cast<double>(skin.size()))
    return std::nullopt;
  const auto fit = smp::fit_head_ellipse(skin, head, grid_w, grid_h, 64);
  if (!fit)
    return std::nullopt;

  // The axis nearer the way the face points runs front to back.
  const double front = front_rad_of(facing);
  const bool major_runs_front_to_back =
      std::abs(std::cos(fit->major_angle - front)) >= std::abs(std::sin(fit->major_angle - front));
  double axis = major_runs_front_to_back ? fit->major_angle : fit->major_angle + std::numbers::pi / 2;
  if (std::cos(axis - front) < 0.0)
    axis += std::numbers::pi;
  const double along = major_runs_front_to_back ? fit->radius_major : fit->radius_minor;
  const double across = major_runs_front_to_back ? fit->radius_minor : fit->radius_major;
  return smp::HeadFrame{{fit->centre_x * cell, fit->centre_y * cell}, across * cell, along * cell, axis};
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
