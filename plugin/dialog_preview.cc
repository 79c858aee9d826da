#include "dialog_preview.hpp"

#include <libgimp/gimpui.h>

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "dialog_settings.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

constexpr int preview_size = 480;  // the longer side of the picture, in screen pixels

struct LivePreview {
  GimpProcedureConfig* config = nullptr;
  const PreviewRenderer* render = nullptr;
  GimpProcedureDialog* dialog = nullptr;
  const ArgumentApplies* applies = nullptr;
  GeglBuffer* photo = nullptr;
  double scale = 1.0;
  GtkWidget* area = nullptr;  // nullptr: note only
  GtkWidget* note = nullptr;
  guint pending = 0;
};

// The image as GIMP composites it, shrunk to the preview (transparency on small checks).
GeglBuffer* composite_photo(GimpImage* image, double& scale)
{
  GdkPixbuf* pixbuf = gimp_image_get_thumbnail(image, preview_size, preview_size, GIMP_PIXBUF_SMALL_CHECKS);
  if (!pixbuf)
    return nullptr;
  const GeglRectangle rect{0, 0, gdk_pixbuf_get_width(pixbuf), gdk_pixbuf_get_height(pixbuf)};
  const Babl* format = babl_format(gdk_pixbuf_get_n_channels(pixbuf) == 4 ? "R'G'B'A u8" : "R'G'B' u8");
  GeglBuffer* photo = gegl_buffer_new(&rect, format);
  gegl_buffer_set(photo, &rect, 0, format, gdk_pixbuf_get_pixels(pixbuf), gdk_pixbuf_get_rowstride(pixbuf));
  scale = static_cast<double>(rect.width) / std::max(1, gimp_image_get_width(image));
  g_object_unref(pixbuf);
  return photo;
}

void redraw(LivePreview& preview)
{
  const PreviewContent content = (*preview.render)(preview.config, preview.photo, preview.scale);
  gtk_label_set_text(GTK_LABEL(preview.note), content.note.c_str());
  if (preview.area) {
    GeglBuffer* shown = content.picture ? content.picture : preview.photo;
    const GeglRectangle extent = *gegl_buffer_get_extent(shown);
    std::vector<guchar> rgb(static_cast<std::size_t>(extent.width) * extent.height * 3);
    gegl_buffer_get(shown, &extent, 1.0, babl_format("R'G'B' u8"), rgb.data(), GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
    gimp_preview_area_draw(GIMP_PREVIEW_AREA(preview.area), 0, 0, extent.width, extent.height, GIMP_RGB_IMAGE,
                           rgb.data(), extent.width * 3);
  }
  if (content.picture)
    g_object_unref(content.picture);
}

gboolean redraw_now(gpointer data)
{
  LivePreview& preview = *static_cast<LivePreview*>(data);
  preview.pending = 0;
  // GTK calls this from C: a failed preview says so in its note and the dialog stays usable.
  try {
    redraw(preview);
  } catch (const std::exception& e) {
    gtk_label_set_text(GTK_LABEL(preview.note), formatted(_("The preview failed: %s"), e.what()).c_str());
  } catch (...) {
    gtk_label_set_text(GTK_LABEL(preview.note), _("The preview failed."));
  }
  return G_SOURCE_REMOVE;
}

// Every argument's widget greyed out or not, as `applies` says for the values of the moment.
void grey_out_inapplicable(const LivePreview& preview)
{
  if (!preview.applies || !*preview.applies)
    return;
  guint count = 0;
  GParamSpec** specs = g_object_class_list_properties(G_OBJECT_GET_CLASS(preview.config), &count);
  for (guint i = 0; i < count; ++i)
    if (specs[i]->owner_type != GIMP_TYPE_PROCEDURE_CONFIG && std::string(specs[i]->name) != "preset")
      if (GtkWidget* widget = setting_widget(preview.dialog, specs[i]->name))
        gtk_widget_set_sensitive(widget, (*preview.applies)(preview.config, specs[i]->name));
  g_free(specs);
}

// For "notify" on the config and "size-allocate" on the area: redraw once things settle.
void redraw_soon(gpointer, gpointer, gpointer data)
{
  LivePreview& preview = *static_cast<LivePreview*>(data);
  grey_out_inapplicable(preview);
  if (preview.pending)
    g_source_remove(preview.pending);
  preview.pending = g_timeout_add(preview_redraw_delay_ms, redraw_now, &preview);
}

GtkWidget* picture_frame(LivePreview& preview)
{
  const GeglRectangle extent = *gegl_buffer_get_extent(preview.photo);
  preview.area = gimp_preview_area_new();
  gtk_widget_set_size_request(preview.area, extent.width, extent.height);
  gimp_preview_area_set_max_size(GIMP_PREVIEW_AREA(preview.area), extent.width, extent.height);
  g_signal_connect(preview.area, "size-allocate", G_CALLBACK(redraw_soon), &preview);
  GtkWidget* frame = gtk_frame_new(nullptr);
  gtk_frame_set_shadow_type(GTK_FRAME(frame), GTK_SHADOW_IN);
  gtk_widget_set_halign(frame, GTK_ALIGN_CENTER);
  gtk_widget_set_valign(frame, GTK_ALIGN_START);
  gtk_container_add(GTK_CONTAINER(frame), preview.area);
  return frame;
}

}  // namespace

bool confirmed_with_preview(GimpProcedure* procedure, GimpProcedureConfig* config, const char* title, GimpImage* image,
                            const PreviewRenderer& render, PreviewKind kind, const ArgumentApplies& applies)
{
  gimp_ui_init(binary_name);
  LivePreview preview;
  preview.config = config;
  preview.render = &render;
  if (kind == PreviewKind::picture_and_note)
    preview.photo = composite_photo(image, preview.scale);
  GtkWidget* dialog = gimp_procedure_dialog_new(procedure, config, title);
  GtkWidget* settings = settings_box(GIMP_PROCEDURE_DIALOG(dialog), config);
  preview.dialog = GIMP_PROCEDURE_DIALOG(dialog);
  preview.applies = &applies;
  GtkWidget* column = gtk_box_new(GTK_ORIENTATION_VERTICAL, 6);
  if (preview.photo)
    gtk_box_pack_start(GTK_BOX(column), picture_frame(preview), FALSE, FALSE, 0);
  preview.note = gtk_label_new("");
  gtk_label_set_line_wrap(GTK_LABEL(preview.note), TRUE);
  gtk_label_set_max_width_chars(GTK_LABEL(preview.note), 60);
  gtk_label_set_xalign(GTK_LABEL(preview.note), 0.0f);
  gtk_box_pack_start(GTK_BOX(column), preview.note, FALSE, FALSE, 0);
  // The picture beside the settings; a note alone goes under them.
  GtkWidget* row = gtk_box_new(preview.photo ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL, 12);
  gtk_container_set_border_width(GTK_CONTAINER(row), 12);
  if (preview.photo) {
    gtk_box_pack_start(GTK_BOX(row), column, FALSE, TRUE, 0);
    gtk_box_pack_start(GTK_BOX(row), settings, TRUE, TRUE, 0);
  } else {
    gtk_box_pack_start(GTK_BOX(row), settings, TRUE, TRUE, 0);
    gtk_box_pack_start(GTK_BOX(row), column, FALSE, TRUE, 0);
  }
  gtk_box_pack_start(GTK_BOX(gtk_dialog_get_content_area(GTK_DIALOG(dialog))), row, TRUE, TRUE, 0);
  gtk_widget_show_all(row);

  const gulong watch = g_signal_connect(config, "notify", G_CALLBACK(redraw_soon), &preview);
  redraw_soon(nullptr, nullptr, &preview);
  const bool confirmed = gimp_procedure_dialog_run(GIMP_PROCEDURE_DIALOG(dialog));
  g_signal_handler_disconnect(config, watch);
  if (preview.pending)
    g_source_remove(preview.pending);
  gtk_widget_destroy(dialog);
  if (preview.photo)
    g_object_unref(preview.photo);
  return confirmed;
}

}  // namespace smp_plugin
