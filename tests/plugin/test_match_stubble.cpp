#define BOOST_TEST_MODULE plugin_match_stubble
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"
#include "synthetic/synthetic_stubble.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// 40 x 40 mm of shaved stubble at 12 px/mm: 70 hair ends per cm^2, 0.25 mm, 45% darker.
const smp::SyntheticStubbleSpec spec;

void write_stubble(const std::string& path)
{
  const auto patch = smp::synthetic_stubble(spec);
  smp_test::write_png(path, patch.rgb, patch.width, patch.height, "R'G'B' float", 16);
}

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-match-stubble", "match_stubble_case.py",
                                    [](const std::string& dir) { write_stubble(dir + "/input.png"); });
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(match_stubble_counts_the_selected_hair_ends_within_10_percent_and_follows_them)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("match", "status") == "success", c.value("match", "message") << "\n" << c.output);
  const double counted = std::stod(c.value("match", "hair-ends"));
  BOOST_TEST(std::abs(counted - spec.density_per_cm2) <= 0.1 * spec.density_per_cm2,
             "counted " << counted << " hair ends per cm2 where " << spec.density_per_cm2 << " were drawn");
  BOOST_TEST(std::abs(std::stod(c.value("match", "density")) - counted) < 1e-6, "a trusted count sets the density");
  const double diameter = std::stod(c.value("match", "dot-diameter"));
  BOOST_TEST((diameter >= 0.15 && diameter <= 0.4), "dot diameter " << diameter << " mm, outside what SMP places");
}

BOOST_AUTO_TEST_CASE(the_stipple_in_the_image_is_set_to_match)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("match", "status") == "success", c.output);
  BOOST_TEST(c.value("match", "updated") == "1");
  BOOST_TEST(std::abs(std::stod(c.value("stipple", "density")) - std::stod(c.value("match", "density"))) < 1e-6);
  BOOST_TEST(std::abs(std::stod(c.value("stipple", "dot-diameter")) - std::stod(c.value("match", "dot-diameter"))) < 1e-6);
  BOOST_TEST(std::abs(std::stod(c.value("stipple", "strength")) - std::stod(c.value("match", "strength"))) < 1e-6);
}

BOOST_AUTO_TEST_CASE(without_a_selection_it_says_what_to_select)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("no-selection", "status") == "calling-error");
  BOOST_TEST(c.value("no-selection", "message").find("shaved hair") != std::string::npos,
             c.value("no-selection", "message"));
}
