// smp:scar-blend as the rest of the project calls it: its name, and every property with the
// settings field it holds.
#pragma once

#include "common/properties.hpp"
#include "scar/scar_blend.hpp"

namespace smp_filters::scar_blend {

inline constexpr char operation[] = "smp:scar-blend";

template <typename Visit, typename Settings>
void each_property(Visit&& visit, Settings& s)
{
  visit("px-per-mm", s.px_per_mm);
  visit("ring-width", s.ring_width_mm);
  visit("feather", s.feather_mm);
  visit("texture", s.texture);
}

inline void set(GeglNode* node, const smp::ScarBlendSettings& s) { each_property(PropertyWriter::on_node(node), s); }

inline smp::ScarBlendSettings settings_of(GObject* object)
{
  smp::ScarBlendSettings s;
  each_property(PropertyReader(object), s);
  return s;
}

}  // namespace smp_filters::scar_blend
