// "Simulate SMP": one step from a preset to an editable simulation: the layer group
// "SMP simulation - <preset>" holding a pigment layer whose own pixels are the preset's density
// (zones, behind the preset's hairline) with smp:follicle-stipple as its live layer effect, and
// the hairline as the editable path "SMP hairline".
#include <string>
#include <vector>

#include "dialog_preview.hpp"
#include "front_view.hpp"
#include "gimp_paths.hpp"
#include "head_fit.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "preset_library.hpp"
#include "presets/front_view.hpp"
#include "presets/preset.hpp"
#include "presets/preset_density.hpp"
#include "preview_render.hpp"
#include "procedures.hpp"
#include "scalp_mask.hpp"

namespace smp_plugin {
namespace {

void add_zone_density(GimpImage* image, GimpLayer* pigment, const smp::ZoneFill& zone, double px_per_mm,
                      GimpChannel* hair_side, GimpChannel* on_head)
{
  gimp_selection_none(image);  // GIMP would render the mask only inside the last zone's selection
  GimpChannel* outline = render_mask_channel(image, zone.outline.region, "SMP zone", px_per_mm,
                                             zone.outline.transition_mm, false, 0);
  gimp_image_select_item(image, GIMP_CHANNEL_OP_REPLACE, GIMP_ITEM(outline));
  if (hair_side)
    gimp_image_select_item(image, GIMP_CHANNEL_OP_INTERSECT, GIMP_ITEM(hair_side));
  if (on_head)
    gimp_image_select_item(image, GIMP_CHANNEL_OP_INTERSECT, GIMP_ITEM(on_head));
  fill_density(GIMP_DRAWABLE(pigment), zone.density);
  gimp_image_remove_channel(image, outline);
}

// What a run with these arguments makes: the preset, its stipple and, once the head is known,
// its density plan; or false and what to do. The run and the dialog's preview both start here.
struct Simulation {
  const smp::Preset* preset = nullptr;
  smp::DensityPlan plan;
  smp::PresetStipple stipple;
  int seed = 0;
  bool front = false;  // a front view: its plan comes from the landmarks; a selection, if any, is round the head
};

bool simulation_of(GimpImage* image, GimpProcedureConfig* config, const smp::PresetLibrary& library, double px_per_mm,
                   Simulation& simulation, std::string& problem)
{
  const smp::Preset* preset = chosen_preset(config, library, problem);
  if (!preset)
    return false;
  simulation.preset = preset;
  simulation.stipple = with_overrides(config, preset->stipple);
  g_object_get(config, "seed", &simulation.seed, nullptr);
  if (preset->view == "front") {
    smp::FrontLandmarks face;
    if (!landmarks_of(image, config, face, problem)) {
      problem = "\"" + preset->name + "\" is a front-view preset and needs the face's landmarks; " + problem +
                ". Or pick a top-view preset and select the head with the Ellipse Select tool.";
      return false;
    }
    simulation.front = true;
    simulation.plan =
        smp::front_density_plan(*preset, face, px_per_mm, static_cast<std::uint32_t>(simulation.seed));
  }
  return true;
}

void plan_density(Simulation& simulation, const smp::HeadFrame& head, double px_per_mm)
{
  simulation.plan =
      smp::density_plan(*simulation.preset, head, px_per_mm, static_cast<std::uint32_t>(simulation.seed));
}

PreviewContent preview_of(GimpImage* image, GimpProcedureConfig* config, const smp::PresetLibrary& library,
                          GeglBuffer* photo, double scale)
{
  const double px_per_mm = px_per_mm_of(image);
  Simulation simulation;
  std::string problem;
  if (!simulation_of(image, config, library, px_per_mm, simulation, problem))
    return {nullptr, "To preview: " + problem};
  smp::HeadFrame head;
  if (!simulation.front) {
    if (!head_from_selection(image, gimp_procedure_config_get_choice_id(config, "front"), head))
      return {nullptr, "To preview, select the head with the Ellipse Select tool (seen from above). Without a "
                       "selection, OK fits the head to the photo and shows it as the path \"SMP head\"."};
    plan_density(simulation, head, px_per_mm);
  }
  const smp::PresetStipple& stipple = simulation.stipple;
  gchar* note = g_strdup_printf("%s: %.0f dots/cm², shade %.2f, %d session%s, at %.1f px/mm.",
                                simulation.preset->name.c_str(), stipple.density_per_cm2, stipple.strength,
                                stipple.sessions, stipple.sessions == 1 ? "" : "s", px_per_mm);
  // Front views are not confined to the scalp mask in the run either.
  const std::optional<double> scalp_hair_density =
      simulation.front ? std::nullopt : std::optional<double>(hair_density_for(simulation.preset->category));
  PreviewContent content{simulation_preview(photo, scale, px_per_mm, simulation.plan, stipple,
                                            static_cast<unsigned>(simulation.seed), scalp_hair_density),
                         note};
  g_free(note);
  return content;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable** drawables,
                    GimpProcedureConfig* config, gpointer)
{
  if (gimp_image_get_base_type(image) == GIMP_INDEXED)
    return failure(procedure, "Simulate SMP needs an RGB or grayscale image: use Image > Mode > RGB first.");
  const smp::PresetLibrary library = load_presets();
  if (run_mode == GIMP_RUN_INTERACTIVE &&
      !confirmed_with_preview(procedure, config, "Simulate SMP", image,
                              [&](GimpProcedureConfig* c, GeglBuffer* photo, double scale) {
                                return preview_of(image, c, library, photo, scale);
                              }))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);

  const double px_per_mm = px_per_mm_of(image);
  Simulation simulation;
  std::string problem;
  if (!simulation_of(image, config, library, px_per_mm, simulation, problem))
    return failure(procedure, ("Simulate SMP: " + problem).c_str());
  const smp::Preset* preset = simulation.preset;
  const smp::PresetStipple& stipple = simulation.stipple;
  const int seed = simulation.seed;
  const int facing = gimp_procedure_config_get_choice_id(config, "front");
  smp::HeadFrame head;
  const bool framed = simulation.front || head_from_selection(image, facing, head);
  // Front views stay inside the model head (and a selection round it); top views keep to bare scalp.
  GimpDrawable* photo = simulation.front ? nullptr : photo_layer(image, drawables);
  if (!framed && !photo)
    return failure(procedure, "Simulate SMP: select the head with the Ellipse Select tool first (seen from above).");
  GimpLayer* group = nullptr;
  {
    UndoGroup undo(image);
    PreservedSelectedLayers keep_selected(image);
    const LiftedSelection head_selection(image);
    GimpChannel* scalp = photo ? render_scalp_mask(image, photo, "SMP scalp mask", px_per_mm,
                                                   hair_density_for(preset->category), 0.5)
                               : nullptr;
    if (photo && !scalp)
      return failure(procedure, missing_filters_message);
    if (!framed && !fit_head_and_show_it(image, photo, px_per_mm, facing, head, problem)) {
      gimp_image_remove_channel(image, scalp);
      return failure(procedure, ("Simulate SMP: " + problem).c_str());
    }
    if (!simulation.front)
      plan_density(simulation, head, px_per_mm);
    group = GIMP_LAYER(gimp_group_layer_new(image, ("SMP simulation - " + preset->name).c_str()));
    // A new group composites as Normal: the pigment's white would hide the photo. Pass-through
    // lets its Multiply layer reach the photo below.
    gimp_layer_set_mode(group, GIMP_LAYER_MODE_PASS_THROUGH);
    gimp_image_insert_layer(image, group, nullptr, 0);
    GimpChannel* hair_side = nullptr;
    const smp::DensityPlan& plan = simulation.plan;
    if (!plan.hairline.empty()) {
      insert_path(image, plan.hairline, "SMP hairline");
      hair_side = render_mask_channel(image, plan.hair_side.region, "SMP hairline density", px_per_mm,
                                      plan.hair_side.transition_mm, true, plan.hair_side.seed);
    }
    GimpLayer* pigment = new_pigment_layer(image, group, "SMP pigment");
    for (const smp::ZoneFill& zone : plan.zones)
      add_zone_density(image, pigment, zone, px_per_mm, hair_side, simulation.front ? head_selection.saved() : nullptr);
    gimp_selection_none(image);
    if (scalp) {
      confine_to_mask(image, pigment, scalp);
      gimp_image_remove_channel(image, scalp);
    }
    const bool attached = attach_stipple(pigment, px_per_mm, [&](GimpDrawableFilterConfig* to) {
      set_stipple_properties(g_object_set, to, stipple, static_cast<guint>(seed));
    });
    if (!attached) {
      gimp_image_remove_layer(image, group);
      return failure(procedure, missing_filters_message);
    }
  }
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_object(gimp_value_array_index(values, 1), group);
  return values;
}

}  // namespace

GimpProcedure* create_simulate_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, simulate_name, GIMP_PDB_PROC_TYPE_PLUGIN, run, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, "_Simulate SMP...");
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, "Simulate scalp micropigmentation from a preset",
      "Select the head with the Ellipse Select tool (seen from above), or select nothing to have it fitted to the "
      "photo (shown as the path \"SMP head\"); for a front-view preset mark the glabella and both eyes with a "
      "three-anchor path. Pick a preset: a Norwood stage, Ludwig or "
      "Savin grade, alopecia type, scar or density filler. Adds the layer group \"SMP simulation - <preset>\" with a "
      "pigment layer whose pixels are the density (paint them), kept on bare scalp, and the stipple as its live "
      "effect, and the hairline path when the preset has one. Presets come from the plug-in's presets folder and the profile's smp-presets.",
      simulate_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  add_preset_argument(procedure, "The pattern to simulate (file name without .preset)");
  gimp_procedure_add_choice_argument(
      procedure, "front", "_Front of the head", "Which way the face points in the image",
      gimp_choice_new_with_values("up", 0, "Up", nullptr, "down", 1, "Down", nullptr, "left", 2, "Left", nullptr,
                                  "right", 3, "Right", nullptr, nullptr),
      "up", G_PARAM_READWRITE);
  add_landmark_arguments(procedure, "Front-view presets: glabella, image-left eye, image-right eye (default: the "
                                    "path \"SMP landmarks\", else the selected path)");
  add_stipple_override_arguments(procedure);
  gimp_procedure_add_int_argument(procedure, "seed", "Random s_eed", "Same seed, same dots", 0, G_MAXINT, 0,
                                  G_PARAM_READWRITE);
  gimp_procedure_add_layer_return_value(procedure, "group", "Group", "The simulation's layer group", FALSE,
                                        G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
