// The settings column of every SMP dialog: one widget per argument, as GIMP's procedure dialog
// makes them, except the preset, which is picked from the presets found when the dialog opens
// (GIMP caches a procedure's arguments, so a list frozen into one would miss presets saved since).
#pragma once

#include <libgimp/gimpui.h>

#include <string>
#include <vector>

namespace smp_plugin {

GtkWidget* settings_box(GimpProcedureDialog* dialog, GimpProcedureConfig* config);

// The arguments shown as GIMP's procedure dialog makes them (all but the preset).
std::vector<std::string> generic_settings(GimpProcedureConfig* config);

}  // namespace smp_plugin
