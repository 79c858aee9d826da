// "Match Stubble": measures the client's own shaved hair in the selection (its colour over the
// skin beside it, its grain, the photo's softness, and the hair ends per cm²) and sets every SMP
// stipple in the image so that the completed treatment reads as that stubble.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "analysis/hair_sample.hpp"
#include "analysis/stubble_measure.hpp"
#include "filter_graph.hpp"
#include "follicle-stipple/follicle-stipple.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "pigment.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

// The skin beside the stubble is looked for this far around the selection.
constexpr double skin_margin_mm = 15.0;
// A count of hair ends is trusted only in this range, and from this many hairs: blur and vellus
// hairs make counts on real photos run far low or high.
constexpr double counted_min_per_cm2 = 30.0, counted_max_per_cm2 = 200.0;
constexpr int counted_min_hairs = 20;

struct Selected {
  GeglRectangle rect{};  // in image coordinates
  std::vector<float> rgb, bare, hair, luma;
};

// The selection's bounds and a margin, as the photo, its bare scalp and the selection there.
bool read_selected(GimpImage* image, GimpDrawable* photo, double px_per_mm, Selected& out)
{
  gboolean any = FALSE;
  gint x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  gimp_selection_bounds(image, &any, &x1, &y1, &x2, &y2);
  if (!any)
    return false;
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(photo, &ox, &oy);
  const int margin = static_cast<int>(std::ceil(skin_margin_mm * px_per_mm));
  const int left = std::max(ox, x1 - margin), top = std::max(oy, y1 - margin);
  const int right = std::min(ox + gimp_drawable_get_width(photo), x2 + margin);
  const int bottom = std::min(oy + gimp_drawable_get_height(photo), y2 + margin);
  if (right <= left || bottom <= top)
    return false;
  out.rect = {left, top, right - left, bottom - top};
  Graph graph;
  GeglNode* pixels = source_node(graph, graph.own(gimp_drawable_get_buffer(photo)), ox, oy);
  GimpDrawable* selection = GIMP_DRAWABLE(gimp_image_get_selection(image));
  GeglNode* selected = as_coverage(graph, source_node(graph, graph.own(gimp_drawable_get_buffer(selection))),
                                   stored_format(selection));
  // Bare scalp outside the selection: the selection is the hair.
  GeglNode* outside = graph.node("gegl:invert-linear");
  gegl_node_link(selected, outside);
  GeglNode* bare = composed(graph, "gegl:multiply", segments_of(graph, pixels, px_per_mm).bare, outside);
  const std::size_t n = static_cast<std::size_t>(out.rect.width) * out.rect.height;
  auto render = [&](GeglNode* node, const char* format, std::vector<float>& into, int components) {
    into.resize(n * components);
    gegl_node_blit(node, 1.0, &out.rect, babl_format(format), into.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  };
  render(pixels, "RGB float", out.rgb, 3);
  render(pixels, "Y' float", out.luma, 1);
  render(bare, "Y float", out.bare, 1);
  render(selected, "Y float", out.hair, 1);
  return true;
}

// Every smp:follicle-stipple effect on the layers (groups included) given `match` at its own
// density and scale; returns how many.
int set_stipples(GimpItem** items, const smp::HairBesideSkin& stubble, double counted_density, smp::StippleSettings& last)
{
  int updated = 0;
  for (GimpItem** item = items; item && *item; ++item) {
    if (gimp_item_is_group(*item)) {
      GimpItem** children = gimp_item_get_children(*item);
      updated += set_stipples(children, stubble, counted_density, last);
      g_free(children);
    }
    if (!GIMP_IS_DRAWABLE(*item))
      continue;
    GimpDrawableFilter** filters = gimp_drawable_get_filters(GIMP_DRAWABLE(*item));
    for (GimpDrawableFilter** f = filters; f && *f; ++f) {
      gchar* op = gimp_drawable_filter_get_operation_name(*f);
      if (g_strcmp0(op, smp_filters::follicle_stipple::operation) == 0) {
        GObject* config = G_OBJECT(gimp_drawable_filter_get_config(*f));
        smp::StippleSettings base = smp_filters::follicle_stipple::settings_of(config, nullptr);
        if (counted_density > 0.0)
          base.density_per_cm2 = counted_density;
        last = smp::match_hair(base, stubble).settings;
        smp_filters::follicle_stipple::set(config, last);
        gimp_drawable_filter_update(*f);
        ++updated;
      }
      g_free(op);
    }
    g_free(filters);
  }
  return updated;
}

GimpValueArray* run(GimpProcedure* procedure, GimpRunMode, GimpImage* image, GimpDrawable** drawables,
                    GimpProcedureConfig*, gpointer)
{
  if (!drawables || !drawables[0] || !GIMP_IS_LAYER(drawables[0]))
    return calling_error(procedure, _("Match Stubble: select the photo layer that shows the client's shaved hair."));
  if (!load_smp_operations())
    return execution_error(procedure, _(missing_filters_message));
  const double px_per_mm = px_per_mm_of(image);
  Selected selected;
  if (!read_selected(image, drawables[0], px_per_mm, selected))
    return calling_error(procedure, _("Match Stubble: select an area of the client's own shaved hair first (a few cm² "
                                      "at the back or sides)."));
  const auto stubble = smp::sample_selected_stubble({selected.rgb.data(), selected.bare.data(), selected.hair.data(),
                                                     nullptr, selected.rect.width, selected.rect.height, px_per_mm});
  if (!stubble)
    return calling_error(procedure, _("Match Stubble: the selection holds too little of the client's hair to measure: "
                                      "select a few cm² of it, and calibrate the scale first if the image resolution is "
                                      "not the photo's."));
  const smp::StubbleMeasure count = smp::measure_stubble(selected.luma, selected.hair, selected.rect.width,
                                                         selected.rect.height, px_per_mm);
  const bool trusted = count.hairs >= counted_min_hairs && count.density_per_cm2 >= counted_min_per_cm2 &&
                       count.density_per_cm2 <= counted_max_per_cm2;
  smp::StippleSettings set;
  int updated = 0;
  {
    UndoGroup undo(image);
    GimpLayer** layers = gimp_image_get_layers(image);
    updated = set_stipples(reinterpret_cast<GimpItem**>(layers), *stubble, trusted ? count.density_per_cm2 : 0.0, set);
    g_free(layers);
  }
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_double(gimp_value_array_index(values, 1), updated > 0 ? set.density_per_cm2 : count.density_per_cm2);
  g_value_set_double(gimp_value_array_index(values, 2), set.dot_diameter_mm);
  g_value_set_double(gimp_value_array_index(values, 3), set.strength);
  g_value_set_int(gimp_value_array_index(values, 4), updated);
  g_value_set_double(gimp_value_array_index(values, 5), count.density_per_cm2);
  return values;
}

}  // namespace

GimpProcedure* create_match_stubble_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, match_stubble_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_DRAWABLE);
  gimp_procedure_set_menu_label(procedure, _("SMP _Match Stubble"));
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, _("Set the SMP stipple to match the client's own shaved hair"),
      _("Select a few cm² of the client's shaved stubble on the photo layer (calibrate the scale first). Measures its "
        "colour against the bare skin beside it (or between its hairs), its grain and the photo's softness, and sets "
        "every SMP stipple in the image so that the completed treatment reads as that stubble: dot size, strength, "
        "scattering shadow, softening and pigment colour. Where the hair ends can be counted reliably (20 or more, 30 to "
        "200 per cm²) the density follows them too; else each stipple keeps its own. Returns the settings."),
      match_stubble_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");
  gimp_procedure_add_double_return_value(procedure, "density", _("Density"), _("Dots per cm² the stipples now have"), 0.0,
                                         smp::StippleLimits::density_max, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "dot-diameter", _("Dot diameter"), _("Their dot diameter, mm"), 0.0,
                                         smp::StippleLimits::dot_diameter_max, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "strength", _("Strength"), _("Their strength"), 0.0, 1.0, 0.0,
                                         G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value(procedure, "updated", _("Updated"), _("SMP stipples set to match"), 0, G_MAXINT, 0,
                                      G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "hair-ends", _("Hair ends"), _("Hair ends counted per cm²"), 0.0,
                                         smp::StippleLimits::density_max, 0.0, G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
