// "Design Hairline": constructs a hairline from face landmarks (front view) or from an
// elliptical selection of the head (top view), as the editable path "SMP hairline", and
// renders its density ramp into the channel "SMP hairline density" with smp:hairline-mask.
#include <cmath>
#include <optional>
#include <string>

#include "arguments.hpp"
#include "dialog_preview.hpp"
#include "face_reference.hpp"
#include "filter_graph.hpp"
#include "gimp_paths.hpp"
#include "hairline/hairline_design.hpp"
#include "hairline/hairline_mask.hpp"
#include "head_fit.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "presets/density_plan.hpp"
#include "preview_render.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

constexpr const char* path_name = "SMP hairline";
constexpr const char* channel_name = "SMP hairline density";

enum View { front_view = 0, top_view = 1 };

struct DoubleArgument {
  const char* name;
  const char* nick;
  const char* blurb;
  double min, max, value;
  double smp::HairlineDesign::*member;
  const char* only_for_style;  // the one style it shapes (nullptr: every style)
};

using Limits = smp::HairlineDesignLimits;
const smp::HairlineDesign defaults;
const DoubleArgument design_arguments[] = {
    {"mfp-height-mm", N_("_Mid-frontal point (mm)"), N_("Height of the mid-frontal point above the glabella (or the brow line, landmarks at the brows); 8 cm is the common rule"),
     Limits::mfp_min, Limits::mfp_max, defaults.mfp_height_mm, &smp::HairlineDesign::mfp_height_mm, nullptr},
    {"recession-mm", N_("Temple _recession (mm)"), N_("Receded style: how much higher the temple corners sit"), 0.0,
     Limits::recession_max, defaults.recession_mm, &smp::HairlineDesign::recession_mm, "receded"},
    {"peak-depth-mm", N_("Peak _depth (mm)"), N_("Widow's peak: how far the point dips"), 0.0,
     Limits::peak_depth_max, defaults.peak_depth_mm, &smp::HairlineDesign::peak_depth_mm, "widows-peak"},
    {"peak-width-mm", N_("Peak _width (mm)"), N_("Widow's peak: its width"), Limits::peak_width_min, Limits::peak_width_max,
     defaults.peak_width_mm, &smp::HairlineDesign::peak_width_mm, "widows-peak"},
    {"asymmetry-mm", N_("_Asymmetry (mm)"), N_("The image-left corner higher by this much (negative: lower)"),
     -Limits::asymmetry_max, Limits::asymmetry_max, defaults.asymmetry_mm,
     &smp::HairlineDesign::asymmetry_mm, nullptr},
    {"irregularity-mm", N_("_Irregularity (mm)"), N_("How far the anchors undulate up and down (macro-irregularity)"), 0.0,
     Limits::irregularity_max, Limits::designer_irregularity_mm, &smp::HairlineDesign::irregularity_mm, nullptr},
    {"irregularity-wavelength-mm", N_("Undulation wavelen_gth (mm)"), N_("Length of one undulation"),
     Limits::wavelength_min, Limits::wavelength_max, defaults.irregularity_wavelength_mm,
     &smp::HairlineDesign::irregularity_wavelength_mm, nullptr},
};

const char* const style_nicks[] = {"juvenile", "mature", "rounded", "receded", "widows-peak", "defined"};

smp::HairlineDesign design_of(GimpProcedureConfig* config)
{
  smp::HairlineDesign design;
  for (const DoubleArgument& a : design_arguments)
    g_object_get(config, a.name, &(design.*a.member), nullptr);
  gchar* style = nullptr;
  g_object_get(config, "style", &style, nullptr);
  smp::parse_hairline_style(style ? style : "juvenile", design.style);
  g_free(style);
  design.seed = seed_of(config);
  return design;
}

// In the dialog: what the chosen view or style does not use is greyed out.
bool applies(GimpProcedureConfig* config, const char* argument)
{
  const bool front = gimp_procedure_config_get_choice_id(config, "view") == front_view;
  if (!applies_to_view(argument, front ? smp::View::front : smp::View::top))
    return false;
  gchar* style = nullptr;
  g_object_get(config, "style", &style, nullptr);
  bool shaping = true;
  for (const DoubleArgument& a : design_arguments)
    if (a.only_for_style && std::string(argument) == a.name)
      shaping = style && std::string(style) == a.only_for_style;
  g_free(style);
  return shaping;
}

// The hairline in image pixels, and the region its density fills (the hair side: for a top
// view only the head behind the line), or a message saying what is missing.
// A front view's landmarks go in `face`.
bool hairline_of(GimpImage* image, GimpProcedureConfig* config, double px_per_mm, smp::Path& hairline,
                 smp::Path& hair_region, std::optional<smp::FrontLandmarks>& face, std::string& problem)
{
  const smp::HairlineDesign design = design_of(config);
  if (gimp_procedure_config_get_choice_id(config, "view") == front_view) {
    smp::FrontLandmarks landmarks;
    if (!landmarks_of(image, config, landmarks, problem)) {
      problem = formatted(_("front view: %s"), problem.c_str());
      return false;
    }
    face = landmarks;
    hairline = smp::front_hairline(landmarks, px_per_mm, design);
    hair_region = hairline;
    return true;
  }
  const auto head = head_from_selection(image, facing_of(config));
  if (!head) {
    problem = _("top view: select the head with the Ellipse Select tool first");
    return false;
  }
  hairline = smp::top_hairline(*head, px_per_mm, design);
  hair_region = smp::top_hair_region(*head, hairline);
  return true;
}

// The density ramp the channel gets: the hair region, soft across the transition width,
// irregular, as a plan of one zone.
smp::DensityPlan density_of(GimpProcedureConfig* config, const smp::Path& hair_region, double px_per_mm)
{
  double transition_mm = smp::HairlineMaskSettings{}.transition_width_mm;
  g_object_get(config, "transition-width-mm", &transition_mm, nullptr);
  return smp::one_zone_plan(px_per_mm, {hair_region, transition_mm, true, seed_of(config)});
}

PreviewContent preview_of(GimpImage* image, GimpProcedureConfig* config, GeglBuffer* photo, double scale)
{
  const double px_per_mm = px_per_mm_of(image);
  smp::Path hairline, hair_region;
  std::optional<smp::FrontLandmarks> face;
  std::string problem;
  if (!hairline_of(image, config, px_per_mm, hairline, hair_region, face, problem))
    return {nullptr, formatted(_("To preview: %s."), problem.c_str())};
  const smp::DensityPlan density = density_of(config, hair_region, px_per_mm);
  const std::string heights = face ? formatted(_(", heights from %s"), face->reference()) : "";
  gchar* note = g_strdup_printf(_("%s hairline at %.1f px/mm%s: the yellow line is the path, white lines the 10%% and "
                                  "90%% edges of its %.0f mm density ramp."),
                                smp::hairline_style_name(design_of(config).style), px_per_mm, heights.c_str(),
                                density.zones[0].outline.transition_mm);
  PreviewContent content{hairline_preview(photo, scale, hairline, density), note};
  g_free(note);
  return content;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable**,
                    GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE &&
      !confirmed_with_preview(
          procedure, config, _("SMP Design Hairline"), image,
          [image](GimpProcedureConfig* c, GeglBuffer* photo, double scale) { return preview_of(image, c, photo, scale); },
          PreviewKind::picture_and_note, applies))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);
  const double px_per_mm = px_per_mm_of(image);
  smp::Path hairline, hair_region;
  std::optional<smp::FrontLandmarks> face;
  std::string problem;
  if (!hairline_of(image, config, px_per_mm, hairline, hair_region, face, problem))
    return calling_error(procedure, formatted(_("Design Hairline: %s."), problem.c_str()));
  if (!load_smp_operations())
    return execution_error(procedure, _(missing_filters_message));
  GimpPath* path = nullptr;
  GimpChannel* channel = nullptr;
  {
    UndoGroup undo(image);
    PreservedSelectedLayers keep_selected(image);
    path = insert_path(image, hairline, path_name);
    if (face)
      record_face_reference(GIMP_ITEM(path), *face);
    // With a selection GIMP renders a source op from the selection's corner, not the image's.
    const LiftedSelection whole_image(image);
    channel = new_channel(image, channel_name);
    Graph graph;
    render_into(GIMP_DRAWABLE(channel), full_size_density_node(graph, density_of(config, hair_region, px_per_mm),
                                                     smp_filters::density_plan::Output::grey));
  }
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_object(gimp_value_array_index(values, 1), path);
  g_value_set_object(gimp_value_array_index(values, 2), channel);
  return values;
}

}  // namespace

GimpProcedure* create_design_hairline_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, design_hairline_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, _("SMP _Design Hairline..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Construct a hairline and its density ramp"),
      _("Front view: a path with three anchors, in this order: the glabella, the eye on the image's left, the eye on "
        "its right (lateral canthi, or pupils). Top view: an elliptical selection around the head. Creates the editable "
        "path \"SMP hairline\" and the channel \"SMP hairline density\" (full density on the hair side, a ramp across "
        "the transition zone). Calibrate the scale first: distances are in millimetres."),
      design_hairline_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  gimp_procedure_add_choice_argument(
      procedure, "view", _("_View"), _("What the photo shows"),
      gimp_choice_new_with_values("front", front_view, _("Front"), _("The face, from the front"), "top", top_view, _("Top"),
                                  _("The head from above"), nullptr),
      "front", G_PARAM_READWRITE);
  add_landmark_arguments(procedure, _("Front view: glabella, image-left eye, image-right eye, or the brows (default: the path "
                                      "\"SMP landmarks\", else the selected path)"));
  add_front_argument(procedure, _("Top view: which way the face points in the image"));
  GimpChoice* styles = gimp_choice_new();
  const char* const labels[] = {N_("Juvenile (straight, low)"), N_("Mature (V, higher)"), N_("Rounded (female)"),
                                N_("Receded temples"), N_("Widow's peak"), N_("Defined (edge-up)")};
  for (int i = 0; i < 6; ++i)
    gimp_choice_add(styles, style_nicks[i], i, _(labels[i]), nullptr);
  gimp_procedure_add_choice_argument(procedure, "style", _("_Style"), _("The hairline style"), styles, "juvenile",
                                     G_PARAM_READWRITE);
  for (const DoubleArgument& a : design_arguments)
    gimp_procedure_add_double_argument(procedure, a.name, _(a.nick), _(a.blurb), a.min, a.max, a.value, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "transition-width-mm", _("_Transition width (mm)"),
                                     _("Width of the density ramp across the line (10% to 90%)"),
                                     smp::HairlineMaskLimits::transition_min, smp::HairlineMaskLimits::transition_max,
                                     smp::HairlineMaskSettings{}.transition_width_mm, G_PARAM_READWRITE);
  add_seed_argument(procedure, _("Same seed, same irregularity"));
  gimp_procedure_add_path_return_value(procedure, "path", _("Path"), _("The hairline path"), FALSE, G_PARAM_READWRITE);
  gimp_procedure_add_channel_return_value(procedure, "channel", _("Channel"), _("The hairline density"), FALSE,
                                          G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
