#include "analysis/pattern_template.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "analysis/polygon_raster.hpp"
#include "presets/placement.hpp"
#include "presets/zone_outline.hpp"

namespace smp {

double PatternTemplate::at(const Point& p) const
{
  if (p.x * p.x + p.y * p.y > 1.0)
    return 0.0;
  const int x = std::clamp(static_cast<int>((p.x + 1.0) * 0.5 * side), 0, side - 1);
  const int y = std::clamp(static_cast<int>((p.y + 1.0) * 0.5 * side), 0, side - 1);
  return bareness[static_cast<std::size_t>(y) * side + x];
}

PatternTemplate pattern_template(const Preset& preset, const std::string& preset_name, int stage)
{
  PatternTemplate t;
  t.preset = preset_name;
  t.stage = stage;
  const int side = PatternTemplate::side;
  t.bareness.assign(static_cast<std::size_t>(side) * side, 0.0f);
  // A head facing up whose outline fills the raster: normalised units map straight onto it.
  HeadFrame head;
  head.centre = {0.5 * side, 0.5 * side};
  head.half_width_px = head.half_length_px = 0.5 * side;
  head.front_rad = -std::numbers::pi / 2;
  const Placement placement = Placement::on_head(head, 1.0);
  for (const Zone& zone : preset.zones) {
    std::vector<std::uint8_t> inside(t.bareness.size(), 0);
    // Subpaths fill even-odd, as a ring's two outlines do.
    for (const auto& polygon : flatten(zone_outline(zone, placement), 0.05)) {
      const std::vector<std::uint8_t> mask = polygon_mask(polygon, side, side);
      for (std::size_t i = 0; i < inside.size(); ++i)
        inside[i] ^= mask[i];
    }
    for (std::size_t i = 0; i < inside.size(); ++i)
      if (inside[i])
        t.bareness[i] = std::max(t.bareness[i], static_cast<float>(zone.share));
  }
  return t;
}

}  // namespace smp
