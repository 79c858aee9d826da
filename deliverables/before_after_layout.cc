#include "deliverables/before_after_layout.hpp"

#include <algorithm>

namespace smp_deliverables {

BeforeAfterGeometry before_after_geometry(const BeforeAfterChoices& c, int w, int h)
{
  using L = BeforeAfterLayout;
  BeforeAfterGeometry g;
  g.width = c.layout == L::side_by_side ? 2 * w : w;
  g.height = c.layout == L::stacked ? 2 * h : h;
  g.after_x = c.layout == L::side_by_side ? w : 0;
  g.after_y = c.layout == L::stacked ? h : 0;
  Overlay& overlay = g.overlay;
  overlay.width = g.width;
  overlay.height = g.height;
  overlay.font = c.font;
  overlay.font_px = c.font_px > 0 ? c.font_px : std::max(12.0, 0.045 * std::min(w, h));
  overlay.disclosure = c.disclosure;
  const bool split = c.layout == L::split_vertical || c.layout == L::split_diagonal;
  if (split) {
    const double divider_x = std::clamp(c.split, 0.05, 0.95) * w, slant = c.layout == L::split_diagonal ? 0.25 * h : 0.0;
    const double top_x = divider_x + slant, bottom_x = divider_x - slant;
    g.after_side = {top_x, 0, double(w), 0, double(w), double(h), bottom_x, double(h)};
    overlay.divider = {top_x, 0, bottom_x, double(h)};
  }

  // Each label in its own view's corner; on a split, "before" on the left and "after" on the right.
  const double margin = 0.5 * overlay.font_px;
  const bool bottom = c.corner == LabelCorner::bottom_left || c.corner == LabelCorner::bottom_right;
  const bool right = c.corner == LabelCorner::top_right || c.corner == LabelCorner::bottom_right;
  const double banner = disclosure_height(overlay);
  auto label_in = [&](const std::string& text, double x0, double y0, bool at_right) {
    const bool last_row = y0 + h >= g.height;
    const double y = bottom ? y0 + h - margin - (last_row ? banner : 0.0) : y0 + margin;
    overlay.labels.push_back({text, at_right ? x0 + w - margin : x0 + margin, y, at_right, bottom});
  };
  label_in(c.before_label, 0, 0, split ? false : right);
  label_in(c.after_label, g.after_x, g.after_y, split ? true : right);
  return g;
}

std::vector<std::uint8_t> before_after_pixels(const BeforeAfterGeometry& g, const std::vector<std::uint8_t>& before,
                                              const std::vector<std::uint8_t>& after, int w, int h)
{
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(g.width) * g.height * 3, 0);
  if (w <= 0 || h <= 0 || before.size() < std::size_t(w) * h * 3 || after.size() < std::size_t(w) * h * 3)
    return rgb;
  auto put = [&](const std::vector<std::uint8_t>& view, int x, int y, int vx, int vy) {
    std::copy_n(&view[(std::size_t(vy) * w + vx) * 3], 3, &rgb[(std::size_t(y) * g.width + x) * 3]);
  };
  for (int y = 0; y < g.height; ++y)
    for (int x = 0; x < g.width; ++x) {
      if (!g.after_side.empty()) {
        // The divider runs from (top x, 0) to (bottom x, h): right of it is the after view.
        const double t = (y + 0.5) / h;
        const double divider = g.after_side[0] + t * (g.after_side[6] - g.after_side[0]);
        put(x + 0.5 >= divider ? after : before, x, y, x, y);
      } else if (x >= g.after_x && y >= g.after_y) {
        put(after, x, y, x - g.after_x, y - g.after_y);
      } else {
        put(before, x, y, x, y);
      }
    }
  // The overlay is premultiplied ARGB32: over the views.
  const std::vector<std::uint32_t> overlay = render_overlay(g.overlay);
  for (std::size_t i = 0; i < overlay.size() && i * 3 + 2 < rgb.size(); ++i) {
    const std::uint32_t p = overlay[i];
    const unsigned a = p >> 24;
    if (a == 0)
      continue;
    const unsigned channel[3] = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
    for (int k = 0; k < 3; ++k)
      rgb[i * 3 + k] = static_cast<std::uint8_t>(channel[k] + rgb[i * 3 + k] * (255 - a) / 255);
  }
  return rgb;
}

}  // namespace smp_deliverables
