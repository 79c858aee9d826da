// smp:hairline-mask: a grey density map from SVG path data: full density on the hair side of
// an open path (left of its drawing direction on screen) or inside a closed one, and a ramp
// across the transition zone, for the stipple filter to turn into dots.
#include <glib/gi18n-lib.h>

#include "hairline/hairline_mask.hpp"

#define SMP_DEFAULT(member) (smp::HairlineMaskSettings{}.member)
#define SMP_LIMIT(name) (smp::HairlineMaskLimits::name)

#ifdef GEGL_PROPERTIES

enum_start (smp_ramp_profile)
  enum_value (SMP_RAMP_LINEAR, "linear", N_("Linear"))
  enum_value (SMP_RAMP_SMOOTH, "smooth", N_("Smooth"))
  enum_value (SMP_RAMP_FEATHERED, "feathered", N_("Feathered"))
enum_end (SmpRampProfile)

property_string (d, _("Path (SVG data)"), "")
  description (_("The hairline as SVG path data in image pixels. Open: hair lies left of the drawing direction (draw a front hairline from left to right). Closed: hair inside."))

property_double (px_per_mm, _("Scale (pixels per mm)"), SMP_DEFAULT(px_per_mm))
  description (_("Image pixels per millimetre; the plug-in takes it from the image resolution"))
  value_range (SMP_LIMIT(px_per_mm_min), SMP_LIMIT(px_per_mm_max))
  ui_range (2.0, 60.0)

property_double (transition_width, _("Transition width (mm)"), SMP_DEFAULT(transition_width_mm))
  description (_("Width of the transition zone, from 90% to 10% of full density; natural hairlines take 5-10 mm"))
  value_range (SMP_LIMIT(transition_min), SMP_LIMIT(transition_max))
  ui_range (1.0, 20.0)

property_enum (profile, _("Ramp profile"), SmpRampProfile, smp_ramp_profile, SMP_RAMP_SMOOTH)
  description (_("How density rises across the transition zone"))

property_double (micro_irregularity, _("Micro-irregularity"), SMP_DEFAULT(micro_irregularity))
  description (_("Denser and sparser spots at the millimetre scale, and stray single hairs ahead of the line"))
  value_range (0.0, 1.0)

property_double (macro_irregularity, _("Macro-irregularity (mm)"), SMP_DEFAULT(macro_irregularity_mm))
  description (_("How far the line undulates to either side"))
  value_range (0.0, SMP_LIMIT(macro_max))

property_double (macro_wavelength, _("Undulation wavelength (mm)"), SMP_DEFAULT(macro_wavelength_mm))
  description (_("Length of one undulation along the line"))
  value_range (SMP_LIMIT(wavelength_min), SMP_LIMIT(wavelength_max))

property_seed (seed, _("Random seed"), rand)

#else

#define GEGL_OP_SOURCE
#define GEGL_OP_NAME     hairline_mask
#define GEGL_OP_C_SOURCE hairline-mask.cc

#include "gegl-op.h"

#include "common/regions.hpp"
#include "common/op_class.hpp"
#include "hairline-mask.hpp"

#include <string>
#include <vector>

namespace {

constexpr int band_rows = 128;

// Says once per path text (GEGL renders region by region) what became of it.
void warn_once(const std::string& data, const std::string& message)
{
  static GMutex warned_lock;
  static std::string warned;
  g_mutex_lock(&warned_lock);
  const bool again = warned == data;
  warned = data;
  g_mutex_unlock(&warned_lock);
  if (!again)
    g_warning("smp:hairline-mask: %s", message.c_str());
}

// The path, or an empty one after saying why it was refused.
smp::Path path_of(const std::string& data)
{
  if (data.find_first_not_of(" \t\r\n") == std::string::npos)
    return {};
  smp::PathError error;
  if (auto path = smp::parse_svg_path(data, &error))
    return *path;
  warn_once(data, "the path data is refused at character " + std::to_string(error.position) + ": " + error.message +
                      ". No density is drawn; give SVG path data such as \"M 100 400 C 300 300 500 300 700 400\".");
  return {};
}

}  // namespace

static void prepare(GeglOperation* operation)
{
  const Babl* space = gegl_operation_get_source_space(operation, "input");
  gegl_operation_set_format(operation, "output", babl_format_with_space("Y'A float", space));
}

static GeglRectangle get_bounding_box(GeglOperation*)
{
  return gegl_rectangle_infinite_plane();
}

static gboolean process(GeglOperation* operation, GeglBuffer* output, const GeglRectangle* result, gint level)
{
  level = smp_filters::clamped_level(level);
  const GeglRectangle region = smp_filters::region_at_level(*result, level);
  if (region.width <= 0 || region.height <= 0)
    return TRUE;
  const Babl* format = gegl_operation_get_format(operation, "output");
  try {
    const auto properties = smp_filters::hairline_mask::properties_of(G_OBJECT(operation));
    const smp::HairlineMask mask(path_of(properties.d), properties.settings, level);
    if (mask.path_simplified())
      warn_once(properties.d, "the path has more than " + std::to_string(smp::PathLimits::max_flattened_points) +
                          " points once its curves are flattened; they are drawn coarser.");
    std::vector<float> density, grey_alpha;
    for (int y = region.y; y < region.y + region.height; y += band_rows) {
      const GeglRectangle band{region.x, y, region.width, std::min(band_rows, region.y + region.height - y)};
      density.resize(static_cast<std::size_t>(band.width) * band.height);
      mask.render({band.x, band.y, band.width, band.height}, density.data());
      grey_alpha.resize(density.size() * 2);
      for (std::size_t i = 0; i < density.size(); ++i) {
        grey_alpha[2 * i] = density[i];
        grey_alpha[2 * i + 1] = 1.0f;
      }
      gegl_buffer_set(output, &band, level, format, grey_alpha.data(), GEGL_AUTO_ROWSTRIDE);
    }
  } catch (...) {
    smp_filters::show_failure(output, region, level, "black",
                              "smp:hairline-mask: out of memory or internal error; this region shows no density");
  }
  return TRUE;
}

static void gegl_op_class_init(GeglOpClass* klass)
{
  GeglOperationClass* operation_class = GEGL_OPERATION_CLASS(klass);
  GeglOperationSourceClass* source_class = GEGL_OPERATION_SOURCE_CLASS(klass);

  operation_class->prepare = prepare;
  operation_class->get_bounding_box = get_bounding_box;
  operation_class->threaded = TRUE;
  source_class->process = process;

  smp_filters::set_keys(operation_class, smp_filters::hairline_mask::operation, _("SMP Hairline Mask"), _("Hairline Mask..."),
                        _("Density for scalp micropigmentation from a hairline path: white on the hair side, a ramp "
                          "across the transition zone in millimetres, with an undulating line and stray single hairs "
                          "ahead of it. Feed it to SMP Follicle Stipple."));
}

#endif
