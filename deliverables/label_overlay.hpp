// The before/after's overlay: panel labels, the divider and the SIMULATION disclosure, drawn
// with cairo and pango into a transparent ARGB32 image (no GIMP types).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace smp_deliverables {

struct PanelLabel {
  std::string text;
  double x, y;          // the anchor corner, in pixels
  bool right, bottom;   // which corner of the label box sits on the anchor
};

struct Overlay {
  int width = 0, height = 0;
  std::string font = "DejaVu Sans Bold";
  double font_px = 24.0;
  std::vector<PanelLabel> labels;
  std::vector<double> divider;   // x0, y0, x1, y1 of the divider line, when there is one
  std::string disclosure;        // a banner across the bottom when not empty
};

// Premultiplied ARGB32 pixels (cairo's own format), width * height, row-major.
std::vector<std::uint32_t> render_overlay(const Overlay& overlay);

// The height the disclosure banner takes at the bottom, in pixels.
double disclosure_height(const Overlay& overlay);

}  // namespace smp_deliverables
