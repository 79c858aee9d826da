// smp:scar-mask: a soft mask of scar tissue on a photo of the scalp (paler, less coloured,
// smoother and without follicles compared with the scalp around it), at the photo's physical
// scale; an optional rough region on the aux pad limits where scars are looked for.
#include <glib/gi18n-lib.h>

#include "scar/scar_mask.hpp"

#define SMP_DEFAULT(member) (smp::ScarMaskSettings{}.member)
#define SMP_LIMIT(name) (smp::ScarMaskLimits::name)

#ifdef GEGL_PROPERTIES

enum_start (smp_scar_kind)
  enum_value (SMP_SCAR_ANY, "any", N_("Any"))
  enum_value (SMP_SCAR_LINEAR, "linear", N_("Linear (FUT strip)"))
  enum_value (SMP_SCAR_DOTS, "dots", N_("Dots (FUE punches)"))
  enum_value (SMP_SCAR_AREA, "area", N_("Area (burn, surgery, scarring alopecia)"))
enum_end (SmpScarKind)

property_double (px_per_mm, _("Scale (pixels per mm)"), SMP_DEFAULT(px_per_mm))
  description (_("Image pixels per millimetre on the scalp; the plug-in takes it from the image resolution"))
  value_range (SMP_LIMIT(px_per_mm_min), SMP_LIMIT(px_per_mm_max))
  ui_range (2.0, 60.0)

property_enum (kind, _("Scar kind"), SmpScarKind, smp_scar_kind, SMP_SCAR_ANY)
  description (_("Linear: a FUT strip 1-15 mm wide and at least 1 cm long; dots: round FUE punches 0.6-1.2 mm; area: patches from burns, surgery or scarring alopecia; any: all of them"))

property_double (sensitivity, _("Sensitivity"), SMP_DEFAULT(sensitivity))
  description (_("0 finds only the clearest scars, 1 fainter ones too (and more false ones)"))
  value_range (0.0, 1.0)

property_double (feather, _("Feather (mm)"), SMP_DEFAULT(feather_mm))
  description (_("Width of the mask's soft edge outside the scar, in millimetres"))
  value_range (0.0, SMP_LIMIT(feather_max))
  ui_range (0.0, 3.0)

#else

#define GEGL_OP_COMPOSER
#define GEGL_OP_NAME     scar_mask
#define GEGL_OP_C_SOURCE scar-mask.cc

#include "gegl-op.h"

#include "common/op_class.hpp"
#include "scar-mask.hpp"

#include <vector>

namespace {

smp::ScarMaskSettings settings_of(GeglOperation* operation, int level)
{
  smp::ScarMaskSettings s = smp_filters::scar_mask::settings_of(G_OBJECT(operation));
  s.px_per_mm /= 1 << level;
  return s;
}

const Babl* mask_format(GeglOperation* operation)
{
  return babl_format_with_space("Y'A float", gegl_operation_get_source_space(operation, "input"));
}

}  // namespace

static void prepare(GeglOperation* operation)
{
  const Babl* space = gegl_operation_get_source_space(operation, "input");
  gegl_operation_set_format(operation, "input", babl_format_with_space("CIE Lab alpha float", space));
  gegl_operation_set_format(operation, "aux", mask_format(operation));
  gegl_operation_set_format(operation, "output", mask_format(operation));
}

static gboolean process(GeglOperation* operation, GeglBuffer* input, GeglBuffer* aux, GeglBuffer* output,
                        const GeglRectangle* result, gint level)
{
  const GeglRectangle area = *result;
  if (area.width <= 0 || area.height <= 0)
    return TRUE;
  const Babl* format = mask_format(operation);
  try {
    smp::LabImage photo{area.width, area.height, std::vector<float>(static_cast<std::size_t>(area.width) * area.height * 4)};
    gegl_buffer_get(input, &area, 1.0 / (1 << level), gegl_operation_get_format(operation, "input"),
                    photo.lab_alpha.data(), GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
    smp::Plane region;
    if (aux) {
      std::vector<float> grey_alpha(static_cast<std::size_t>(area.width) * area.height * 2);
      gegl_buffer_get(aux, &area, 1.0 / (1 << level), format, grey_alpha.data(), GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
      region = smp::Plane(area.width, area.height);
      for (std::size_t i = 0; i < region.values.size(); ++i)
        region.values[i] = grey_alpha[2 * i] * grey_alpha[2 * i + 1];
    }
    const smp::Plane mask = smp::scar_mask(photo, aux ? &region : nullptr, settings_of(operation, level));
    std::vector<float> grey_alpha(mask.values.size() * 2);
    for (std::size_t i = 0; i < mask.values.size(); ++i) {
      grey_alpha[2 * i] = mask.values[i];
      grey_alpha[2 * i + 1] = 1.0f;
    }
    gegl_buffer_set(output, &area, level, format, grey_alpha.data(), GEGL_AUTO_ROWSTRIDE);
  } catch (...) {
    smp_filters::show_failure(output, &area, "black", "smp:scar-mask: out of memory or internal error; no scar is marked");
  }
  return TRUE;
}

static void gegl_op_class_init(GeglOpClass* klass)
{
  GeglOperationClass* operation_class = GEGL_OPERATION_CLASS(klass);
  GeglOperationComposerClass* composer_class = GEGL_OPERATION_COMPOSER_CLASS(klass);

  operation_class->prepare = prepare;
  // The mask at any pixel depends on the whole photo (a scar's shape decides whether it is kept):
  // the op computes the whole input at once, bounded by the detector's own working scale.
  smp_filters::use_whole_input(operation_class);
  composer_class->process = process;

  smp_filters::set_keys(operation_class, smp_filters::scar_mask::operation, _("SMP Scar Mask"), _("Scar Mask..."),
                        _("Finds scar tissue on a photo of the scalp: skin paler, less coloured, smoother and without "
                          "follicles compared with the scalp around it, at the photo's physical scale. White where there "
                          "is scar, with a soft edge. The aux input, if given, is a rough region to look in."));
}

#endif
