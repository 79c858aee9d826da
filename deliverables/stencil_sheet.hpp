// The stencil sheet: a 1:1 measurement drawing of a hairline for the technician, drawn with
// cairo in millimetres (a PDF on A4 or Letter pages, tiled with alignment marks when the drawing
// is larger than a page, and one SVG of the whole drawing). No GIMP types: the procedure
// gathers the figures.
#pragma once

#include <string>
#include <vector>

#include "geometry/path.hpp"

namespace smp_deliverables {

// Drawing coordinates: millimetres, x to the right, y UP the face, origin at the reference point
// (the glabella); the midline is x = 0.
using Polyline = std::vector<smp::Point>;

struct StencilTick {
  smp::Point at_mm;
  std::string label;
};

struct StencilDrawing {
  std::vector<Polyline> hairline;
  std::vector<Polyline> transition_edges;
  double midline_bottom_mm = -10.0, midline_top_mm = 100.0;
  std::vector<StencilTick> ticks;
};

struct StencilTitle {
  std::string client_reference, date, preset, scale_source;
  std::vector<std::string> measurements;  // also printed in the title block of every page
};

enum class Paper { a4, letter };

struct StencilPages {
  int columns = 0, rows = 0;
  int alignment_marks = 0;
};

// Writes the PDF; false and `problem` when cairo can't (a folder that isn't there, no space).
bool write_stencil_pdf(const std::string& file, Paper paper, const StencilDrawing& drawing, const StencilTitle& title,
                       StencilPages& pages, std::string& problem);

// The whole drawing on one canvas of its own size, in millimetres.
bool write_stencil_svg(const std::string& file, const StencilDrawing& drawing, const StencilTitle& title,
                       std::string& problem);

}  // namespace smp_deliverables
