// GEGL graphs the plug-in renders in its own process from the SMP filters: the one place that
// loads the module here and wires density, masks and stipple together, for the runs and the
// dialogs' previews alike (so a preview shows what the run makes). Plain GEGL, no GIMP types.
#pragma once

#include <gegl.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "density-plan/density-plan.hpp"
#include "presets/density_plan.hpp"
#include "presets/preset.hpp"
#include "scalp/scalp_mask.hpp"
#include "scalp/scalp_regions.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp_plugin {

// True when this process knows every smp: operation, loading the module from GEGL's user
// folder or from where meson installs it (GIMP loads it for itself, not for its plug-ins).
bool load_smp_operations();

// A graph freed with everything it holds: its nodes, the buffers and objects handed to them and
// the density plans they render.
class Graph {
 public:
  Graph() : root_(gegl_node_new()) {}
  ~Graph();
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  template <typename... Properties>
  GeglNode* node(const char* operation, Properties... properties)
  {
    return gegl_node_new_child(root_, "operation", operation, properties..., nullptr);
  }
  template <typename T>
  T* own(T* object)
  {
    owned_.push_back(G_OBJECT(object));
    return object;
  }
  GeglColor* colour(const char* css) { return own(gegl_color_new(css)); }
  // A copy of `plan` that lives as long as the graph, as smp:density-plan takes it.
  const smp_filters::density_plan::PlanHandle* keep(const smp::DensityPlan& plan);

 private:
  struct KeptPlan {
    smp::DensityPlan plan;
    smp_filters::density_plan::PlanHandle handle;
  };
  GeglNode* root_;
  std::vector<GObject*> owned_;
  std::vector<std::unique_ptr<KeptPlan>> plans_;
};

// A buffer as a node, moved by (dx, dy) (a layer's offsets, into image coordinates).
GeglNode* source_node(Graph& graph, GeglBuffer* buffer, double dx = 0.0, double dy = 0.0);

// The photo as the run plans on it: shrunk to at most 4 px/mm (the density is smooth at the mm
// scale), by the one resampling every analysis of it uses, so that the head fit, the scalp kept
// to and the preview hand smp:scalp-regions the same working copy and it segments the photo once
// (the op keeps its last segmentations). `shrink` <= 1 is the factor applied.
struct PlanningPhoto {
  GeglNode* node = nullptr;
  double shrink = 1.0;
};
PlanningPhoto photo_at_plan_scale(Graph& graph, GeglNode* photo, double px_per_mm);

// The plan rendered by smp:density-plan: white with the density as alpha, or an opaque grey.
GeglNode* density_node(Graph& graph, const smp::DensityPlan& plan,
                       smp_filters::density_plan::Output output = smp_filters::density_plan::Output::alpha);

// The same for a fine photo: planned on a coarser copy (the density is smooth at the mm scale:
// ramps several mm wide) and enlarged, which is many times faster than planning every pixel.
GeglNode* full_size_density_node(Graph& graph, const smp::DensityPlan& plan,
                                 smp_filters::density_plan::Output output = smp_filters::density_plan::Output::alpha);

// That coarser copy alone, not enlarged (for computed_now).
GeglNode* planned_density_node(Graph& graph, const smp::DensityPlan& plan,
                               smp_filters::density_plan::Output output = smp_filters::density_plan::Output::alpha);

// `planned` (a density on the coarser copy of an image of `px_per_mm`) computed now over the
// image's `extent`, as a node of full size that only enlarges the result: a run computes before
// it changes the image, so that a cancel (GIMP kills the plug-in) leaves the image as it was,
// and writing the layers then takes a moment.
GeglNode* computed_now(Graph& graph, GeglNode* planned, const GeglRectangle& extent, double px_per_mm);

// A mask's stored numbers read as coverage, whatever its encoding (`stored` is the format its
// numbers were written in): as a selection, a layer mask or opacity takes them.
GeglNode* as_coverage(Graph& graph, GeglNode* mask, const Babl* stored);

// `input` into the composer `operation` (gegl:multiply, gegl:opacity, ...), with `aux` on its aux pad.
GeglNode* composed(Graph& graph, const char* operation, GeglNode* input, GeglNode* aux);

// `density` (white, density as alpha) with its alpha multiplied by `coverage`.
GeglNode* kept_inside(Graph& graph, GeglNode* density, GeglNode* coverage);

// smp:scalp-mask of `photo` as coverage: 1 on bare scalp, the settings' share over hair.
GeglNode* scalp_coverage(Graph& graph, GeglNode* photo, const smp::ScalpMaskSettings& settings);

// What smp:scalp-regions finds in the photo (the face pointing `front`), each as coverage (0..1
// in "Y float").
struct Segments {
  GeglNode* bare = nullptr;   // bare scalp
  GeglNode* hair = nullptr;   // the client's own hair
  GeglNode* shine = nullptr;  // specular share (nullptr: not known)
};
Segments segments_of(Graph& graph, GeglNode* photo, double px_per_mm, smp::Facing front = smp::Facing::up);

// smp:scalp-mask's rules as segments (no shine): bare skin, and the head that is not bare. Its
// hair is any texture or darkness next to the skin, which is where a shade is measured best: on
// the development photos the seams matched to it come closer to the client's stubble (group4_17
// ΔE 5-11 against 19-20 with smp:scalp-regions' hair, which takes short stubble for skin).
Segments scalp_mask_segments_of(Graph& graph, GeglNode* photo, double px_per_mm);

// smp:scalp-regions itself: "RGBA float", channels as smp_filters::scalp_regions names them.
GeglNode* scalp_regions_node(Graph& graph, GeglNode* photo, double px_per_mm, smp::Facing front);

// The segmentation's coverage where pigment may go and show: bare scalp less its shine (a
// highlight lies on top of the pigment), and over the client's own hair `hair_density` of full
// density plus the blend from the bare scalp beside it (smp::blend_into_hair_mm); at most 1.
GeglNode* scalp_regions_coverage(Graph& graph, GeglNode* photo, double px_per_mm, double hair_density,
                                 smp::Facing front = smp::Facing::up);

// The way out of four the face points nearest `front_rad`.
smp::Facing facing_nearest(double front_rad);

// smp:follicle-stipple of `density` with these settings (scale included).
GeglNode* stipple_node(Graph& graph, GeglNode* density, const smp::StippleSettings& settings);

// `photo` multiplied by a transmittance.
GeglNode* multiplied(Graph& graph, GeglNode* photo, GeglNode* transmittance);

// What Simulate SMP makes of a photo: the density plan, kept to bare scalp (top views) and the
// stipple that turns it into pigment.
// Where a top view's pigment may go (bare scalp, less its shine, plus the preset's share over
// hair), found once on the whole photo at the scale the run plans at: the dialog's preview and
// the run then keep to the same scalp, whatever size the preview is drawn at.
struct ScalpAnalysis {
  GeglBuffer* coverage = nullptr;  // owned; image coordinates times px_per_mm / photo_px_per_mm
  double px_per_mm = 0.0;          // of `coverage`
  double photo_px_per_mm = 0.0, hair_density = 0.0;
  smp::Facing front = smp::Facing::up;
  ScalpAnalysis() = default;
  ScalpAnalysis(const ScalpAnalysis&) = delete;
  ScalpAnalysis& operator=(const ScalpAnalysis&) = delete;
  ~ScalpAnalysis();
};

struct SimulationSpec {
  smp::DensityPlan plan;
  smp::StippleSettings stipple;
  std::optional<smp::ScalpMaskSettings> on_scalp;  // top views: pigment only where the photo shows bare scalp
  smp::Facing front = smp::Facing::up;              // top views: the way the face points in the photo
  std::shared_ptr<const ScalpAnalysis> scalp;       // made by analysed_scalp; without it, found on the photo given

  // The same on the photo scaled by `factor` (a shrunk preview).
  SimulationSpec scaled(double factor) const;
};

// What Simulate SMP plans for a preset on a head (top view) or a face (front view): the plan,
// whose zones in a top view reach on to the client's own hair, kept to bare scalp (with the
// preset's share over hair), and the stipple.
SimulationSpec simulation_spec(const smp::Preset& preset, const smp::Placement& placement, std::uint32_t seed,
                               const smp::StippleSettings& stipple);

// Share of full density a preset keeps over existing hair: fillers, scar camouflage and diffuse
// thinning go between the hairs (thinner there), the rest only on bare scalp.
double hair_density_for(const std::string& category);

// The density Simulate SMP paints into its pigment layer (white, density as alpha): the plan,
// kept to bare scalp of `photo` and inside `within` (coverage; nullptr: everywhere).
GeglNode* simulation_density(Graph& graph, const SimulationSpec& spec, GeglNode* photo, GeglNode* within = nullptr);

// The same on the coarser copy it is planned at, before enlarging and without `within` (for computed_now).
GeglNode* planned_simulation_density(Graph& graph, const SimulationSpec& spec, GeglNode* photo);

// The scalp of `photo` (full size, image coordinates) as `spec` keeps to it (spec.on_scalp set);
// the same analysis again when `earlier` was made for the same photo scale, hair share and front.
std::shared_ptr<const ScalpAnalysis> analysed_scalp(GeglNode* photo, const SimulationSpec& spec,
                                                    std::shared_ptr<const ScalpAnalysis> earlier = nullptr);

// `photo` with the simulation's pigment multiplied over it.
GeglNode* simulation_over(Graph& graph, const SimulationSpec& spec, GeglNode* photo, GeglNode* within = nullptr);

// `photo` with the stipple of `density` (a pigment layer of the photo's size) multiplied over it.
GeglNode* pigment_over(Graph& graph, const smp::StippleSettings& stipple, GeglNode* photo, GeglNode* density);

}  // namespace smp_plugin
