#include "scalp_suggestion.hpp"

#include <array>
#include <cmath>
#include <vector>

#include "analysis/hair_loss_stage.hpp"
#include "filter_graph.hpp"
#include "preset_library.hpp"
#include "scalp-regions/scalp-regions.hpp"

namespace smp_plugin {
namespace {

constexpr std::array<smp::Facing, 4> every_facing{smp::Facing::up, smp::Facing::down, smp::Facing::left,
                                                  smp::Facing::right};

// The segmentation facing `front` on the planning copy's pixels (it keeps skin at the photo's
// front edge as head, so each way is segmented).
smp::ScalpCells cells_facing(Graph& graph, const PlanningPhoto& small, double px_per_mm, smp::Facing front)
{
  namespace contract = smp_filters::scalp_regions;
  const GeglRectangle extent = gegl_node_get_bounding_box(small.node);
  GeglNode* regions = scalp_regions_node(graph, small.node, px_per_mm * small.shrink, front);
  std::vector<float> rgba(static_cast<std::size_t>(extent.width) * extent.height * 4);
  gegl_node_blit(regions, 1.0, &extent, babl_format("RGBA float"), rgba.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  smp::ScalpCells cells;
  cells.width = extent.width;
  cells.height = extent.height;
  cells.px_per_mm = px_per_mm * small.shrink;
  cells.bare.resize(cells.count());
  cells.hair.resize(cells.count());
  cells.shine.resize(cells.count());
  for (std::size_t i = 0; i < cells.count(); ++i) {
    cells.bare[i] = rgba[4 * i + contract::bare_channel];
    cells.hair[i] = rgba[4 * i + contract::hair_channel];
    cells.shine[i] = rgba[4 * i + contract::shine_channel];
  }
  return cells;
}

// Each cell's mean over the ways segmented: no way is favoured when the face's direction is judged.
smp::ScalpCells mean_of(const std::vector<smp::ScalpCells>& all)
{
  smp::ScalpCells mean = all.front();
  for (std::size_t k = 1; k < all.size(); ++k)
    for (std::size_t i = 0; i < mean.count(); ++i) {
      mean.bare[i] += all[k].bare[i];
      mean.hair[i] += all[k].hair[i];
      mean.shine[i] += all[k].shine[i];
    }
  const float n = static_cast<float>(all.size());
  for (std::size_t i = 0; i < mean.count(); ++i) {
    mean.bare[i] /= n;
    mean.hair[i] /= n;
    mean.shine[i] /= n;
  }
  return mean;
}

std::string fixed(double value, int decimals)
{
  char text[32];
  g_snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

}  // namespace

ScalpSuggestion suggested_plan(GeglNode* photo, double px_per_mm, const smp::PresetLibrary& presets,
                               std::optional<smp::Facing> front)
{
  Graph graph;
  const PlanningPhoto small = photo_at_plan_scale(graph, photo, px_per_mm);
  ScalpSuggestion s;
  std::vector<smp::ScalpCells> by_facing;
  for (const smp::Facing facing : every_facing)
    if (!front || facing == *front)
      by_facing.push_back(cells_facing(graph, small, px_per_mm, facing));
  if (front) {
    s.direction.front = *front;
    s.direction.confidence = 1.0;
    s.direction.found = true;
  } else {
    s.direction = smp::face_direction(mean_of(by_facing));
  }
  const smp::ScalpCells& cells = front ? by_facing.front() : by_facing[static_cast<std::size_t>(s.direction.front)];
  const GeglRectangle extent = gegl_node_get_bounding_box(small.node);
  std::vector<float> rgb(static_cast<std::size_t>(extent.width) * extent.height * 3);
  gegl_node_blit(small.node, 1.0, &extent, babl_format("RGB float"), rgb.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  s.analysis = smp::analyse_scalp(cells, s.direction.front, rgb.data(), smp::pattern_library(presets));
  return s;
}

std::string ScalpSuggestion::summary(const smp::PresetLibrary& presets) const
{
  if (!analysis.head_found || analysis.stage.stage == 0)
    return "No head was found in the photo layer to analyse: select the head with the Ellipse Select tool or pick a "
           "preset yourself.";
  const smp::Preset* preset = find_preset(presets, analysis.stage.preset);
  const auto& t = analysis.treatment;
  const auto& c = analysis.colours;
  std::string text = "Suggested: Norwood " + std::string(smp::roman_stage(analysis.stage.stage)) + " (preset \"" +
                     (preset ? preset->name : analysis.stage.preset) + "\", " + fixed(100.0 * analysis.stage.confidence, 0) +
                     "% sure); the face points " + smp::facing_name(direction.front) +
                     (direction.confidence < 1.0 ? " (" + fixed(100.0 * direction.confidence, 0) + "% sure)" : "") +
                     ". Bare scalp " + fixed(t.area_cm2, 0) + " cm²: about " + fixed(t.impressions, 0) +
                     " impressions in " + std::to_string(t.sessions) + " sessions. Hair " +
                     smp::hair_colour_name(c.hair) + ", skin Fitzpatrick " +
                     (smp::fitzpatrick_type(c.skin) ? std::to_string(smp::fitzpatrick_type(c.skin)) : "unknown") + ".";
  return text;
}

}  // namespace smp_plugin
