#define BOOST_TEST_MODULE plugin_hairline
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"
#include "support/png_pixels.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-hairline", "hairline_case.py");
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(calibration_from_the_pupils_sets_the_resolution)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("calibrate", "status") == "success", "GIMP output:\n" << c.output);
  // 630 px between the pupils at the adult mean of 63 mm: 10 px per mm, 254 dpi.
  BOOST_TEST(std::abs(std::stod(c.value("calibrate", "px-per-mm")) - 10.0) < 1e-6);
  BOOST_TEST(std::abs(std::stod(c.value("calibrate", "resolution")) - 254.0) < 1e-6);
}

BOOST_AUTO_TEST_CASE(calibration_refuses_a_missing_or_degenerate_path_and_says_why)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("calibrate-no-path", "status") == "calling-error");
  BOOST_TEST(c.value("calibrate-no-path", "message").find("draw one with the Paths tool") != std::string::npos,
             c.value("calibrate-no-path", "message"));
  BOOST_TEST(c.value("calibrate-three-anchors", "status") == "calling-error");
  BOOST_TEST(c.value("calibrate-three-anchors", "message").find("3 anchors") != std::string::npos,
             c.value("calibrate-three-anchors", "message"));
}

BOOST_AUTO_TEST_CASE(a_front_hairline_path_and_its_density_channel_appear)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("front", "status") == "success", c.value("front", "message") << "\n" << c.output);
  BOOST_TEST(c.value("front", "paths").find("SMP hairline") != std::string::npos, c.value("front", "paths"));
  BOOST_TEST(c.value("front", "channels") == "SMP hairline density;");
  BOOST_TEST(c.value("front", "selected-layers") == "face;");
  const int anchors = std::stoi(c.value("front", "anchors"));
  BOOST_TEST((anchors >= 5 && anchors <= 9), anchors << " anchors: too many to edit by hand, or too few to shape");
  const auto density = smp_test::load_png(c.dir + "/front-density.png");
  // 10 px/mm: the mid-frontal point 80 mm above the glabella (y 1000) is at y 200.
  BOOST_TEST(density.at(500, 60)[0] == 255, "hair side (top of the forehead): " << int(density.at(500, 60)[0]));
  BOOST_TEST(density.at(500, 450)[0] == 0, "skin side (above the brows): " << int(density.at(500, 450)[0]));
  const int at_line = density.at(500, 200)[0];
  BOOST_TEST((at_line > 40 && at_line < 215), "on the line itself the density is " << at_line << " of 255");
}

BOOST_AUTO_TEST_CASE(a_top_view_hairline_fills_the_head_behind_the_line)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("top", "status") == "success", c.value("top", "message") << "\n" << c.output);
  BOOST_TEST(c.value("top", "selection-kept") == "true", "the head's elliptical selection was not left as it was");
  const auto density = smp_test::load_png(c.dir + "/top-density.png");
  BOOST_TEST_REQUIRE((density.width == 800 && density.height == 800));
  BOOST_TEST(density.at(400, 500)[0] == 255, "crown: " << int(density.at(400, 500)[0]));
  BOOST_TEST(density.at(400, 40)[0] == 0, "front edge of the head: " << int(density.at(400, 40)[0]));
  BOOST_TEST(density.at(40, 400)[0] == 0, "outside the head: " << int(density.at(40, 400)[0]));
  // The head is symmetric about x = 400: so is the density behind a hairline without asymmetry.
  int asymmetric = 0;
  for (int y = 0; y < density.height; y += 4)
    for (int x = 0; x < 400; x += 4)
      asymmetric += std::abs(int(density.at(x, y)[0]) - int(density.at(799 - x, y)[0])) > 128;
  BOOST_TEST(asymmetric < 200, asymmetric << " sampled pixels differ from their mirror image by more than half");
}
