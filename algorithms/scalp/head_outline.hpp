// The head's outline seen from above, and the ellipse of the head frame, from a grid of how
// surely each cell is head (bare scalp or the client's own hair). The outline is the closed
// curve around the head's middle where that certainty drops most, kept smooth from ray to ray,
// so an ear, a neck or an arm joined to the head is cut off where it joins; the ellipse is
// fitted to the outline with the points furthest from it let go.
#pragma once

#include <optional>
#include <vector>

#include "geometry/frame.hpp"
#include "geometry/path.hpp"

namespace smp {

struct HeadOutlineLimits {
  static constexpr int rays = 180;
  static constexpr int min_cells = 64;  // a head smaller than this on the grid is no head
};

struct HeadOutline {
  std::vector<Point> contour;  // closed, one point a ray, grid pixels (pixel centres at +0.5)
  HeadFrame frame;             // the fitted ellipse, axes along and across `front_rad`
};

// `head`: width x height values in 0..1. `edge_cells`: how far either side of the outline the
// certainty is compared (a few millimetres of the grid). Nothing when no head is found.
// `edges`, when given: how strongly the image changes at each cell (0..1), which the outline
// prefers to follow where the certainty alone runs on (a bare head against bare arms).
std::optional<HeadOutline> head_outline(const std::vector<float>& head, int width, int height, double front_rad,
                                        double edge_cells, const std::vector<float>* edges = nullptr);

// The plug-in's automatic head fit: the bare scalp and hair coverages of smp:scalp-regions
// averaged over a coarse grid (CellMeans), and the direction the face points; the frame in grid
// pixels.
std::optional<HeadFrame> fit_head_frame(const std::vector<float>& bare, const std::vector<float>& hair, int width,
                                        int height, double front_rad);

// How much more of the fitted head's ellipse than of the photo around it reads as head (bare
// scalp or hair, grid cells as fit_head_frame's): near 1 for a head against a background, near
// 0 for a photo of one skin all over (whatever outline the fit returns there), and 0 when the
// ellipse leaves less than 2% of the photo around it.
double head_contrast(const std::vector<float>& bare, const std::vector<float>& hair, int width, int height,
                     const HeadFrame& frame);
// Below this the plug-in finds no head (and asks for a selection).
inline constexpr double head_contrast_min = 0.4;

// 1 inside the closed `contour`, 0 outside, per cell (its centre tested).
std::vector<float> inside_contour(const std::vector<Point>& contour, int width, int height);

}  // namespace smp
