#include "deliverables/label_overlay.hpp"

#include <pango/pangocairo.h>

#include <algorithm>

namespace smp_deliverables {
namespace {

// Text on a dark, translucent box: readable on light skin and dark hair alike.
void draw_label(cairo_t* cr, PangoLayout* layout, const std::string& text, double x, double y, bool right, bool bottom,
                double pad)
{
  pango_layout_set_text(layout, text.c_str(), -1);
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  const double box_w = w + 2 * pad, box_h = h + 2 * pad;
  const double left = right ? x - box_w : x, top = bottom ? y - box_h : y;
  cairo_set_source_rgba(cr, 0, 0, 0, 0.62);
  cairo_rectangle(cr, left, top, box_w, box_h);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_move_to(cr, left + pad, top + pad);
  pango_cairo_show_layout(cr, layout);
}

PangoLayout* layout_for(cairo_t* cr, const std::string& font, double px)
{
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* description = pango_font_description_from_string(font.c_str());
  pango_font_description_set_absolute_size(description, std::max(px, 4.0) * PANGO_SCALE);
  pango_layout_set_font_description(layout, description);
  pango_font_description_free(description);
  return layout;
}

}  // namespace

double disclosure_height(const Overlay& overlay)
{
  return overlay.disclosure.empty() ? 0.0 : 0.8 * overlay.font_px * 1.25 + 2 * 0.35 * overlay.font_px;
}

std::vector<std::uint32_t> render_overlay(const Overlay& o)
{
  std::vector<std::uint32_t> pixels(static_cast<std::size_t>(o.width) * o.height, 0u);
  cairo_surface_t* surface = cairo_image_surface_create_for_data(reinterpret_cast<unsigned char*>(pixels.data()),
                                                                 CAIRO_FORMAT_ARGB32, o.width, o.height, o.width * 4);
  cairo_t* cr = cairo_create(surface);
  if (o.divider.size() == 4) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, std::max(2.0, o.font_px / 8));
    cairo_move_to(cr, o.divider[0], o.divider[1]);
    cairo_line_to(cr, o.divider[2], o.divider[3]);
    cairo_stroke(cr);
  }
  const double pad = 0.35 * o.font_px;
  PangoLayout* layout = layout_for(cr, o.font, o.font_px);
  for (const PanelLabel& l : o.labels)
    draw_label(cr, layout, l.text, l.x, l.y, l.right, l.bottom, pad);
  g_object_unref(layout);
  if (!o.disclosure.empty()) {
    const double banner = disclosure_height(o);
    cairo_set_source_rgba(cr, 0, 0, 0, 0.75);
    cairo_rectangle(cr, 0, o.height - banner, o.width, banner);
    cairo_fill(cr);
    PangoLayout* small = layout_for(cr, o.font, 0.8 * o.font_px);
    pango_layout_set_text(small, o.disclosure.c_str(), -1);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(small, &w, &h);
    if (w > 0.95 * o.width) {  // a narrow image: smaller, but the whole sentence
      g_object_unref(small);
      small = layout_for(cr, o.font, 0.8 * o.font_px * 0.95 * o.width / w);
      pango_layout_set_text(small, o.disclosure.c_str(), -1);
      pango_layout_get_pixel_size(small, &w, &h);
    }
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_move_to(cr, 0.5 * (o.width - w), o.height - 0.5 * (banner + h));
    pango_cairo_show_layout(cr, small);
    g_object_unref(small);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pixels;
}

}  // namespace smp_deliverables
