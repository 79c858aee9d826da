// smp:scar-mask as the rest of the project calls it: its name, and every property with the
// settings field it holds.
#pragma once

#include "common/properties.hpp"
#include "scar/scar_mask.hpp"

namespace smp_filters::scar_mask {

inline constexpr char operation[] = "smp:scar-mask";
inline constexpr const char* kind_nicks[] = {"any", "linear", "dots", "area"};  // smp::ScarKind's order

template <typename Visit, typename Settings>
void each_property(Visit&& visit, Settings& s)
{
  visit("px-per-mm", s.px_per_mm);
  visit("kind", s.kind, kind_nicks);
  visit("sensitivity", s.sensitivity);
  visit("feather", s.feather_mm);
}

inline void set(GeglNode* node, const smp::ScarMaskSettings& s) { each_property(PropertyWriter::on_node(node), s); }

inline smp::ScarMaskSettings settings_of(GObject* object)
{
  smp::ScarMaskSettings s;
  each_property(PropertyReader(object), s);
  return s;
}

}  // namespace smp_filters::scar_mask
