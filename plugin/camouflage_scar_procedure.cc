// "Camouflage Scar": finds the scar in the selection with smp:scar-mask, keeps the mask as the
// channel "SMP scar mask", puts smp:scar-blend's result on the layer "SMP scar blend" above the
// photo (shown through that mask), and stipples the scar on "SMP scar pigment": a Multiply
// layer whose pixels are the scar's density, with smp:follicle-stipple as its live effect.
// GIMP 3.0 keeps no live effect for an op with an aux pad, so the plug-in runs the two scar ops
// in its own GEGL graph on the photo's pixels; the photo layer itself is never written.
#include <libgimp/gimpui.h>

#include <algorithm>
#include <vector>

#include "image_guards.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "procedures.hpp"
#include "scar/scar_blend.hpp"
#include "scar/scar_mask.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp_plugin {
namespace {

constexpr const char* mask_channel_name = "SMP scar mask";
constexpr const char* blend_layer_name = "SMP scar blend";
constexpr const char* pigment_layer_name = "SMP scar pigment";

// Scar tissue takes pigment less readily: fewer and lighter dots than on the skin around it.
constexpr double default_density_ratio = 0.8, default_shade_ratio = 0.75;

enum KindId { kind_any, kind_linear, kind_dots, kind_area };

const char* kind_nick(int id)
{
  switch (id) {
    case kind_linear: return "linear";
    case kind_dots: return "dots";
    case kind_area: return "area";
    default: return "any";
  }
}

struct Settings {
  double px_per_mm;
  int kind;
  double sensitivity, feather_mm, ring_width_mm, density, strength, density_ratio, shade_ratio;
  int seed;
};

Settings settings_of(GimpProcedureConfig* config, GimpImage* image)
{
  Settings s{};
  s.px_per_mm = px_per_mm_of(image);
  s.kind = gimp_procedure_config_get_choice_id(config, "kind");
  g_object_get(config, "sensitivity", &s.sensitivity, "feather", &s.feather_mm, "ring-width", &s.ring_width_mm, "density",
               &s.density, "strength", &s.strength, "density-ratio", &s.density_ratio, "shade-ratio", &s.shade_ratio,
               "seed", &s.seed, nullptr);
  return s;
}

// The plug-in runs the scar ops in its own process, where GEGL has not loaded the SMP module
// (GIMP itself runs the other effects): load it from where meson installs it.
bool have_scar_operations()
{
  gegl_init(nullptr, nullptr);  // libgimp starts GEGL lazily; a second call does nothing
  const char* ops[] = {"smp:scar-mask", "smp:scar-blend", "smp:follicle-stipple"};
  auto all = [&] { return std::all_of(std::begin(ops), std::end(ops), [](const char* op) { return gegl_has_operation(op); }); };
  if (all())
    return true;
  gchar* user_dir = g_build_filename(g_get_user_data_dir(), "gegl-0.4", "plug-ins", nullptr);
  gegl_load_module_directory(user_dir);
  g_free(user_dir);
  if (!all())
    gegl_load_module_directory(SMP_GEGL_MODULE_DIR);
  return all();
}

void set_enum(GeglNode* node, const char* op, const char* property, const char* nick)
{
  GParamSpec* spec = gegl_operation_find_property(op, property);
  if (!spec || !G_IS_PARAM_SPEC_ENUM(spec))
    return;
  if (const GEnumValue* value = g_enum_get_value_by_nick(G_PARAM_SPEC_ENUM(spec)->enum_class, nick))
    gegl_node_set(node, property, value->value, nullptr);
}

// photo (+ selection as the region) -> smp:scar-mask -> smp:scar-blend, in the photo layer's
// own coordinates, and for the dialog's preview the scar's stipple multiplied over the blend
// (the mask at density-ratio opacity: density = grey x alpha, as the pigment layer holds it).
struct ScarGraph {
  GeglNode* graph = gegl_node_new();
  GeglNode *photo = nullptr, *mask = nullptr, *blend = nullptr, *scar_density = nullptr, *stipple = nullptr,
           *preview = nullptr;

  ScarGraph(GimpImage* image, GimpDrawable* drawable)
  {
    GeglBuffer* pixels = gimp_drawable_get_buffer(drawable);
    photo = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", pixels, nullptr);
    g_object_unref(pixels);
    mask = gegl_node_new_child(graph, "operation", "smp:scar-mask", nullptr);
    gegl_node_link(photo, mask);
    if (!gimp_selection_is_empty(image)) {
      gint ox = 0, oy = 0;
      gimp_drawable_get_offsets(drawable, &ox, &oy);
      GeglBuffer* selection = gimp_drawable_get_buffer(GIMP_DRAWABLE(gimp_image_get_selection(image)));
      GeglNode* region = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", selection, nullptr);
      g_object_unref(selection);
      GeglNode* shift = gegl_node_new_child(graph, "operation", "gegl:translate", "x", double(-ox), "y", double(-oy),
                                            "sampler", GEGL_SAMPLER_NEAREST, nullptr);
      gegl_node_link(region, shift);
      gegl_node_connect(shift, "output", mask, "aux");
    }
    blend = gegl_node_new_child(graph, "operation", "smp:scar-blend", nullptr);
    gegl_node_link(photo, blend);
    gegl_node_connect(mask, "output", blend, "aux");
    scar_density = gegl_node_new_child(graph, "operation", "gegl:opacity", nullptr);
    stipple = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", nullptr);
    preview = gegl_node_new_child(graph, "operation", "gegl:multiply", nullptr);
    gegl_node_link_many(mask, scar_density, stipple, nullptr);
    gegl_node_link(blend, preview);
    gegl_node_connect(stipple, "output", preview, "aux");
  }
  ~ScarGraph() { g_object_unref(graph); }
  ScarGraph(const ScarGraph&) = delete;
  ScarGraph& operator=(const ScarGraph&) = delete;

  // Setting unchanged values keeps GEGL's cached results, so the preview scrolls without redoing
  // the whole-image detection.
  void set(const Settings& s)
  {
    gegl_node_set(mask, "px-per-mm", s.px_per_mm, "sensitivity", s.sensitivity, "feather", s.feather_mm, nullptr);
    set_enum(mask, "smp:scar-mask", "kind", kind_nick(s.kind));
    gegl_node_set(blend, "px-per-mm", s.px_per_mm, "ring-width", s.ring_width_mm, nullptr);
    gegl_node_set(scar_density, "value", s.density_ratio, nullptr);
    gegl_node_set(stipple, "px-per-mm", s.px_per_mm, "density", s.density, "strength", s.strength * s.shade_ratio, "seed",
                  static_cast<guint>(s.seed), nullptr);
  }
};

std::vector<float> render(GeglNode* node, const GeglRectangle& rect, const char* format)
{
  std::vector<float> pixels(static_cast<std::size_t>(rect.width) * rect.height *
                            babl_format_get_n_components(babl_format(format)));
  gegl_node_blit(node, 1.0, &rect, babl_format(format), pixels.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  return pixels;
}

void write(GimpDrawable* drawable, const GeglRectangle& rect, const char* format, const void* pixels)
{
  GeglBuffer* buffer = gimp_drawable_get_buffer(drawable);
  gegl_buffer_set(buffer, &rect, 0, babl_format(format), pixels, GEGL_AUTO_ROWSTRIDE);
  gegl_buffer_flush(buffer);
  g_object_unref(buffer);
  gimp_drawable_update(drawable, rect.x, rect.y, rect.width, rect.height);
}

// The dialog's preview: the blend with the scar's stipple, over the part of the photo shown.
struct PreviewContext {
  GimpImage* image;
  GimpDrawable* drawable;
  GimpProcedureConfig* config;
  ScarGraph graph;
};

void draw_preview(GimpPreview* preview, PreviewContext* context)
{
  gint x = 0, y = 0, width = 0, height = 0;
  gimp_preview_get_position(preview, &x, &y);
  gimp_preview_get_size(preview, &width, &height);
  const bool alpha = gimp_drawable_has_alpha(context->drawable), grey = gimp_drawable_is_gray(context->drawable);
  const Babl* format = babl_format(grey ? (alpha ? "Y'A u8" : "Y' u8") : (alpha ? "R'G'B'A u8" : "R'G'B' u8"));
  context->graph.set(settings_of(context->config, context->image));
  const int bytes_per_pixel = babl_format_get_bytes_per_pixel(format);
  std::vector<guchar> pixels(static_cast<std::size_t>(width) * height * bytes_per_pixel);
  const GeglRectangle rect{x, y, width, height};
  gegl_node_blit(context->graph.preview, 1.0, &rect, format, pixels.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  gimp_preview_draw_buffer(preview, pixels.data(), width * bytes_per_pixel);
}

bool confirmed_with_preview(GimpProcedure* procedure, GimpProcedureConfig* config, GimpImage* image,
                            GimpDrawable* drawable)
{
  gimp_ui_init(binary_name);
  GtkWidget* dialog = gimp_procedure_dialog_new(procedure, config, "SMP Camouflage Scar");
  GtkWidget* preview = gimp_procedure_dialog_get_drawable_preview(GIMP_PROCEDURE_DIALOG(dialog), "preview", drawable);
  PreviewContext context{image, drawable, config, ScarGraph(image, drawable)};
  g_signal_connect(preview, "invalidated", G_CALLBACK(draw_preview), &context);
  g_signal_connect_swapped(config, "notify", G_CALLBACK(gimp_preview_invalidate), preview);
  gimp_procedure_dialog_fill(GIMP_PROCEDURE_DIALOG(dialog), "preview", "kind", "sensitivity", "feather", "ring-width",
                             "density", "strength", "density-ratio", "shade-ratio", "seed", nullptr);
  const bool confirmed = gimp_procedure_dialog_run(GIMP_PROCEDURE_DIALOG(dialog));
  g_signal_handlers_disconnect_by_data(config, preview);
  gtk_widget_destroy(dialog);
  return confirmed;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode run_mode, GimpImage* image, GimpDrawable** drawables,
                    GimpProcedureConfig* config, gpointer)
{
  if (gimp_image_get_base_type(image) == GIMP_INDEXED)
    return failure(procedure, "SMP Camouflage Scar needs an RGB or grayscale image: use Image > Mode > RGB first.");
  if (!drawables || !drawables[0] || drawables[1] || !GIMP_IS_LAYER(drawables[0]) ||
      gimp_item_is_group(GIMP_ITEM(drawables[0])))
    return failure(procedure, "SMP Camouflage Scar: select the one photo layer that shows the scar.");
  if (!have_scar_operations())
    return failure(procedure, missing_filters_message);
  GimpDrawable* photo = drawables[0];
  if (run_mode == GIMP_RUN_INTERACTIVE && !confirmed_with_preview(procedure, config, image, photo))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);

  const Settings s = settings_of(config, image);
  const GeglRectangle layer_rect{0, 0, gimp_drawable_get_width(photo), gimp_drawable_get_height(photo)};
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(photo, &ox, &oy);
  std::vector<float> mask, blended;
  {
    ScarGraph graph(image, photo);
    graph.set(s);
    mask = render(graph.mask, layer_rect, "Y' float");
    if (std::none_of(mask.begin(), mask.end(), [](float m) { return m > 0.5f; }))
      return failure(procedure, "SMP Camouflage Scar found no scar tissue in the selection: select the scar with a "
                                "margin of skin around it, check the image resolution (Image > Print Size, or SMP "
                                "Calibrate Scale), or raise the sensitivity.");
    blended = render(graph.blend, layer_rect, "R'G'B'A float");
  }

  GimpChannel* channel = nullptr;
  GimpLayer *blend = nullptr, *pigment = nullptr;
  {
    UndoGroup undo(image);
    PreservedSelectedLayers keep_selected(image);
    GeglColor* red = gegl_color_new("red");
    channel = gimp_channel_new(image, mask_channel_name, gimp_image_get_width(image), gimp_image_get_height(image), 50.0, red);
    g_object_unref(red);
    gimp_image_insert_channel(image, channel, nullptr, 0);
    gimp_drawable_fill(GIMP_DRAWABLE(channel), GIMP_FILL_TRANSPARENT);
    write(GIMP_DRAWABLE(channel), {ox, oy, layer_rect.width, layer_rect.height}, "Y' float", mask.data());

    const bool grey = gimp_image_get_base_type(image) == GIMP_GRAY;
    blend = gimp_layer_new(image, blend_layer_name, layer_rect.width, layer_rect.height,
                           grey ? GIMP_GRAYA_IMAGE : GIMP_RGBA_IMAGE, 100.0, GIMP_LAYER_MODE_NORMAL);
    gimp_image_insert_layer(image, blend, GIMP_LAYER(gimp_item_get_parent(GIMP_ITEM(photo))),
                            gimp_image_get_item_position(image, GIMP_ITEM(photo)));
    gimp_layer_set_offsets(blend, ox, oy);
    write(GIMP_DRAWABLE(blend), layer_rect, "R'G'B'A float", blended.data());
    GimpLayerMask* shown = gimp_layer_create_mask(blend, GIMP_ADD_MASK_BLACK);
    gimp_layer_add_mask(blend, shown);
    write(GIMP_DRAWABLE(shown), layer_rect, "Y' float", mask.data());

    // The scar's density: the mask times the ratio, as grey with the mask as alpha.
    pigment = new_pigment_layer(image, nullptr, pigment_layer_name);
    std::vector<float> density(mask.size() * 2);
    for (std::size_t i = 0; i < mask.size(); ++i) {
      density[2 * i] = static_cast<float>(s.density_ratio);
      density[2 * i + 1] = mask[i];
    }
    write(GIMP_DRAWABLE(pigment), {ox, oy, layer_rect.width, layer_rect.height}, "Y'A float", density.data());
    const LiftedSelection whole_layer(image);
    attach_stipple(pigment, s.px_per_mm, [&](GimpDrawableFilterConfig* to) {
      g_object_set(to, "density", s.density, "strength", s.strength * s.shade_ratio, "seed", static_cast<guint>(s.seed),
                   nullptr);
    });
  }
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_object(gimp_value_array_index(values, 1), channel);
  g_value_set_object(gimp_value_array_index(values, 2), blend);
  g_value_set_object(gimp_value_array_index(values, 3), pigment);
  return values;
}

}  // namespace

GimpProcedure* create_camouflage_scar_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure = gimp_image_procedure_new(plug_in, camouflage_scar_name, GIMP_PDB_PROC_TYPE_PLUGIN, run,
                                                      nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_DRAWABLE);
  gimp_procedure_set_menu_label(procedure, "SMP _Camouflage Scar...");
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, "Find a scar, tone it to the skin around it and stipple over it",
      "Select the scar roughly (or nothing: the whole layer) on the photo layer. Adds the channel \"SMP scar mask\" "
      "(the scar found by smp:scar-mask), the layer \"SMP scar blend\" above the photo (the scar toned to the "
      "surrounding skin by smp:scar-blend, shown through a layer mask that is the scar mask: paint it to change where "
      "the blend shows) and the Multiply layer \"SMP scar pigment\": its pixels are the scar's density "
      "(density-ratio of the surrounding density) and its live effect smp:follicle-stipple draws lighter dots "
      "(shade-ratio of the strength). The photo layer is not changed.",
      camouflage_scar_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  const smp::ScarMaskSettings mask_defaults;
  const smp::ScarBlendSettings blend_defaults;
  const smp::StippleSettings stipple_defaults;
  gimp_procedure_add_choice_argument(
      procedure, "kind", "Scar _kind", "What kind of scar to look for",
      gimp_choice_new_with_values("any", kind_any, "Any", "Every kind below", "linear", kind_linear, "Linear (FUT strip)",
                                  "A line 1-15 mm wide, at least 1 cm long", "dots", kind_dots, "Dots (FUE)",
                                  "Round punches 0.6-1.2 mm across", "area", kind_area, "Area",
                                  "Burns, surgery, scarring alopecia", nullptr),
      "any", G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "sensitivity", "_Sensitivity",
                                     "0 finds only the clearest scars, 1 fainter ones too", 0.0, 1.0,
                                     mask_defaults.sensitivity, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "feather", "_Feather (mm)", "Soft edge of the scar mask", 0.0,
                                     smp::ScarMaskLimits::feather_max, mask_defaults.feather_mm, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "ring-width", "Skin _ring (mm)",
                                     "How far out from the scar the reference skin reaches", smp::ScarBlendLimits::ring_min,
                                     smp::ScarBlendLimits::ring_max, blend_defaults.ring_width_mm, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "density", "Surrounding _density (dots/cm²)",
                                     "The SMP density on the skin around the scar", 0.0, smp::StippleLimits::density_max,
                                     stipple_defaults.density_per_cm2, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "strength", "Surrounding s_trength",
                                     "How dark the dots around the scar are at their centre", 0.0, 1.0,
                                     stipple_defaults.strength, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "density-ratio", "Density in the scar",
                                     "Share of the surrounding density put into the scar (scar tissue takes fewer dots)",
                                     0.0, 1.0, default_density_ratio, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "shade-ratio", "S_hade in the scar",
                                     "Share of the surrounding strength for the dots in the scar (lighter)", 0.0, 1.0,
                                     default_shade_ratio, G_PARAM_READWRITE);
  gimp_procedure_add_int_argument(procedure, "seed", "Random s_eed", "Same seed, same dots", 0, G_MAXINT, 0,
                                  G_PARAM_READWRITE);
  gimp_procedure_add_channel_return_value(procedure, "mask", "Mask", "The scar mask channel", FALSE, G_PARAM_READWRITE);
  gimp_procedure_add_layer_return_value(procedure, "blend", "Blend", "The toned scar layer", FALSE, G_PARAM_READWRITE);
  gimp_procedure_add_layer_return_value(procedure, "pigment", "Pigment", "The scar's pigment layer", FALSE,
                                        G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
