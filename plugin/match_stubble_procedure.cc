// "Match Stubble": measures the client's own shaved hair in the selection (hair ends per cm²,
// their size and darkness) and sets every SMP stipple in the image to match it.
#include <algorithm>
#include <string>
#include <vector>

#include "analysis/stubble_measure.hpp"
#include "follicle-stipple/follicle-stipple.hpp"
#include "image_guards.hpp"
#include "image_scale.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

constexpr int min_hairs = 5;

// The selected area's luminance and selection weight, read from GIMP, in image coordinates.
bool read_selected(GimpImage* image, GimpDrawable* drawable, std::vector<float>& luma, std::vector<float>& weight,
                   GeglRectangle& rect)
{
  gboolean any = FALSE;
  gint x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  gimp_selection_bounds(image, &any, &x1, &y1, &x2, &y2);
  if (!any)
    return false;
  gint ox = 0, oy = 0;
  gimp_drawable_get_offsets(drawable, &ox, &oy);
  rect = {x1, y1, x2 - x1, y2 - y1};
  const GeglRectangle in_drawable{x1 - ox, y1 - oy, rect.width, rect.height};
  luma.resize(static_cast<std::size_t>(rect.width) * rect.height);
  weight.resize(luma.size());
  GeglBuffer* pixels = gimp_drawable_get_buffer(drawable);
  gegl_buffer_get(pixels, &in_drawable, 1.0, babl_format("Y' float"), luma.data(), GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
  g_object_unref(pixels);
  GeglBuffer* mask = gimp_drawable_get_buffer(GIMP_DRAWABLE(gimp_image_get_selection(image)));
  gegl_buffer_get(mask, &rect, 1.0, babl_format("Y float"), weight.data(), GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
  g_object_unref(mask);
  return true;
}

// Every smp:follicle-stipple effect on the layers (groups included); returns how many.
int set_stipples(GimpItem** items, double density, double dot_diameter, double strength)
{
  int updated = 0;
  for (GimpItem** item = items; item && *item; ++item) {
    if (gimp_item_is_group(*item)) {
      GimpItem** children = gimp_item_get_children(*item);
      updated += set_stipples(children, density, dot_diameter, strength);
      g_free(children);
    }
    if (!GIMP_IS_DRAWABLE(*item))
      continue;
    GimpDrawableFilter** filters = gimp_drawable_get_filters(GIMP_DRAWABLE(*item));
    for (GimpDrawableFilter** f = filters; f && *f; ++f) {
      gchar* op = gimp_drawable_filter_get_operation_name(*f);
      if (g_strcmp0(op, smp_filters::follicle_stipple::operation) == 0) {
        GObject* config = G_OBJECT(gimp_drawable_filter_get_config(*f));
        smp::StippleSettings settings = smp_filters::follicle_stipple::settings_of(config, nullptr);
        settings.density_per_cm2 = density;
        settings.dot_diameter_mm = dot_diameter;
        settings.strength = strength;
        smp_filters::follicle_stipple::set(config, settings);
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
  if (!drawables || !drawables[0])
    return calling_error(procedure, "Match Stubble: select the photo layer that shows the client's shaved hair.");
  std::vector<float> luma, weight;
  GeglRectangle rect{};
  if (!read_selected(image, drawables[0], luma, weight, rect))
    return calling_error(procedure, "Match Stubble: select an area of the client's own shaved hair first (a few cm² "
                              "at the back or sides).");
  const double px_per_mm = px_per_mm_of(image);
  const smp::StubbleMeasure m = smp::measure_stubble(luma, weight, rect.width, rect.height, px_per_mm);
  if (m.hairs < min_hairs)
    return calling_error(procedure, "Match Stubble: found " + std::to_string(m.hairs) + " hair ends in " +
                                        std::to_string(m.area_cm2) + " cm²: select shaved stubble, and calibrate the "
                                        "scale first if the image resolution is not the photo's.");
  using L = smp::StippleLimits;
  const smp::LinearRgb pigment = smp::StippleSettings{}.color;
  const double pigment_darkening = 1.0 - (pigment.r + pigment.g + pigment.b) / 3.0;  // at full strength
  const double density = std::clamp(m.density_per_cm2, 1.0, L::density_max);
  const double dot_diameter = std::clamp(m.diameter_mm, L::dot_diameter_min, L::dot_diameter_max);
  const double strength = std::clamp(m.darkening / pigment_darkening, 0.1, 1.0);
  int updated = 0;
  {
    UndoGroup undo(image);
    GimpLayer** layers = gimp_image_get_layers(image);
    updated = set_stipples(reinterpret_cast<GimpItem**>(layers), density, dot_diameter, strength);
    g_free(layers);
  }
  GimpValueArray* values = gimp_procedure_new_return_values(procedure, GIMP_PDB_SUCCESS, nullptr);
  g_value_set_double(gimp_value_array_index(values, 1), density);
  g_value_set_double(gimp_value_array_index(values, 2), dot_diameter);
  g_value_set_double(gimp_value_array_index(values, 3), strength);
  g_value_set_int(gimp_value_array_index(values, 4), updated);
  return values;
}

}  // namespace

GimpProcedure* create_match_stubble_procedure(GimpPlugIn* plug_in)
{
  GimpProcedure* procedure =
      gimp_image_procedure_new(plug_in, match_stubble_name, GIMP_PDB_PROC_TYPE_PLUGIN, guarded<run>, nullptr, nullptr);
  gimp_procedure_set_image_types(procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask(procedure, GIMP_PROCEDURE_SENSITIVE_DRAWABLE);
  gimp_procedure_set_menu_label(procedure, "SMP _Match Stubble");
  gimp_procedure_add_menu_path(procedure, "<Image>/Filters/Render/SMP");
  gimp_procedure_set_documentation(
      procedure, "Set the SMP stipple to match the client's own shaved hair",
      "Select a few cm² of the client's shaved stubble on the photo layer (calibrate the scale first). Counts the "
      "hair ends per cm², measures their size and darkness, and sets the density, dot diameter and strength of every "
      "SMP stipple in the image to match; returns the figures.",
      match_stubble_name);
  gimp_procedure_set_attribution(procedure, "gimp-smp developers", "gimp-smp developers", "2026");
  gimp_procedure_add_double_return_value(procedure, "density", "Density", "Hair ends per cm²", 0.0, 1000.0, 0.0,
                                         G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "dot-diameter", "Dot diameter", "Mean size of a hair end, mm", 0.0,
                                         10.0, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_double_return_value(procedure, "strength", "Strength", "Stipple strength that matches their shade",
                                         0.0, 1.0, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value(procedure, "updated", "Updated", "SMP stipples set to match", 0, G_MAXINT, 0,
                                      G_PARAM_READWRITE);
  return procedure;
}

}  // namespace smp_plugin
