// "SMP Analyse Scalp": the plan's first step (issue 18). On the photo layer of a top view, the
// scalp analysis suggests a preset (the Norwood stage the bare scalp resembles, how sure), which
// way the face points, the treated area, impressions and sessions, and the client's hair colour
// and skin tone; it changes no pixel and keeps the suggestion on the image for Simulate's dialog
// and the before/after's metadata.
#include <string>

#include "analysis/hair_loss_stage.hpp"
#include "arguments.hpp"
#include "filter_graph.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "plan_record.hpp"
#include "preset_library.hpp"
#include "procedures.hpp"
#include "scalp_mask.hpp"
#include "scalp_suggestion.hpp"

namespace smp_plugin {
namespace {

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable** drawables,
                    GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE && !confirmed_in_dialog(procedure, config, _("SMP Analyse Scalp")))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);
  if (const std::string problem = unusable_for_simulation(image); !problem.empty())
    return calling_error(procedure, formatted(_("Analyse Scalp: %s."), problem.c_str()));
  GimpDrawable* photo = photo_layer(image, drawables);
  if (!photo)
    return calling_error(procedure, _("Analyse Scalp: the image has no layer with the client's photo: open the photo "
                                      "(File > Open) and run it on its layer."));
  if (!load_smp_operations())
    return execution_error(procedure, missing_filters_message);
  gboolean find_front = TRUE;
  g_object_get(config, "find-front", &find_front, nullptr);
  const std::optional<smp::Facing> given =
      find_front ? std::nullopt : std::optional<smp::Facing>(static_cast<smp::Facing>(facing_of(config)));
  const smp::PresetLibrary presets = load_presets();
  Graph graph;
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(photo, &ox, &oy);
  gimp_progress_init(_("Analysing the scalp"));
  const ScalpSuggestion s =
      suggested_plan(source_node(graph, graph.own(gimp_drawable_get_buffer(photo)), ox, oy), px_per_mm_of(image), presets, given);
  gimp_progress_end();
  const std::string summary = s.summary(presets);
  if (!s.analysis.head_found)
    return calling_error(procedure, formatted(_("Analyse Scalp: %s"), summary.c_str()));
  record_suggested_plan(image, summary);
  if (run_mode == GIMP_RUN_INTERACTIVE)
    gimp_message(formatted(_("SMP Analyse Scalp: %s"), summary.c_str()).c_str());
  const auto& t = s.analysis.treatment;
  const auto& c = s.analysis.colours;
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_string(gimp_value_array_index(values, 1), s.analysis.stage.preset.c_str());
  g_value_set_int(gimp_value_array_index(values, 2), s.analysis.stage.stage);
  g_value_set_double(gimp_value_array_index(values, 3), s.analysis.stage.confidence);
  g_value_set_string(gimp_value_array_index(values, 4), smp::facing_name(s.direction.front));
  g_value_set_double(gimp_value_array_index(values, 5), s.direction.confidence);
  g_value_set_double(gimp_value_array_index(values, 6), t.area_cm2);
  g_value_set_int(gimp_value_array_index(values, 7), static_cast<int>(t.impressions + 0.5));
  g_value_set_int(gimp_value_array_index(values, 8), t.sessions);
  g_value_set_string(gimp_value_array_index(values, 9), smp::hair_colour_name(c.hair).c_str());
  g_value_set_int(gimp_value_array_index(values, 10), smp::fitzpatrick_type(c.skin));
  g_value_set_string(gimp_value_array_index(values, 11), summary.c_str());
  return values;
}

}  // namespace

GimpProcedure* create_analyse_scalp_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, analyse_scalp_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, _("SMP _Analyse Scalp..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Suggest an SMP plan from the photo"),
      _("On the photo of a head seen from above: the Norwood stage its bare scalp resembles (as a top-view preset) and "
        "how sure that is, which way the face points, the bare area in cm², the impressions and sessions treating it "
        "would take, and the client's hair colour and skin tone. A suggestion: pick any preset in Simulate SMP, whose "
        "dialog shows it. Changes no pixel; the suggestion is kept on the image and written into the before/after's "
        "metadata. Calibrate the scale first."),
      analyse_scalp_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");
  gimp_procedure_add_boolean_argument(procedure, "find-front", _("Find which way the face _points"),
                                      _("Off: the face points as \"Front of the head\" says"), TRUE, G_PARAM_READWRITE);
  add_front_argument(procedure, _("Used with find-front off: which way the face points in the image"));
  gimp_procedure_add_string_return_value(procedure, "preset", _("Preset"), _("The top-view preset suggested"), "",
                                         G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value(procedure, "stage", _("Stage"), _("Norwood stage, 1..7"), 0, 7, 0, G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "confidence", _("Confidence"), _("How sure the stage is, 0..1"), 0.0, 1.0,
                                         0.0, G_PARAM_READWRITE);
  gimp_procedure_add_string_return_value(procedure, "front", _("Front"), _("Which way the face points: up, down, left, right"),
                                         "", G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "front-confidence", _("Front confidence"),
                                         _("How sure the direction is, 0..1 (1: given)"), 0.0, 1.0, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "area-cm2", _("Area (cm²)"), _("The bare scalp to treat"), 0.0,
                                         G_MAXDOUBLE, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value(procedure, "impressions", _("Impressions"), _("At the preset's density"), 0, G_MAXINT, 0,
                                      G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value(procedure, "sessions", _("Sessions"), _("Sittings of about 14,000 impressions, at least the preset's passes"), 0,
                                      G_MAXINT, 0, G_PARAM_READWRITE);
  gimp_procedure_add_string_return_value(procedure, "hair-colour", _("Hair colour"),
                                         _("black, dark-brown, brown, light-brown, blond, grey, or none"), "", G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value(procedure, "skin-type", _("Skin type"), _("Fitzpatrick I..VI as 1..6; 0 unknown"), 0, 6,
                                      0, G_PARAM_READWRITE);
  gimp_procedure_add_string_return_value(procedure, "summary", _("Summary"), _("All of it in one paragraph"), "",
                                         G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
