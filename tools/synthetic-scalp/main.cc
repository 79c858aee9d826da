// smp-synthetic-scalp OUT.png [SEED [MEGAPIXELS]]: writes the project's own top-view test head, and
// prints its scale, bald area and outline as "px_per_mm=... ellipse=x,y,w,h head=x,y,w,h" for the
// demo. MEGAPIXELS (default 1.92) sizes a 4:3 photo with the head framed as at the default size,
// the scale growing with the width, as a camera closer up: the speed benchmark's photos.
#include <gegl.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "png_writer.hpp"
#include "synthetic/synthetic_scalp.hpp"

int main(int argc, char** argv)
{
  if (argc < 2 || argc > 4) {
    std::fprintf(stderr, "usage: %s OUT.png [SEED [MEGAPIXELS]]\n", argv[0]);
    return 2;
  }
  smp::SyntheticScalpSpec spec;
  if (argc >= 3)
    spec.seed = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10));
  if (argc == 4) {
    const double megapixels = std::atof(argv[3]);
    if (!(megapixels >= 0.1 && megapixels <= 100.0)) {
      std::fprintf(stderr, "%s: MEGAPIXELS %s is not a size from 0.1 to 100\n", argv[0], argv[3]);
      return 2;
    }
    const double default_width = spec.width_px;
    spec.width_px = static_cast<int>(std::lround(std::sqrt(megapixels * 1e6 * 4.0 / 3.0)));
    spec.height_px = static_cast<int>(std::lround(spec.width_px * 0.75));
    spec.px_per_mm *= spec.width_px / default_width;
  }
  const smp::SyntheticScalp scalp = smp::synthetic_scalp_top_view(spec);

  gegl_init(nullptr, nullptr);
  smp_tools::write_rgb_png(argv[1], scalp.rgb, scalp.width, scalp.height);
  gegl_exit();

  const smp::Ellipse& e = scalp.bald_area;
  const smp::Ellipse& h = scalp.head;
  std::printf("px_per_mm=%g ellipse=%d,%d,%d,%d head=%d,%d,%d,%d\n", spec.px_per_mm,
              static_cast<int>(e.centre_x - e.radius_x), static_cast<int>(e.centre_y - e.radius_y),
              static_cast<int>(2 * e.radius_x), static_cast<int>(2 * e.radius_y), static_cast<int>(h.centre_x - h.radius_x),
              static_cast<int>(h.centre_y - h.radius_y), static_cast<int>(2 * h.radius_x), static_cast<int>(2 * h.radius_y));
  return 0;
}
