#include "analysis/hair_loss_stage.hpp"

namespace smp {

std::optional<int> stage_of_preset(const std::string& name)
{
  const std::string norwood = "norwood-";
  if (name.rfind(norwood, 0) == 0 && name.size() > norwood.size()) {
    const char digit = name[norwood.size()];
    if (digit >= '0' + norwood_stage_min && digit <= '0' + norwood_stage_max)
      return digit - '0';
    return std::nullopt;
  }
  if (name == "hairline-juvenile-front")
    return 1;
  if (name == "diffuse-thinning" || name == "density-filler")
    return 5;
  return std::nullopt;
}

const char* roman_stage(int stage)
{
  static constexpr const char* names[] = {"-", "I", "II", "III", "IV", "V", "VI", "VII"};
  return stage >= norwood_stage_min && stage <= norwood_stage_max ? names[stage] : names[0];
}

}  // namespace smp
