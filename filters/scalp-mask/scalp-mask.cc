// smp:scalp-mask: where pigment may go on a photo, as a grey density map: white on bare scalp
// skin, black on the background, and black (or a share of full density, for fillers between
// longer hair) on existing hair. Judged from colour in CIE Lab and texture at the millimetre
// scale.
#include <glib/gi18n-lib.h>

#include "scalp/scalp_mask.hpp"

#define SMP_DEFAULT(member) (smp::ScalpMaskSettings{}.member)
#define SMP_LIMIT(name) (smp::ScalpMaskLimits::name)

#ifdef GEGL_PROPERTIES

property_double (px_per_mm, _("Scale (pixels per mm)"), SMP_DEFAULT(px_per_mm))
  description (_("Image pixels per millimetre; the plug-in takes it from the image resolution"))
  value_range (SMP_LIMIT(px_per_mm_min), SMP_LIMIT(px_per_mm_max))
  ui_range (1.0, 60.0)

property_double (hair_density, _("Density over hair"), SMP_DEFAULT(hair_density))
  description (_("Share of full density kept over existing hair: 0 keeps pigment on bare scalp only; a density filler between longer hair keeps some; 1 gives the whole head"))
  value_range (0.0, 1.0)

property_double (sensitivity, _("Sensitivity"), SMP_DEFAULT(sensitivity))
  description (_("How readily a pixel counts as bare scalp: raise it for pale, dark or unevenly lit skin, lower it when pigment reaches the background"))
  value_range (0.0, 1.0)

property_double (feather, _("Feather (mm)"), SMP_DEFAULT(feather_mm))
  description (_("Softness of the mask's edge (Gaussian radius)"))
  value_range (0.0, SMP_LIMIT(feather_max_mm))
  ui_range (0.0, 8.0)

property_double (texture_size, _("Texture window (mm)"), SMP_DEFAULT(texture_mm))
  description (_("Radius over which colour and hair texture are judged; about the length of a hair's visible stub"))
  value_range (SMP_LIMIT(texture_min_mm), SMP_LIMIT(texture_max_mm))

#else

#define GEGL_OP_FILTER
#define GEGL_OP_NAME     scalp_mask
#define GEGL_OP_C_SOURCE scalp-mask.cc

#include "gegl-op.h"

#include "common/regions.hpp"
#include "common/op_class.hpp"
#include "common/pixels.hpp"
#include "scalp-mask.hpp"

#include <algorithm>
#include <vector>

namespace {

constexpr int block_px = 256;

smp::ScalpMaskSettings settings_of(GeglOperation* operation)
{
  return smp_filters::scalp_mask::settings_of(G_OBJECT(operation));
}

// In level-0 pixels, as the region callbacks are given; enough for whichever level is drawn.
int context_of(GeglOperation* operation)
{
  const smp::ScalpMaskSettings settings = settings_of(operation);
  return smp_filters::margin_at_every_level([&](int level) { return smp::ScalpMask(settings, level).context_px(); });
}

const Babl* working_space(GeglOperation* operation)
{
  return gegl_operation_get_source_space(operation, "input");
}

}  // namespace

static void prepare(GeglOperation* operation)
{
  const Babl* space = working_space(operation);
  gegl_operation_set_format(operation, "input", babl_format_with_space("CIE Lab alpha float", space));
  gegl_operation_set_format(operation, "output", babl_format_with_space("Y'A float", space));
}

static GeglRectangle get_bounding_box(GeglOperation* operation)
{
  const GeglRectangle* in = gegl_operation_source_get_bounding_box(operation, "input");
  return in ? *in : GeglRectangle{0, 0, 0, 0};
}

static GeglRectangle get_required_for_output(GeglOperation* operation, const gchar*, const GeglRectangle* roi)
{
  return smp_filters::padded(*roi, context_of(operation));
}

static GeglRectangle get_invalidated_by_change(GeglOperation* operation, const gchar*, const GeglRectangle* roi)
{
  return smp_filters::padded(*roi, context_of(operation));
}

static gboolean process(GeglOperation* operation, GeglBuffer* input, GeglBuffer* output,
                        const GeglRectangle* result, gint level)
{
  level = smp_filters::clamped_level(level);
  const GeglRectangle region = smp_filters::region_at_level(*result, level);
  if (region.width <= 0 || region.height <= 0)
    return TRUE;
  const Babl* space = working_space(operation);
  // An exception must not unwind into GEGL's C frames inside GIMP: fall back to no pigment.
  try {
    const smp::ScalpMask mask(settings_of(operation), level);
    const int context = mask.context_px();
    std::vector<float> lab, grey, grey_alpha;
    std::vector<unsigned char> native;
    for (int y = region.y; y < region.y + region.height; y += block_px)
      for (int x = region.x; x < region.x + region.width; x += block_px) {
        const GeglRectangle block{x, y, std::min(block_px, region.x + region.width - x),
                                  std::min(block_px, region.y + region.height - y)};
        const GeglRectangle need = smp_filters::padded(block, context);
        lab.resize(static_cast<std::size_t>(need.width) * need.height * 4);
        smp_filters::read_pixels(input, need, level, babl_format_with_space("CIE Lab alpha float", space), lab.data(),
                                 native);
        grey.resize(static_cast<std::size_t>(block.width) * block.height);
        mask.render(lab.data(), need.width, need.height, grey.data());
        grey_alpha.resize(grey.size() * 2);
        for (std::size_t i = 0; i < grey.size(); ++i) {
          grey_alpha[2 * i] = grey[i];
          grey_alpha[2 * i + 1] = 1.0f;
        }
        gegl_buffer_set(output, &block, level, babl_format_with_space("Y'A float", space), grey_alpha.data(),
                        GEGL_AUTO_ROWSTRIDE);
      }
  } catch (...) {
    smp_filters::show_failure(output, region, level, "black",
                              "smp:scalp-mask: out of memory or internal error; this region is masked out");
  }
  return TRUE;
}

static void gegl_op_class_init(GeglOpClass* klass)
{
  GeglOperationClass* operation_class = GEGL_OPERATION_CLASS(klass);
  GeglOperationFilterClass* filter_class = GEGL_OPERATION_FILTER_CLASS(klass);

  operation_class->prepare = prepare;
  operation_class->get_bounding_box = get_bounding_box;
  operation_class->get_required_for_output = get_required_for_output;
  operation_class->get_invalidated_by_change = get_invalidated_by_change;
  operation_class->threaded = TRUE;
  operation_class->want_in_place = FALSE;
  filter_class->process = process;

  smp_filters::set_keys(operation_class, smp_filters::scalp_mask::operation, _("SMP Scalp Mask"), _("Scalp Mask..."),
                        _("Where scalp micropigmentation may go on a photo: white on bare scalp skin, black on the "
                          "background and on existing hair (or a share of full density there, for fillers between "
                          "longer hair), judged from skin colour and hair texture at the millimetre scale. Multiply "
                          "a density map by it."));
}

#endif
