// "Calibrate Scale": sets the image resolution from a line of known length in the photo (a
// ruler, or the two pupils, 63 mm apart in the average adult), so that every SMP filter works
// in true millimetres.
#include <cmath>
#include <string>

#include "dialog_preview.hpp"
#include "gimp_paths.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

constexpr double mean_interpupillary_mm = 63.0;  // docs/domain.md, "Hairline design" (scale in photos)
constexpr double mm_per_inch = 25.4;
// GIMP refuses resolutions outside 5..1 048 576 dpi; keep inside with room.
constexpr double min_dpi = 5.0, max_dpi = 1e6;

enum Reference { ruler = 0, pupils = 1, known = 2 };

// The resolution (dpi) the path and the known length give and how (for the stencil's title
// block), or false and what to do.
bool resolution_of(GimpImage* image, GimpProcedureConfig* config, double& dpi, std::string& source,
                   std::string& problem)
{
  const int reference = gimp_procedure_config_get_choice_id(config, "reference");
  if (reference == known) {
    double px_per_mm = 0.0;
    g_object_get(config, "px-per-mm", &px_per_mm, nullptr);
    dpi = px_per_mm * mm_per_inch;
    if (!(dpi >= min_dpi && dpi <= max_dpi)) {
      problem = _("give the known scale in pixels per millimetre (px-per-mm), for example from the camera set-up.");
      return false;
    }
    char given[32];
    g_snprintf(given, sizeof given, "%g", px_per_mm);
    source = std::string(given) + " px/mm given as known (SMP Calibrate Scale)";
    return true;
  }
  GimpPath* path = path_argument(config, "path", image, problem);
  if (!path) {
    problem += _(", with its two anchors on the ends of the ruler or on the two pupils.");
    return false;
  }
  const auto anchors = anchors_of(path);
  gchar* name = gimp_item_get_name(GIMP_ITEM(path));
  const std::string path_name = name;
  g_free(name);
  const std::string named = "the path \"" + path_name + "\"";  // in the scale's source (metadata): English
  if (anchors.size() != 2) {
    problem = formatted(_("the path \"%s\" has %d anchors in its first stroke; it needs exactly two, one on each end "
                          "of the known length."),
                        path_name.c_str(), static_cast<int>(anchors.size()));
    return false;
  }
  const double length_px = std::hypot(anchors[1].x - anchors[0].x, anchors[1].y - anchors[0].y);
  double length_mm = 0.0;
  g_object_get(config, "length-mm", &length_mm, nullptr);
  if (length_mm <= 0.0 && reference == pupils)
    length_mm = mean_interpupillary_mm;
  if (!(length_mm > 0.0)) {
    problem = _("give the ruler's length in millimetres (length-mm).");
    return false;
  }
  dpi = length_px / length_mm * mm_per_inch;
  if (!(length_px >= 2.0) || dpi < min_dpi || dpi > max_dpi) {
    problem = formatted(_("the two anchors of the path \"%s\" are %f px apart for %f mm; place them on the ends of "
                          "the known length."),
                        path_name.c_str(), length_px, length_mm);
    return false;
  }
  char length[32];
  g_snprintf(length, sizeof length, "%.1f", length_mm);
  source = std::string(reference == pupils ? "pupils " : "ruler ends ") + length + " mm apart on " + named +
           " (SMP Calibrate Scale)";
  return true;
}

// The dialog's live note: the scale the run would set, beside the image's present one.
PreviewContent note_of(GimpImage* image, GimpProcedureConfig* config)
{
  double dpi = 0.0;
  std::string source, problem;
  if (!resolution_of(image, config, dpi, source, problem))
    return {nullptr, formatted(_("Calibrate Scale: %s"), problem.c_str())};
  gchar* note = g_strdup_printf(_("Sets %.2f px/mm (%.1f dpi); the image has %.2f px/mm now."), dpi / mm_per_inch, dpi,
                                px_per_mm_of(image));
  PreviewContent content{nullptr, note};
  g_free(note);
  return content;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable**,
                    GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE &&
      !confirmed_with_preview(procedure, config, _("SMP Calibrate Scale"), image,
                              [image](GimpProcedureConfig* c, GeglBuffer*, double) { return note_of(image, c); },
                              PreviewKind::note_only))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);
  double dpi = 0.0;
  std::string source, problem;
  if (!resolution_of(image, config, dpi, source, problem))
    return calling_error(procedure, formatted(_("Calibrate Scale: %s"), problem.c_str()));
  {
    UndoGroup undo(image);
    gimp_image_set_resolution(image, dpi, dpi);
    record_scale_source(image, source);
  }
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_double(gimp_value_array_index(values, 1), px_per_mm_of(image));
  return values;
}

}  // namespace

GimpProcedure* create_calibrate_scale_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, calibrate_scale_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, _("SMP _Calibrate Scale..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Set the image's scale from a line of known length"),
      _("Draw a path with two anchors on the ends of a ruler in the photo (give its length), or on the centres of the "
        "two pupils (63 mm apart unless you give the client's own distance), or give a scale known already. Sets the image resolution, so that SMP "
        "filters and hairlines are in true millimetres, and returns the pixels per millimetre."),
      calibrate_scale_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");
  gimp_procedure_add_path_argument(procedure, "path", _("_Path"), _("Two anchors on the known length (default: the selected path)"),
                                   TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument(
      procedure, "reference", _("Re_ference"), _("What the two anchors mark"),
      gimp_choice_new_with_values("ruler", ruler, _("Ruler"), _("A ruler or object of known length"), "pupils", pupils,
                                  _("Pupils"), _("The centres of the two pupils"), "known", known, _("Known scale"),
                                  _("Pixels per millimetre known already (no path needed)"), nullptr),
      "ruler", G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "length-mm", _("Len_gth (mm)"),
                                     _("The known length; 0 with pupils means 63 mm, the adult mean"), 0.0, 10000.0, 0.0,
                                     G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "px-per-mm", _("Known _scale (px/mm)"),
                                     _("With a known scale: the pixels per millimetre"), 0.0, 1e5, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "px-per-mm", _("Pixels per mm"), _("The scale now set"), 0.0, 1e6, 0.0,
                                         G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
