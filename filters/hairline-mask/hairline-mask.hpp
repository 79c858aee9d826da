// smp:hairline-mask as the rest of the project calls it: its name, and every property with the
// field it holds (the path as SVG path data in `d`).
#pragma once

#include <string>

#include "common/properties.hpp"
#include "hairline/hairline_mask.hpp"

namespace smp_filters::hairline_mask {

inline constexpr char operation[] = "smp:hairline-mask";
inline constexpr const char* profile_nicks[] = {"linear", "smooth", "feathered"};  // smp::RampProfile's order

struct Properties {
  std::string d;  // SVG path data, image pixels
  smp::HairlineMaskSettings settings;
};

template <typename Visit, typename P>
void each_property(Visit&& visit, P& p)
{
  visit("d", p.d);
  visit("px-per-mm", p.settings.px_per_mm);
  visit("transition-width", p.settings.transition_width_mm);
  visit("profile", p.settings.profile, profile_nicks);
  visit("micro-irregularity", p.settings.micro_irregularity);
  visit("macro-irregularity", p.settings.macro_irregularity_mm);
  visit("macro-wavelength", p.settings.macro_wavelength_mm);
  visit("seed", p.settings.seed);
}

inline void set(GeglNode* node, const Properties& p) { each_property(PropertyWriter::on_node(node), p); }

inline Properties properties_of(GObject* object)
{
  Properties p;
  each_property(PropertyReader(object), p);
  return p;
}

}  // namespace smp_filters::hairline_mask
