#include "preset_library.hpp"

#include <filesystem>

namespace smp_plugin {

std::string user_preset_folder()
{
  return std::string(gimp_directory()) + "/smp-presets";
}

std::vector<std::string> preset_folders()
{
  gchar* here = g_path_get_dirname(gimp_get_progname());
  std::vector<std::string> folders{std::string(here) + "/presets", user_preset_folder()};
  g_free(here);
  return folders;
}

smp::PresetLibrary load_presets()
{
  smp::PresetLibrary library = smp::load_preset_folders(preset_folders());
  for (const smp::PresetError& e : library.errors)
    g_printerr("gimp-smp: preset skipped: %s\n", e.message().c_str());
  return library;
}

std::string nick_of(const smp::Preset& preset)
{
  return std::filesystem::path(preset.file).stem().string();
}

const smp::Preset* find_preset(const smp::PresetLibrary& library, const std::string& nick)
{
  for (const smp::Preset& p : library.presets)
    if (nick_of(p) == nick)
      return &p;
  return nullptr;
}

void add_preset_argument(GimpProcedure* procedure, const char* blurb)
{
  GimpChoice* choice = gimp_choice_new();
  const smp::PresetLibrary library = smp::load_preset_folders(preset_folders());
  int id = 0;
  for (const smp::Preset& p : library.presets)
    gimp_choice_add(choice, nick_of(p).c_str(), id++, p.name.c_str(), p.notes.c_str());
  if (library.presets.empty())
    gimp_choice_add(choice, "none", 0, "No presets found", "Install the presets beside the plug-in");
  const std::string first = library.presets.empty() ? "none" : nick_of(library.presets.front());
  gimp_procedure_add_choice_argument(procedure, "preset", "_Preset", blurb, choice, first.c_str(), G_PARAM_READWRITE);
}

void add_stipple_override_arguments(GimpProcedure* procedure)
{
  gimp_procedure_add_int_argument(procedure, "sessions", "Sess_ions", "Treatment passes; 0 keeps the preset's", 0, 3, 0,
                                  G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "density", "_Density (dots/cm²)", "0 keeps the preset's", 0.0, 1000.0,
                                     0.0, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "strength", "S_hade", "How dark the dots are, 0..1; 0 keeps the preset's",
                                     0.0, 1.0, 0.0, G_PARAM_READWRITE);
}

smp::PresetStipple with_overrides(GimpProcedureConfig* config, smp::PresetStipple stipple)
{
  int sessions = 0;
  double density = 0.0, strength = 0.0;
  g_object_get(config, "sessions", &sessions, "density", &density, "strength", &strength, nullptr);
  if (sessions > 0)
    stipple.sessions = sessions;
  if (density > 0.0)
    stipple.density_per_cm2 = density;
  if (strength > 0.0)
    stipple.strength = strength;
  return stipple;
}

const smp::Preset* chosen_preset(GimpProcedureConfig* config, const smp::PresetLibrary& library, std::string& problem)
{
  gchar* nick = nullptr;
  g_object_get(config, "preset", &nick, nullptr);
  const std::string wanted = nick ? nick : "";
  g_free(nick);
  const smp::Preset* preset = find_preset(library, wanted);
  if (!preset) {
    const auto folders = preset_folders();
    problem = "no preset \"" + wanted + "\" in " + folders[0] + " or " + folders[1] +
              (library.errors.empty() ? "" : " (some were skipped: " + library.errors[0].message() + ")");
  }
  return preset;
}

}  // namespace smp_plugin
