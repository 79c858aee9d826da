#define BOOST_TEST_MODULE plugin_cancel
#include <boost/test/unit_test.hpp>

#include <string>

#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"
#include "support/png_pixels.hpp"
#include "synthetic/synthetic_scalp.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// GIMP's Cancel kills the plug-in. Simulate SMP killed as each of its stages starts (the last
// one, "layers", starts once everything is computed and GIMP no longer offers Cancel), or not at
// all (kill_at empty).
smp_test::GimpCase simulate_killed_at(const std::string& kill_at)
{
  std::string name = "plugin-cancel-" + (kill_at.empty() ? std::string("none") : kill_at);
  for (char& c : name)
    c = c == ' ' ? '-' : c;
  return smp_test::GimpCase(
      name, "cancel_case.py",
      [](const std::string& dir) {
        smp::SyntheticScalpSpec spec;
        spec.width_px = 1100;
        spec.height_px = 1300;
        spec.hair_length_mm = 5.0;
        spec.seed = 11;
        const auto head = smp::synthetic_scalp_top_view(spec);
        smp_test::write_png(dir + "/input.png", head.rgb, head.width, head.height, "R'G'B' float");
      },
      {"SMP_KILL_AT_STAGE=" + kill_at});
}

void check_left_as_it_was(const smp_test::GimpCase& c, const std::string& stage)
{
  BOOST_TEST_REQUIRE(c.value("before", "layers") == "photo;", c.output);
  BOOST_TEST(c.value("run", "status") != "success",
             "killed at \"" << stage << "\", the run still succeeded: no such stage any more?\n" << c.output);
  for (const char* what : {"layers", "channels", "paths", "selected", "dirty"})
    BOOST_TEST(c.value("after", what) == c.value("before", what),
               "stopped at \"" << stage << "\": the image's " << what << " were " << c.value("before", what)
                               << " and are " << c.value("after", what));
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_same_run_not_cancelled_changes_the_image)
{
  // Without it the cases below could not fail: their checks must see what a run changes.
  const auto c = simulate_killed_at("");
  BOOST_TEST_REQUIRE(c.value("run", "status") == "success", c.output);
  BOOST_TEST(c.value("after", "layers") == "SMP simulation - Norwood V;photo;");
  BOOST_TEST(c.value("after", "dirty") == "true");
  BOOST_TEST(c.value("after", "paths") != c.value("before", "paths"));
  BOOST_TEST_MESSAGE("Simulate SMP on the 1100 x 1300 head: " << c.value("run", "seconds") << " s");
}

BOOST_AUTO_TEST_CASE(cancelled_at_any_stage_the_image_is_as_it_was)
{
  for (const char* stage : {"head fit", "shade", "scalp regions", "density", "layers"}) {
    const auto c = simulate_killed_at(stage);
    check_left_as_it_was(c, stage);
    BOOST_TEST(c.output.find("inconsistent state") == std::string::npos,
               "stopped at \"" << stage << "\", GIMP closed undo groups the plug-in left open:\n" << c.output);
  }
}
