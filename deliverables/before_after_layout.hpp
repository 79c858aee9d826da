// Where the before/after puts its two views, its divider and its labels: one geometry for the
// image Before/After makes and for the picture its dialog previews (no GIMP types).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "deliverables/label_overlay.hpp"

namespace smp_deliverables {

enum class BeforeAfterLayout { side_by_side, stacked, split_vertical, split_diagonal };
enum class LabelCorner { top_left, top_right, bottom_left, bottom_right };

struct BeforeAfterChoices {
  BeforeAfterLayout layout = BeforeAfterLayout::side_by_side;
  LabelCorner corner = LabelCorner::top_left;
  double split = 0.5;    // split layouts: where the divider crosses the middle, 0 left to 1 right
  double font_px = 0.0;  // 0: 4.5% of the photo's smaller side
  std::string font;      // a Pango font name
  std::string before_label, after_label;
  std::string disclosure;  // the visible banner; empty: none
};

// The views of a w x h photo put together.
struct BeforeAfterGeometry {
  int width = 0, height = 0;
  int after_x = 0, after_y = 0;     // where the after view's top-left corner goes (the before's is 0, 0)
  std::vector<double> after_side;   // split layouts: the polygon (x, y, ...) the after view shows in
  Overlay overlay;                  // labels, divider and disclosure over the whole
};

BeforeAfterGeometry before_after_geometry(const BeforeAfterChoices& choices, int w, int h);

// The before/after as RGB u8 pixels (geometry.width x geometry.height) from the two views'
// RGB u8 pixels (w x h each): what the dialog previews, at the preview's size.
std::vector<std::uint8_t> before_after_pixels(const BeforeAfterGeometry& geometry, const std::vector<std::uint8_t>& before,
                                              const std::vector<std::uint8_t>& after, int w, int h);

}  // namespace smp_deliverables
