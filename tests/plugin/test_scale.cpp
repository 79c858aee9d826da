#define BOOST_TEST_MODULE plugin_scale
#include <boost/test/unit_test.hpp>

#include <glib.h>

#include <string>

#include "plugin/gimp_batch.hpp"

// A photo whose scale was never set draws its dots at a size the photo does not have: Simulate
// and Stipple Layer still run, and say so; once calibrated they say nothing.
namespace {

struct Step {
  std::string output;
  GKeyFile* report = g_key_file_new();

  explicit Step(const char* step)
  {
    const std::string dir = smp_test::env_or_fail("SMP_OUTPUT_DIR") + "/plugin-scale";
    g_mkdir_with_parents(dir.c_str(), 0755);
    output = smp_test::run_in_gimp(smp_test::env_or_fail("SMP_SOURCE_DIR") + "/tests/plugin/scale_case.py",
                                   {"SMP_CASE_DIR=" + dir, std::string("SMP_SCALE_STEP=") + step});
    BOOST_TEST_REQUIRE(g_key_file_load_from_file(report, (dir + "/report-" + step + ".ini").c_str(), G_KEY_FILE_NONE,
                                                 nullptr),
                       "GIMP wrote no report; its output:\n" << output);
  }
  ~Step() { g_key_file_free(report); }
  std::string value(const char* group, const char* key) const
  {
    gchar* v = g_key_file_get_value(report, group, key, nullptr);
    std::string s = v ? v : "(missing)";
    g_free(v);
    return s;
  }
};

const Step& step(const char* name)
{
  static const Step default_scale("default"), calibrated("calibrated");
  return std::string(name) == "default" ? default_scale : calibrated;
}

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_never_calibrated_72_ppi_photo_is_simulated_with_a_warning_that_says_how_to_calibrate)
{
  const Step& s = step("default");
  BOOST_TEST(s.value("plug-in-smp-simulate", "status") == "success", s.value("plug-in-smp-simulate", "message"));
  BOOST_TEST(s.value("plug-in-smp-stipple-layer", "status") == "success");
  BOOST_TEST(has(s.output, "Simulate SMP: The scale of this photo was never set: its resolution, 72 ppi (2.83 px/mm)"),
             "GIMP printed:\n" << s.output);
  BOOST_TEST(has(s.output, "SMP Stipple Layer: The scale of this photo was never set"), "GIMP printed:\n" << s.output);
  BOOST_TEST(has(s.output, "SMP Calibrate Scale"), s.output);
}

BOOST_AUTO_TEST_CASE(a_known_scale_is_set_without_a_path_and_silences_the_warning)
{
  const Step& s = step("calibrated");
  BOOST_TEST(s.value("scale", "px-per-mm") == "4", s.value("plug-in-smp-calibrate-scale", "message"));
  BOOST_TEST(s.value("plug-in-smp-simulate", "status") == "success", s.value("plug-in-smp-simulate", "message"));
  BOOST_TEST(!has(s.output, "was never set"), "GIMP printed:\n" << s.output);
}

BOOST_AUTO_TEST_CASE(a_known_scale_of_zero_is_a_calling_error_that_names_the_argument)
{
  const Step& s = step("calibrated");
  // The second calibration (px-per-mm 0) is the last one recorded.
  BOOST_TEST(s.value("plug-in-smp-calibrate-scale", "status") == "calling-error");
  BOOST_TEST(has(s.value("plug-in-smp-calibrate-scale", "message"), "px-per-mm"),
             s.value("plug-in-smp-calibrate-scale", "message"));
}
