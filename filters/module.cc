// The one GEGL module holding every smp:* operation.
#include <gegl-plugin.h>
#include <glib/gi18n-lib.h>

extern "C" {
void gegl_op_follicle_stipple_register_type(GTypeModule* module);
void gegl_op_hairline_mask_register_type(GTypeModule* module);
void gegl_op_scar_mask_register_type(GTypeModule* module);
void gegl_op_scar_blend_register_type(GTypeModule* module);
void gegl_op_scalp_mask_register_type(GTypeModule* module);
void gegl_op_density_plan_register_type(GTypeModule* module);
void gegl_op_scalp_regions_register_type(GTypeModule* module);

G_MODULE_EXPORT const GeglModuleInfo* gegl_module_query(GTypeModule* module);
G_MODULE_EXPORT gboolean gegl_module_register(GTypeModule* module);
}

static const GeglModuleInfo module_info = {GEGL_MODULE_ABI_VERSION};

const GeglModuleInfo* gegl_module_query(GTypeModule*)
{
  return &module_info;
}

gboolean gegl_module_register(GTypeModule* module)
{
  // Before any op's class is made: their titles, property names and choices are translated then.
  bindtextdomain(GETTEXT_PACKAGE, SMP_LOCALE_DIR);
  bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
  gegl_op_follicle_stipple_register_type(module);
  gegl_op_hairline_mask_register_type(module);
  gegl_op_scar_mask_register_type(module);
  gegl_op_scar_blend_register_type(module);
  gegl_op_scalp_mask_register_type(module);
  gegl_op_density_plan_register_type(module);
  gegl_op_scalp_regions_register_type(module);
  return TRUE;
}
