// Saved presets, managed: list every preset Simulate SMP can use, and rename or delete the ones
// a user saved (the shipped presets are never changed).
#include <glib/gstdio.h>

#include <string>
#include <vector>

#include "arguments.hpp"
#include "preset_library.hpp"
#include "presets/preset_writer.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

// The preset the caller named, if it is one the user saved; else nullptr and why not.
const smp::Preset* saved_preset(GimpProcedureConfig* config, const smp::PresetLibrary& library, std::string& problem)
{
  const smp::Preset* preset = chosen_preset(config, library, problem);
  if (!preset)
    return nullptr;
  gchar* folder = g_path_get_dirname(preset->file.c_str());
  const bool yours = user_preset_folder() == folder;
  g_free(folder);
  if (!yours) {
    problem = formatted(_("\"%s\" (%s) is shipped with the plug-in and is never changed; save a copy with SMP Save "
                          "as Preset and change that"),
                        preset->name.c_str(), preset->file.c_str());
    return nullptr;
  }
  return preset;
}

GimpValueArray* run_list(GimpProcedure* procedure, GimpProcedureConfig*, gpointer)
try {
  const smp::PresetLibrary library = load_presets();
  std::vector<std::string> nicks, names, files;
  for (const smp::Preset& p : library.presets) {
    nicks.push_back(nick_of(p));
    names.push_back(p.name);
    files.push_back(p.file);
  }
  auto strv = [](const std::vector<std::string>& items) {
    GStrvBuilder* builder = g_strv_builder_new();
    for (const std::string& s : items)
      g_strv_builder_add(builder, s.c_str());
    GStrv out = g_strv_builder_end(builder);
    g_strv_builder_unref(builder);
    return out;
  };
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_take_boxed(gimp_value_array_index(values, 1), strv(nicks));
  g_value_take_boxed(gimp_value_array_index(values, 2), strv(names));
  g_value_take_boxed(gimp_value_array_index(values, 3), strv(files));
  return values;
} catch (...) {
  return failed_with(procedure, std::current_exception());
}

GimpValueArray* run_rename(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage*, GimpDrawable**,
                           GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE && !confirmed_in_dialog(procedure, config, _("SMP Rename Preset")))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);
  const smp::PresetLibrary library = load_presets();
  std::string problem;
  const smp::Preset* source = saved_preset(config, library, problem);
  if (!source)
    return calling_error(procedure, formatted(_("Rename Preset: %s."), problem.c_str()));
  gchar* name = nullptr;
  g_object_get(config, "name", &name, nullptr);
  smp::Preset renamed = *source;
  renamed.name = name ? g_strstrip(name) : "";
  g_free(name);
  if (renamed.name.empty())
    return calling_error(procedure, _("Rename Preset: give the preset its new name."));
  const std::string file = user_preset_folder() + "/" + smp::preset_file_stem(renamed.name) + ".preset";
  if (file != source->file && g_file_test(file.c_str(), G_FILE_TEST_EXISTS))
    return calling_error(procedure, formatted(_("Rename Preset: %s already holds a preset; delete it or pick another name."),
                                                file.c_str()));
  GError* error = nullptr;
  if (!g_file_set_contents(file.c_str(), smp::preset_to_text(renamed).c_str(), -1, &error)) {
    const std::string why = error ? error->message : "?";
    g_clear_error(&error);
    return execution_error(procedure, formatted(_("Rename Preset: cannot write %s: %s"), file.c_str(), why.c_str()));
  }
  if (file != source->file && g_remove(source->file.c_str()) != 0)
    return execution_error(procedure, formatted(_("Rename Preset: wrote %s but cannot remove %s: %s"), file.c_str(),
                                                source->file.c_str(), g_strerror(errno)));
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_string(gimp_value_array_index(values, 1), file.c_str());
  return values;
}

GimpValueArray* run_delete(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage*, GimpDrawable**,
                           GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE && !confirmed_in_dialog(procedure, config, _("SMP Delete Preset")))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);
  const smp::PresetLibrary library = load_presets();
  std::string problem;
  const smp::Preset* preset = saved_preset(config, library, problem);
  if (!preset)
    return calling_error(procedure, formatted(_("Delete Preset: %s."), problem.c_str()));
  if (g_remove(preset->file.c_str()) != 0)
    return execution_error(procedure, formatted(_("Delete Preset: cannot remove %s: %s"), preset->file.c_str(),
                                                g_strerror(errno)));
  return gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
}

GimpProcedure* preset_procedure(GimpPlugIn* plug_in, const char* name, ImageRun run)
{
  GimpProcedure* procedure = gimp_image_procedure_new(plug_in, name, GIMP_PDB_PROC_TYPE_PLUGIN, run, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");
  return procedure;
}

}  // namespace

GimpProcedure* create_list_presets_procedure(GimpPlugIn* plug_in)
{
  // No image and no dialog: a plain procedure for scripts.
  GimpProcedure* procedure = gimp_procedure_new(plug_in, list_presets_name, GIMP_PDB_PROC_TYPE_PLUGIN, run_list, nullptr,
                                                nullptr);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");
  gimp_procedure_set_documentation(
      procedure, _("The presets Simulate SMP can use"),
      _("Every preset found now, shipped and saved, sorted by category then name: the names the preset argument takes "
        "(file names without .preset), their labels and their files. Read at every call, so a preset saved a moment "
        "ago is listed."),
      list_presets_name);
  gimp_procedure_add_string_array_return_value(procedure, "presets", _("Presets"), _("What the preset argument takes"),
                                               G_PARAM_READWRITE);
  gimp_procedure_add_string_array_return_value(procedure, "names", _("Names"), _("Each preset's name"), G_PARAM_READWRITE);
  gimp_procedure_add_string_array_return_value(procedure, "files", _("Files"), _("Each preset's file"), G_PARAM_READWRITE);
  return procedure;
}

GimpProcedure* create_rename_preset_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure = preset_procedure(plug_in, rename_preset_name, guarded<run_rename>);
  gimp_procedure_set_menu_label(procedure, _("SMP _Rename Preset..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Rename a preset you saved"),
      _("Gives a preset saved with SMP Save as Preset a new name (and file name). The shipped presets are never changed."),
      rename_preset_name);
  add_preset_argument(procedure, _("The saved preset to rename"));
  gimp_procedure_add_string_argument(procedure, "name", _("_New name"), _("The preset's new name"), "", G_PARAM_READWRITE);
  gimp_procedure_add_string_return_value(procedure, "file", _("File"), _("The preset's new file"), "", G_PARAM_READWRITE);
  return procedure;
}

GimpProcedure* create_delete_preset_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure = preset_procedure(plug_in, delete_preset_name, guarded<run_delete>);
  gimp_procedure_set_menu_label(procedure, _("SMP _Delete Preset..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Delete a preset you saved"),
      _("Removes a preset saved with SMP Save as Preset from smp-presets in your GIMP profile. The shipped presets are "
        "never changed."),
      delete_preset_name);
  add_preset_argument(procedure, _("The saved preset to delete"));
  return procedure;
}

}  // namespace smp_plugin
