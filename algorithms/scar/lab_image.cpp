#include "scar/lab_image.hpp"

#include "scar/lab_colour.hpp"

namespace smp {

LabImage lab_image_from_srgb(const std::vector<float>& rgb, int width, int height)
{
  LabImage image{width, height, std::vector<float>(static_cast<std::size_t>(width) * height * 4)};
  for (std::size_t i = 0; i < static_cast<std::size_t>(width) * height; ++i) {
    const Lab lab = lab_from_srgb(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
    image.lab_alpha[4 * i] = static_cast<float>(lab.L);
    image.lab_alpha[4 * i + 1] = static_cast<float>(lab.a);
    image.lab_alpha[4 * i + 2] = static_cast<float>(lab.b);
    image.lab_alpha[4 * i + 3] = 1.0f;
  }
  return image;
}

}  // namespace smp
