// "Design Hairline": constructs a hairline from face landmarks (front view) or from an
// elliptical selection of the head (top view), as the editable path "SMP hairline", and
// renders its density ramp into the channel "SMP hairline density" with smp:hairline-mask.
#include <cmath>
#include <string>

#include "dialog_preview.hpp"
#include "gimp_paths.hpp"
#include "hairline/hairline_design.hpp"
#include "hairline/hairline_mask.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "presets/preset_density.hpp"
#include "preview_render.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

constexpr const char* path_name = "SMP hairline";
constexpr const char* channel_name = "SMP hairline density";

enum View { front_view = 0, top_view = 1 };
enum Eyes { canthi = 0, pupils = 1 };
enum Facing { facing_up = 0, facing_down, facing_left, facing_right };

struct DoubleArgument {
  const char* name;
  const char* nick;
  const char* blurb;
  double min, max, value;
  double smp::HairlineDesign::*member;
};

const DoubleArgument design_arguments[] = {
    {"mfp-height-mm", "_Mid-frontal point (mm)", "Height of the mid-frontal point above the glabella; 8 cm is the common rule",
     smp::HairlineDesignLimits::mfp_min, smp::HairlineDesignLimits::mfp_max, 80.0, &smp::HairlineDesign::mfp_height_mm},
    {"recession-mm", "Temple _recession (mm)", "Receded style: how much higher the temple corners sit", 0.0,
     smp::HairlineDesignLimits::recession_max, 15.0, &smp::HairlineDesign::recession_mm},
    {"peak-depth-mm", "Peak _depth (mm)", "Widow's peak: how far the point dips", 0.0,
     smp::HairlineDesignLimits::peak_depth_max, 8.0, &smp::HairlineDesign::peak_depth_mm},
    {"peak-width-mm", "Peak _width (mm)", "Widow's peak: its width", 5.0, smp::HairlineDesignLimits::peak_width_max,
     30.0, &smp::HairlineDesign::peak_width_mm},
    {"asymmetry-mm", "_Asymmetry (mm)", "The image-left corner higher by this much (negative: lower)",
     -smp::HairlineDesignLimits::asymmetry_max, smp::HairlineDesignLimits::asymmetry_max, 0.0,
     &smp::HairlineDesign::asymmetry_mm},
    {"irregularity-mm", "_Irregularity (mm)", "How far the anchors undulate up and down (macro-irregularity)", 0.0,
     smp::HairlineDesignLimits::irregularity_max, 2.0, &smp::HairlineDesign::irregularity_mm},
    {"irregularity-wavelength-mm", "Undulation wavelen_gth (mm)", "Length of one undulation",
     smp::HairlineDesignLimits::wavelength_min, smp::HairlineDesignLimits::wavelength_max, 20.0,
     &smp::HairlineDesign::irregularity_wavelength_mm},
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
  int seed = 0;
  g_object_get(config, "seed", &seed, nullptr);
  design.seed = static_cast<std::uint32_t>(seed);
  return design;
}

// The hairline in image pixels, and the region its density fills (the hair side: for a top
// view only the head behind the line), or a message saying what is missing.
bool hairline_of(GimpImage* image, GimpProcedureConfig* config, double px_per_mm, smp::Path& hairline,
                 smp::Path& hair_region, std::string& problem)
{
  const smp::HairlineDesign design = design_of(config);
  if (gimp_procedure_config_get_choice_id(config, "view") == front_view) {
    GimpPath* landmarks = path_argument(config, "landmarks", image, problem);
    if (!landmarks) {
      problem = "front view: " + problem + ", with three anchors in this order: the glabella, then the eye on the "
                "image's left, then the eye on its right (lateral canthi, or pupils with eyes=pupils)";
      return false;
    }
    const auto anchors = anchors_of(landmarks);
    if (anchors.size() != 3) {
      problem = "front view: the landmarks path has " + std::to_string(anchors.size()) +
                " anchors; it needs three: the glabella, the image-left eye, the image-right eye";
      return false;
    }
    if (anchors[1].x >= anchors[2].x) {
      problem = "front view: the second landmark (the image-left eye) must be left of the third";
      return false;
    }
    const bool by_pupils = gimp_procedure_config_get_choice_id(config, "eyes") == pupils;
    hairline = smp::front_hairline({anchors[0], anchors[1], anchors[2], by_pupils}, px_per_mm, design);
    hair_region = hairline;
    return true;
  }
  smp::HeadFrame head;
  if (!head_from_selection(image, gimp_procedure_config_get_choice_id(config, "front"), head)) {
    problem = "top view: select the head with the Ellipse Select tool first";
    return false;
  }
  hairline = smp::top_hairline(head, px_per_mm, design);
  hair_region = smp::top_hair_region(head, hairline);
  return true;
}

// The density ramp the channel gets: the hair region, soft across the transition width, irregular.
smp::MaskSpec density_of(GimpProcedureConfig* config, const smp::Path& hair_region)
{
  double transition_mm = 8.0;
  int seed = 0;
  g_object_get(config, "transition-width-mm", &transition_mm, "seed", &seed, nullptr);
  return {hair_region, transition_mm, true, static_cast<std::uint32_t>(seed)};
}

PreviewContent preview_of(GimpImage* image, GimpProcedureConfig* config, GeglBuffer* photo, double scale)
{
  const double px_per_mm = px_per_mm_of(image);
  smp::Path hairline, hair_region;
  std::string problem;
  if (!hairline_of(image, config, px_per_mm, hairline, hair_region, problem))
    return {nullptr, "To preview: " + problem + "."};
  const smp::MaskSpec density = density_of(config, hair_region);
  gchar* note = g_strdup_printf("%s hairline at %.1f px/mm: the yellow line is the path, white lines the 10%% and 90%% "
                                "edges of its %.0f mm density ramp.",
                                smp::hairline_style_name(design_of(config).style), px_per_mm, density.transition_mm);
  PreviewContent content{hairline_preview(photo, scale, px_per_mm, hairline, density), note};
  g_free(note);
  return content;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable**,
                    GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE &&
      !confirmed_with_preview(procedure, config, "SMP Design Hairline", image,
                              [image](GimpProcedureConfig* c, GeglBuffer* photo, double scale) {
                                return preview_of(image, c, photo, scale);
                              }))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);
  const double px_per_mm = px_per_mm_of(image);
  smp::Path hairline, hair_region;
  std::string problem;
  if (!hairline_of(image, config, px_per_mm, hairline, hair_region, problem))
    return failure(procedure, ("Design Hairline: " + problem + ".").c_str());
  GimpPath* path = nullptr;
  GimpChannel* channel = nullptr;
  {
    UndoGroup undo(image);
    PreservedSelectedLayers keep_selected(image);
    path = insert_path(image, hairline, path_name);
    // With a selection GIMP renders a source op from the selection's corner, not the image's.
    const LiftedSelection whole_image(image);
    const smp::MaskSpec density = density_of(config, hair_region);
    channel = render_mask_channel(image, density.region, channel_name, px_per_mm, density.transition_mm,
                                  density.irregular, density.seed);
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
      gimp_image_procedure_new(plug_in, design_hairline_name, GIMP_PDB_PROC_TYPE_PLUGIN, run, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, "SMP _Design Hairline...");
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, "Construct a hairline and its density ramp",
      "Front view: a path with three anchors, in this order: the glabella, the eye on the image's left, the eye on "
      "its right (lateral canthi, or pupils). Top view: an elliptical selection around the head. Creates the editable "
      "path \"SMP hairline\" and the channel \"SMP hairline density\" (full density on the hair side, a ramp across "
      "the transition zone). Calibrate the scale first: distances are in millimetres.",
      design_hairline_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  gimp_procedure_add_choice_argument(
      procedure, "view", "_View", "What the photo shows",
      gimp_choice_new_with_values("front", front_view, "Front", "The face, from the front", "top", top_view, "Top",
                                  "The head from above", nullptr),
      "front", G_PARAM_READWRITE);
  gimp_procedure_add_path_argument(procedure, "landmarks", "_Landmarks",
                                   "Front view: glabella, image-left eye, image-right eye (default: the selected path)",
                                   TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument(
      procedure, "eyes", "_Eyes marked at", "Which point of each eye the landmarks mark",
      gimp_choice_new_with_values("canthi", canthi, "Lateral canthi", "The outer corners of the eyes", "pupils", pupils,
                                  "Pupils", "The centres of the pupils", nullptr),
      "canthi", G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument(
      procedure, "front", "_Front of the head", "Top view: which way the face points in the image",
      gimp_choice_new_with_values("up", facing_up, "Up", nullptr, "down", facing_down, "Down", nullptr, "left",
                                  facing_left, "Left", nullptr, "right", facing_right, "Right", nullptr, nullptr),
      "up", G_PARAM_READWRITE);
  GimpChoice* styles = gimp_choice_new();
  const char* const labels[] = {"Juvenile (straight, low)", "Mature (V, higher)", "Rounded (female)", "Receded temples",
                                "Widow's peak", "Defined (edge-up)"};
  for (int i = 0; i < 6; ++i)
    gimp_choice_add(styles, style_nicks[i], i, labels[i], nullptr);
  gimp_procedure_add_choice_argument(procedure, "style", "_Style", "The hairline style", styles, "juvenile",
                                     G_PARAM_READWRITE);
  for (const DoubleArgument& a : design_arguments)
    gimp_procedure_add_double_argument(procedure, a.name, a.nick, a.blurb, a.min, a.max, a.value, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "transition-width-mm", "_Transition width (mm)",
                                     "Width of the density ramp across the line (10% to 90%)",
                                     smp::HairlineMaskLimits::transition_min, smp::HairlineMaskLimits::transition_max,
                                     smp::HairlineMaskSettings{}.transition_width_mm, G_PARAM_READWRITE);
  gimp_procedure_add_int_argument(procedure, "seed", "Ra_ndom seed", "Same seed, same irregularity", 0, G_MAXINT, 0,
                                  G_PARAM_READWRITE);
  gimp_procedure_add_path_return_value(procedure, "path", "Path", "The hairline path", FALSE, G_PARAM_READWRITE);
  gimp_procedure_add_channel_return_value(procedure, "channel", "Channel", "The hairline density", FALSE,
                                          G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
