// A rectangle of pixels at the render's level, and the RGBA float image that covers it.
#pragma once

namespace smp {

struct PixelRect {
  int x, y, width, height;
};

}  // namespace smp
