#include "filter_graph.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

#include "follicle-stipple/follicle-stipple.hpp"
#include "hairline-mask/hairline-mask.hpp"
#include "scalp-mask/scalp-mask.hpp"
#include "scalp-regions/scalp-regions.hpp"
#include "scar-blend/scar-blend.hpp"
#include "scar-mask/scar-mask.hpp"

namespace smp_plugin {
namespace {

constexpr double density_px_per_mm_max = 4.0;

// The factor (<= 1) that brings a photo of `px_per_mm` to the scale the density is planned at.
double plan_shrink(double px_per_mm) { return std::min(1.0, density_px_per_mm_max / std::max(px_per_mm, 1e-6)); }

}  // namespace

bool load_smp_operations()
{
  gegl_init(nullptr, nullptr);  // libgimp starts GEGL lazily; a second call does nothing
  const char* const ops[] = {smp_filters::follicle_stipple::operation, smp_filters::hairline_mask::operation,
                             smp_filters::scalp_mask::operation,       smp_filters::scar_mask::operation,
                             smp_filters::scar_blend::operation,       smp_filters::density_plan::operation};
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

Graph::~Graph()
{
  g_object_unref(root_);
  for (GObject* o : owned_)
    g_object_unref(o);
}

const smp_filters::density_plan::PlanHandle* Graph::keep(const smp::DensityPlan& plan)
{
  plans_.push_back(std::make_unique<KeptPlan>(KeptPlan{plan, {}}));
  KeptPlan& kept = *plans_.back();
  kept.handle.plan = &kept.plan;
  return &kept.handle;
}

GeglNode* source_node(Graph& graph, GeglBuffer* buffer, double dx, double dy)
{
  GeglNode* source = graph.node("gegl:buffer-source", "buffer", buffer);
  if (dx == 0.0 && dy == 0.0)
    return source;
  GeglNode* shift = graph.node("gegl:translate", "x", dx, "y", dy, "sampler", GEGL_SAMPLER_NEAREST);
  gegl_node_link(source, shift);
  return shift;
}

GeglNode* density_node(Graph& graph, const smp::DensityPlan& plan, smp_filters::density_plan::Output output)
{
  GeglNode* node = graph.node(smp_filters::density_plan::operation);
  smp_filters::density_plan::set(node, graph.keep(plan), output);
  return node;
}

namespace {

// `planned` (drawn at plan_shrink of a photo of `px_per_mm`) enlarged back to the photo's scale.
GeglNode* enlarged_to_photo(Graph& graph, GeglNode* planned, double px_per_mm)
{
  const double shrink = plan_shrink(px_per_mm);
  if (shrink >= 1.0)
    return planned;
  GeglNode* enlarged = graph.node("gegl:scale-ratio", "x", 1.0 / shrink, "y", 1.0 / shrink, "sampler", GEGL_SAMPLER_LINEAR);
  gegl_node_link(planned, enlarged);
  return enlarged;
}

}  // namespace

GeglNode* planned_density_node(Graph& graph, const smp::DensityPlan& plan, smp_filters::density_plan::Output output)
{
  const double shrink = plan_shrink(plan.px_per_mm);
  return density_node(graph, shrink < 1.0 ? plan.scaled(shrink) : plan, output);
}

GeglNode* full_size_density_node(Graph& graph, const smp::DensityPlan& plan, smp_filters::density_plan::Output output)
{
  return enlarged_to_photo(graph, planned_density_node(graph, plan, output), plan.px_per_mm);
}

GeglNode* computed_now(Graph& graph, GeglNode* planned, const GeglRectangle& image, double px_per_mm)
{
  const double shrink = plan_shrink(px_per_mm);
  // A margin of two planned pixels, so the linear enlargement at the image's edge reads density, not abyss.
  const int x0 = static_cast<int>(std::floor(image.x * shrink)) - 2, y0 = static_cast<int>(std::floor(image.y * shrink)) - 2;
  const int x1 = static_cast<int>(std::ceil((image.x + image.width) * shrink)) + 2;
  const int y1 = static_cast<int>(std::ceil((image.y + image.height) * shrink)) + 2;
  const GeglRectangle area{x0, y0, x1 - x0, y1 - y0};
  GeglBuffer* pixels = graph.own(gegl_buffer_new(&area, babl_format("RGBA float")));
  gegl_node_blit_buffer(planned, pixels, &area, 0, GEGL_ABYSS_NONE);
  return enlarged_to_photo(graph, source_node(graph, pixels), px_per_mm);
}

GeglNode* as_coverage(Graph& graph, GeglNode* mask, const Babl* stored)
{
  // The same numbers in the linear twin of their encoding ("Y' u8" -> "Y u8"): nothing converts them.
  std::string linear = babl_get_name(stored);
  linear.erase(std::remove(linear.begin(), linear.end(), '\''), linear.end());
  if (linear == babl_get_name(stored))
    return mask;
  GeglNode* cast = graph.node("gegl:cast-format", "input-format", stored, "output-format", babl_format(linear.c_str()));
  gegl_node_link(mask, cast);
  return cast;
}

// `input` into the composer `operation`, with `aux` on its aux pad.
GeglNode* composed(Graph& graph, const char* operation, GeglNode* input, GeglNode* aux)
{
  GeglNode* node = graph.node(operation);
  gegl_node_link(input, node);
  gegl_node_connect(aux, "output", node, "aux");
  return node;
}

GeglNode* kept_inside(Graph& graph, GeglNode* density, GeglNode* coverage)
{
  return composed(graph, "gegl:opacity", density, coverage);
}

GeglNode* scalp_coverage(Graph& graph, GeglNode* photo, const smp::ScalpMaskSettings& settings)
{
  GeglNode* mask = graph.node(smp_filters::scalp_mask::operation);
  smp_filters::scalp_mask::set(mask, settings);
  gegl_node_link(photo, mask);
  return as_coverage(graph, mask, babl_format("Y'A float"));
}

namespace {

// One channel of smp:scalp-regions' output (plain numbers, no colour space) as "Y float".
GeglNode* channel_of(Graph& graph, GeglNode* regions, const char* component_nick)
{
  GeglNode* node = graph.node("gegl:component-extract", "linear", TRUE);
  GParamSpec* spec = gegl_node_find_property(node, "component");
  if (spec && G_IS_PARAM_SPEC_ENUM(spec))
    if (const GEnumValue* value = g_enum_get_value_by_nick(G_PARAM_SPEC_ENUM(spec)->enum_class, component_nick))
      gegl_node_set(node, "component", value->value, nullptr);
  gegl_node_link(regions, node);
  return node;
}

constexpr const char* channel_nicks[] = {"rgb-r", "rgb-g", "rgb-b"};

}  // namespace

GeglNode* scalp_regions_node(Graph& graph, GeglNode* photo, double px_per_mm, smp::Facing front)
{
  GeglNode* regions = graph.node(smp_filters::scalp_regions::operation);
  smp::ScalpRegionsSettings settings;
  settings.px_per_mm = px_per_mm;
  settings.front = front;
  smp_filters::scalp_regions::set(regions, settings);
  gegl_node_link(photo, regions);
  return regions;
}

Segments segments_of(Graph& graph, GeglNode* photo, double px_per_mm, smp::Facing front)
{
  namespace contract = smp_filters::scalp_regions;
  GeglNode* regions = scalp_regions_node(graph, photo, px_per_mm, front);
  Segments s;
  s.bare = channel_of(graph, regions, channel_nicks[contract::bare_channel]);
  s.hair = channel_of(graph, regions, channel_nicks[contract::hair_channel]);
  s.shine = channel_of(graph, regions, channel_nicks[contract::shine_channel]);
  return s;
}

Segments scalp_mask_segments_of(Graph& graph, GeglNode* photo, double px_per_mm)
{
  smp::ScalpMaskSettings bare_only;
  bare_only.px_per_mm = px_per_mm;
  smp::ScalpMaskSettings head = bare_only;
  head.hair_density = 1.0;
  Segments s;
  s.bare = scalp_coverage(graph, photo, bare_only);
  // Hair is the head that is not bare skin.
  s.hair = composed(graph, "gegl:subtract", scalp_coverage(graph, photo, head), s.bare);
  return s;
}

GeglNode* scalp_regions_coverage(Graph& graph, GeglNode* photo, double px_per_mm, double hair_density, smp::Facing front)
{
  const Segments s = segments_of(graph, photo, px_per_mm, front);
  // A highlight is the skin's surface reflecting on top of the pigment under it: where it shines,
  // the pigment shows as much less as the shine covers (bare times one less the shine).
  GeglNode* unshone = graph.node("gegl:invert-linear");
  gegl_node_link(s.shine, unshone);
  GeglNode* bare = composed(graph, "gegl:multiply", s.bare, unshone);
  // Over the hair: the preset's share, and on top of it the blend from the bare scalp beside it,
  // twice a blur of the bare scalp (full at the seam, 5% at blend_into_hair_mm).
  const double blur_px = 0.5 * smp::blend_into_hair_mm * px_per_mm;
  GeglNode* near_bare = graph.node("gegl:gaussian-blur", "std-dev-x", blur_px, "std-dev-y", blur_px);
  gegl_node_link(s.bare, near_bare);
  const double share = std::clamp(hair_density, 0.0, 1.0);
  GeglNode* blend = graph.node("gegl:multiply", "value", 2.0 * (1.0 - share));
  gegl_node_link(near_bare, blend);
  GeglNode* over_hair = blend;
  if (share > 0.0) {
    over_hair = graph.node("gegl:add", "value", share);
    gegl_node_link(blend, over_hair);
  }
  // A share of the scalp, never more: a pixel partly bare and partly hair next to bare scalp
  // would otherwise count up to twice, and its dots come out denser than the plan.
  GeglNode* share_of_scalp = graph.node("gegl:rgb-clip", "low-limit", 0.0, "high-limit", 1.0);
  gegl_node_link(composed(graph, "gegl:add", bare, composed(graph, "gegl:multiply", s.hair, over_hair)), share_of_scalp);
  return share_of_scalp;
}

smp::Facing facing_nearest(double front_rad)
{
  smp::Facing nearest = smp::Facing::up;
  double best = -2.0;
  for (const smp::Facing f : {smp::Facing::up, smp::Facing::down, smp::Facing::left, smp::Facing::right}) {
    const double agreement = std::cos(front_rad - smp::front_rad_of(f));
    if (agreement > best) {
      best = agreement;
      nearest = f;
    }
  }
  return nearest;
}

GeglNode* stipple_node(Graph& graph, GeglNode* density, const smp::StippleSettings& settings)
{
  GeglNode* stipple = graph.node(smp_filters::follicle_stipple::operation);
  smp_filters::follicle_stipple::set(stipple, settings);
  gegl_node_link(density, stipple);
  return stipple;
}

GeglNode* multiplied(Graph& graph, GeglNode* photo, GeglNode* transmittance)
{
  return composed(graph, "gegl:multiply", photo, transmittance);
}

SimulationSpec SimulationSpec::scaled(double factor) const
{
  SimulationSpec s = *this;
  s.plan = plan.scaled(factor);
  s.stipple.px_per_mm = stipple.px_per_mm * factor;
  if (s.on_scalp)
    s.on_scalp->px_per_mm = on_scalp->px_per_mm * factor;
  return s;
}

double hair_density_for(const std::string& category)
{
  return category == "filler" || category == "scar" || category == "other" ? 0.5 : 0.0;
}

SimulationSpec simulation_spec(const smp::Preset& preset, const smp::Placement& placement, std::uint32_t seed,
                               const smp::StippleSettings& stipple)
{
  SimulationSpec spec;
  spec.plan = smp::density_plan(preset, placement, seed);
  spec.stipple = stipple;
  spec.stipple.px_per_mm = placement.px_per_mm;
  spec.stipple.seed = seed;
  if (placement.view == smp::View::top) {
    // Zones end at the client's own hair, not at their outlines: no bald band before the fringe.
    spec.plan.reach_mm = smp::reach_to_hair_mm;
    smp::ScalpMaskSettings on_scalp;
    on_scalp.px_per_mm = placement.px_per_mm;
    on_scalp.hair_density = hair_density_for(preset.category);
    spec.on_scalp = on_scalp;
    spec.front = facing_nearest(placement.head.front_rad);
  }
  return spec;
}

PlanningPhoto photo_at_plan_scale(Graph& graph, GeglNode* photo, double px_per_mm)
{
  PlanningPhoto small{photo, plan_shrink(px_per_mm)};
  if (small.shrink < 1.0) {
    small.node = graph.node("gegl:scale-ratio", "x", small.shrink, "y", small.shrink, "sampler", GEGL_SAMPLER_LINEAR);
    gegl_node_link(photo, small.node);
  }
  return small;
}

GeglNode* planned_simulation_density(Graph& graph, const SimulationSpec& spec, GeglNode* photo)
{
  // The density is smooth at the millimetre scale (ramps several mm wide): on a fine photo it is
  // planned and kept to the scalp on a coarser copy, then enlarged.
  const double shrink = plan_shrink(spec.plan.px_per_mm);
  const SimulationSpec work = shrink < 1.0 ? spec.scaled(shrink) : spec;
  GeglNode* density = density_node(graph, work.plan);
  if (work.on_scalp && spec.scalp) {
    GeglNode* on_scalp = source_node(graph, spec.scalp->coverage);
    const double ratio = work.on_scalp->px_per_mm / spec.scalp->px_per_mm;
    if (std::abs(ratio - 1.0) > 1e-9) {
      GeglNode* resized = graph.node("gegl:scale-ratio", "x", ratio, "y", ratio, "sampler", GEGL_SAMPLER_LINEAR);
      gegl_node_link(on_scalp, resized);
      on_scalp = resized;
    }
    density = kept_inside(graph, density, on_scalp);
  } else if (work.on_scalp) {
    density = kept_inside(graph, density,
                          scalp_regions_coverage(graph, photo_at_plan_scale(graph, photo, spec.plan.px_per_mm).node,
                                                 work.on_scalp->px_per_mm, work.on_scalp->hair_density, work.front));
  }
  return density;
}

GeglNode* simulation_density(Graph& graph, const SimulationSpec& spec, GeglNode* photo, GeglNode* within)
{
  GeglNode* density = enlarged_to_photo(graph, planned_simulation_density(graph, spec, photo), spec.plan.px_per_mm);
  return within ? kept_inside(graph, density, within) : density;
}

ScalpAnalysis::~ScalpAnalysis()
{
  if (coverage)
    g_object_unref(coverage);
}

std::shared_ptr<const ScalpAnalysis> analysed_scalp(GeglNode* photo, const SimulationSpec& spec,
                                                    std::shared_ptr<const ScalpAnalysis> earlier)
{
  if (!spec.on_scalp)
    return nullptr;
  if (earlier && earlier->photo_px_per_mm == spec.on_scalp->px_per_mm &&
      earlier->hair_density == spec.on_scalp->hair_density && earlier->front == spec.front)
    return earlier;
  // The scale simulation_density plans at, so that the run resamples nothing.
  Graph graph;
  const PlanningPhoto small = photo_at_plan_scale(graph, photo, spec.plan.px_per_mm);
  GeglNode* coverage = scalp_regions_coverage(graph, small.node, spec.on_scalp->px_per_mm * small.shrink,
                                              spec.on_scalp->hair_density, spec.front);
  const GeglRectangle extent = gegl_node_get_bounding_box(small.node);
  auto analysis = std::make_shared<ScalpAnalysis>();
  analysis->coverage = gegl_buffer_new(&extent, babl_format("Y float"));
  gegl_node_blit_buffer(coverage, analysis->coverage, &extent, 0, GEGL_ABYSS_NONE);
  analysis->px_per_mm = spec.on_scalp->px_per_mm * small.shrink;
  analysis->photo_px_per_mm = spec.on_scalp->px_per_mm;
  analysis->hair_density = spec.on_scalp->hair_density;
  analysis->front = spec.front;
  return analysis;
}

GeglNode* pigment_over(Graph& graph, const smp::StippleSettings& stipple, GeglNode* photo, GeglNode* density)
{
  const GeglRectangle extent = gegl_node_get_bounding_box(photo);
  // The pigment layer is the photo's size: its stipple sees no density beyond it.
  GeglNode* layer = graph.node("gegl:crop", "x", double(extent.x), "y", double(extent.y), "width",
                               double(extent.width), "height", double(extent.height));
  gegl_node_link(density, layer);
  return multiplied(graph, photo, stipple_node(graph, layer, stipple));
}

GeglNode* simulation_over(Graph& graph, const SimulationSpec& spec, GeglNode* photo, GeglNode* within)
{
  return pigment_over(graph, spec.stipple, photo, simulation_density(graph, spec, photo, within));
}

}  // namespace smp_plugin
