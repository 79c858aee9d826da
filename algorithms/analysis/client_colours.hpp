// The client's hair colour and skin tone in CIE L*a*b* (D65), measured on the photo: the hair at
// its seam with bare scalp where there is one (hair_sample.hpp, what the shade is matched to),
// else over the cells that are surely hair; the skin over the cells that are surely bare and not
// shine (beside the hair it is shaded by it), else at the seam. Named as a designer would: a hair colour, and the Fitzpatrick
// type from the skin's individual typology angle (ITA = atan((L* - 50) / b*), Chardon et al.
// 1991: > 55 very light I, > 41 light II, > 28 intermediate III, > 10 tan IV, > -30 brown V,
// else dark VI).
#pragma once

#include <optional>
#include <string>

#include "analysis/hair_sample.hpp"
#include "scar/lab_colour.hpp"

namespace smp {

struct ClientColours {
  std::optional<Lab> hair, skin;  // nothing where the photo shows too little of it
  bool from_seam = false;
};

ClientColours client_colours(const SegmentedPhoto& photo);

// black, dark-brown, brown, light-brown, blond, grey (the annotations' words); "none" for nothing.
std::string hair_colour_name(const std::optional<Lab>& hair);
// Fitzpatrick I..VI as 1..6; 0 for nothing.
int fitzpatrick_type(const std::optional<Lab>& skin);

}  // namespace smp
