// Every PDB procedure the plug-in offers: its name, and how to build it.
#pragma once

#include <glib/gi18n-lib.h>
#include <libgimp/gimp.h>

#include <exception>
#include <string>

namespace smp_plugin {

inline constexpr const char* binary_name = "gimp-smp";
inline constexpr const char* stipple_layer_name = "plug-in-smp-stipple-layer";
inline constexpr const char* calibrate_scale_name = "plug-in-smp-calibrate-scale";
inline constexpr const char* design_hairline_name = "plug-in-smp-design-hairline";
inline constexpr const char* simulate_name = "plug-in-smp-simulate";
inline constexpr const char* match_stubble_name = "plug-in-smp-match-stubble";
inline constexpr const char* save_preset_name = "plug-in-smp-save-preset";
inline constexpr const char* list_presets_name = "plug-in-smp-list-presets";
inline constexpr const char* rename_preset_name = "plug-in-smp-rename-preset";
inline constexpr const char* delete_preset_name = "plug-in-smp-delete-preset";
inline constexpr const char* export_stencil_name = "plug-in-smp-export-stencil";
inline constexpr const char* before_after_name = "plug-in-smp-before-after";
inline constexpr const char* camouflage_scar_name = "plug-in-smp-camouflage-scar";
inline constexpr const char* analyse_scalp_name = "plug-in-smp-analyse-scalp";

GimpProcedure* create_stipple_layer_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_calibrate_scale_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_design_hairline_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_simulate_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_match_stubble_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_save_preset_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_list_presets_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_rename_preset_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_delete_preset_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_export_stencil_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_before_after_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_camouflage_scar_procedure(GimpPlugIn* plug_in);
GimpProcedure* create_analyse_scalp_procedure(GimpPlugIn* plug_in);

// A failed run that tells the user what is wrong and what to do: the caller's mistake (a wrong
// argument, nothing selected, a missing path), or something that went wrong in the run itself.
GimpValueArray* calling_error(GimpProcedure* procedure, const std::string& message);
GimpValueArray* execution_error(GimpProcedure* procedure, const std::string& message);
// A message from a translated printf format: translators can reorder what it fills in.
std::string formatted(const char* format, ...) G_GNUC_PRINTF(1, 2);

// A procedure's run behind a barrier: GIMP calls it from C, where no exception may arrive.
using ImageRun = GimpValueArray* (*)(GimpProcedure*, GimpRunMode, GimpImage*, GimpDrawable**, GimpProcedureConfig*,
                                     gpointer);
GimpValueArray* failed_with(GimpProcedure* procedure, std::exception_ptr error);
template <ImageRun run>
GimpValueArray* guarded(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable** drawables,
                        GimpProcedureConfig* config, gpointer data)
{
  try {
    return run(procedure, run_mode, image, drawables, config, data);
  } catch (...) {
    return failed_with(procedure, std::current_exception());
  }
}

// In interactive runs: the procedure's own dialog, built from its arguments; false if cancelled.
bool confirmed_in_dialog(GimpProcedure* procedure, GimpProcedureConfig* config, const char* title);

}  // namespace smp_plugin
