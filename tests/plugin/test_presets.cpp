#define BOOST_TEST_MODULE plugin_presets
#include <boost/test/unit_test.hpp>

#include <glib/gstdio.h>

#include <cstdlib>
#include <map>
#include <string>

#include "plugin/gimp_batch.hpp"

// Saved presets across GIMP restarts on one kept profile: GIMP caches a procedure's arguments
// between starts, so only a restart shows whether a preset saved now can be used later.
namespace {

struct Restarts {
  std::string dir, output;
  std::map<std::string, GKeyFile*> reports;

  Restarts()
  {
    dir = smp_test::env_or_fail("SMP_OUTPUT_DIR") + "/plugin-presets";
    const std::string profile = dir + "/profile";
    const std::string rm = "rm -rf '" + profile + "'";
    BOOST_TEST_REQUIRE(std::system(rm.c_str()) == 0);
    g_mkdir_with_parents(profile.c_str(), 0755);
    for (const char* step : {"save", "restart", "again"}) {
      output += smp_test::run_in_gimp(smp_test::env_or_fail("SMP_SOURCE_DIR") + "/tests/plugin/presets_case.py",
                                      {"SMP_CASE_DIR=" + dir, "SMP_GIMP_PROFILE=" + profile,
                                       std::string("SMP_PRESETS_STEP=") + step});
      GKeyFile* report = g_key_file_new();
      BOOST_TEST_REQUIRE(g_key_file_load_from_file(report, (dir + "/report-" + step + ".ini").c_str(),
                                                   G_KEY_FILE_NONE, nullptr),
                         "GIMP wrote no report at step " << step << "; its output:\n" << output);
      reports[step] = report;
    }
    BOOST_TEST_MESSAGE("GIMP 3 outputs of this case are in " << dir);
  }
  ~Restarts()
  {
    for (auto& [step, report] : reports)
      g_key_file_free(report);
  }

  std::string value(const char* step, const char* group, const char* key) const
  {
    gchar* v = g_key_file_get_value(reports.at(step), group, key, nullptr);
    std::string s = v ? v : "(missing)";
    g_free(v);
    return s;
  }
};

const Restarts& the_restarts()
{
  static const Restarts r;
  return r;
}

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_preset_saved_before_a_restart_is_listed_and_simulated_after_it)
{
  const auto& r = the_restarts();
  BOOST_TEST(r.value("save", "save-dense", "status") == "success", r.value("save", "save-dense", "message"));
  BOOST_TEST(has(";" + r.value("restart", "listed", "presets") + ";", ";my-nw4-dense;"), r.value("restart", "listed", "presets"));
  BOOST_TEST(has(r.value("restart", "listed", "names"), "My NW4 dense"), r.value("restart", "listed", "names"));
  BOOST_TEST(r.value("restart", "simulate-saved", "status") == "success", r.value("restart", "simulate-saved", "message"));
  BOOST_TEST(r.value("restart", "simulate-saved", "groups") == "SMP simulation - My NW4 dense",
             "the simulation made: " << r.value("restart", "simulate-saved", "groups"));
}

BOOST_AUTO_TEST_CASE(an_unknown_preset_is_a_calling_error_naming_the_value_and_the_choices)
{
  const auto& r = the_restarts();
  BOOST_TEST(r.value("restart", "simulate-unknown", "status") == "calling-error");
  const std::string message = r.value("restart", "simulate-unknown", "message");
  BOOST_TEST(has(message, "preset=norwood-44 is not one of "), message);
  BOOST_TEST(has(message, "norwood-6"), message);
  BOOST_TEST(has(message, "my-nw4-dense"), message);
  BOOST_TEST(r.value("restart", "simulate-unknown", "groups").empty(), "a simulation was made anyway");
}

BOOST_AUTO_TEST_CASE(a_saved_preset_can_be_renamed_and_deleted_and_the_change_lasts_across_a_restart)
{
  const auto& r = the_restarts();
  BOOST_TEST(r.value("restart", "rename", "status") == "success", r.value("restart", "rename", "message"));
  BOOST_TEST(r.value("restart", "simulate-old-name", "status") == "calling-error", "the old name still works");
  BOOST_TEST(r.value("restart", "delete", "status") == "success", r.value("restart", "delete", "message"));
  const std::string after = ";" + r.value("again", "listed", "presets") + ";";
  BOOST_TEST(has(after, ";client-7-nw4;"), after);
  BOOST_TEST(!has(after, ";my-nw4-dense;"), after);
  BOOST_TEST(!has(after, ";crown-filler;"), after);
  BOOST_TEST(r.value("again", "simulate-renamed", "groups") == "SMP simulation - Client 7 NW4",
             r.value("again", "simulate-renamed", "message"));
}

BOOST_AUTO_TEST_CASE(shipped_presets_and_other_presets_files_are_never_overwritten)
{
  const auto& r = the_restarts();
  for (const char* group : {"rename-shipped", "delete-shipped", "rename-onto-another"})
    BOOST_TEST(r.value("restart", group, "status") == "calling-error", group << ": " << r.value("restart", group, "message"));
  BOOST_TEST(has(r.value("restart", "delete-shipped", "message"), "shipped with the plug-in"),
             r.value("restart", "delete-shipped", "message"));
  BOOST_TEST(has(r.value("restart", "rename-onto-another", "message"), "already holds a preset"),
             r.value("restart", "rename-onto-another", "message"));
  const std::string after = ";" + r.value("again", "listed", "presets") + ";";
  BOOST_TEST(has(after, ";norwood-4;"), after);
}

BOOST_AUTO_TEST_CASE(the_first_pick_is_norwood_vi)
{
  const auto& r = the_restarts();
  BOOST_TEST(r.value("again", "simulate-default", "status") == "success", r.value("again", "simulate-default", "message"));
  BOOST_TEST(r.value("again", "simulate-default", "groups") == "SMP simulation - Norwood VI",
             r.value("again", "simulate-default", "groups"));
}
