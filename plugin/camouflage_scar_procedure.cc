// "Camouflage Scar": finds the scar in the selection with smp:scar-mask, keeps the mask as the
// channel "SMP scar mask", puts smp:scar-blend's result on the layer "SMP scar blend" above the
// photo (shown through that mask), and stipples the scar on "SMP scar pigment": a Multiply
// layer whose pixels are the scar's density, with smp:follicle-stipple as its live effect.
// GIMP 3.0 keeps no live effect for an op with an aux pad, so the plug-in runs the two scar ops
// in its own GEGL graph on the photo's pixels; the photo layer itself is never written.
#include <libgimp/gimpui.h>

#include <algorithm>
#include <vector>

#include "arguments.hpp"
#include "filter_graph.hpp"
#include "follicle-stipple/follicle-stipple.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "procedures.hpp"
#include "scar-blend/scar-blend.hpp"
#include "scar-mask/scar-mask.hpp"

namespace smp_plugin {
namespace {

constexpr const char* mask_channel_name = "SMP scar mask";
constexpr const char* blend_layer_name = "SMP scar blend";
constexpr const char* pigment_layer_name = "SMP scar pigment";

// Scar tissue takes pigment less readily: fewer and lighter dots than on the skin around it.
constexpr double default_density_ratio = 0.8, default_shade_ratio = 0.75;

enum KindId { kind_any, kind_linear, kind_dots, kind_area };

struct Settings {
  smp::ScarMaskSettings mask;
  smp::ScarBlendSettings blend;
  smp::StippleSettings stipple;  // the scar's own dots: fewer and lighter than around it
  double density_ratio;
};

Settings settings_of(GimpProcedureConfig* config, GimpImage* image)
{
  Settings s{};
  const double px_per_mm = px_per_mm_of(image);
  s.mask.px_per_mm = s.blend.px_per_mm = s.stipple.px_per_mm = px_per_mm;
  s.mask.kind = static_cast<smp::ScarKind>(std::clamp(gimp_procedure_config_get_choice_id(config, "kind"), 0, 3));
  double density = 0.0, strength = 0.0, shade_ratio = 0.0;
  g_object_get(config, "sensitivity", &s.mask.sensitivity, "feather", &s.mask.feather_mm, "ring-width",
               &s.blend.ring_width_mm, "density", &density, "strength", &strength, "density-ratio", &s.density_ratio,
               "shade-ratio", &shade_ratio, nullptr);
  s.stipple.density_per_cm2 = density;
  s.stipple.strength = strength * shade_ratio;
  s.stipple.seed = seed_of(config);
  return s;
}

// photo (+ selection as the region) -> smp:scar-mask -> smp:scar-blend, in the photo layer's
// own coordinates; the scar's density (the mask at density-ratio: white with that alpha, as the
// pigment layer holds it); and for the dialog's preview the scar's stipple multiplied over the blend.
struct ScarGraph {
  Graph graph;
  GeglNode *mask = nullptr, *blend = nullptr, *scar_density = nullptr, *stipple = nullptr, *preview = nullptr;

  ScarGraph(GimpImage* image, GimpDrawable* drawable)
  {
    GeglNode* photo = source_node(graph, graph.own(gimp_drawable_get_buffer(drawable)));
    mask = graph.node(smp_filters::scar_mask::operation);
    gegl_node_link(photo, mask);
    if (!gimp_selection_is_empty(image)) {
      gint ox = 0, oy = 0;
      gimp_drawable_get_offsets(drawable, &ox, &oy);
      GimpDrawable* selection = GIMP_DRAWABLE(gimp_image_get_selection(image));
      gegl_node_connect(source_node(graph, graph.own(gimp_drawable_get_buffer(selection)), -ox, -oy), "output", mask,
                        "aux");
    }
    blend = graph.node(smp_filters::scar_blend::operation);
    gegl_node_link(photo, blend);
    gegl_node_connect(mask, "output", blend, "aux");
    GeglNode* white = graph.node("gegl:color", "value", graph.colour("white"));
    scar_density = kept_inside(graph, white, as_coverage(graph, mask, babl_format("Y'A float")));
    stipple = graph.node(smp_filters::follicle_stipple::operation);
    gegl_node_link(scar_density, stipple);
    preview = multiplied(graph, blend, stipple);
  }

  // Setting unchanged values keeps GEGL's cached results, so the preview scrolls without redoing
  // the whole-image detection.
  void set(const Settings& s)
  {
    smp_filters::scar_mask::set(mask, s.mask);
    smp_filters::scar_blend::set(blend, s.blend);
    gegl_node_set(scar_density, "value", s.density_ratio, nullptr);
    smp_filters::follicle_stipple::set(stipple, s.stipple);
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
  bool centred = false;
};

void draw_preview(GimpPreview* preview, PreviewContext* context)
{
  gint x = 0, y = 0, width = 0, height = 0;
  gimp_preview_get_size(preview, &width, &height);
  if (!context->centred) {
    // It opens on the middle of the selection (the scar the user pointed at), not its corner.
    context->centred = true;
    gint sx = 0, sy = 0, sw = 0, sh = 0;
    if (gimp_drawable_mask_intersect(context->drawable, &sx, &sy, &sw, &sh)) {
      gint ox = 0, oy = 0;
      gimp_drawable_get_offsets(context->drawable, &ox, &oy);
      gimp_scrolled_preview_set_position(GIMP_SCROLLED_PREVIEW(preview), ox + sx + (sw - width) / 2,
                                         oy + sy + (sh - height) / 2);
    }
  }
  gimp_preview_get_position(preview, &x, &y);
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
  GtkWidget* dialog = gimp_procedure_dialog_new(procedure, config, _("SMP Camouflage Scar"));
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
    return calling_error(procedure, _("SMP Camouflage Scar needs an RGB or grayscale image: use Image > Mode > RGB first."));
  if (!drawables || !drawables[0] || drawables[1] || !GIMP_IS_LAYER(drawables[0]) ||
      gimp_item_is_group(GIMP_ITEM(drawables[0])))
    return calling_error(procedure, _("SMP Camouflage Scar: select the one photo layer that shows the scar."));
  if (!load_smp_operations())
    return execution_error(procedure, _(missing_filters_message));
  GimpDrawable* photo = drawables[0];
  if (run_mode == GIMP_RUN_INTERACTIVE && !confirmed_with_preview(procedure, config, image, photo))
    return gimp_procedure_new_return_values(procedure, GIMP_PDB_CANCEL, nullptr);

  const Settings s = settings_of(config, image);
  const GeglRectangle layer_rect{0, 0, gimp_drawable_get_width(photo), gimp_drawable_get_height(photo)};
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(photo, &ox, &oy);
  ScarGraph graph(image, photo);
  graph.set(s);
  const std::vector<float> mask = render(graph.mask, layer_rect, "Y' float");
  if (std::none_of(mask.begin(), mask.end(), [](float m) { return m > 0.5f; }))
    return calling_error(procedure, _("SMP Camouflage Scar found no scar tissue in the selection: select the scar with a "
                                      "margin of skin around it, check the image resolution (Image > Print Size, or SMP "
                                      "Calibrate Scale), or raise the sensitivity."));
  const std::vector<float> blended = render(graph.blend, layer_rect, "R'G'B'A float");

  GimpChannel* channel = nullptr;
  GimpLayer *blend = nullptr, *pigment = nullptr;
  bool stipple_missing = false;
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

    // The scar's density, from the graph's own mask, in the photo layer's place.
    pigment = new_pigment_layer(image, nullptr, pigment_layer_name);
    GeglNode* placed = graph.graph.node("gegl:translate", "x", double(ox), "y", double(oy), "sampler", GEGL_SAMPLER_NEAREST);
    gegl_node_link(graph.scar_density, placed);
    GeglNode* within_photo = graph.graph.node("gegl:crop", "x", double(ox), "y", double(oy), "width",
                                              double(layer_rect.width), "height", double(layer_rect.height));
    gegl_node_link(placed, within_photo);
    render_into(GIMP_DRAWABLE(pigment), within_photo);
    const LiftedSelection whole_layer(image);
    stipple_missing = !attach_stipple(pigment, s.stipple);
  }
  if (stipple_missing)
    return execution_error(procedure, _(missing_filters_message));
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_object(gimp_value_array_index(values, 1), channel);
  g_value_set_object(gimp_value_array_index(values, 2), blend);
  g_value_set_object(gimp_value_array_index(values, 3), pigment);
  return values;
}

}  // namespace

GimpProcedure* create_camouflage_scar_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure = gimp_image_procedure_new(plug_in, camouflage_scar_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>,
                                                      nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_DRAWABLE);
  gimp_procedure_set_menu_label(procedure, _("SMP _Camouflage Scar..."));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Find a scar, tone it to the skin around it and stipple over it"),
      _("Select the scar roughly (or nothing: the whole layer) on the photo layer. Adds the channel \"SMP scar mask\" "
        "(the scar found by smp:scar-mask), the layer \"SMP scar blend\" above the photo (the scar toned to the "
        "surrounding skin by smp:scar-blend, shown through a layer mask that is the scar mask: paint it to change where "
        "the blend shows) and the Multiply layer \"SMP scar pigment\": its pixels are the scar's density "
        "(density-ratio of the surrounding density) and its live effect smp:follicle-stipple draws lighter dots "
        "(shade-ratio of the strength). The photo layer is not changed."),
      camouflage_scar_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");

  const smp::ScarMaskSettings mask_defaults;
  const smp::ScarBlendSettings blend_defaults;
  const smp::StippleSettings stipple_defaults;
  gimp_procedure_add_choice_argument(
      procedure, "kind", _("Scar _kind"), _("What kind of scar to look for"),
      gimp_choice_new_with_values("any", kind_any, _("Any"), _("Every kind below"), "linear", kind_linear, _("Linear (FUT strip)"),
                                  _("A line 1-15 mm wide, at least 1 cm long"), "dots", kind_dots, _("Dots (FUE)"),
                                  _("Round punches 0.6-1.2 mm across"), "area", kind_area, _("Area"),
                                  _("Burns, surgery, scarring alopecia"), nullptr),
      "any", G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "sensitivity", _("_Sensitivity"),
                                     _("0 finds only the clearest scars, 1 fainter ones too"), 0.0, 1.0,
                                     mask_defaults.sensitivity, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "feather", _("_Feather (mm)"), _("Soft edge of the scar mask"), 0.0,
                                     smp::ScarMaskLimits::feather_max, mask_defaults.feather_mm, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "ring-width", _("Skin _ring (mm)"),
                                     _("How far out from the scar the reference skin reaches"), smp::ScarBlendLimits::ring_min,
                                     smp::ScarBlendLimits::ring_max, blend_defaults.ring_width_mm, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "density", _("Surrounding _density (dots/cm²)"),
                                     _("The SMP density on the skin around the scar"), 0.0, smp::StippleLimits::density_max,
                                     stipple_defaults.density_per_cm2, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "strength", _("Surrounding s_trength"),
                                     _("How dark the dots around the scar are at their centre"), 0.0, 1.0,
                                     stipple_defaults.strength, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "density-ratio", _("Density in the scar"),
                                     _("Share of the surrounding density put into the scar (scar tissue takes fewer dots)"),
                                     0.0, 1.0, default_density_ratio, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, "shade-ratio", _("S_hade in the scar"),
                                     _("Share of the surrounding strength for the dots in the scar (lighter)"), 0.0, 1.0,
                                     default_shade_ratio, G_PARAM_READWRITE);
  add_seed_argument(procedure, _("Same seed, same dots"));
  gimp_procedure_add_channel_return_value(procedure, "mask", _("Mask"), _("The scar mask channel"), FALSE, G_PARAM_READWRITE);
  gimp_procedure_add_layer_return_value(procedure, "blend", _("Blend"), _("The toned scar layer"), FALSE, G_PARAM_READWRITE);
  gimp_procedure_add_layer_return_value(procedure, "pigment", _("Pigment"), _("The scar's pigment layer"), FALSE,
                                        G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
