// smp:scalp-mask as the rest of the project calls it: its name, and every property with the
// settings field it holds.
#pragma once

#include "common/properties.hpp"
#include "scalp/scalp_mask.hpp"

namespace smp_filters::scalp_mask {

inline constexpr char operation[] = "smp:scalp-mask";

template <typename Visit, typename Settings>
void each_property(Visit&& visit, Settings& s)
{
  visit("px-per-mm", s.px_per_mm);
  visit("hair-density", s.hair_density);
  visit("sensitivity", s.sensitivity);
  visit("feather", s.feather_mm);
  visit("texture-size", s.texture_mm);
}

inline void set(GeglNode* node, const smp::ScalpMaskSettings& s) { each_property(PropertyWriter::on_node(node), s); }
inline void set(GObject* config, const smp::ScalpMaskSettings& s) { each_property(PropertyWriter::on_object(config), s); }

inline smp::ScalpMaskSettings settings_of(GObject* object)
{
  smp::ScalpMaskSettings s;
  each_property(PropertyReader(object), s);
  return s;
}

}  // namespace smp_filters::scalp_mask
