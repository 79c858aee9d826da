// The settings column of every SMP dialog: one widget per argument, as GIMP's procedure dialog
// makes them, except the preset, which is picked from the presets found when the dialog opens
// (GIMP caches a procedure's arguments, so a list frozen into one would miss presets saved since).
#pragma once

#include <libgimp/gimpui.h>

#include <string>
#include <vector>

namespace smp_plugin {

GtkWidget* settings_box(GimpProcedureDialog* dialog, GimpProcedureConfig* config);

// The arguments shown as GIMP's procedure dialog makes them (all but the preset and paths).
std::vector<std::string> generic_settings(GimpProcedureConfig* config);

// The field of `argument` in a dialog made with settings_box (nullptr: none).
GtkWidget* setting_widget(GimpProcedureDialog* dialog, const char* argument);

}  // namespace smp_plugin
