// "Save as Preset": a preset with the settings a user tuned (sessions, density, shade) saved
// under a new name in the user's presets folder, where Simulate SMP finds it next time.
#include <glib/gstdio.h>

#include <string>

#include "arguments.hpp"
#include "preset_library.hpp"
#include "presets/preset_writer.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage*, GimpDrawable**,
                    GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE && !confirmed_in_dialog(procedure, config, _("SMP Save as Preset")))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);
  const smp::PresetLibrary library = load_presets();
  std::string problem;
  const smp::Preset* source = chosen_preset(config, library, problem);
  if (!source)
    return calling_error(procedure, formatted(_("Save as Preset: %s"), problem.c_str()));
  gchar* name = nullptr;
  g_object_get(config, "name", &name, nullptr);
  smp::Preset preset = *source;
  preset.name = name ? g_strstrip(name) : "";
  g_free(name);
  if (preset.name.empty())
    return calling_error(procedure, _("Save as Preset: give the new preset a name."));
  preset.stipple = with_overrides(config, preset.stipple);

  const std::string folder = user_preset_folder();
  const std::string file = folder + "/" + smp::preset_file_stem(preset.name) + ".preset";
  GError* error = nullptr;
  if (g_mkdir_with_parents(folder.c_str(), 0755) != 0 ||
      !g_file_set_contents(file.c_str(), smp::preset_to_text(preset).c_str(), -1, &error)) {
    const std::string why = error ? error->message : g_strerror(errno);
    g_clear_error(&error);
    return execution_error(procedure, formatted(_("Save as Preset: cannot write %s: %s"), file.c_str(), why.c_str()));
  }
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_string(gimp_value_array_index(values, 1), file.c_str());
  return values;
}

}  // namespace

GimpProcedure* create_save_preset_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, save_preset_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, _("SMP Save as _Preset..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Save a preset with your own settings"),
      _("Writes a copy of a preset, with the sessions, density and shade you give (0 keeps the preset's), under a new "
        "name into smp-presets in your GIMP profile. A preset of the same name there is replaced; the shipped ones are "
        "never changed. Simulate SMP lists it after GIMP restarts."),
      save_preset_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");
  add_preset_argument(procedure, _("The preset to start from"));
  gimp_procedure_add_string_argument(procedure, "name", _("_Name"), _("The new preset's name"), "", G_PARAM_READWRITE);
  add_stipple_override_arguments(procedure);
  gimp_procedure_add_string_return_value(procedure, "file", _("File"), _("Where the preset was written"), "",
                                         G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
