#include "image_scale.hpp"

#include <cmath>
#include <cstdlib>

#include "procedures.hpp"
#include "text_parasite.hpp"

namespace smp_plugin {

double px_per_mm_of(GimpImage* image)
{
  constexpr double mm_per_inch = 25.4;
  double x_dpi = 0.0, y_dpi = 0.0;
  gimp_image_get_resolution(image, &x_dpi, &y_dpi);
  return 0.5 * (x_dpi + y_dpi) / mm_per_inch;
}

std::string unusable_for_simulation(GimpImage* image)
{
  const int width = gimp_image_get_width(image), height = gimp_image_get_height(image);
  if (width < ScaleLimits::image_min_px || height < ScaleLimits::image_min_px)
    return formatted(_("the image is %d x %d px: a photo of the head needs at least %d px each way"), width, height,
                     ScaleLimits::image_min_px);
  const double px_per_mm = px_per_mm_of(image);
  if (!(px_per_mm >= ScaleLimits::plausible_min_px_per_mm && px_per_mm <= ScaleLimits::plausible_max_px_per_mm))
    return formatted(_("the image's resolution gives %.4g px/mm, outside what a photo of a head can have (%.1f to "
                       "%.0f): set the scale with SMP Calibrate Scale (a ruler or the pupils in the photo) or Image > "
                       "Print Size"),
                     px_per_mm, ScaleLimits::plausible_min_px_per_mm, ScaleLimits::plausible_max_px_per_mm);
  return "";
}

namespace {

constexpr const char* scale_parasite = "smp-scale-source";

}  // namespace

void record_scale_source(GimpImage* image, const std::string& how)
{
  // "<px per mm>\n<how>": a later change of resolution makes the record stale.
  attach_text(image, scale_parasite, std::to_string(px_per_mm_of(image)) + "\n" + how);
}

std::string calibrated_scale_source(GimpImage* image)
{
  const std::string text = attached_text(image, scale_parasite);
  const auto newline = text.find('\n');
  if (newline == std::string::npos)
    return "";
  const double recorded = std::strtod(text.substr(0, newline).c_str(), nullptr);
  const double now = px_per_mm_of(image);
  if (!(std::abs(recorded - now) <= 1e-4 * now))
    return "";
  return text.substr(newline + 1);
}

std::string scale_source_of(GimpImage* image)
{
  const std::string calibrated = calibrated_scale_source(image);
  if (!calibrated.empty())
    return calibrated;
  double x_dpi = 0.0, y_dpi = 0.0;
  gimp_image_get_resolution(image, &x_dpi, &y_dpi);
  char text[96];
  g_snprintf(text, sizeof text, "the image's resolution, %.0f ppi (not calibrated in SMP)", 0.5 * (x_dpi + y_dpi));
  return text;
}

std::string never_calibrated_warning(GimpImage* image)
{
  if (!calibrated_scale_source(image).empty())
    return "";
  double x_dpi = 0.0, y_dpi = 0.0;
  gimp_image_get_resolution(image, &x_dpi, &y_dpi);
  constexpr double default_ppi[] = {72.0, 96.0, 150.0, 180.0, 240.0, 300.0, 350.0, 360.0, 600.0};
  bool a_default = false;
  for (const double ppi : default_ppi)
    a_default = a_default || (std::abs(x_dpi - ppi) < 0.01 && std::abs(y_dpi - ppi) < 0.01);
  if (!a_default)
    return "";
  return formatted(_("The scale of this photo was never set: its resolution, %.0f ppi (%.2f px/mm), is a camera's or "
                     "editor's default, so the dots are drawn at a size the photo does not have. Set the scale with "
                     "Filters > Render > SMP > SMP Calibrate Scale (a path along a ruler, or between the pupils) and "
                     "run again."),
                   x_dpi, px_per_mm_of(image));
}

}  // namespace smp_plugin
