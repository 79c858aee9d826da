// What the dialogs preview, drawn as the procedures will make it, on a shrunk copy of the image:
// the same SMP filters in a GEGL graph at the shrunk scale. Plain GEGL, no GIMP or GTK types, so
// that the tests render exactly what a dialog shows.
#pragma once

#include <gegl.h>

#include <optional>
#include <string>

#include "geometry/path.hpp"
#include "presets/preset_density.hpp"

namespace smp_plugin {

// The grey (sRGB hex, as GIMP's colour dialog shows it) that a density 0..1 is painted with.
std::string density_grey(double density);

// The smp:follicle-stipple properties Simulate SMP sets from a preset's stipple, through
// g_object_set on GIMP's filter config or gegl_node_set on a graph's node alike.
template <typename Target, typename Setter>
void set_stipple_properties(Setter set, Target* target, const smp::PresetStipple& stipple, unsigned seed)
{
  set(target, "density", stipple.density_per_cm2, "dot-diameter", stipple.dot_diameter_mm, "strength", stipple.strength,
      "sessions", stipple.sessions, "completed-sessions", stipple.sessions, "seed", seed, nullptr);
}

// A new buffer: `photo` shrunk so that its longer side is at most `max_side` pixels (never
// enlarged), at 0,0; `scale` is its size over the photo's.
GeglBuffer* shrunk_to_fit(GeglBuffer* photo, int max_side, double& scale);

// What Simulate SMP makes of the image: its density painted as the procedure paints it,
// smp:follicle-stipple at the shrunk scale, multiplied over the photo. `photo` is the image
// shrunk by `scale` (at 0,0); `px_per_mm` and the plan are the full image's. A new buffer of
// the photo's size ("R'G'B'A float"). With `scalp_hair_density` the density is kept on bare
// scalp by smp:scalp-mask of the photo (that share of it over hair), as the run keeps it.
GeglBuffer* simulation_preview(GeglBuffer* photo, double scale, double px_per_mm, const smp::DensityPlan& density,
                               const smp::PresetStipple& stipple, unsigned seed,
                               std::optional<double> scalp_hair_density = std::nullopt);

// Design Hairline's result over `photo`: the density ramp it renders into its channel, tinted
// (`hairline_tint`, stronger with density), with the 10% and 90% edges of the ramp and the
// hairline itself drawn as lines (`ramp_edge_colour`, `hairline_colour`).
GeglBuffer* hairline_preview(GeglBuffer* photo, double scale, double px_per_mm, const smp::Path& hairline,
                             const smp::MaskSpec& hair_side);

inline constexpr const char* hairline_colour = "#ffd500";
inline constexpr const char* ramp_edge_colour = "#ffffff";
inline constexpr const char* hairline_tint = "#3373f2";
inline constexpr double hairline_tint_opacity = 0.45;

}  // namespace smp_plugin
