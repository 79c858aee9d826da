#include "analysis/face_direction.hpp"

#include <algorithm>
#include <cmath>

namespace smp {
namespace {

constexpr double width_at = 0.6;        // where the head's width is compared, of its half length
constexpr int width_band_cells = 2;     // lines either side averaged there
// What one unit of evidence is: a 10% wider back, or the bare scalp a third of the head's half
// size towards one end from the hair. The shape counts more: the horseshoe misleads when the
// crown is thinning too (measured).
constexpr double width_ratio_unit = 0.1, displacement_unit = 0.3, displacement_weight = 0.3;

struct Moments {
  double weight = 0, x = 0, y = 0, xx = 0, yy = 0;
  void add(double w, double px, double py)
  {
    weight += w;
    x += w * px;
    y += w * py;
    xx += w * px * px;
    yy += w * py * py;
  }
  Point centre() const { return {x / weight, y / weight}; }
};

// Mean count of head cells on the lines (rows when `rows`) about `at` of the grid.
double head_width(const ScalpCells& c, bool rows, double at)
{
  double cells = 0.0;
  int lines = 0;
  for (int k = -width_band_cells; k <= width_band_cells; ++k) {
    const int line = static_cast<int>(at) + k;
    if (line < 0 || line >= (rows ? c.height : c.width))
      continue;
    ++lines;
    const int length = rows ? c.width : c.height;
    for (int j = 0; j < length; ++j) {
      const std::size_t i = rows ? static_cast<std::size_t>(line) * c.width + j : static_cast<std::size_t>(j) * c.width + line;
      cells += c.bare[i] + c.hair[i] >= head_coverage_min ? 1.0 : 0.0;
    }
  }
  return lines > 0 ? cells / lines : 0.0;
}

}  // namespace

const char* facing_name(Facing facing)
{
  switch (facing) {
    case Facing::up: return "up";
    case Facing::down: return "down";
    case Facing::left: return "left";
    case Facing::right: return "right";
  }
  return "up";
}

FaceDirection face_direction(const ScalpCells& c)
{
  FaceDirection out;
  if (!c.valid())
    return out;
  Moments head, bare, hair;
  for (int y = 0; y < c.height; ++y)
    for (int x = 0; x < c.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * c.width + x;
      head.add(std::min(1.0f, c.bare[i] + c.hair[i]), x + 0.5, y + 0.5);
      bare.add(c.bare[i], x + 0.5, y + 0.5);
      hair.add(c.hair[i], x + 0.5, y + 0.5);
    }
  if (head.weight < 16.0)
    return out;
  const Point centre = head.centre();
  const double half_x = 2.0 * std::sqrt(std::max(1.0, head.xx / head.weight - centre.x * centre.x));
  const double half_y = 2.0 * std::sqrt(std::max(1.0, head.yy / head.weight - centre.y * centre.y));
  const auto ratio = [](double a, double b) { return std::log(std::max(1.0, a) / std::max(1.0, b)); };
  // Positive: wider at the image's bottom (right) than at its top (left).
  const double wider_below = ratio(head_width(c, true, centre.y + width_at * half_y), head_width(c, true, centre.y - width_at * half_y));
  const double wider_right = ratio(head_width(c, false, centre.x + width_at * half_x), head_width(c, false, centre.x - width_at * half_x));
  double bare_below = 0.0, bare_right = 0.0;
  if (bare.weight > 1.0 && hair.weight > 1.0) {
    // A segmentation spilling far off the head can put the centroids outside it: one head at most.
    bare_below = std::clamp((bare.centre().y - hair.centre().y) / half_y, -1.0, 1.0);
    bare_right = std::clamp((bare.centre().x - hair.centre().x) / half_x, -1.0, 1.0);
  }
  const auto evidence = [&](double wider_there, double bare_there) {
    return -wider_there / width_ratio_unit + displacement_weight * bare_there / displacement_unit;
  };
  out.evidence[static_cast<int>(Facing::up)] = evidence(-wider_below, -bare_below);
  out.evidence[static_cast<int>(Facing::down)] = evidence(wider_below, bare_below);
  out.evidence[static_cast<int>(Facing::left)] = evidence(-wider_right, -bare_right);
  out.evidence[static_cast<int>(Facing::right)] = evidence(wider_right, bare_right);
  std::array<int, 4> order{0, 1, 2, 3};
  std::sort(order.begin(), order.end(), [&](int a, int b) { return out.evidence[a] > out.evidence[b]; });
  out.front = static_cast<Facing>(order[0]);
  out.confidence = 1.0 - std::exp(-(out.evidence[order[0]] - out.evidence[order[1]]));
  out.found = true;
  return out;
}

}  // namespace smp
