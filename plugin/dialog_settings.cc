#include "dialog_settings.hpp"

#include <string>
#include <vector>

#include "preset_library.hpp"
#include "procedures.hpp"

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
      std::string heading = category.empty() ? _("Other") : category;
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

// A row: the argument's own label (its nick) before `field`, which it activates.
GtkWidget* labelled_row(GimpProcedureConfig* config, const char* property, GtkWidget* field)
{
  GParamSpec* spec = g_object_class_find_property(G_OBJECT_GET_CLASS(config), property);
  gimp_help_set_help_data(field, g_param_spec_get_blurb(spec), nullptr);
  GtkWidget* label = gtk_label_new_with_mnemonic(g_param_spec_get_nick(spec));
  gtk_label_set_mnemonic_widget(GTK_LABEL(label), field);
  gtk_label_set_xalign(GTK_LABEL(label), 0.0f);
  GtkWidget* row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_pack_start(GTK_BOX(row), label, FALSE, FALSE, 0);
  gtk_box_pack_start(GTK_BOX(row), field, TRUE, TRUE, 0);
  return row;
}

GtkWidget* preset_chooser(GimpProcedureConfig* config)
{
  GtkListStore* store = presets_by_category();
  GtkWidget* combo = gimp_prop_string_combo_box_new(G_OBJECT(config), "preset", GTK_TREE_MODEL(store), nick_column,
                                                    label_column);
  g_object_unref(store);
  gimp_string_combo_box_set_sensitivity(GIMP_STRING_COMBO_BOX(combo), pickable, nullptr, nullptr);
  gtk_widget_set_hexpand(combo, TRUE);
  return labelled_row(config, "preset", combo);
}

bool is_path_argument(GParamSpec* spec)
{
  return G_PARAM_SPEC_VALUE_TYPE(spec) == GIMP_TYPE_PATH;
}

enum PathColumn { path_id_column, path_label_column, path_columns };

void path_picked(GtkComboBox* combo, gpointer data)
{
  GtkTreeIter row;
  if (!gtk_combo_box_get_active_iter(combo, &row))
    return;
  gint id = 0;
  gtk_tree_model_get(gtk_combo_box_get_model(combo), &row, path_id_column, &id, -1);
  GObject* config = G_OBJECT(g_object_get_data(G_OBJECT(combo), "smp-config"));
  g_object_set(config, static_cast<const char*>(data), id > 0 ? gimp_item_get_by_id(id) : nullptr, nullptr);
}

// GIMP 3.0's dialog has no field for a path argument: the image's paths to pick from, the first
// entry leaving it to the procedure's own default (its tooltip says which path that is).
GtkWidget* path_chooser(GimpProcedureConfig* config, const char* property)
{
  GimpImage* image = nullptr;
  GimpPath* current = nullptr;
  if (g_object_class_find_property(G_OBJECT_GET_CLASS(config), "image"))
    g_object_get(config, "image", &image, nullptr);
  g_object_get(config, property, &current, nullptr);
  GtkListStore* store = gtk_list_store_new(path_columns, G_TYPE_INT, G_TYPE_STRING);
  GtkTreeIter row;
  gtk_list_store_insert_with_values(store, &row, -1, path_id_column, 0, path_label_column, _("Default"), -1);
  int active = 0, index = 0;
  if (image) {
    GimpPath** paths = gimp_image_get_paths(image);
    for (GimpPath** p = paths; p && *p; ++p) {
      ++index;
      gtk_list_store_insert_with_values(store, &row, -1, path_id_column, gimp_item_get_id(GIMP_ITEM(*p)),
                                        path_label_column, gimp_item_get_name(GIMP_ITEM(*p)), -1);
      if (current && gimp_item_get_id(GIMP_ITEM(*p)) == gimp_item_get_id(GIMP_ITEM(current)))
        active = index;
    }
    g_free(paths);
    g_object_unref(image);
  }
  if (current)
    g_object_unref(current);
  GtkWidget* combo = gtk_combo_box_new_with_model(GTK_TREE_MODEL(store));
  g_object_unref(store);
  GtkCellRenderer* text = gtk_cell_renderer_text_new();
  gtk_cell_layout_pack_start(GTK_CELL_LAYOUT(combo), text, TRUE);
  gtk_cell_layout_set_attributes(GTK_CELL_LAYOUT(combo), text, "text", path_label_column, nullptr);
  gtk_combo_box_set_active(GTK_COMBO_BOX(combo), active);
  gtk_widget_set_hexpand(combo, TRUE);
  g_object_set_data(G_OBJECT(combo), "smp-config", config);
  g_signal_connect(combo, "changed", G_CALLBACK(path_picked), const_cast<char*>(g_intern_string(property)));
  return labelled_row(config, property, combo);
}

}  // namespace

std::vector<std::string> generic_settings(GimpProcedureConfig* config)
{
  // The arguments GIMP's dialog would show (its rule: all but the config's own), less the preset
  // and the paths, which have fields of their own here.
  guint count = 0;
  GParamSpec** specs = g_object_class_list_properties(G_OBJECT_GET_CLASS(config), &count);
  std::vector<std::string> names;
  for (guint i = 0; i < count; ++i)
    if (specs[i]->owner_type != GIMP_TYPE_PROCEDURE_CONFIG && std::string(specs[i]->name) != "preset" &&
        !is_path_argument(specs[i]))
      names.push_back(specs[i]->name);
  g_free(specs);
  return names;
}

GtkWidget* setting_widget(GimpProcedureDialog* dialog, const char* argument)
{
  if (auto* own = static_cast<GtkWidget*>(g_object_get_data(G_OBJECT(dialog), (std::string("smp-field-") + argument).c_str())))
    return own;
  GimpProcedureConfig* config = nullptr;
  g_object_get(dialog, "config", &config, nullptr);
  GParamSpec* spec = config ? g_object_class_find_property(G_OBJECT_GET_CLASS(config), argument) : nullptr;
  if (config)
    g_object_unref(config);
  return spec ? gimp_procedure_dialog_get_widget(dialog, argument, G_TYPE_NONE) : nullptr;
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
  guint count = 0;
  GParamSpec** specs = g_object_class_list_properties(G_OBJECT_GET_CLASS(config), &count);
  for (guint i = 0; i < count; ++i)
    if (specs[i]->owner_type != GIMP_TYPE_PROCEDURE_CONFIG && is_path_argument(specs[i])) {
      GtkWidget* chooser = path_chooser(config, specs[i]->name);
      g_object_set_data(G_OBJECT(dialog), (std::string("smp-field-") + specs[i]->name).c_str(), chooser);
      gtk_box_pack_start(GTK_BOX(box), chooser, FALSE, FALSE, 0);
      gtk_box_reorder_child(GTK_BOX(box), chooser, 1);  // beside what the path is for (the view, the eyes)
      gtk_widget_show_all(chooser);
    }
  g_free(specs);
  if (g_object_class_find_property(G_OBJECT_GET_CLASS(config), "preset")) {
    GtkWidget* chooser = preset_chooser(config);
    gtk_box_pack_start(GTK_BOX(box), chooser, FALSE, FALSE, 0);
    gtk_box_reorder_child(GTK_BOX(box), chooser, 0);
    gtk_widget_show_all(chooser);
  }
  return box;
}

}  // namespace smp_plugin
