// A real GIMP 3, headless, with a throwaway profile whose plug-in path holds the built plug-in
// and whose GEGL user folder holds the built module: as a user's install, but disposable.
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

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

class GimpBatch {
 public:
  GimpBatch()
  {
    gchar* dir = g_dir_make_tmp("smp-gimp-XXXXXX", nullptr);
    root_ = dir;
    g_free(dir);
    const std::string plugin_dir = root_ + "/plug-ins/gimp-smp";
    const std::string module_dir = root_ + "/data/gegl-0.4/plug-ins";
    g_mkdir_with_parents(plugin_dir.c_str(), 0755);
    g_mkdir_with_parents(module_dir.c_str(), 0755);
    g_mkdir_with_parents((root_ + "/profile").c_str(), 0755);
    BOOST_TEST_REQUIRE(symlink(env_or_fail("SMP_PLUGIN_BINARY").c_str(), (plugin_dir + "/gimp-smp").c_str()) == 0);
    BOOST_TEST_REQUIRE(
        symlink(env_or_fail("SMP_FILTERS_MODULE").c_str(), (module_dir + "/smp-filters.so").c_str()) == 0);
    const std::string gimprc = "(plug-in-path \"" + root_ + "/plug-ins:" + env_or_fail("SMP_GIMP_SYSTEM_PLUGINS") + "\")\n";
    BOOST_TEST_REQUIRE(g_file_set_contents((root_ + "/profile/gimprc").c_str(), gimprc.c_str(), -1, nullptr));
  }
  ~GimpBatch()
  {
    if (!std::getenv("SMP_KEEP_GIMP_PROFILE")) {
      const std::string command = "rm -rf '" + root_ + "'";
      [[maybe_unused]] const int status = std::system(command.c_str());
    }
  }

  // Runs a Python file inside GIMP with extra environment; returns GIMP's combined output.
  std::string run_python(const std::string& script, const std::vector<std::string>& extra_env) const
  {
    const std::string code = "exec(open('" + script + "').read())";
    std::vector<const char*> argv{"gimp-console-3.0", "--no-interface", "--no-fonts", "--batch-interpreter",
                                  "python-fu-eval", "--batch", code.c_str(), "--quit", nullptr};
    std::vector<std::string> env{"GIMP3_DIRECTORY=" + root_ + "/profile", "HOME=" + root_,
                                 "XDG_DATA_HOME=" + root_ + "/data", "XDG_CONFIG_HOME=" + root_ + "/config",
                                 "XDG_CACHE_HOME=" + root_ + "/cache", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"};
    env.insert(env.end(), extra_env.begin(), extra_env.end());
    std::vector<const char*> envp;
    for (const auto& e : env)
      envp.push_back(e.c_str());
    envp.push_back(nullptr);
    gchar* out = nullptr;
    gchar* err = nullptr;
    gint status = 0;
    GError* error = nullptr;
    const gboolean spawned =
        g_spawn_sync(nullptr, const_cast<gchar**>(argv.data()), const_cast<gchar**>(envp.data()), G_SPAWN_SEARCH_PATH,
                     nullptr, nullptr, &out, &err, &status, &error);
    BOOST_TEST_REQUIRE(spawned, "could not start gimp-console-3.0: " << (error ? error->message : "?"));
    std::string output = std::string(out ? out : "") + (err ? err : "");
    g_free(out);
    g_free(err);
    return output;
  }

 private:
  std::string root_;
};

}  // namespace smp_test
