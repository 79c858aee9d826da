#include "head_fit.hpp"

#include <gegl.h>

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <numbers>
#include <vector>

#include "gimp_paths.hpp"
#include "scalp_mask.hpp"
#include "scalp/ellipse_fit.hpp"

namespace smp_plugin {

namespace {

// The channel averaged over square cells `cell` pixels wide, read a band of rows at a time
// (GIMP's buffers in a plug-in give no zoomed-out reads).
std::vector<float> cell_means(GimpChannel* channel, int cell, int grid_w, int grid_h)
{
  const int width = gimp_drawable_get_width(GIMP_DRAWABLE(channel));
  const int height = gimp_drawable_get_height(GIMP_DRAWABLE(channel));
  std::vector<float> cells(static_cast<std::size_t>(grid_w) * grid_h, 0.0f);
  std::vector<std::uint8_t> band(static_cast<std::size_t>(width) * cell);
  GeglBuffer* buffer = gimp_drawable_get_buffer(GIMP_DRAWABLE(channel));
  for (int gy = 0; gy < grid_h; ++gy) {
    const GeglRectangle rows{0, gy * cell, width, std::min(cell, height - gy * cell)};
    gegl_buffer_get(buffer, &rows, 1.0, babl_format("Y u8"), band.data(), GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
    for (int y = 0; y < rows.height; ++y)
      for (int x = 0; x < width; ++x)
        cells[static_cast<std::size_t>(gy) * grid_w + x / cell] += band[static_cast<std::size_t>(y) * width + x];
  }
  g_object_unref(buffer);
  for (float& c : cells)
    c /= 255.0f * cell * cell;  // edge cells read low; a head is far from them
  return cells;
}

}  // namespace

std::optional<smp::HeadFrame> head_from_masks(GimpChannel* skin_mask, GimpChannel* head_mask, int facing)
{
  const int width = gimp_drawable_get_width(GIMP_DRAWABLE(skin_mask));
  const int height = gimp_drawable_get_height(GIMP_DRAWABLE(skin_mask));
  if (width <= 0 || height <= 0)
    return std::nullopt;
  // A few hundred cells across are plenty for a head's outline, and bound the fit's work.
  const int cell = std::max(1, (std::max(width, height) + 399) / 400);
  const int grid_w = (width + cell - 1) / cell, grid_h = (height + cell - 1) / cell;
  const std::vector<float> skin = cell_means(skin_mask, cell, grid_w, grid_h);
  const std::vector<float> head = cell_means(head_mask, cell, grid_w, grid_h);
  const double scale = 1.0 / cell;
  // A layer that reads as skin nearly everywhere has no head outline to fit.
  const auto covered = std::count_if(skin.begin(), skin.end(), [](float v) { return v > 0.5f; });
  if (covered > 0.9 * static_cast<double>(skin.size()))
    return std::nullopt;
  const auto fit = smp::fit_head_ellipse(skin, head, grid_w, grid_h, 64);
  if (!fit)
    return std::nullopt;

  // The axis nearer the way the face points runs front to back.
  const double front_angles[] = {-std::numbers::pi / 2, std::numbers::pi / 2, std::numbers::pi, 0.0};
  const double front = front_angles[std::clamp(facing, 0, 3)];
  const bool major_runs_front_to_back = std::abs(std::cos(fit->major_angle - front)) >= std::abs(std::sin(fit->major_angle - front));
  double axis = major_runs_front_to_back ? fit->major_angle : fit->major_angle + std::numbers::pi / 2;
  if (std::cos(axis - front) < 0.0)
    axis += std::numbers::pi;
  const double along = major_runs_front_to_back ? fit->radius_major : fit->radius_minor;
  const double across = major_runs_front_to_back ? fit->radius_minor : fit->radius_major;
  return smp::HeadFrame{{fit->centre_x / scale, fit->centre_y / scale}, across / scale, along / scale, axis};
}

bool fit_head_and_show_it(GimpImage* image, GimpDrawable* photo, double px_per_mm, int facing, smp::HeadFrame& head,
                          std::string& problem)
{
  GimpChannel* skin_mask = render_scalp_mask(image, photo, "SMP skin mask", px_per_mm, 0.0, 0.5);
  GimpChannel* head_mask = skin_mask ? render_scalp_mask(image, photo, "SMP head mask", px_per_mm, 1.0, 0.5) : nullptr;
  if (!head_mask) {
    if (skin_mask)
      gimp_image_remove_channel(image, skin_mask);
    problem = "GIMP does not know smp:scalp-mask: install the smp-filters module and restart GIMP.";
    return false;
  }
  const auto fitted = head_from_masks(skin_mask, head_mask, facing);
  gimp_image_remove_channel(image, skin_mask);
  gimp_image_remove_channel(image, head_mask);
  if (!fitted) {
    problem = "no head was found in the layer \"" + std::string(gimp_item_get_name(GIMP_ITEM(photo))) +
              "\": select the head with the Ellipse Select tool (seen from above) and run it again.";
    return false;
  }
  head = *fitted;
  insert_head_path(image, head, "SMP head");
  return true;
}

GimpPath* insert_head_path(GimpImage* image, const smp::HeadFrame& head, const char* name)
{
  // Four anchors (front, side, back, side), as the Ellipse Select tool's outline: easy to drag.
  const double kappa = 0.5522847498;  // Bezier handles of a quarter circle
  const smp::Point forward{std::cos(head.front_rad), std::sin(head.front_rad)}, across{-forward.y, forward.x};
  auto at = [&](double x, double y) {
    return smp::Point{head.centre.x + across.x * x * head.half_width_px + forward.x * y * head.half_length_px,
                      head.centre.y + across.y * x * head.half_width_px + forward.y * y * head.half_length_px};
  };
  const double anchors[5][2] = {{0, 1}, {1, 0}, {0, -1}, {-1, 0}, {0, 1}};
  smp::Subpath outline;
  outline.closed = true;
  for (int i = 0; i < 4; ++i) {
    const double* a = anchors[i];
    const double* b = anchors[i + 1];
    outline.segments.push_back({at(a[0], a[1]), at(a[0] + kappa * b[0], a[1] + kappa * b[1]),
                                at(b[0] + kappa * a[0], b[1] + kappa * a[1]), at(b[0], b[1])});
  }
  return insert_path(image, smp::Path{{outline}}, name);
}

}  // namespace smp_plugin
