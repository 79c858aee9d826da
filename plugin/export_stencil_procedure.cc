// "Export Stencil": the hairline as a 1:1 measurement sheet for the technician (vector PDF, and
// SVG): the curve, the transition zone's edges, the midline, landmark ticks with their distances
// in millimetres, a 100 mm scale bar, a 10 mm grid and a title block. Only from a calibrated
// image: a stencil at a guessed scale would be drawn on the client at the wrong size.
#include <cmath>
#include <string>

#include "arguments.hpp"
#include "gimp_paths.hpp"
#include "hairline/hairline_mask.hpp"
#include "hairline/hairline_measure.hpp"
#include "image_scale.hpp"
#include "procedures.hpp"
#include "deliverables/stencil_sheet.hpp"

namespace smp_plugin {
namespace {

using smp_deliverables::Paper;
using smp_deliverables::StencilDrawing;
using smp_deliverables::StencilPages;
using smp_deliverables::StencilTick;
using smp_deliverables::StencilTitle;
using smp_deliverables::write_stencil_pdf;
using smp_deliverables::write_stencil_svg;

constexpr const char* hairline_path_name = "SMP hairline";
constexpr const char* simulation_prefix = "SMP simulation - ";

std::string mm(double value)
{
  char text[32];
  g_snprintf(text, sizeof text, "%.1f", std::round(value * 10.0) / 10.0 + 0.0);  // never "-0.0"
  return text;
}

// A height on the sheet in words whose sign means what it says: "12.0 mm above", "3.5 mm below"
// (above: towards the top of the head).
std::string height(double up_mm, const char* above, const char* below)
{
  return mm(std::abs(up_mm)) + " mm " + (up_mm >= -0.05 ? above : below);
}

std::string string_argument(GimpProcedureConfig* config, const char* name)
{
  gchar* value = nullptr;
  g_object_get(config, name, &value, nullptr);
  std::string s = value ? value : "";
  g_free(value);
  return s;
}

// The preset named by the image's simulation group, if it has one.
std::string preset_of(GimpImage* image)
{
  std::string preset;
  GimpLayer** layers = gimp_image_get_layers(image);
  for (int i = 0; layers && layers[i] && preset.empty(); ++i) {
    gchar* name = gimp_item_get_name(GIMP_ITEM(layers[i]));
    if (g_str_has_prefix(name, simulation_prefix))
      preset = name + std::string(simulation_prefix).size();
    g_free(name);
  }
  g_free(layers);
  return preset;
}

std::string today()
{
  GDateTime* now = g_date_time_new_now_local();
  gchar* text = g_date_time_format(now, "%Y-%m-%d");
  std::string s = text;
  g_free(text);
  g_date_time_unref(now);
  return s;
}

// Landmarks for the face frame: the given path or the one named "SMP landmarks" (glabella,
// image-left eye, image-right eye), or else the hairline's own end points, their midpoint
// standing in for the glabella.
bool reference_of(GimpImage* image, GimpProcedureConfig* config, const smp::Path& hairline, smp::FrontLandmarks& landmarks,
                  bool& from_face, std::string& problem)
{
  if (GimpPath* given = landmarks_path(image, config)) {
    from_face = true;
    return landmarks_on(given, config, landmarks, problem);
  }
  // In drawing order, so that the sheet's up is the hairline's hair side (the top of the head)
  // whichever way the face points in the photo: a stencil always reads upright.
  const auto& segments = hairline.subpaths.front().segments;
  const smp::Point a = segments.front().start, b = segments.back().end;
  landmarks = {{0.5 * (a.x + b.x), 0.5 * (a.y + b.y)}, a, b, smp::FaceMarks::lateral_canthi};
  from_face = false;
  return true;
}

StencilDrawing drawing_of(const smp::Path& hairline, const smp::FrontLandmarks& landmarks, bool from_face,
                          double px_per_mm, double transition_mm, StencilTitle& title)
{
  StencilDrawing d;
  d.hairline = smp::face_polylines_mm(landmarks, hairline, px_per_mm);
  d.transition_edges = smp::offset_edges(d.hairline, 0.5 * transition_mm);
  const smp::FrontHairlineMeasures m = smp::measure_front_hairline(landmarks, hairline, px_per_mm);
  const std::string origin =
      from_face ? std::string(landmarks.reference()) + " (A)" : "the line joining the hairline's ends (A)";
  d.ticks.push_back({{0.0, 0.0}, !from_face ? "A" : landmarks.from_brow_line() ? "A brow line" : "A glabella"});
  if (from_face) {
    const char* side = landmarks.marks == smp::FaceMarks::brows    ? "brow"
                       : landmarks.marks == smp::FaceMarks::pupils ? "pupil"
                                                                   : "lateral canthus";
    d.ticks.push_back({smp::face_point_mm(landmarks, px_per_mm, landmarks.left), side});
    d.ticks.push_back({smp::face_point_mm(landmarks, px_per_mm, landmarks.right), side});
  }
  double top = 20.0;
  if (m.crosses_midline) {
    d.ticks.push_back({m.mid_frontal_mm, "B " + mm(m.mid_frontal_mm.y) + " mm"});
    title.measurements.push_back("Mid-frontal point (B): " + height(m.mid_frontal_mm.y, "above ", "below ") + origin +
                                 ", on the midline");
    top = std::max(top, m.mid_frontal_mm.y);
  }
  if (m.has_temple_points) {
    auto where = [&](const smp::Point& p) { return mm(std::abs(p.x)) + " mm lateral, " + height(p.y, "up", "down"); };
    d.ticks.push_back({m.frontotemporal_left_mm, "C"});
    d.ticks.push_back({m.frontotemporal_right_mm, "C'"});
    d.ticks.push_back({m.temporal_peak_left_mm, "D"});
    d.ticks.push_back({m.temporal_peak_right_mm, "D'"});
    title.measurements.push_back("Temple points: C (left on the sheet) " + where(m.frontotemporal_left_mm) + "; C' " +
                                 where(m.frontotemporal_right_mm));
    title.measurements.push_back("Temporal peaks: D (left on the sheet) " + where(m.temporal_peak_left_mm) + "; D' " +
                                 where(m.temporal_peak_right_mm) + ". Transition zone " + mm(transition_mm) +
                                 " mm (dashed).");
    for (const smp::Point& p : {m.frontotemporal_left_mm, m.frontotemporal_right_mm})
      top = std::max(top, p.y);
  }
  d.midline_bottom_mm = -15.0;
  d.midline_top_mm = top + 25.0;
  return d;
}

std::string with_extension(const std::string& file, const char* extension)
{
  const auto dot = file.find_last_of('.');
  const auto slash = file.find_last_of('/');
  const std::string stem = dot != std::string::npos && (slash == std::string::npos || dot > slash) ? file.substr(0, dot) : file;
  return stem + extension;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable**,
                    GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE && !confirmed_in_dialog(procedure, config, _("SMP Export Stencil")))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);

  gboolean trust_resolution = FALSE;
  g_object_get(config, "scale-from-resolution", &trust_resolution, nullptr);
  std::string scale_source = calibrated_scale_source(image);
  const double px_per_mm = px_per_mm_of(image);
  const std::string scale_note = string_argument(config, "scale-note");
  if (scale_source.empty() && trust_resolution)
    scale_source = scale_note.empty() ? "the image resolution as set in Image > Print Size (not calibrated in SMP)"
                                      : "the image resolution: " + scale_note;
  if (scale_source.empty())
    return calling_error(procedure,
                   _("Export Stencil: the image's scale is not calibrated, so a 1:1 stencil would print at the wrong "
                     "size. Draw a path with two anchors on the ends of a ruler in the photo (or on the centres of the "
                     "pupils) and run Filters > Render > SMP > SMP Calibrate Scale; or, if Image > Print Size already "
                     "holds the true scale, pass scale-from-resolution."));

  GimpPath* hairline_path = nullptr;
  g_object_get(config, "hairline", &hairline_path, nullptr);
  if (hairline_path)
    g_object_unref(hairline_path);  // the image keeps it
  else
    hairline_path = gimp_image_get_path_by_name(image, hairline_path_name);
  const smp::Path hairline = hairline_path ? path_of(hairline_path) : smp::Path{};
  if (hairline.empty())
    return calling_error(procedure, _("Export Stencil: the image has no path \"SMP hairline\": design one with SMP Design "
                                "Hairline (or Simulate SMP), or pass the path to draw as \"hairline\"."));

  GFile* file = nullptr;
  g_object_get(config, "file", &file, nullptr);
  if (!file)
    return calling_error(procedure, _("Export Stencil: give the PDF file to write (\"file\")."));
  gchar* file_path = g_file_get_path(file);
  g_object_unref(file);
  const std::string pdf = file_path ? file_path : "";
  g_free(file_path);
  if (pdf.empty())
    return calling_error(procedure, _("Export Stencil: the file must be a local path."));

  smp::FrontLandmarks landmarks;
  bool from_face = false;
  std::string problem;
  if (!reference_of(image, config, hairline, landmarks, from_face, problem))
    return calling_error(procedure, formatted(_("Export Stencil: %s."), problem.c_str()));

  double transition_mm = smp::HairlineMaskSettings{}.transition_width_mm;
  g_object_get(config, "transition-width-mm", &transition_mm, nullptr);
  StencilTitle title;
  title.client_reference = string_argument(config, "client-reference");
  title.date = string_argument(config, "date");
  title.preset = string_argument(config, "preset");
  if (title.date.empty())
    title.date = today();
  if (title.preset.empty())
    title.preset = preset_of(image);
  if (title.preset.empty())
    title.preset = "(none)";
  char scale[64];
  g_snprintf(scale, sizeof scale, "%.3f px/mm from ", px_per_mm);
  title.scale_source = scale + scale_source;
  const StencilDrawing drawing = drawing_of(hairline, landmarks, from_face, px_per_mm, transition_mm, title);

  const Paper paper = gimp_procedure_config_get_choice_id(config, "paper") == 1 ? Paper::letter : Paper::a4;
  StencilPages pages;
  if (!write_stencil_pdf(pdf, paper, drawing, title, pages, problem))
    return execution_error(procedure, formatted(_("Export Stencil: did not write %s: %s"), pdf.c_str(), problem.c_str()));
  gboolean svg = TRUE;
  g_object_get(config, "svg", &svg, nullptr);
  if (svg && !write_stencil_svg(with_extension(pdf, ".svg"), drawing, title, problem))
    return execution_error(procedure, formatted(_("Export Stencil: could not write %s: %s"),
                                                with_extension(pdf, ".svg").c_str(), problem.c_str()));

  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_int(gimp_value_array_index(values, 1), pages.columns * pages.rows);
  return values;
}

}  // namespace

GimpProcedure* create_export_stencil_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, export_stencil_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, _("SMP Export _Stencil..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Write the hairline as a 1:1 stencil sheet (PDF and SVG)"),
      _("Draws the path \"SMP hairline\" at its true size from the calibrated image: the curve, the transition zone's "
        "edges, the midline, landmark ticks with their distances (the mid-frontal point above the glabella, the temple "
        "points), a 100 mm scale bar, a 10 mm grid and a title block. A4 or Letter; a larger drawing is tiled over "
        "several pages with alignment marks. Give the landmarks path (glabella, image-left eye, image-right eye) for "
        "distances from the glabella. Calibrate the scale first (SMP Calibrate Scale)."),
      export_stencil_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  gimp_procedure_add_file_argument(procedure, "file", _("_PDF file"), _("Where to write the stencil (PDF)"),
                                   GIMP_FILE_CHOOSER_ACTION_SAVE, TRUE, nullptr, G_PARAM_READWRITE);
  gimp_procedure_add_boolean_argument(procedure, "svg", _("Also write S_VG"), _("An SVG of the whole drawing beside the PDF"),
                                      TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument(
      procedure, "paper", _("_Paper"), _("Page size"),
      gimp_choice_new_with_values("a4", 0, "A4", nullptr, "letter", 1, _("Letter"), nullptr, nullptr), "a4",
      G_PARAM_READWRITE);
  gimp_procedure_add_path_argument(procedure, "hairline", _("_Hairline"), _("The curve to draw (default: \"SMP hairline\")"),
                                   TRUE, G_PARAM_READWRITE);
  add_landmark_arguments(procedure, _("Glabella, image-left eye, image-right eye, or the brows, as for Design Hairline (default: the "
                                      "path \"SMP landmarks\"); without them distances are from the line joining the "
                                      "hairline's ends"));
  gimp_procedure_add_double_argument(procedure, "transition-width-mm", _("_Transition width (mm)"),
                                     _("Width of the transition zone drawn either side of the line"), 0.0,
                                     smp::HairlineMaskLimits::transition_max, smp::HairlineMaskSettings{}.transition_width_mm,
                                     G_PARAM_READWRITE);
  gimp_procedure_add_string_argument(procedure, "client-reference", _("_Client reference"),
                                     _("Printed in the title block (a reference, not the client's name)"), "",
                                     G_PARAM_READWRITE);
  gimp_procedure_add_string_argument(procedure, "date", _("_Date"), _("Printed in the title block (default: today)"), "",
                                     G_PARAM_READWRITE);
  gimp_procedure_add_string_argument(procedure, "preset", _("P_reset"),
                                     _("Printed in the title block (default: the image's SMP simulation)"), "",
                                     G_PARAM_READWRITE);
  gimp_procedure_add_boolean_argument(procedure, "scale-from-resolution", _("Trust the image _resolution"),
                                      _("Use the resolution as the true scale although SMP Calibrate Scale did not set it"),
                                      FALSE, G_PARAM_READWRITE);
  gimp_procedure_add_string_argument(procedure, "scale-note", _("Scale _note"),
                                     _("With scale-from-resolution: how that resolution was measured, for the title block"),
                                     "", G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value(procedure, "pages", _("Pages"), _("How many pages the PDF has"), 0, 400, 0,
                                      G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
