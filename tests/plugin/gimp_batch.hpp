// A real GIMP 3, headless, with the built plug-in and filters installed in a throwaway profile.
#pragma once

#include <glib.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace smp_test {

inline std::string env_or_fail(const char* name)
{
  const char* value = std::getenv(name);
  BOOST_TEST_REQUIRE(value != nullptr, "the test needs the environment variable " << name);
  return value;
}

// Runs a Python file inside a headless GIMP 3 through tools/gimp-batch, the same throwaway
// profile the demo uses; returns GIMP's combined output.
inline std::string run_in_gimp(const std::string& script, const std::vector<std::string>& extra_env)
{
  const std::string tool = env_or_fail("SMP_SOURCE_DIR") + "/tools/gimp-batch";
  const std::string build = env_or_fail("SMP_BUILD_DIR");
  std::vector<const char*> argv{tool.c_str(), build.c_str(), script.c_str(), nullptr};
  gchar** env = g_get_environ();
  for (const auto& e : extra_env) {
    const auto eq = e.find('=');
    env = g_environ_setenv(env, e.substr(0, eq).c_str(), e.substr(eq + 1).c_str(), TRUE);
  }
  gchar* out = nullptr;
  gchar* err = nullptr;
  gint status = 0;
  GError* error = nullptr;
  const gboolean spawned = g_spawn_sync(nullptr, const_cast<gchar**>(argv.data()), env, G_SPAWN_DEFAULT, nullptr,
                                        nullptr, &out, &err, &status, &error);
  g_strfreev(env);
  BOOST_TEST_REQUIRE(spawned, "could not start " << tool << ": " << (error ? error->message : "?"));
  std::string output = std::string(out ? out : "") + (err ? err : "");
  g_free(out);
  g_free(err);
  return output;
}

// One scripted GIMP session: its output folder, what GIMP printed, and the report.ini the
// script wrote there. `prepare` puts the script's inputs into the folder first; `extra_env` is
// GIMP's environment beside the case's folder (its plug-ins inherit it).
class GimpCase {
 public:
  GimpCase(const std::string& name, const std::string& script, const std::function<void(const std::string&)>& prepare = {},
           std::vector<std::string> extra_env = {})
  {
    dir = env_or_fail("SMP_OUTPUT_DIR") + "/" + name;
    g_mkdir_with_parents(dir.c_str(), 0755);
    if (prepare)
      prepare(dir);
    extra_env.push_back("SMP_CASE_DIR=" + dir);
    extra_env.push_back("SMP_INPUT=" + dir + "/input.png");
    output = run_in_gimp(env_or_fail("SMP_SOURCE_DIR") + "/tests/plugin/" + script, extra_env);
    BOOST_TEST_REQUIRE(g_key_file_load_from_file(report_, (dir + "/report.ini").c_str(), G_KEY_FILE_NONE, nullptr),
                       "GIMP wrote no report; its output:\n" << output);
    BOOST_TEST_MESSAGE("GIMP 3 outputs of this case are in " << dir);
  }
  ~GimpCase() { g_key_file_free(report_); }
  GimpCase(const GimpCase&) = delete;
  GimpCase& operator=(const GimpCase&) = delete;

  std::string value(const char* group, const char* key) const
  {
    gchar* v = g_key_file_get_value(report_, group, key, nullptr);
    std::string s = v ? v : "(missing)";
    g_free(v);
    return s;
  }

  std::string dir, output;

 private:
  GKeyFile* report_ = g_key_file_new();
};

}  // namespace smp_test
