// smp:density-plan: a preset's density plan (zones, hairline, hair side) rendered as the grey
// map that Simulate SMP paints into its pigment layer (white whose alpha is the density, so the
// layer stays invisible while its effect is hidden) or into a channel (grey).
#include <glib/gi18n-lib.h>

#include "density-plan.hpp"

#ifdef GEGL_PROPERTIES

enum_start (smp_density_output)
  enum_value (SMP_DENSITY_ALPHA, "alpha", N_("White, the density as alpha (a pigment layer)"))
  enum_value (SMP_DENSITY_GREY, "grey", N_("Grey, opaque (a channel or a mask)"))
enum_end (SmpDensityOutput)

property_pointer (plan, _("Density plan"), _("A smp::DensityPlan wrapped in a PlanHandle, owned by the caller"))

property_enum (output, _("Output"), SmpDensityOutput, smp_density_output, SMP_DENSITY_ALPHA)
  description (_("White with the density as alpha, or the density as an opaque grey"))

#else

#define GEGL_OP_SOURCE
#define GEGL_OP_NAME     density_plan
#define GEGL_OP_C_SOURCE density-plan.cc

#include "gegl-op.h"

#include "common/regions.hpp"
#include "common/op_class.hpp"

#include <algorithm>
#include <vector>

namespace {

constexpr int band_rows = 128;

const smp::DensityPlan* plan_of(const void* pointer)
{
  const auto* handle = static_cast<const smp_filters::density_plan::PlanHandle*>(pointer);
  if (!handle || handle->magic != smp_filters::density_plan::PlanHandle::expected_magic)
    return nullptr;
  return handle->plan;
}

}  // namespace

static void prepare(GeglOperation* operation)
{
  gegl_operation_set_format(operation, "output", babl_format("Y'A float"));
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
    const auto properties = smp_filters::density_plan::properties_of(G_OBJECT(operation));
    const smp::DensityPlan* plan = plan_of(properties.plan);
    const bool as_alpha = properties.output == smp_filters::density_plan::Output::alpha;
    std::vector<float> density, pixels;
    for (int y = region.y; y < region.y + region.height; y += band_rows) {
      const GeglRectangle band{region.x, y, region.width, std::min(band_rows, region.y + region.height - y)};
      density.assign(static_cast<std::size_t>(band.width) * band.height, 0.0f);
      if (plan)
        smp::render_density(*plan, {band.x, band.y, band.width, band.height}, level, density.data());
      pixels.resize(density.size() * 2);
      for (std::size_t i = 0; i < density.size(); ++i) {
        pixels[2 * i] = as_alpha ? 1.0f : density[i];
        pixels[2 * i + 1] = as_alpha ? density[i] : 1.0f;
      }
      gegl_buffer_set(output, &band, level, format, pixels.data(), GEGL_AUTO_ROWSTRIDE);
    }
  } catch (...) {
    const bool as_alpha = GEGL_PROPERTIES(operation)->output == SMP_DENSITY_ALPHA;
    smp_filters::show_failure(output, region, level, as_alpha ? "transparent" : "black",
                              "smp:density-plan: out of memory or internal error; this region shows no density");
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
  // Not in GIMP's menus: the plan comes from the plug-in, not from a dialog.
  gegl_operation_class_set_keys(operation_class, "name", smp_filters::density_plan::operation, "title",
                                _("SMP Density Plan"), "categories", "hidden", "description",
                                _("A scalp micropigmentation preset's density, as Simulate SMP plans it: each zone's "
                                  "soft outline at its density, the highest where zones meet, on the hair side of the "
                                  "hairline."),
                                NULL);
}

#endif
