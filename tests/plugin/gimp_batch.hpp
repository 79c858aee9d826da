// A real GIMP 3, headless, with the built plug-in and filters installed in a throwaway profile.
#pragma once

#include <glib.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
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

}  // namespace smp_test
