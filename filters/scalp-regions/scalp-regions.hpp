// smp:scalp-regions as the rest of the project calls it: its name, every property with the
// settings field it holds, and what each channel of its output holds.
#pragma once

#include "common/properties.hpp"
#include "scalp/scalp_regions.hpp"

namespace smp_filters::scalp_regions {

inline constexpr char operation[] = "smp:scalp-regions";
inline constexpr const char* front_nicks[] = {"up", "down", "left", "right"};  // smp::Facing's order

// The output is "RGBA float" in no colour space (plain numbers): R bare scalp, G the client's
// own hair, B the shine on bare scalp (share of its light reflected by the surface), A 1.
inline constexpr int bare_channel = 0, hair_channel = 1, shine_channel = 2;

template <typename Visit, typename Settings>
void each_property(Visit&& visit, Settings& s)
{
  visit("px-per-mm", s.px_per_mm);
  visit("front", s.front, front_nicks);
  visit("sensitivity", s.sensitivity);
}

inline void set(GeglNode* node, const smp::ScalpRegionsSettings& s) { each_property(PropertyWriter::on_node(node), s); }

inline smp::ScalpRegionsSettings settings_of(GObject* object)
{
  smp::ScalpRegionsSettings s;
  each_property(PropertyReader(object), s);
  return s;
}

}  // namespace smp_filters::scalp_regions
