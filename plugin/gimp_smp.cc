// The GIMP 3 plug-in: registers the SMP procedures with GIMP.
#include <libgimp/gimpui.h>

#include <cstdarg>
#include <new>

#include "dialog_settings.hpp"
#include "procedures.hpp"

namespace {

struct ProcedureEntry {
  const char* name;
  GimpProcedure* (*create)(GimpPlugIn*);
};

const ProcedureEntry procedures[] = {
    {smp_plugin::stipple_layer_name, smp_plugin::create_stipple_layer_procedure},
    {smp_plugin::calibrate_scale_name, smp_plugin::create_calibrate_scale_procedure},
    {smp_plugin::design_hairline_name, smp_plugin::create_design_hairline_procedure},
    {smp_plugin::simulate_name, smp_plugin::create_simulate_procedure},
    {smp_plugin::match_stubble_name, smp_plugin::create_match_stubble_procedure},
    {smp_plugin::analyse_scalp_name, smp_plugin::create_analyse_scalp_procedure},
    {smp_plugin::save_preset_name, smp_plugin::create_save_preset_procedure},
    {smp_plugin::list_presets_name, smp_plugin::create_list_presets_procedure},
    {smp_plugin::rename_preset_name, smp_plugin::create_rename_preset_procedure},
    {smp_plugin::delete_preset_name, smp_plugin::create_delete_preset_procedure},
    {smp_plugin::export_stencil_name, smp_plugin::create_export_stencil_procedure},
    {smp_plugin::before_after_name, smp_plugin::create_before_after_procedure},
    {smp_plugin::camouflage_scar_name, smp_plugin::create_camouflage_scar_procedure},
};

GList* query_procedures(GimpPlugIn*)
{
  GList* names = nullptr;
  for (const ProcedureEntry& p : procedures)
    names = g_list_append(names, g_strdup(p.name));
  return names;
}

GimpProcedure* create_procedure(GimpPlugIn* plug_in, const gchar* name)
{
  for (const ProcedureEntry& p : procedures)
    if (g_strcmp0(name, p.name) == 0)
      return p.create(plug_in);
  return nullptr;
}

// The catalogs sit in the plug-in's folder, in locale/<language>/LC_MESSAGES/gimp-smp.mo (po/ builds
// them; meson install puts them there): catalog_dir is relative to that folder.
gboolean use_own_catalogs(GimpPlugIn*, const gchar*, gchar** gettext_domain, gchar** catalog_dir)
{
  *gettext_domain = g_strdup(GETTEXT_PACKAGE);
  *catalog_dir = g_strdup("locale");
  return TRUE;
}

}  // namespace

G_DECLARE_FINAL_TYPE(SmpPlugIn, smp_plug_in, SMP, PLUG_IN, GimpPlugIn)

struct _SmpPlugIn {
  GimpPlugIn parent_instance;
};

G_DEFINE_TYPE(SmpPlugIn, smp_plug_in, GIMP_TYPE_PLUG_IN)

static void smp_plug_in_class_init(SmpPlugInClass* klass)
{
  GimpPlugInClass* plug_in_class = GIMP_PLUG_IN_CLASS(klass);
  plug_in_class->query_procedures = query_procedures;
  plug_in_class->create_procedure = create_procedure;
  plug_in_class->set_i18n = use_own_catalogs;
}

static void smp_plug_in_init(SmpPlugIn*) {}

GimpValueArray* smp_plugin::calling_error(GimpProcedure* procedure, const std::string& message)
{
  return gimp_procedure_new_return_values(procedure, GIMP_PDB_CALLING_ERROR,
                                          g_error_new_literal(GIMP_PLUG_IN_ERROR, 0, message.c_str()));
}

GimpValueArray* smp_plugin::execution_error(GimpProcedure* procedure, const std::string& message)
{
  return gimp_procedure_new_return_values(procedure, GIMP_PDB_EXECUTION_ERROR,
                                          g_error_new_literal(GIMP_PLUG_IN_ERROR, 0, message.c_str()));
}

GimpValueArray* smp_plugin::failed_with(GimpProcedure* procedure, std::exception_ptr error)
{
  std::string why = _("an internal error");
  try {
    std::rethrow_exception(error);
  } catch (const std::bad_alloc&) {
    why = _("not enough memory (try a smaller image, or close other images)");
  } catch (const std::exception& e) {
    why = e.what();
  } catch (...) {
  }
  return execution_error(procedure, formatted(_("%s stopped: %s. Undo (Edit > Undo) removes anything it added."),
                                              gimp_procedure_get_name(procedure), why.c_str()));
}

std::string smp_plugin::formatted(const char* format, ...)
{
  va_list arguments;
  va_start(arguments, format);
  gchar* text = g_strdup_vprintf(format, arguments);
  va_end(arguments);
  std::string result = text;
  g_free(text);
  return result;
}

bool smp_plugin::confirmed_in_dialog(GimpProcedure* procedure, GimpProcedureConfig* config, const char* title)
{
  gimp_ui_init(binary_name);
  GtkWidget* dialog = gimp_procedure_dialog_new(procedure, config, title);
  GtkWidget* settings = settings_box(GIMP_PROCEDURE_DIALOG(dialog), config);
  gtk_box_pack_start(GTK_BOX(gtk_dialog_get_content_area(GTK_DIALOG(dialog))), settings, TRUE, TRUE, 0);
  gtk_widget_show(settings);
  const bool confirmed = gimp_procedure_dialog_run(GIMP_PROCEDURE_DIALOG(dialog));
  gtk_widget_destroy(dialog);
  return confirmed;
}

GIMP_MAIN(smp_plug_in_get_type())
