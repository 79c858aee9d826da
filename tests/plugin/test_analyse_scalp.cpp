#define BOOST_TEST_MODULE plugin_analyse_scalp
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numbers>
#include <string>

#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"
#include "support/png_pixels.hpp"
#include "synthetic/synthetic_scalp.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// The synthetic top-view head: its bald crown and top where the fringe is absent, the face up.
smp::SyntheticScalpSpec spec()
{
  smp::SyntheticScalpSpec s;
  s.width_px = 1100;
  s.height_px = 1300;
  s.seed = 5;
  return s;
}

const smp::SyntheticScalp& head()
{
  static const smp::SyntheticScalp h = smp::synthetic_scalp_top_view(spec());
  return h;
}

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c(
      "plugin-analyse-scalp", "analyse_scalp_case.py",
      [](const std::string& dir) {
        smp_test::write_png(dir + "/input.png", head().rgb, head().width, head().height, "R'G'B' float");
      },
      {"SMP_PX_PER_MM=" + std::to_string(spec().px_per_mm)});
  return c;
}

double number(const char* section, const char* key) { return std::stod(the_case().value(section, key)); }

}  // namespace

BOOST_AUTO_TEST_CASE(it_finds_which_way_the_face_points_either_way_up)
{
  const auto& c = the_case();
  for (const auto& [section, front] : {std::pair{"face-up", "up"}, std::pair{"face-down", "down"}}) {
    BOOST_TEST_REQUIRE(c.value(section, "status") == "success", section << ": " << c.value(section, "message") << "\n" << c.output);
    BOOST_TEST_MESSAGE(section << ": " << c.value(section, "summary"));
    BOOST_TEST(c.value(section, "front") == front, section << ": found the face pointing " << c.value(section, "front"));
  }
}

BOOST_AUTO_TEST_CASE(it_suggests_a_pattern_of_the_bald_top_and_what_treating_it_takes)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("face-up", "status") == "success", c.value("face-up", "message"));
  for (const char* section : {"face-up", "face-down"}) {
    // A bald top and crown inside a full fringe at the sides and back: Norwood V to VII.
    const double stage = number(section, "stage");
    BOOST_TEST((stage >= 5 && stage <= 7), section << ": Norwood " << stage << " suggested for a bald top and crown");
    BOOST_TEST(c.value(section, "preset").rfind("norwood-", 0) == 0, c.value(section, "preset"));
    BOOST_TEST((number(section, "confidence") > 0.0 && number(section, "confidence") <= 1.0));
    // The bald area the generator drew, in cm² (an ellipse), against the area found.
    const auto& bald = head().bald_area;
    const double drawn_cm2 = std::numbers::pi * bald.radius_x * bald.radius_y / std::pow(10.0 * spec().px_per_mm, 2);
    const double found_cm2 = number(section, "area-cm2");
    BOOST_TEST(std::abs(found_cm2 - drawn_cm2) <= 0.3 * drawn_cm2,
               section << ": " << found_cm2 << " cm² of bare scalp found, the generator drew " << drawn_cm2);
    // Impressions at tens of dots per cm², and at least one sitting.
    const double per_cm2 = number(section, "impressions") / found_cm2;
    BOOST_TEST((per_cm2 >= 20.0 && per_cm2 <= 200.0), section << ": " << per_cm2 << " impressions per cm²");
    BOOST_TEST(number(section, "sessions") >= 1);
    BOOST_TEST(number(section, "skin-type") >= 1, section << ": no skin tone measured");
  }
}

BOOST_AUTO_TEST_CASE(it_changes_nothing_and_the_before_after_records_the_plan)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("face-up", "status") == "success", c.value("face-up", "message"));
  BOOST_TEST(c.value("face-up", "layers") == "photo;", "the analysis added layers");
  BOOST_TEST(c.value("face-down", "layers") == "photo;", "the analysis added layers");
  // A parasite on the image (the suggestion) is its only change.
  BOOST_TEST(c.value("face-up", "simulate") == "success", "Simulate SMP with the suggested preset and front failed");
  const std::string comment = c.value("face-up", "before-after-comment");
  BOOST_TEST(comment.find("Scalp analysis: Suggested: Norwood") != std::string::npos, comment);
}

BOOST_AUTO_TEST_CASE(a_photo_with_no_head_is_refused_with_what_to_do)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("no-head", "status") == "calling-error", c.value("no-head", "status"));
  BOOST_TEST(c.value("no-head", "message").find("No head was found") != std::string::npos, c.value("no-head", "message"));
  BOOST_TEST(c.value("no-head", "message").find("Ellipse Select") != std::string::npos, c.value("no-head", "message"));
}
