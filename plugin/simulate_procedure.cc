// "Simulate SMP": one step from a preset to an editable simulation: the layer group
// "SMP simulation - <preset>" holding a pigment layer whose own pixels are the preset's density
// plan (smp:density-plan, kept to bare scalp by smp:scalp-mask in top views) with
// smp:follicle-stipple as its live layer effect, and the hairline as the editable path
// "SMP hairline".
#include <optional>
#include <string>

#include "arguments.hpp"
#include "dialog_preview.hpp"
#include "face_reference.hpp"
#include "filter_graph.hpp"
#include "gimp_paths.hpp"
#include "hair_match.hpp"
#include "head_fit.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "plan_record.hpp"
#include "scalp_suggestion.hpp"
#include "preset_library.hpp"
#include "presets/density_plan.hpp"
#include "preview_render.hpp"
#include "procedures.hpp"
#include "scalp_mask.hpp"
#include "stage_timer.hpp"

namespace smp_plugin {
namespace {

// What a run with these arguments makes once the head (top view) or the face (front view) is
// known. The run and the dialog's preview both start here.
struct Simulation {
  const smp::Preset* preset = nullptr;
  std::uint32_t seed = 0;
  double px_per_mm = 10.0;
  std::optional<smp::FrontLandmarks> face;  // front-view presets
  SimulationSpec spec;
  std::string shade;  // what the pigment's shade was matched to
};

// The preset and, for a front view, the face; false and what to do when the arguments can't work.
bool simulation_of(GimpImage* image, GimpProcedureConfig* config, const smp::PresetLibrary& library,
                   Simulation& simulation, std::string& problem)
{
  const smp::Preset* preset = chosen_preset(config, library, problem);
  if (!preset)
    return false;
  simulation.preset = preset;
  simulation.seed = seed_of(config);
  simulation.px_per_mm = px_per_mm_of(image);
  simulation.spec.stipple = with_overrides(config, preset->stipple);
  simulation.spec.stipple.px_per_mm = simulation.px_per_mm;
  simulation.spec.stipple.seed = simulation.seed;
  if (preset->view == smp::View::front) {
    smp::FrontLandmarks face;
    if (!landmarks_of(image, config, face, problem)) {
      problem = formatted(_("\"%s\" is a front-view preset and needs the face's landmarks; %s. Or pick a top-view "
                            "preset and select the head with the Ellipse Select tool."),
                          preset->name.c_str(), problem.c_str());
      return false;
    }
    simulation.face = face;
  }
  return true;
}

// The plan on the head or face; top views keep the pigment to bare scalp.
void place(Simulation& simulation, const std::optional<smp::HeadFrame>& head)
{
  const smp::Placement placement = simulation.face ? smp::Placement::on_face(*simulation.face, simulation.px_per_mm)
                                                   : smp::Placement::on_head(*head, simulation.px_per_mm);
  simulation.spec = simulation_spec(*simulation.preset, placement, simulation.seed, simulation.spec.stipple);
}

// The photo is measured once per scale and its scalp found once, and the preview's density is
// kept while only the stipple changes: the preview redraws as settings change without measuring
// the photo or planning again, and the run keeps to the scalp the preview showed.
struct PhotoAnalyses {
  std::optional<std::pair<double, std::optional<smp::HairBesideSkin>>> hair;  // at this px/mm
  std::shared_ptr<const ScalpAnalysis> scalp;
  PreviewDensity preview_density;
  std::optional<std::string> plan;  // the scalp analysis's suggestion, made when the dialog first draws

  Shaded of(GimpDrawable* photo, const smp::StippleSettings& base, ShadeChoice choice)
  {
    if (choice != ShadeChoice::preset && (!hair || hair->first != base.px_per_mm))
      hair = {base.px_per_mm, photo ? measured_hair(photo, base.px_per_mm) : std::nullopt};
    return shaded(base, choice, hair ? hair->second : std::nullopt);
  }
};

// The user's own strength, when given, outlasts the shade's.
void shade(Simulation& simulation, GimpImage* image, GimpDrawable** drawables, GimpProcedureConfig* config,
           PhotoAnalyses& cache)
{
  const Shaded s = cache.of(photo_layer(image, drawables), simulation.spec.stipple, shade_choice_of(config));
  simulation.spec.stipple = s.stipple;
  if (const auto strength = strength_override_of(config))
    simulation.spec.stipple.strength = *strength;
  simulation.shade = s.how;
}

// Top views: the bare scalp of the photo layer, at the scale the run plans at.
void keep_to_scalp(Simulation& simulation, GimpDrawable* photo, PhotoAnalyses& cache)
{
  if (!simulation.spec.on_scalp || !photo)
    return;
  Graph graph;
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(photo, &ox, &oy);
  cache.scalp = analysed_scalp(source_node(graph, graph.own(gimp_drawable_get_buffer(photo)), ox, oy), simulation.spec,
                               cache.scalp);
  simulation.spec.scalp = cache.scalp;
}

// What SMP Analyse Scalp suggested for the image, or the analysis of its photo layer now, facing
// the way the dialog says (one segmentation, the one the preview keeps to: finding the direction
// too would segment four times and hold up the first picture); empty without a photo layer.
std::string suggestion_for(GimpImage* image, GimpDrawable** drawables, GimpProcedureConfig* config,
                           const smp::PresetLibrary& library)
{
  if (std::string kept = suggested_plan_of(image); !kept.empty())
    return kept;
  GimpDrawable* photo = photo_layer(image, drawables);
  if (!photo)
    return "";
  Graph graph;
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(photo, &ox, &oy);
  const ScalpSuggestion s = suggested_plan(source_node(graph, graph.own(gimp_drawable_get_buffer(photo)), ox, oy),
                                           px_per_mm_of(image), library,
                                           static_cast<smp::Facing>(facing_of(config)));
  return s.summary(library);
}

PreviewContent preview_of(GimpImage* image, GimpDrawable** drawables, GimpProcedureConfig* config,
                          const smp::PresetLibrary& library, PhotoAnalyses& cache, GeglBuffer* photo, double scale)
{
  // The plan's first step: the scalp analysis of the photo (SMP Analyse Scalp's, kept on the
  // image, or made now once), shown for the user to follow or not.
  if (!cache.plan)
    cache.plan = suggestion_for(image, drawables, config, library);
  const std::string suggested =
      cache.plan->empty() ? "" : "\n" + formatted(_("Scalp analysis: %s"), cache.plan->c_str());
  Simulation simulation;
  std::string problem;
  if (!simulation_of(image, config, library, simulation, problem))
    return {nullptr, formatted(_("To preview: %s"), problem.c_str()) + suggested};
  const auto head = simulation.face ? std::nullopt : head_from_selection(image, facing_of(config));
  if (!simulation.face && !head)
    return {nullptr, _("To preview, select the head with the Ellipse Select tool (seen from above). Without a "
                       "selection, OK fits the head to the photo and shows it as the path \"SMP head\".") +
                         suggested};
  place(simulation, head);
  shade(simulation, image, drawables, config, cache);
  keep_to_scalp(simulation, photo_layer(image, drawables), cache);
  const smp::StippleSettings& stipple = simulation.spec.stipple;
  gchar* note = g_strdup_printf(g_dngettext(GETTEXT_PACKAGE, "%s: %.0f dots/cm², %d session, at %.1f px/mm. Shade %s.",
                                            "%s: %.0f dots/cm², %d sessions, at %.1f px/mm. Shade %s.", stipple.sessions),
                                simulation.preset->name.c_str(), stipple.density_per_cm2, stipple.sessions,
                                simulation.px_per_mm, simulation.shade.c_str());
  PreviewContent content{simulation_preview(photo, scale, simulation.spec, &cache.preview_density),
                         std::string(note) + suggested};
  g_free(note);
  return content;
}

// The densities a run writes, computed before it changes the image (GIMP's Cancel kills the
// plug-in: stopped at any point before, it leaves the image as it was).
struct Prepared {
  Graph graph;
  GeglNode* hairline_density = nullptr;  // full size, grey; nullptr without a hairline
  GeglNode* pigment_density = nullptr;   // full size, white with the density as alpha
};

void prepare(Prepared& prepared, GimpImage* image, const Simulation& simulation, GimpDrawable* photo)
{
  Graph& graph = prepared.graph;
  const smp::DensityPlan& plan = simulation.spec.plan;
  const GeglRectangle extent{0, 0, gimp_image_get_width(image), gimp_image_get_height(image)};
  if (!plan.hairline.empty()) {
    const smp::DensityPlan hair_side = smp::one_zone_plan(plan.px_per_mm, plan.hair_side);
    prepared.hairline_density = computed_now(
        graph, planned_density_node(graph, hair_side, smp_filters::density_plan::Output::grey), extent, plan.px_per_mm);
  }
  GeglNode* pixels = nullptr;
  if (photo) {
    gint ox = 0, oy = 0;
    gimp_drawable_get_offsets(photo, &ox, &oy);
    pixels = source_node(graph, graph.own(gimp_drawable_get_buffer(photo)), ox, oy);
  }
  prepared.pigment_density =
      computed_now(graph, planned_simulation_density(graph, simulation.spec, pixels), extent, plan.px_per_mm);
}

// The group, its hairline path and channel, and the pigment layer painted from the prepared
// densities (inside `within`, when given).
GimpLayer* add_simulation(GimpImage* image, const Simulation& simulation, Prepared& prepared, GimpChannel* within,
                          std::string& problem)
{
  GimpLayer* group = GIMP_LAYER(gimp_group_layer_new(image, ("SMP simulation - " + simulation.preset->name).c_str()));
  // A new group composites as Normal: the pigment's white would hide the photo. Pass-through
  // lets its Multiply layer reach the photo below.
  gimp_layer_set_mode(group, GIMP_LAYER_MODE_PASS_THROUGH);
  gimp_image_insert_layer(image, group, nullptr, 0);
  Graph& graph = prepared.graph;
  if (simulation.face)
    record_face_reference(GIMP_ITEM(group), *simulation.face);
  if (prepared.hairline_density) {
    GimpPath* hairline = insert_path(image, simulation.spec.plan.hairline, "SMP hairline");
    if (simulation.face)
      record_face_reference(GIMP_ITEM(hairline), *simulation.face);
    render_into(GIMP_DRAWABLE(new_channel(image, "SMP hairline density")), prepared.hairline_density);
  }
  GimpLayer* pigment = new_pigment_layer(image, group, "SMP pigment");
  GeglNode* density = prepared.pigment_density;
  if (within)
    density = kept_inside(graph, density,
                          as_coverage(graph, source_node(graph, graph.own(gimp_drawable_get_buffer(GIMP_DRAWABLE(within)))),
                                      stored_format(GIMP_DRAWABLE(within))));
  render_into(GIMP_DRAWABLE(pigment), density);
  if (!attach_stipple(pigment, simulation.spec.stipple)) {
    gimp_image_remove_layer(image, group);
    problem = _(missing_filters_message);
    return nullptr;
  }
  return group;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable** drawables,
                    GimpProcedureConfig* config, gpointer)
{
  if (gimp_image_get_base_type(image) == GIMP_INDEXED)
    return calling_error(procedure, _("Simulate SMP needs an RGB or grayscale image: use Image > Mode > RGB first."));
  if (const std::string problem = unusable_for_simulation(image); !problem.empty())
    return calling_error(procedure, formatted(_("Simulate SMP: %s."), problem.c_str()));
  if (!load_smp_operations())
    return execution_error(procedure, _(missing_filters_message));
  const smp::PresetLibrary library = load_presets();
  PhotoAnalyses analyses;
  if (run_mode == GIMP_RUN_INTERACTIVE &&
      !confirmed_with_preview(
          procedure, config, _("Simulate SMP"), image,
          [&](GimpProcedureConfig* c, GeglBuffer* photo, double scale) {
            return preview_of(image, drawables, c, library, analyses, photo, scale);
          },
          PreviewKind::picture_and_note,
          [&](GimpProcedureConfig* c, const char* argument) {
            std::string unknown;
            const smp::Preset* preset = chosen_preset(c, library, unknown);
            return !preset || applies_to_view(argument, preset->view);
          }))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);

  Simulation simulation;
  std::string problem;
  if (!simulation_of(image, config, library, simulation, problem))
    return calling_error(procedure, formatted(_("Simulate SMP: %s"), problem.c_str()));
  const Facing facing = facing_of(config);
  std::optional<smp::HeadFrame> head = simulation.face ? std::nullopt : head_from_selection(image, facing);
  // Front views stay inside the model head (and a selection round it); top views keep to bare scalp.
  GimpDrawable* photo = simulation.face ? nullptr : photo_layer(image, drawables);
  if (!simulation.face && !photo)
    return calling_error(procedure, _("Simulate SMP: the image has no layer with the client's photo: open the photo (File > "
                                      "Open) and run it on its layer."));
  gimp_progress_init(_("Simulate SMP"));
  const bool fitted = !simulation.face && !head;
  if (fitted) {
    const StageTimer timer("head fit");
    head = head_from_photo(image, photo, simulation.px_per_mm, facing);
    if (!head)
      return calling_error(procedure, formatted(_("Simulate SMP: no head was found in the layer \"%s\": select the "
                                                  "head with the Ellipse Select tool (seen from above) and run it again."),
                                                gimp_item_get_name(GIMP_ITEM(photo))));
  }
  place(simulation, head);
  {
    const StageTimer timer("shade");
    shade(simulation, image, drawables, config, analyses);
  }
  if (!simulation.face) {
    const StageTimer timer("scalp regions");
    keep_to_scalp(simulation, photo, analyses);
  }
  Prepared prepared;
  {
    const StageTimer timer("density");
    prepare(prepared, image, simulation, photo);
  }
  // From here on the image changes: GIMP offers Cancel only while a progress runs, so it ends
  // first, and the changes take a moment (the densities are computed).
  gimp_progress_end();
  GimpLayer* group = nullptr;
  {
    const StageTimer timer("layers", StageTimer::silent);
    UndoGroup undo(image);
    PreservedSelectedLayers keep_selected(image);
    const LiftedSelection selection(image);
    if (fitted)
      insert_head_path(image, *head, "SMP head");
    group = add_simulation(image, simulation, prepared, simulation.face ? selection.saved() : nullptr, problem);
    if (!group)
      return execution_error(procedure, problem);
    // The suggestion the dialog showed is part of the plan the before/after records.
    if (analyses.plan && !analyses.plan->empty() && suggested_plan_of(image).empty())
      record_suggested_plan(image, *analyses.plan);
  }
  if (const std::string warning = never_calibrated_warning(image); !warning.empty())
    gimp_message(formatted(_("Simulate SMP: %s"), warning.c_str()).c_str());
  print_peak_memory();
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_object(gimp_value_array_index(values, 1), group);
  g_value_set_string(gimp_value_array_index(values, 2), simulation.shade.c_str());
  return values;
}

}  // namespace

GimpProcedure* create_simulate_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, simulate_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, _("_Simulate SMP..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Simulate scalp micropigmentation from a preset"),
      _("Select the head with the Ellipse Select tool (seen from above), or select nothing to have it fitted to the "
        "photo (shown as the path \"SMP head\"); for a front-view preset mark the glabella and both eyes with a "
        "three-anchor path. Pick a preset: a Norwood stage, Ludwig or "
        "Savin grade, alopecia type, scar or density filler. Adds the layer group \"SMP simulation - <preset>\" with a "
        "pigment layer whose pixels are the density (paint them), kept on bare scalp, and the stipple as its live "
        "effect, and the hairline path when the preset has one. Presets come from the plug-in's presets folder and the profile's smp-presets."),
      simulate_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  add_preset_argument(procedure, _("The pattern to simulate (file name without .preset)"));
  add_front_argument(procedure, _("Top-view presets: which way the face points in the image"));
  add_landmark_arguments(procedure, _("Front-view presets: glabella, image-left eye, image-right eye, or the brows (default: the "
                                      "path \"SMP landmarks\", else the selected path)"));
  add_shade_argument(procedure);
  add_stipple_override_arguments(procedure);
  add_seed_argument(procedure, _("Same seed, same dots"));
  gimp_procedure_add_layer_return_value(procedure, "group", _("Group"), _("The simulation's layer group"), FALSE,
                                        G_PARAM_READWRITE);
  gimp_procedure_add_string_return_value(procedure, "shade", _("Shade"), _("What the pigment's shade was matched to"), "",
                                         G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
