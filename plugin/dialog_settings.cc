#include "dialog_settings.hpp"

#include <string>
#include <vector>

#include "preset_library.hpp"

namespace smp_plugin {
namespace {

enum Column { nick_column, label_column, columns };
constexpr int number_width_chars = 8;

// The presets under a heading per category; headings can't be picked.
GtkListStore* presets_by_category()
{
  GtkListStore* store = gtk_list_store_new(columns, G_TYPE_STRING, G_TYPE_STRING);
  std::string category;
  for (const smp::Preset& p : load_presets().presets) {
    GtkTreeIter row;
    if (p.category != category) {
      category = p.category;
      std::string heading = category.empty() ? "Other" : category;
      heading[0] = g_ascii_toupper(heading[0]);
      gtk_list_store_insert_with_values(store, &row, -1, nick_column, "", label_column, heading.c_str(), -1);
    }
    gtk_list_store_insert_with_values(store, &row, -1, nick_column, nick_of(p).c_str(), label_column,
                                      ("    " + p.name).c_str(), -1);
  }
  return store;
}

gboolean pickable(const gchar* nick, gpointer)
{
  return nick && *nick;
}

GtkWidget* preset_chooser(GimpProcedureConfig* config)
{
  GtkListStore* store = presets_by_category();
  GtkWidget* combo = gimp_prop_string_combo_box_new(G_OBJECT(config), "preset", GTK_TREE_MODEL(store), nick_column,
                                                    label_column);
  g_object_unref(store);
  gimp_string_combo_box_set_sensitivity(GIMP_STRING_COMBO_BOX(combo), pickable, nullptr, nullptr);
  gtk_widget_set_hexpand(combo, TRUE);
  GParamSpec* spec = g_object_class_find_property(G_OBJECT_GET_CLASS(config), "preset");
  gimp_help_set_help_data(combo, g_param_spec_get_blurb(spec), nullptr);
  GtkWidget* label = gtk_label_new_with_mnemonic(g_param_spec_get_nick(spec));
  gtk_label_set_mnemonic_widget(GTK_LABEL(label), combo);
  gtk_label_set_xalign(GTK_LABEL(label), 0.0f);
  GtkWidget* row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_pack_start(GTK_BOX(row), label, FALSE, FALSE, 0);
  gtk_box_pack_start(GTK_BOX(row), combo, TRUE, TRUE, 0);
  return row;
}

}  // namespace

std::vector<std::string> generic_settings(GimpProcedureConfig* config)
{
  // The arguments GIMP's dialog would show (its rule: all but the config's own), less the preset.
  guint count = 0;
  GParamSpec** specs = g_object_class_list_properties(G_OBJECT_GET_CLASS(config), &count);
  std::vector<std::string> names;
  for (guint i = 0; i < count; ++i)
    if (specs[i]->owner_type != GIMP_TYPE_PROCEDURE_CONFIG && std::string(specs[i]->name) != "preset")
      names.push_back(specs[i]->name);
  g_free(specs);
  return names;
}

GtkWidget* settings_box(GimpProcedureDialog* dialog, GimpProcedureConfig* config)
{
  const std::vector<std::string> shown = generic_settings(config);
  GList* names = nullptr;
  for (const std::string& name : shown)
    names = g_list_append(names, const_cast<gchar*>(name.c_str()));
  GtkWidget* box = gimp_procedure_dialog_fill_box_list(dialog, "smp-settings", names);
  g_list_free(names);
  // GIMP sizes a number's field by its range's digits, which cuts off a fine value (0.0500 shows
  // as 0.050): room for all of it.
  for (const std::string& name : shown)
    if (GtkWidget* widget = gimp_procedure_dialog_get_widget(dialog, name.c_str(), G_TYPE_NONE);
        widget && GIMP_IS_LABEL_SPIN(widget))
      gtk_entry_set_width_chars(GTK_ENTRY(gimp_label_spin_get_spin_button(GIMP_LABEL_SPIN(widget))), number_width_chars);
  if (g_object_class_find_property(G_OBJECT_GET_CLASS(config), "preset")) {
    GtkWidget* chooser = preset_chooser(config);
    gtk_box_pack_start(GTK_BOX(box), chooser, FALSE, FALSE, 0);
    gtk_box_reorder_child(GTK_BOX(box), chooser, 0);
    gtk_widget_show_all(chooser);
  }
  return box;
}

}  // namespace smp_plugin
