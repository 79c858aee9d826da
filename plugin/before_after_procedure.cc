// "Before/After": a new image that shows the photo without and with its SMP simulation, side by
// side, stacked, or split by a vertical or diagonal divider, with labels and the disclosure
// "SIMULATION - not an actual treatment result". Advertising rules treat an unlabelled simulated
// "after" as misleading, so the disclosure is visible unless explicitly turned off, and always in
// the metadata (comment, XMP and Exif description), with the preset and settings used.
#include <gegl.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dialog_preview.hpp"
#include "face_reference.hpp"
#include "follicle-stipple/follicle-stipple.hpp"
#include "image_scale.hpp"
#include "plan_record.hpp"
#include "deliverables/before_after_layout.hpp"
#include "deliverables/label_overlay.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

using smp_deliverables::Overlay;
using smp_deliverables::PanelLabel;
using smp_deliverables::disclosure_height;
using smp_deliverables::render_overlay;

constexpr const char* disclosure = "SIMULATION - not an actual treatment result";
constexpr const char* simulation_prefix = "SMP simulation - ";

using Layout = smp_deliverables::BeforeAfterLayout;
using Corner = smp_deliverables::LabelCorner;

std::string name_of(GimpItem* item)
{
  gchar* name = gimp_item_get_name(item);
  std::string s = name ? name : "";
  g_free(name);
  return s;
}

std::string string_argument(GimpProcedureConfig* config, const char* name)
{
  gchar* value = nullptr;
  g_object_get(config, name, &value, nullptr);
  std::string s = value ? value : "";
  g_free(value);
  return s;
}

// The top-level layers that are the simulation: the one given, or every "SMP ..." layer or group.
std::vector<std::string> simulation_layer_names(GimpImage* image, GimpLayer* given)
{
  std::vector<std::string> names;
  if (given) {
    names.push_back(name_of(GIMP_ITEM(given)));
    return names;
  }
  GimpLayer** layers = gimp_image_get_layers(image);
  for (int i = 0; layers && layers[i]; ++i) {
    const std::string name = name_of(GIMP_ITEM(layers[i]));
    if (name.rfind("SMP ", 0) == 0)
      names.push_back(name);
  }
  g_free(layers);
  return names;
}

// The result is what the user sees: the simulation layers that are visible, or all of them when
// every one is hidden.
std::vector<std::string> shown_as_result(GimpImage* image, const std::vector<std::string>& simulation)
{
  std::vector<std::string> visible;
  for (const std::string& name : simulation)
    if (GimpLayer* layer = gimp_image_get_layer_by_name(image, name.c_str()); layer && gimp_item_get_visible(GIMP_ITEM(layer)))
      visible.push_back(name);
  return visible.empty() ? simulation : visible;
}

// A copy of the image with the simulation layers shown, or removed; the caller deletes it.
GimpImage* copy_with(GimpImage* image, const std::vector<std::string>& simulation, bool shown)
{
  GimpImage* copy = gimp_image_duplicate(image);
  for (const std::string& name : simulation)
    if (GimpLayer* layer = gimp_image_get_layer_by_name(copy, name.c_str())) {
      if (shown)
        gimp_item_set_visible(GIMP_ITEM(layer), TRUE);
      else
        gimp_image_remove_layer(copy, layer);
    }
  return copy;
}

// The image as shown with the simulation layers shown or removed, merged into one layer of a
// copy (`copy` receives it, to be deleted by the caller).
GimpLayer* composite(GimpImage* image, const std::vector<std::string>& simulation, bool shown, GimpImage*& copy)
{
  copy = copy_with(image, simulation, shown);
  return gimp_image_merge_visible_layers(copy, GIMP_CLIP_TO_IMAGE);
}

// "preset Norwood IV: density 90 dots/cm2; dot 0.20 mm; ..." from the
// simulation's stipple effect, so that the metadata says what was simulated.
std::string settings_of(GimpImage* image, const std::vector<std::string>& simulation)
{
  std::string text;
  for (const std::string& name : simulation) {
    GimpLayer* layer = gimp_image_get_layer_by_name(image, name.c_str());
    if (!layer)
      continue;
    std::vector<GimpDrawable*> drawables;
    if (gimp_item_is_group(GIMP_ITEM(layer))) {
      GimpItem** children = gimp_item_get_children(GIMP_ITEM(layer));
      for (int i = 0; children && children[i]; ++i)
        drawables.push_back(GIMP_DRAWABLE(children[i]));
      g_free(children);
    } else {
      drawables.push_back(GIMP_DRAWABLE(layer));
    }
    std::string preset =
        name.rfind(simulation_prefix, 0) == 0 ? "preset " + name.substr(std::string(simulation_prefix).size()) : name;
    if (const std::string reference = face_reference_of(GIMP_ITEM(layer)); !reference.empty())
      preset += " (heights from " + reference + ")";
    for (GimpDrawable* drawable : drawables) {
      GimpDrawableFilter** filters = gimp_drawable_get_filters(drawable);
      for (int i = 0; filters && filters[i]; ++i) {
        gchar* operation = gimp_drawable_filter_get_operation_name(filters[i]);
        const bool stipple = g_strcmp0(operation, smp_filters::follicle_stipple::operation) == 0;
        g_free(operation);
        if (!stipple)
          continue;
        const smp::StippleSettings s = smp_filters::follicle_stipple::settings_of(
            G_OBJECT(gimp_drawable_filter_get_config(filters[i])), nullptr);
        char line[200];
        g_snprintf(line, sizeof line, "%s: density %.0f dots/cm2; dot %.2f mm; strength %.2f; %d sessions; seed %u",
                   preset.c_str(), s.density_per_cm2, s.dot_diameter_mm, s.strength, s.sessions, s.seed);
        text += (text.empty() ? "" : "; ") + std::string(line);
      }
      g_free(filters);
    }
  }
  return text.empty() ? "settings unknown" : text;
}

void set_disclosure_metadata(GimpImage* result, const std::string& description)
{
  GimpParasite* comment = gimp_parasite_new("gimp-comment", GIMP_PARASITE_PERSISTENT,
                                            static_cast<guint32>(description.size() + 1), description.c_str());
  gimp_image_attach_parasite(result, comment);
  gimp_parasite_free(comment);
  GimpMetadata* metadata = gimp_image_get_metadata(result);
  if (!metadata)
    metadata = gimp_metadata_new();
  GExiv2Metadata* exiv = GEXIV2_METADATA(metadata);
  gexiv2_metadata_try_set_tag_string(exiv, "Xmp.dc.title", disclosure, nullptr);
  gexiv2_metadata_try_set_tag_string(exiv, "Xmp.dc.description", description.c_str(), nullptr);
  gexiv2_metadata_try_set_tag_string(exiv, "Exif.Image.ImageDescription", description.c_str(), nullptr);
  gimp_image_set_metadata(result, metadata);
  g_object_unref(metadata);
}

bool export_png(GimpImage* result, GFile* file, std::string& problem)
{
  GimpProcedure* png = gimp_pdb_lookup_procedure(gimp_get_pdb(), "file-png-export");
  if (!png) {
    problem = _("GIMP has no PNG export (file-png-export)");
    return false;
  }
  GimpProcedureConfig* config = gimp_procedure_create_config(png);
  g_object_set(config, "run-mode", GIMP_RUN_NONINTERACTIVE, "image", result, "file", file, "include-exif", TRUE,
               "include-xmp", TRUE, "include-comment", TRUE, "include-iptc", FALSE, "include-thumbnail", FALSE, nullptr);
  GimpValueArray* values = gimp_procedure_run_config(png, config);
  const bool ok = g_value_get_enum(gimp_value_array_index(values, 0)) == GIMP_PDB_SUCCESS;
  if (!ok)
    problem = gimp_pdb_get_last_error(gimp_get_pdb());
  gimp_value_array_unref(values);
  g_object_unref(config);
  return ok;
}

// The layout, labels and disclosure the arguments ask for.
smp_deliverables::BeforeAfterChoices choices_of(GimpProcedureConfig* config)
{
  smp_deliverables::BeforeAfterChoices c;
  c.layout = static_cast<Layout>(gimp_procedure_config_get_choice_id(config, "layout"));
  c.corner = static_cast<Corner>(gimp_procedure_config_get_choice_id(config, "label-placement"));
  gboolean visible_disclosure = TRUE;
  g_object_get(config, "split-position", &c.split, "font-size", &c.font_px, "show-disclosure", &visible_disclosure, nullptr);
  c.font = string_argument(config, "font");
  c.before_label = string_argument(config, "before-label");
  c.after_label = string_argument(config, "after-label");
  c.disclosure = visible_disclosure ? disclosure : "";
  return c;
}

// The overlay's pixels as a new top layer of `result`.
void add_overlay_layer(GimpImage* result, const Overlay& overlay)
{
  const GimpImageType type = gimp_image_get_base_type(result) == GIMP_GRAY ? GIMP_GRAYA_IMAGE : GIMP_RGBA_IMAGE;
  GimpLayer* layer =
      gimp_layer_new(result, "SMP labels", overlay.width, overlay.height, type, 100.0, GIMP_LAYER_MODE_NORMAL);
  gimp_image_insert_layer(result, layer, nullptr, 0);
  const std::vector<std::uint32_t> pixels = render_overlay(overlay);
  GeglBuffer* buffer = gimp_drawable_get_buffer(GIMP_DRAWABLE(layer));
  const GeglRectangle all{0, 0, overlay.width, overlay.height};
  gegl_buffer_set(buffer, &all, 0, babl_format("cairo-ARGB32"), pixels.data(), overlay.width * 4);
  gegl_buffer_flush(buffer);
  g_object_unref(buffer);
  gimp_drawable_update(GIMP_DRAWABLE(layer), 0, 0, overlay.width, overlay.height);
}

// The simulation layers the arguments name; empty when the image has none.
std::vector<std::string> simulation_of(GimpImage* image, GimpProcedureConfig* config)
{
  GimpLayer* given = nullptr;
  g_object_get(config, "simulation", &given, nullptr);
  if (given)
    g_object_unref(given);  // the image keeps it
  return simulation_layer_names(image, given);
}

constexpr const char* no_simulation_message =
    N_("Before/After: the image has no SMP simulation (no layer or group named \"SMP ...\"): run Simulate SMP first, "
       "or pass the layer to show as \"simulation\".");

// The image as shown with the simulation layers shown or removed, as RGB u8 at most w x h (its
// own aspect); `w`, `h` receive the size.
std::vector<std::uint8_t> thumbnail(GimpImage* image, const std::vector<std::string>& simulation, bool shown, int& w, int& h)
{
  GimpImage* copy = copy_with(image, simulation, shown);
  GdkPixbuf* pixbuf = gimp_image_get_thumbnail(copy, w, h, GIMP_PIXBUF_SMALL_CHECKS);
  gimp_image_delete(copy);
  std::vector<std::uint8_t> rgb;
  if (!pixbuf)
    return rgb;
  w = gdk_pixbuf_get_width(pixbuf);
  h = gdk_pixbuf_get_height(pixbuf);
  const int channels = gdk_pixbuf_get_n_channels(pixbuf), stride = gdk_pixbuf_get_rowstride(pixbuf);
  const guchar* pixels = gdk_pixbuf_get_pixels(pixbuf);
  rgb.resize(static_cast<std::size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      std::copy_n(pixels + y * stride + x * channels, 3, &rgb[(std::size_t(y) * w + x) * 3]);
  g_object_unref(pixbuf);
  return rgb;
}

// Every other pixel of every other row: the view at half size for two views in one preview.
std::vector<std::uint8_t> halved(const std::vector<std::uint8_t>& rgb, int& w, int& h)
{
  const int hw = std::max(1, w / 2), hh = std::max(1, h / 2);
  std::vector<std::uint8_t> out(static_cast<std::size_t>(hw) * hh * 3);
  for (int y = 0; y < hh; ++y)
    for (int x = 0; x < hw; ++x)
      for (int k = 0; k < 3; ++k) {
        const auto at = [&](int dx, int dy) {
          return rgb[(std::size_t(std::min(2 * y + dy, h - 1)) * w + std::min(2 * x + dx, w - 1)) * 3 + k];
        };
        out[(std::size_t(y) * hw + x) * 3 + k] = static_cast<std::uint8_t>((at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1) + 2) / 4);
      }
  w = hw;
  h = hh;
  return out;
}

// The dialog's picture: the before/after as it will be made, fitted into the preview. The two
// views are taken from the image once per set of simulation layers.
class BeforeAfterPreview {
 public:
  explicit BeforeAfterPreview(GimpImage* image) : image_(image) {}

  PreviewContent operator()(GimpProcedureConfig* config, GeglBuffer* photo)
  {
    const std::vector<std::string> simulation = simulation_of(image_, config);
    if (simulation.empty())
      return {nullptr, formatted(_("To preview: %s"), _(no_simulation_message))};
    const GeglRectangle area = *gegl_buffer_get_extent(photo);
    if (simulation != views_of_) {
      views_of_ = simulation;
      vw_ = bw_ = area.width;
      vh_ = bh_ = area.height;
      before_ = thumbnail(image_, simulation, false, bw_, bh_);
      after_ = thumbnail(image_, shown_as_result(image_, simulation), true, vw_, vh_);
    }
    if (before_.empty() || after_.empty() || bw_ != vw_ || bh_ != vh_)
      return {nullptr, _("To preview: GIMP made no thumbnail of the image.")};
    smp_deliverables::BeforeAfterChoices choices = choices_of(config);
    int w = vw_, h = vh_;
    std::vector<std::uint8_t> before = before_, after = after_;
    if (choices.layout == Layout::side_by_side || choices.layout == Layout::stacked) {
      int bw = w, bh = h;
      before = halved(before_, bw, bh);
      after = halved(after_, w, h);
    }
    const double shrink = static_cast<double>(w) / std::max(1, gimp_image_get_width(image_));
    choices.font_px *= shrink;
    const auto geometry = smp_deliverables::before_after_geometry(choices, w, h);
    const std::vector<std::uint8_t> made = smp_deliverables::before_after_pixels(geometry, before, after, w, h);
    // Centred on grey in the preview's frame.
    std::vector<std::uint8_t> framed(static_cast<std::size_t>(area.width) * area.height * 3, 128);
    const int x0 = std::max(0, (area.width - geometry.width) / 2), y0 = std::max(0, (area.height - geometry.height) / 2);
    for (int y = 0; y < std::min(geometry.height, area.height); ++y)
      std::copy_n(&made[std::size_t(y) * geometry.width * 3], std::min(geometry.width, area.width) * 3,
                  &framed[(std::size_t(y0 + y) * area.width + x0) * 3]);
    GeglBuffer* picture = gegl_buffer_new(&area, babl_format("R'G'B' u8"));
    gegl_buffer_set(picture, &area, 0, babl_format("R'G'B' u8"), framed.data(), GEGL_AUTO_ROWSTRIDE);
    const int made_w = geometry.width * gimp_image_get_width(image_) / std::max(1, w);
    const int made_h = geometry.height * gimp_image_get_height(image_) / std::max(1, h);
    return {picture, formatted(_("A new image of %d x %d px; the photo is not changed. The metadata always says "
                                 "SIMULATION."),
                               made_w, made_h)};
  }

 private:
  GimpImage* image_;
  std::vector<std::string> views_of_;
  std::vector<std::uint8_t> before_, after_;
  int bw_ = 0, bh_ = 0, vw_ = 0, vh_ = 0;
};

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable**,
                    GimpProcedureConfig* config, gpointer)
{
  if (run_mode == GIMP_RUN_INTERACTIVE) {
    auto preview = std::make_shared<BeforeAfterPreview>(image);
    if (!confirmed_with_preview(procedure, config, _("SMP Before/After"), image,
                                [preview](GimpProcedureConfig* c, GeglBuffer* photo, double) { return (*preview)(c, photo); }))
      return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);
  }
  const std::vector<std::string> simulation = simulation_of(image, config);
  if (simulation.empty())
    return calling_error(procedure, _(no_simulation_message));

  const smp_deliverables::BeforeAfterChoices choices = choices_of(config);

  GimpImage* before = nullptr;
  GimpImage* after = nullptr;
  GimpLayer* before_shown = composite(image, simulation, false, before);
  GimpLayer* after_shown = composite(image, shown_as_result(image, simulation), true, after);
  const int w = gimp_image_get_width(image), h = gimp_image_get_height(image);
  const smp_deliverables::BeforeAfterGeometry geometry = smp_deliverables::before_after_geometry(choices, w, h);
  GimpImage* result = gimp_image_new_with_precision(geometry.width, geometry.height, gimp_image_get_base_type(image),
                                                    gimp_image_get_precision(image));
  double x_dpi = 0, y_dpi = 0;
  gimp_image_get_resolution(image, &x_dpi, &y_dpi);
  gimp_image_set_resolution(result, x_dpi, y_dpi);
  gimp_image_undo_disable(result);

  GimpLayer* before_layer = gimp_layer_new_from_drawable(GIMP_DRAWABLE(before_shown), result);
  GimpLayer* after_layer = gimp_layer_new_from_drawable(GIMP_DRAWABLE(after_shown), result);
  gimp_image_insert_layer(result, before_layer, nullptr, 0);
  gimp_image_insert_layer(result, after_layer, nullptr, 0);
  gimp_image_delete(before);
  gimp_image_delete(after);
  gimp_layer_set_offsets(before_layer, 0, 0);
  gimp_layer_set_offsets(after_layer, geometry.after_x, geometry.after_y);
  if (!geometry.after_side.empty()) {
    gimp_image_select_polygon(result, GIMP_CHANNEL_OP_REPLACE, geometry.after_side.size(), geometry.after_side.data());
    gimp_layer_add_mask(after_layer, gimp_layer_create_mask(after_layer, GIMP_ADD_MASK_SELECTION));
    gimp_selection_none(result);
  }
  const Overlay& overlay = geometry.overlay;
  add_overlay_layer(result, overlay);
  gimp_image_flatten(result);

  char scale[48];
  g_snprintf(scale, sizeof scale, "%.3f px/mm from ", px_per_mm_of(image));
  std::string description = std::string(disclosure) + ". Simulated with gimp-smp: " + settings_of(image, simulation) +
                            "; " + scale + scale_source_of(image) + ".";
  if (const std::string plan = suggested_plan_of(image); !plan.empty())
    description += " Scalp analysis: " + plan;
  // gexiv2 splits an XMP text at commas: keep the description in one piece.
  std::replace(description.begin(), description.end(), ',', ';');
  set_disclosure_metadata(result, description);
  gimp_image_undo_enable(result);

  GFile* file = nullptr;
  g_object_get(config, "file", &file, nullptr);
  if (file) {
    std::string problem;
    const bool exported = export_png(result, file, problem);
    gchar* path = g_file_get_parse_name(file);
    const std::string where = path ? path : "";
    g_free(path);
    g_object_unref(file);
    if (!exported) {
      gimp_image_delete(result);
      return execution_error(procedure, formatted(_("Before/After: could not write %s: %s"), where.c_str(), problem.c_str()));
    }
  }
  if (run_mode == GIMP_RUN_INTERACTIVE)
    gimp_display_new(result);
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_object(gimp_value_array_index(values, 1), result);
  return values;
}

}  // namespace

GimpProcedure* create_before_after_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, before_after_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_ALWAYS);
  gimp_procedure_set_menu_label(procedure, _("SMP _Before and After..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("A labelled before/after image of the SMP simulation"),
      _("Makes a new image: the photo without its SMP layers (before) and as shown with them (after), side by side, "
        "stacked, or split by a vertical or diagonal divider, with labels and the visible disclosure \"SIMULATION - not "
        "an actual treatment result\". The disclosure, the preset and the stipple settings are always written to the "
        "image's comment, XMP and Exif description. The photo itself is not changed."),
      before_after_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  gimp_procedure_add_choice_argument(
      procedure, "layout", _("_Layout"), _("How the two views are put together"),
      gimp_choice_new_with_values("side-by-side", int(Layout::side_by_side), _("Side by side"), nullptr, "stacked",
                                  int(Layout::stacked), _("Stacked"), nullptr, "split-vertical", int(Layout::split_vertical),
                                  _("Split, vertical divider"), nullptr, "split-diagonal", int(Layout::split_diagonal),
                                  _("Split, diagonal divider"), nullptr, nullptr),
      "side-by-side", G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "split-position", _("Split _position"),
                                     _("Split layouts: where the divider crosses the middle, 0 left to 1 right"), 0.05,
                                     0.95, 0.5, G_PARAM_READWRITE);
  gimp_procedure_add_string_argument(procedure, "before-label", _("_Before label"), _("Label of the original"), "Before",
                                     G_PARAM_READWRITE);
  gimp_procedure_add_string_argument(procedure, "after-label", _("_After label"), _("Label of the simulated result"),
                                     "Simulation", G_PARAM_READWRITE);
  gimp_procedure_add_string_argument(procedure, "font", _("_Font"), _("Font of the labels (a Pango font name)"),
                                     "DejaVu Sans Bold", G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "font-size", _("Font _size (px)"), _("0: 4.5% of the photo's smaller side"),
                                     0.0, 1000.0, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument(
      procedure, "label-placement", _("Label _placement"), _("The corner of each view the labels sit in"),
      gimp_choice_new_with_values("top-left", int(Corner::top_left), _("Top left"), nullptr, "top-right", int(Corner::top_right),
                                  _("Top right"), nullptr, "bottom-left", int(Corner::bottom_left), _("Bottom left"), nullptr,
                                  "bottom-right", int(Corner::bottom_right), _("Bottom right"), nullptr, nullptr),
      "top-left", G_PARAM_READWRITE);
  gimp_procedure_add_boolean_argument(
      procedure, "show-disclosure", _("Show the _SIMULATION disclosure"),
      _("The visible line \"SIMULATION - not an actual treatment result\"; advertising rules ask for it on marketing "
        "images. Turned off, the metadata still says SIMULATION."),
      TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_layer_argument(procedure, "simulation", _("Si_mulation layer"),
                                    _("The layer or group to show as the result (default: every top-level \"SMP ...\" "
                                      "layer)"),
                                    TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_file_argument(procedure, "file", _("_Export to"), _("Also export it as PNG, metadata included"),
                                   GIMP_FILE_CHOOSER_ACTION_SAVE, TRUE, nullptr, G_PARAM_READWRITE);
  gimp_procedure_add_image_return_value(procedure, "before-after", _("Before/after"), _("The new image"), FALSE,
                                        G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
