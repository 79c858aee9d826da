// smp:follicle-stipple as the rest of the project calls it: its name, and every property with
// the settings field it holds. The op reads its settings through this list; the plug-in, the
// previews and the tests set them through it.
#pragma once

#include "common/properties.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp_filters::follicle_stipple {

inline constexpr char operation[] = "smp:follicle-stipple";
inline constexpr const char* output_nicks[] = {"transmittance", "dots"};  // smp::StippleOutput's order

// The properties' names, for procedures whose arguments carry the same names.
namespace names {
inline constexpr char output[] = "output";
inline constexpr char px_per_mm[] = "px-per-mm";
inline constexpr char density[] = "density";
inline constexpr char dot_diameter[] = "dot-diameter";
inline constexpr char size_variation[] = "size-variation";
inline constexpr char regularity[] = "regularity";
inline constexpr char color[] = "color";
inline constexpr char shade_variation[] = "shade-variation";
inline constexpr char strength[] = "strength";
inline constexpr char depth[] = "depth";
inline constexpr char halo[] = "halo";
inline constexpr char halo_radius[] = "halo-radius";
inline constexpr char age_years[] = "age-years";
inline constexpr char sessions[] = "sessions";
inline constexpr char completed_sessions[] = "completed-sessions";
inline constexpr char transition_coupling[] = "transition-coupling";
inline constexpr char elongation[] = "elongation";
inline constexpr char hair_direction[] = "hair-direction";
inline constexpr char whorl[] = "whorl";
inline constexpr char whorl_x[] = "whorl-x";
inline constexpr char whorl_y[] = "whorl-y";
inline constexpr char seed[] = "seed";
}  // namespace names

template <typename Visit, typename Settings>
void each_property(Visit&& visit, Settings& s)
{
  visit(names::output, s.output, output_nicks);
  visit(names::px_per_mm, s.px_per_mm);
  visit(names::density, s.density_per_cm2);
  visit(names::dot_diameter, s.dot_diameter_mm);
  visit(names::size_variation, s.size_variation);
  visit(names::regularity, s.regularity);
  visit(names::color, s.color);
  visit(names::shade_variation, s.shade_variation);
  visit(names::strength, s.strength);
  visit(names::depth, s.depth_mm);
  visit(names::halo, s.halo);
  visit(names::halo_radius, s.halo_radius_mm);
  visit(names::age_years, s.age_years);
  visit(names::sessions, s.sessions);
  visit(names::completed_sessions, s.completed_sessions);
  visit(names::transition_coupling, s.transition_coupling);
  visit(names::elongation, s.elongation);
  visit(names::hair_direction, s.hair_direction_deg);
  visit(names::whorl, s.use_whorl);
  visit(names::whorl_x, s.whorl_x_px);
  visit(names::whorl_y, s.whorl_y_px);
  visit(names::seed, s.seed);
}

// Every property of a node (or GIMP's filter config) set from `settings`.
inline void set(GeglNode* node, const smp::StippleSettings& settings)
{
  each_property(PropertyWriter::on_node(node), settings);
}
inline void set(GObject* config, const smp::StippleSettings& settings)
{
  each_property(PropertyWriter::on_object(config), settings);
}

// The settings an op (or a filter config) holds; its colour read in `space`.
inline smp::StippleSettings settings_of(GObject* object, const Babl* space)
{
  smp::StippleSettings settings;
  each_property(PropertyReader(object, space), settings);
  return settings;
}

}  // namespace smp_filters::follicle_stipple
