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

}  // namespace smp_plugin
