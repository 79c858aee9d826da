#include "image_scale.hpp"

namespace smp_plugin {

double px_per_mm_of(GimpImage* image)
{
  constexpr double mm_per_inch = 25.4;
  double x_dpi = 0.0, y_dpi = 0.0;
  gimp_image_get_resolution(image, &x_dpi, &y_dpi);
  return 0.5 * (x_dpi + y_dpi) / mm_per_inch;
}

}  // namespace smp_plugin
