#include "deliverables/stencil_sheet.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib.h>
#include <glib/gi18n-lib.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace smp_deliverables {
namespace {

constexpr double pt_per_mm = 72.0 / 25.4;
constexpr double margin_mm = 10.0;
constexpr double title_height_mm = 44.0;
constexpr double title_gap_mm = 4.0;
constexpr double content_padding_mm = 8.0;
// Neighbouring tiles share this much drawing; the alignment marks sit in the middle of it.
constexpr double tile_overlap_mm = 20.0;
constexpr double scale_bar_mm = 100.0;
constexpr double grid_mm = 10.0;
constexpr const char* font = "DejaVu Sans";

struct Box {
  double left, top, width, height;  // drawing coordinates with y down (-y of the face)
};

struct PaperSize {
  double width_mm, height_mm;
};

PaperSize paper_size(Paper paper)
{
  return paper == Paper::a4 ? PaperSize{210.0, 297.0} : PaperSize{215.9, 279.4};
}

Box content_box(const StencilDrawing& d)
{
  double x0 = 0.0, x1 = 0.0, y0 = -d.midline_top_mm, y1 = -d.midline_bottom_mm;
  auto take = [&](const smp::Point& p) {
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
    y0 = std::min(y0, -p.y);
    y1 = std::max(y1, -p.y);
  };
  for (const auto* lines : {&d.hairline, &d.transition_edges})
    for (const Polyline& line : *lines)
      for (const smp::Point& p : line)
        take(p);
  for (const StencilTick& t : d.ticks)
    take(t.at_mm);
  // Room on the right for the tick labels.
  return {x0 - content_padding_mm, y0 - content_padding_mm, x1 - x0 + 2 * content_padding_mm + 12.0,
          y1 - y0 + 2 * content_padding_mm};
}

void set_font(cairo_t* cr, double size_mm, bool bold = false)
{
  cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size_mm);
}

void text_at(cairo_t* cr, double x, double y, const std::string& text)
{
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, text.c_str());
}

void stroke_polyline(cairo_t* cr, const Polyline& line)
{
  for (std::size_t i = 0; i < line.size(); ++i)
    (i == 0 ? cairo_move_to : cairo_line_to)(cr, line[i].x, -line[i].y);
  cairo_stroke(cr);
}

// The drawing itself, in drawing millimetres (the caller has set the transform and clip).
void draw_content(cairo_t* cr, const StencilDrawing& d, const Box& box)
{
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  // 10 mm grid through the reference point.
  cairo_set_source_rgb(cr, 0.78, 0.82, 0.88);
  cairo_set_line_width(cr, 0.1);
  for (double x = std::floor(box.left / grid_mm) * grid_mm; x <= box.left + box.width; x += grid_mm) {
    cairo_move_to(cr, x, box.top);
    cairo_line_to(cr, x, box.top + box.height);
  }
  for (double y = std::floor(box.top / grid_mm) * grid_mm; y <= box.top + box.height; y += grid_mm) {
    cairo_move_to(cr, box.left, y);
    cairo_line_to(cr, box.left + box.width, y);
  }
  cairo_stroke(cr);

  // Midline, dash-dot.
  const double dash_dot[] = {4.0, 1.5, 0.6, 1.5};
  cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
  cairo_set_line_width(cr, 0.2);
  cairo_set_dash(cr, dash_dot, 4, 0.0);
  cairo_move_to(cr, 0.0, -d.midline_bottom_mm);
  cairo_line_to(cr, 0.0, -d.midline_top_mm);
  cairo_stroke(cr);

  const double dashes[] = {1.5, 1.0};
  cairo_set_dash(cr, dashes, 2, 0.0);
  cairo_set_line_width(cr, 0.25);
  for (const Polyline& line : d.transition_edges)
    stroke_polyline(cr, line);
  cairo_set_dash(cr, nullptr, 0, 0.0);

  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.5);
  for (const Polyline& line : d.hairline)
    stroke_polyline(cr, line);

  set_font(cr, 2.6);
  cairo_set_line_width(cr, 0.25);
  for (const StencilTick& t : d.ticks) {
    const double x = t.at_mm.x, y = -t.at_mm.y;
    cairo_move_to(cr, x - 2.0, y);
    cairo_line_to(cr, x + 2.0, y);
    cairo_move_to(cr, x, y - 2.0);
    cairo_line_to(cr, x, y + 2.0);
    cairo_stroke(cr);
    text_at(cr, x + 2.5, y - 1.2, t.label);
  }
}

void draw_alignment_mark(cairo_t* cr, double x, double y, const std::string& name)
{
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.15);
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, 3.0, 0.0, 2 * std::numbers::pi);
  cairo_move_to(cr, x - 5.0, y);
  cairo_line_to(cr, x + 5.0, y);
  cairo_move_to(cr, x, y - 5.0);
  cairo_line_to(cr, x, y + 5.0);
  cairo_stroke(cr);
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, 1.2, 0.0, 2 * std::numbers::pi);
  cairo_fill(cr);
  set_font(cr, 3.0, true);
  text_at(cr, x + 5.5, y - 3.5, name);
}

// The title block and the scale bar, in page millimetres, its top-left corner at (x, y).
void draw_title_block(cairo_t* cr, double x, double y, double width, const StencilTitle& t, const std::string& page_note)
{
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.3);
  cairo_rectangle(cr, x, y, width, title_height_mm);
  cairo_stroke(cr);
  double line = y + 5.5;
  set_font(cr, 3.6, true);
  text_at(cr, x + 3, line, "SMP hairline stencil, 1:1 - print at actual size (100%, no fit to page)");
  set_font(cr, 2.8);
  line += 5.0;
  text_at(cr, x + 3, line, "Client: " + t.client_reference + "    Date: " + t.date + "    Preset: " + t.preset);
  line += 4.2;
  text_at(cr, x + 3, line, "Scale: " + t.scale_source);
  for (const std::string& m : t.measurements) {
    line += 4.2;
    text_at(cr, x + 3, line, m);
  }
  set_font(cr, 2.4);
  text_at(cr, x + 3, y + title_height_mm - 11.5, page_note);

  // The scale bar: one solid bar so that a ruler (or a test) can measure it end to end.
  const double bar_x = x + 3, bar_y = y + title_height_mm - 8.0;
  cairo_rectangle(cr, bar_x, bar_y, scale_bar_mm, 2.5);
  cairo_fill(cr);
  cairo_set_line_width(cr, 0.15);
  for (int mm = 0; mm <= 100; mm += 10) {
    cairo_move_to(cr, bar_x + mm, bar_y + 2.5);
    cairo_line_to(cr, bar_x + mm, bar_y + (mm % 50 == 0 ? 4.5 : 3.5));
  }
  cairo_stroke(cr);
  set_font(cr, 2.4);
  text_at(cr, bar_x + scale_bar_mm + 3, bar_y + 2.3, "100 mm: measure this bar to check the print. Grid: 10 mm.");
}

// A hairline is a few hundred millimetres long; metres mean a wrong scale, not a bigger sheet.
bool of_sensible_size(const Box& box, std::string& problem)
{
  constexpr double largest_mm = 2000.0;
  if (std::isfinite(box.width) && std::isfinite(box.height) && box.width <= largest_mm && box.height <= largest_mm)
    return true;
  gchar* text = g_strdup_printf(_("the drawing would be %.0f x %.0f mm: check the image's scale (SMP Calibrate Scale)"),
                                box.width, box.height);
  problem = text;
  g_free(text);
  return false;
}

bool finished(cairo_surface_t* surface, std::string& problem)
{
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    problem = cairo_status_to_string(status);
    return false;
  }
  return true;
}

}  // namespace

bool write_stencil_pdf(const std::string& file, Paper paper, const StencilDrawing& drawing, const StencilTitle& title,
                       StencilPages& pages, std::string& problem)
{
  const PaperSize size = paper_size(paper);
  const double area_width = size.width_mm - 2 * margin_mm;
  const double area_height = size.height_mm - 2 * margin_mm - title_height_mm - title_gap_mm;
  const Box box = content_box(drawing);
  if (!of_sensible_size(box, problem))
    return false;
  auto tiles = [](double extent, double area) {
    return extent <= area ? 1 : static_cast<int>(std::ceil((extent - tile_overlap_mm) / (area - tile_overlap_mm)));
  };
  pages.columns = tiles(box.width, area_width);
  pages.rows = tiles(box.height, area_height);
  const double step_x = area_width - tile_overlap_mm, step_y = area_height - tile_overlap_mm;
  // The drawing window of each tile, in drawing coordinates; a single tile is centred.
  auto window_left = [&](int column) {
    return pages.columns == 1 ? box.left + 0.5 * (box.width - area_width) : box.left + column * step_x;
  };
  auto window_top = [&](int row) {
    return pages.rows == 1 ? box.top + 0.5 * (box.height - area_height) : box.top + row * step_y;
  };

  // Marks in the middle of every overlap strip, shared by the two tiles on either side.
  struct Mark {
    double x, y;
    std::string name;
  };
  std::vector<Mark> marks;
  for (int row = 0; row < pages.rows; ++row)
    for (int column = 0; column + 1 < pages.columns; ++column)
      marks.push_back({box.left + (column + 1) * step_x + 0.5 * tile_overlap_mm, window_top(row) + 0.5 * area_height, ""});
  for (int row = 0; row + 1 < pages.rows; ++row)
    for (int column = 0; column < pages.columns; ++column)
      marks.push_back({window_left(column) + 0.5 * area_width, box.top + (row + 1) * step_y + 0.5 * tile_overlap_mm, ""});
  for (std::size_t i = 0; i < marks.size(); ++i)
    marks[i].name = "M" + std::to_string(i + 1);
  pages.alignment_marks = static_cast<int>(marks.size());

  cairo_surface_t* surface =
      cairo_pdf_surface_create(file.c_str(), size.width_mm * pt_per_mm, size.height_mm * pt_per_mm);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "SMP hairline stencil (1:1)");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "gimp-smp");
  cairo_t* cr = cairo_create(surface);
  const int page_count = pages.columns * pages.rows;
  for (int row = 0; row < pages.rows; ++row)
    for (int column = 0; column < pages.columns; ++column) {
      const double left = window_left(column), top = window_top(row);
      cairo_save(cr);
      cairo_scale(cr, pt_per_mm, pt_per_mm);
      cairo_rectangle(cr, margin_mm, margin_mm, area_width, area_height);
      cairo_clip(cr);
      cairo_translate(cr, margin_mm - left, margin_mm - top);
      draw_content(cr, drawing, box);
      std::string shared;
      for (const Mark& m : marks)
        if (m.x >= left && m.x <= left + area_width && m.y >= top && m.y <= top + area_height) {
          draw_alignment_mark(cr, m.x, m.y, m.name);
          shared += (shared.empty() ? "" : ", ") + m.name;
        }
      cairo_restore(cr);

      cairo_save(cr);
      cairo_scale(cr, pt_per_mm, pt_per_mm);
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_set_line_width(cr, 0.2);
      cairo_rectangle(cr, margin_mm, margin_mm, area_width, area_height);
      cairo_stroke(cr);
      std::string note = "Page " + std::to_string(row * pages.columns + column + 1) + " of " +
                         std::to_string(page_count) + " (column " + std::to_string(column + 1) + " of " +
                         std::to_string(pages.columns) + ", row " + std::to_string(row + 1) + " of " +
                         std::to_string(pages.rows) + ")";
      if (!shared.empty())
        note += ": lay the pages over each other so that the marks " + shared + " coincide";
      draw_title_block(cr, margin_mm, size.height_mm - margin_mm - title_height_mm, area_width, title, note);
      cairo_restore(cr);
      cairo_show_page(cr);
    }
  cairo_destroy(cr);
  return finished(surface, problem);
}

bool write_stencil_svg(const std::string& file, const StencilDrawing& drawing, const StencilTitle& title,
                       std::string& problem)
{
  const Box box = content_box(drawing);
  if (!of_sensible_size(box, problem))
    return false;
  const double title_width = 190.0;
  const double width = std::max(box.width, title_width) + 2 * margin_mm;
  const double height = box.height + title_gap_mm + title_height_mm + 2 * margin_mm;
  // One user unit is a millimetre and the document says so: an editor or a cutter sees the true size.
  cairo_surface_t* surface = cairo_svg_surface_create(file.c_str(), width, height);
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_MM);
  cairo_t* cr = cairo_create(surface);
  cairo_save(cr);
  cairo_translate(cr, margin_mm - box.left, margin_mm - box.top);
  draw_content(cr, drawing, box);
  cairo_restore(cr);
  draw_title_block(cr, margin_mm, margin_mm + box.height + title_gap_mm, title_width, title, "One sheet, whole drawing");
  cairo_destroy(cr);
  return finished(surface, problem);
}

}  // namespace smp_deliverables
