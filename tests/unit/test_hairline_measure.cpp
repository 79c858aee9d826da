#define BOOST_TEST_MODULE hairline_measure
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numbers>

#include "hairline/hairline_design.hpp"
#include "hairline/hairline_measure.hpp"

namespace {

constexpr double px_per_mm = 7.5;

// A face tilted by 12 degrees, lateral canthi 46 mm either side of the glabella.
smp::FrontLandmarks tilted_face()
{
  const double tilt = 12.0 * std::numbers::pi / 180.0;
  const smp::Point right{std::cos(tilt), std::sin(tilt)}, g{600.0, 900.0};
  return {g, {g.x - 46 * px_per_mm * right.x, g.y - 46 * px_per_mm * right.y},
          {g.x + 46 * px_per_mm * right.x, g.y + 46 * px_per_mm * right.y}, smp::FaceMarks::lateral_canthi};
}

double distance(const smp::Point& a, const smp::Point& b)
{
  return std::hypot(a.x - b.x, a.y - b.y);
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_midline_crossing_of_a_designed_line_is_its_mid_frontal_point)
{
  const auto face = tilted_face();
  for (const double mfp : {70.0, 80.0, 95.0}) {
    smp::HairlineDesign design;
    design.mfp_height_mm = mfp;
    const auto m = smp::measure_front_hairline(face, smp::front_hairline(face, px_per_mm, design), px_per_mm);
    BOOST_TEST_REQUIRE(m.crosses_midline);
    BOOST_TEST(std::abs(m.mid_frontal_mm.y - mfp) < 0.05, "MFP measured " << m.mid_frontal_mm.y << " mm, designed " << mfp);
    BOOST_TEST(std::abs(m.mid_frontal_mm.x) < 1e-9);
  }
}

BOOST_AUTO_TEST_CASE(the_temple_points_are_the_constructions_own)
{
  const auto face = tilted_face();
  for (const auto style : {smp::HairlineStyle::juvenile, smp::HairlineStyle::mature, smp::HairlineStyle::widows_peak}) {
    smp::HairlineDesign design;
    design.style = style;
    const auto points = smp::front_hairline_points(face, px_per_mm, design);
    const auto m = smp::measure_front_hairline(face, smp::front_hairline(face, px_per_mm, design), px_per_mm);
    BOOST_TEST_REQUIRE(m.has_temple_points);
    auto mm = [&](const smp::Point& p) { return smp::face_point_mm(face, px_per_mm, p); };
    BOOST_TEST(distance(m.frontotemporal_left_mm, mm(points.frontotemporal_left)) < 1e-6);
    BOOST_TEST(distance(m.frontotemporal_right_mm, mm(points.frontotemporal_right)) < 1e-6);
    BOOST_TEST(distance(m.temporal_peak_left_mm, mm(points.temporal_peak_left)) < 1e-6);
    BOOST_TEST(distance(m.temporal_peak_right_mm, mm(points.temporal_peak_right)) < 1e-6);
    // On the canthus line: the frontotemporal points sit 46 mm either side of the midline.
    BOOST_TEST(std::abs(m.frontotemporal_left_mm.x + 46.0) < 0.5, m.frontotemporal_left_mm.x);
    BOOST_TEST(std::abs(m.frontotemporal_right_mm.x - 46.0) < 0.5, m.frontotemporal_right_mm.x);
  }
}

BOOST_AUTO_TEST_CASE(an_empty_path_measures_nothing)
{
  const auto m = smp::measure_front_hairline(tilted_face(), smp::Path{}, px_per_mm);
  BOOST_TEST(!m.crosses_midline);
  BOOST_TEST(!m.has_temple_points);
}
