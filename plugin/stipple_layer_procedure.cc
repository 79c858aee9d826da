// "Stipple Layer": adds a pigment layer whose own pixels are the density map (white where
// selected) and whose live layer effect smp:follicle-stipple turns that density into dots.
#include <algorithm>
#include <array>

#include "arguments.hpp"
#include "dialog_preview.hpp"
#include "follicle-stipple/follicle-stipple.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "preview_render.hpp"
#include "procedures.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp_plugin {
namespace {

constexpr const char* pigment_layer_name = "SMP pigment";

namespace names = smp_filters::follicle_stipple::names;

// Arguments named as the filter's properties, so a script, the dialog and the filter agree.
struct DoubleArgument {
  const char* name;
  const char* nick;
  const char* blurb;
  double min, max, value;
};

const std::array<DoubleArgument, 6>& double_arguments()
{
  using L = smp::StippleLimits;
  static const smp::StippleSettings d;
  static const std::array<DoubleArgument, 6> arguments{{
      {names::density, N_("_Density (dots/cm²)"), N_("Impressions per square centimetre where the density is full"), 0.0,
       L::density_max, d.density_per_cm2},
      {names::dot_diameter, N_("Dot d_iameter (mm)"), N_("Diameter of a healed impression in millimetres"), L::dot_diameter_min,
       L::dot_diameter_max, d.dot_diameter_mm},
      {names::size_variation, N_("Si_ze variation"), N_("Relative spread of dot diameters"), 0.0, 1.0, d.size_variation},
      {names::regularity, N_("_Regularity"), N_("0 places dots at random, 1 spreads them as evenly as possible"), 0.0, 1.0,
       d.regularity},
      {names::strength, N_("S_trength"), N_("How dark a dot gets at its centre"), 0.0, 1.0, d.strength},
      {names::depth, N_("Soft_ening (mm)"), N_("Blur of the dot edge by the skin above the pigment"), 0.0, L::depth_max,
       d.depth_mm},
  }};
  return arguments;
}

// The arguments carry the filter's property names, so the contract reads them as it reads the op.
smp::StippleSettings settings_of(GimpProcedureConfig* config, double px_per_mm)
{
  smp::StippleSettings settings = smp_filters::follicle_stipple::settings_of(G_OBJECT(config), nullptr);
  settings.completed_sessions = std::min(settings.completed_sessions, settings.sessions);
  settings.px_per_mm = px_per_mm;
  return settings;
}

// The dialog's preview: the stipple over the selection, as the layer will show it.
PreviewContent preview_of(GimpImage* image, GimpProcedureConfig* config, GeglBuffer* photo, double scale)
{
  const smp::StippleSettings settings = settings_of(config, px_per_mm_of(image));
  GimpDrawable* selection = GIMP_DRAWABLE(gimp_image_get_selection(image));
  GeglBuffer* mask = gimp_selection_is_empty(image) ? nullptr : gimp_drawable_get_buffer(selection);
  const int n = settings.sessions;
  const char* format =
      mask ? g_dngettext(GETTEXT_PACKAGE, "%.0f dots/cm², %.2f mm dots, %d session, at %.1f px/mm, inside the selection.",
                         "%.0f dots/cm², %.2f mm dots, %d sessions, at %.1f px/mm, inside the selection.", n)
           : g_dngettext(GETTEXT_PACKAGE,
                         "%.0f dots/cm², %.2f mm dots, %d session, at %.1f px/mm, over the whole image (nothing selected).",
                         "%.0f dots/cm², %.2f mm dots, %d sessions, at %.1f px/mm, over the whole image (nothing "
                         "selected).",
                         n);
  gchar* note = g_strdup_printf(format, settings.density_per_cm2, settings.dot_diameter_mm, n, settings.px_per_mm);
  PreviewContent content{stipple_preview(photo, scale, mask, stored_format(selection), settings), note};
  g_free(note);
  if (mask)
    g_object_unref(mask);
  return content;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable**,
                    GimpProcedureConfig* config, gpointer)
{
  if (gimp_image_get_base_type(image) == GIMP_INDEXED)
    return calling_error(procedure, _("SMP Stipple Layer needs an RGB or grayscale image: use Image > Mode > RGB first."));
  if (run_mode == GIMP_RUN_INTERACTIVE &&
      !confirmed_with_preview(procedure, config, _("SMP Stipple Layer"), image,
                              [image](GimpProcedureConfig* c, GeglBuffer* photo, double scale) {
                                return preview_of(image, c, photo, scale);
                              }))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);

  GimpLayer* layer = nullptr;
  {
    UndoGroup undo(image);
    PreservedSelectedLayers keep_selected(image);
    layer = new_pigment_layer(image, nullptr, pigment_layer_name);
    fill_full_density(GIMP_DRAWABLE(layer));  // inside the selection, or everywhere without one
    const LiftedSelection whole_layer(image);
    if (!attach_stipple(layer, settings_of(config, px_per_mm_of(image)))) {
      gimp_image_remove_layer(image, layer);
      return execution_error(procedure, _(missing_filters_message));
    }
  }
  if (const std::string warning = never_calibrated_warning(image); !warning.empty())
    gimp_message(formatted(_("SMP Stipple Layer: %s"), warning.c_str()).c_str());
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_object(gimp_value_array_index(values, 1), layer);
  return values;
}

}  // namespace

GimpProcedure* create_stipple_layer_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure = gimp_image_procedure_new(plug_in, stipple_layer_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>,
                                                      nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, _("SMP _Stipple Layer..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Add a scalp micropigmentation layer over the selection"),
      _("Adds the layer \"SMP pigment\" in Multiply mode. Its own pixels are the density map (white where the "
        "selection was, paint it to change the density) and its layer effect smp:follicle-stipple turns them into "
        "pigment dots at the image's physical scale, taken from the image resolution."),
      stipple_layer_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  for (const DoubleArgument& a : double_arguments())
    gimp_procedure_add_double_argument(procedure, a.name, _(a.nick), _(a.blurb), a.min, a.max, a.value, G_PARAM_READWRITE);
  const smp::StippleSettings defaults;
  gimp_procedure_add_int_argument(procedure, names::sessions, _("Se_ssions"), _("Treatment passes, light first"), 1,
                                  smp::StippleLimits::sessions_max, defaults.sessions, G_PARAM_READWRITE);
  gimp_procedure_add_int_argument(procedure, names::completed_sessions, _("_Completed sessions"),
                                  _("How many sessions are done: 1 shows the light first pass"), 1,
                                  smp::StippleLimits::sessions_max, defaults.completed_sessions, G_PARAM_READWRITE);
  add_seed_argument(procedure, _("Same seed, same dots"));
  gimp_procedure_add_layer_return_value(procedure, "layer", _("Layer"), _("The pigment layer"), FALSE, G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
