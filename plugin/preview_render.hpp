// What the dialogs preview, drawn as the procedures will make it, on a shrunk copy of the image:
// the same SMP filters wired the same way (filter_graph.hpp) at the shrunk scale. Plain GEGL, no
// GIMP or GTK types, so that the tests render exactly what a dialog shows.
#pragma once

#include <gegl.h>

#include "filter_graph.hpp"
#include "geometry/path.hpp"
#include "presets/density_plan.hpp"

namespace smp_plugin {

// A new buffer: `photo` shrunk so that its longer side is at most `max_side` pixels (never
// enlarged), at 0,0; `scale` is its size over the photo's.
GeglBuffer* shrunk_to_fit(GeglBuffer* photo, int max_side, double& scale);

// The density a Simulate SMP preview drew last, kept for the next: a redraw after a change of the
// stipple alone (density, sessions, dot size, strength, shade) draws only the dots again, since
// planning the density is most of a preview's time.
class PreviewDensity {
 public:
  PreviewDensity() = default;
  ~PreviewDensity();
  PreviewDensity(const PreviewDensity&) = delete;
  PreviewDensity& operator=(const PreviewDensity&) = delete;

  // `spec`'s density on `photo` (the image shrunk by `scale`), drawn again only when the plan,
  // the scalp kept to, the scale or the photo differ from the last. The buffer stays this object's.
  GeglBuffer* of(GeglBuffer* photo, double scale, const SimulationSpec& spec);
  std::size_t drawn() const { return drawn_; }  // how many times it drew the density

 private:
  struct DrawnFor {
    smp::DensityPlan plan;
    std::optional<smp::ScalpMaskSettings> on_scalp;
    smp::Facing front = smp::Facing::up;
    std::shared_ptr<const ScalpAnalysis> scalp;  // held, so that its address stays its own
    GeglBuffer* photo = nullptr;
    double scale = 1.0;
    friend bool operator==(const DrawnFor&, const DrawnFor&) = default;
  };
  DrawnFor drawn_for_;
  GeglBuffer* density_ = nullptr;
  std::size_t drawn_ = 0;
};

// What Simulate SMP makes of the image, on `photo` (the image shrunk by `scale`, at 0,0): the
// full image's simulation scaled to it. A new buffer of the photo's size ("R'G'B'A float").
// With `kept`, the density comes from it (drawn again only when it must).
GeglBuffer* simulation_preview(GeglBuffer* photo, double scale, const SimulationSpec& spec,
                               PreviewDensity* kept = nullptr);

// SMP Stipple Layer's result over `photo` (the image shrunk by `scale`, at 0,0): full density
// inside `selection` (the image's selection at full size, its numbers stored as `stored`;
// nullptr: everywhere), its stipple multiplied over the photo. A new buffer of the photo's size.
GeglBuffer* stipple_preview(GeglBuffer* photo, double scale, GeglBuffer* selection, const Babl* stored,
                            const smp::StippleSettings& stipple);

// Design Hairline's result over `photo`: the density ramp it renders into its channel, tinted
// (`hairline_tint`, stronger with density), with the 10% and 90% edges of the ramp and the
// hairline itself drawn as lines (`ramp_edge_colour`, `hairline_colour`). `hair_side` is the
// channel's plan (no hairline of its own: the ramp is its one zone).
GeglBuffer* hairline_preview(GeglBuffer* photo, double scale, const smp::Path& hairline, const smp::DensityPlan& hair_side);

inline constexpr const char* hairline_colour = "#ffd500";
inline constexpr const char* ramp_edge_colour = "#ffffff";
inline constexpr const char* hairline_tint = "#3373f2";
inline constexpr double hairline_tint_opacity = 0.45;

}  // namespace smp_plugin
