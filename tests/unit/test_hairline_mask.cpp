#define BOOST_TEST_MODULE hairline_mask
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "geometry/path.hpp"
#include "hairline/hairline_mask.hpp"

namespace {

smp::Path horizontal_line(double y)
{
  char d[100];
  std::snprintf(d, sizeof d, "M -500 %g L 3000 %g", y, y);
  return *smp::parse_svg_path(d);
}

std::vector<float> render(const smp::HairlineMask& mask, smp::PixelRect rect)
{
  std::vector<float> out(static_cast<std::size_t>(rect.width) * rect.height);
  mask.render(rect, out.data());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_10_to_90_percent_ramp_is_the_transition_width)
{
  for (const auto profile : {smp::RampProfile::linear, smp::RampProfile::smooth, smp::RampProfile::feathered}) {
    smp::HairlineMaskSettings s;
    s.px_per_mm = 20.0;
    s.transition_width_mm = 8.0;
    s.micro_irregularity = 0.0;
    s.macro_irregularity_mm = 0.0;
    s.profile = profile;
    const smp::HairlineMask mask(horizontal_line(400.0), s, 0);
    const auto column = render(mask, {100, 0, 1, 800});
    // Density falls from the hair side (top) to the skin side: find where it crosses 0.9 and 0.1.
    auto crossing = [&](float level) {
      for (std::size_t y = 1; y < column.size(); ++y)
        if (column[y - 1] >= level && column[y] < level)
          return (y - 1) + 0.5 + (column[y - 1] - level) / (column[y - 1] - column[y]);
      return -1.0;
    };
    const double width_mm = (crossing(0.1f) - crossing(0.9f)) / s.px_per_mm;
    BOOST_TEST(std::abs(width_mm - 8.0) <= 0.05 * 8.0,
               "profile " << static_cast<int>(profile) << ": the 10-90% ramp is " << width_mm << " mm wide");
    BOOST_TEST(column.front() == 1.0f);
    BOOST_TEST(column.back() == 0.0f);
  }
}

BOOST_AUTO_TEST_CASE(any_split_of_a_render_gives_the_same_bits)
{
  smp::HairlineMaskSettings s;
  s.seed = 5;
  const auto path = smp::parse_svg_path("M 20 300 C 150 120 350 120 480 300");
  const smp::HairlineMask mask(*path, s, 0);
  const auto whole = render(mask, {0, 0, 500, 400});
  std::vector<float> pieces(whole.size());
  for (const smp::PixelRect r : {smp::PixelRect{0, 0, 173, 400}, {173, 0, 327, 131}, {173, 131, 327, 269}}) {
    const auto part = render(mask, r);
    for (int y = 0; y < r.height; ++y)
      std::memcpy(&pieces[static_cast<std::size_t>(r.y + y) * 500 + r.x], &part[static_cast<std::size_t>(y) * r.width],
                  sizeof(float) * r.width);
  }
  BOOST_TEST(std::memcmp(pieces.data(), whole.data(), whole.size() * sizeof(float)) == 0);
  const smp::HairlineMask same(*path, s, 0);
  BOOST_TEST(render(same, {0, 0, 500, 400}) == whole);
}

BOOST_AUTO_TEST_CASE(irregularity_moves_the_line_and_adds_strays_only_when_asked)
{
  smp::HairlineMaskSettings clean;
  clean.micro_irregularity = 0.0;
  clean.macro_irregularity_mm = 0.0;
  smp::HairlineMaskSettings rough = clean;
  rough.macro_irregularity_mm = 3.0;
  rough.micro_irregularity = 1.0;
  const smp::Path line = horizontal_line(300.0);
  const auto a = render(smp::HairlineMask(line, clean, 0), {0, 0, 600, 600});
  const auto b = render(smp::HairlineMask(line, rough, 0), {0, 0, 600, 600});
  // A clean ramp is the same in every column; a rough one is not, and has spots ahead of it.
  double column_spread = 0.0;
  int strays = 0;
  for (int y = 0; y < 600; ++y)
    for (int x = 1; x < 600; ++x) {
      BOOST_TEST_REQUIRE(a[static_cast<std::size_t>(y) * 600 + x] == a[static_cast<std::size_t>(y) * 600]);
      column_spread = std::max(column_spread, std::abs(double(b[static_cast<std::size_t>(y) * 600 + x]) -
                                                       b[static_cast<std::size_t>(y) * 600]));
      strays += y > 300 + 80 + 10 && b[static_cast<std::size_t>(y) * 600 + x] > 0.1f;  // past the ramp
    }
  BOOST_TEST(column_spread > 0.3, "the rough line varies by only " << column_spread);
  BOOST_TEST(strays > 50, "only " << strays << " stray pixels ahead of the line");
}

BOOST_AUTO_TEST_CASE(bad_settings_give_defined_density)
{
  smp::HairlineMaskSettings s;
  s.px_per_mm = std::nan("");
  s.transition_width_mm = 0.0;
  s.macro_irregularity_mm = INFINITY;
  s.macro_wavelength_mm = -1.0;
  s.micro_irregularity = -INFINITY;
  const auto out = render(smp::HairlineMask(horizontal_line(50.0), s, 0), {0, 0, 64, 64});
  for (float v : out)
    BOOST_TEST_REQUIRE((std::isfinite(v) && v >= 0.0f && v <= 1.0f));
  const auto empty = render(smp::HairlineMask(smp::Path{}, smp::HairlineMaskSettings{}, 0), {0, 0, 8, 8});
  for (float v : empty)
    BOOST_TEST_REQUIRE(v == 0.0f);
}

BOOST_AUTO_TEST_CASE(a_huge_scribbled_path_renders_in_bounded_work)
{
  // 20,000 segments zig-zagging over 100 px: the bounds keep this to a fraction of a second.
  std::string d = "M 0 100";
  for (int i = 0; i < 20000; ++i)
    d += " L " + std::to_string(i * 0.01) + (i % 2 ? " 50" : " 150");
  const auto path = smp::parse_svg_path(d, nullptr, 20000);
  BOOST_TEST_REQUIRE(path.has_value());
  smp::HairlineMaskSettings s;
  const auto out = render(smp::HairlineMask(*path, s, 0), {0, 0, 256, 256});
  for (float v : out)
    BOOST_TEST_REQUIRE((std::isfinite(v) && v >= 0.0f && v <= 1.0f));
}

BOOST_AUTO_TEST_CASE(many_subpaths_share_one_budget_of_points)
{
  // 19,999 long subpaths used to flatten to 50,000 points each (2.1 GB in 2.7 s).
  std::string d;
  for (int k = 0; k < 19999; ++k)
    d += "M 0 " + std::to_string(k) + " L 1e6 1e6 ";
  const auto path = smp::parse_svg_path(d);
  BOOST_TEST_REQUIRE(path.has_value());
  const smp::HairlineMask mask(*path, smp::HairlineMaskSettings{}, 0);
  BOOST_TEST(mask.path_simplified(), "the path was not reported as simplified");
  const auto out = render(mask, {0, 0, 64, 64});
  for (float v : out)
    BOOST_TEST_REQUIRE((std::isfinite(v) && v >= 0.0f && v <= 1.0f));
}

BOOST_AUTO_TEST_CASE(a_scribble_with_thousands_of_near_edges_is_the_same_however_the_region_is_split)
{
  // More than 1024 edges near a pixel are measured on every n-th one; which ones used to depend
  // on the region asked for (a difference of up to 0.69 in density).
  std::string d = "M 0 100";
  for (int i = 0; i < 6000; ++i)
    d += " L " + std::to_string(i * 0.05) + (i % 2 ? " 60" : " 140");
  const auto path = smp::parse_svg_path(d);
  BOOST_TEST_REQUIRE(path.has_value());
  const smp::HairlineMask mask(*path, smp::HairlineMaskSettings{}, 0);
  const smp::PixelRect whole{-40, 40, 400, 120};
  const auto reference = render(mask, whole);
  float worst = 0.0f;
  for (const int split : {1, 63, 64, 130, 301}) {
    const auto left = render(mask, {whole.x, whole.y, split, whole.height});
    const auto right = render(mask, {whole.x + split, whole.y, whole.width - split, whole.height});
    for (int y = 0; y < whole.height; ++y)
      for (int x = 0; x < whole.width; ++x) {
        const float v = x < split ? left[static_cast<std::size_t>(y) * split + x]
                                  : right[static_cast<std::size_t>(y) * (whole.width - split) + x - split];
        worst = std::max(worst, std::abs(v - reference[static_cast<std::size_t>(y) * whole.width + x]));
      }
  }
  BOOST_TEST(worst == 0.0f, "densities differ by up to " << worst << " between splits of the region");
}
