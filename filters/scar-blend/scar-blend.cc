// smp:scar-blend: the photo with the scar (the aux mask) toned to the skin around it: its
// local colour mean and spread in L*a*b* matched to a ring of skin outside the mask, its fine
// texture kept, its edge feathered inwards. Where the mask is 0 the input passes bit for bit.
#include <glib/gi18n-lib.h>

#include "scar/scar_blend.hpp"

#define SMP_DEFAULT(member) (smp::ScarBlendSettings{}.member)
#define SMP_LIMIT(name) (smp::ScarBlendLimits::name)

#ifdef GEGL_PROPERTIES

property_double (px_per_mm, _("Scale (pixels per mm)"), SMP_DEFAULT(px_per_mm))
  description (_("Image pixels per millimetre on the scalp; the plug-in takes it from the image resolution"))
  value_range (SMP_LIMIT(px_per_mm_min), SMP_LIMIT(px_per_mm_max))
  ui_range (2.0, 60.0)

property_double (ring_width, _("Skin ring (mm)"), SMP_DEFAULT(ring_width_mm))
  description (_("How far out from the scar the skin taken as reference reaches, in millimetres"))
  value_range (SMP_LIMIT(ring_min), SMP_LIMIT(ring_max))
  ui_range (0.5, 10.0)

property_double (feather, _("Feather (mm)"), SMP_DEFAULT(feather_mm))
  description (_("The blend fades in over this distance inside the mask's edge, in millimetres"))
  value_range (0.0, SMP_LIMIT(feather_max))
  ui_range (0.0, 3.0)

property_double (texture, _("Texture"), SMP_DEFAULT(texture))
  description (_("1 gives the scar the fine contrast of the skin around it, 0 a flat tone"))
  value_range (0.0, 1.0)

#else

#define GEGL_OP_COMPOSER
#define GEGL_OP_NAME     scar_blend
#define GEGL_OP_C_SOURCE scar-blend.cc

#include "gegl-op.h"

#include "common/op_class.hpp"
#include "scar-blend.hpp"

#include <vector>

namespace {

smp::ScarBlendSettings settings_of(GeglOperation* operation, int level)
{
  smp::ScarBlendSettings s = smp_filters::scar_blend::settings_of(G_OBJECT(operation));
  s.px_per_mm /= 1 << level;
  return s;
}

const Babl* pixel_format(GeglOperation* operation)
{
  return babl_format_with_space("RGBA float", gegl_operation_get_source_space(operation, "input"));
}

}  // namespace

static void prepare(GeglOperation* operation)
{
  const Babl* space = gegl_operation_get_source_space(operation, "input");
  gegl_operation_set_format(operation, "input", pixel_format(operation));
  gegl_operation_set_format(operation, "aux", babl_format_with_space("Y'A float", space));
  gegl_operation_set_format(operation, "output", pixel_format(operation));
}

static gboolean process(GeglOperation* operation, GeglBuffer* input, GeglBuffer* aux, GeglBuffer* output,
                        const GeglRectangle* result, gint level)
{
  const GeglRectangle area = *result;
  if (area.width <= 0 || area.height <= 0)
    return TRUE;
  const Babl* rgba_format = pixel_format(operation);
  const Babl* lab_format = babl_format("CIE Lab alpha float");
  const std::size_t n = static_cast<std::size_t>(area.width) * area.height;
  std::vector<float> rgba(n * 4);
  gegl_buffer_get(input, &area, 1.0 / (1 << level), rgba_format, rgba.data(), GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
  try {
    if (aux) {
      std::vector<float> grey_alpha(n * 2);
      gegl_buffer_get(aux, &area, 1.0 / (1 << level), gegl_operation_get_format(operation, "aux"), grey_alpha.data(),
                      GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
      smp::Plane mask(area.width, area.height);
      for (std::size_t i = 0; i < n; ++i)
        mask.values[i] = grey_alpha[2 * i] * grey_alpha[2 * i + 1];
      smp::LabImage photo{area.width, area.height, std::vector<float>(n * 4)};
      babl_process(babl_fish(rgba_format, lab_format), rgba.data(), photo.lab_alpha.data(), static_cast<long>(n));
      const smp::Plane applied = smp::scar_blend(photo, mask, settings_of(operation, level));
      const Babl* back = babl_fish(lab_format, rgba_format);
      for (std::size_t i = 0; i < n; ++i)
        if (applied.values[i] > 0.0f) {  // elsewhere the input's own bits stay
          const float alpha = rgba[4 * i + 3];
          babl_process(back, &photo.lab_alpha[4 * i], &rgba[4 * i], 1);
          rgba[4 * i + 3] = alpha;
        }
    }
  } catch (...) {
    g_warning("smp:scar-blend: out of memory or internal error; the photo passes unchanged");
  }
  gegl_buffer_set(output, &area, level, rgba_format, rgba.data(), GEGL_AUTO_ROWSTRIDE);
  return TRUE;
}

static void gegl_op_class_init(GeglOpClass* klass)
{
  GeglOperationClass* operation_class = GEGL_OPERATION_CLASS(klass);
  GeglOperationComposerClass* composer_class = GEGL_OPERATION_COMPOSER_CLASS(klass);

  operation_class->prepare = prepare;
  // The ring statistics reach a centimetre or more around each scar: the op works on the whole
  // input at once (bounded in memory by the blend's coarse statistics grid).
  smp_filters::use_whole_input(operation_class);
  composer_class->process = process;

  smp_filters::set_keys(operation_class, smp_filters::scar_blend::operation, _("SMP Scar Blend"), _("Scar Blend..."),
                        _("Tones a scar to the skin around it: the aux input is the scar mask (white is scar). Inside it "
                          "the colour's local mean and spread in L*a*b* are matched to a ring of skin just outside, the "
                          "fine texture is kept and the edge feathered. Where the mask is black the photo is unchanged."),
                        "enhance:smp");
}

#endif
