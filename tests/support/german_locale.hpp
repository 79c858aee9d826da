// A German locale for the translation tests, compiled with localedef into the tests' output folder:
// gettext ignores LANGUAGE in the C and (since glibc 2.41) C.UTF-8 locales, and a test machine may
// have no other locale generated. Needs the locales package's sources (tools/install-deps and
// tools/gimp3-root.packages install it).
#pragma once

#include <glib.h>

#include <boost/test/unit_test.hpp>
#include <string>

namespace smp_test {

inline constexpr const char* german_locale = "de_DE.UTF-8";

// The folder to give as LOCPATH for setlocale to find de_DE.UTF-8 in.
inline std::string german_locale_path(const std::string& output_dir)
{
  const std::string dir = output_dir + "/locales";
  const std::string locale = dir + "/" + german_locale;
  if (g_file_test((locale + "/LC_MESSAGES").c_str(), G_FILE_TEST_IS_DIR))
    return dir;
  g_mkdir_with_parents(dir.c_str(), 0755);
  const char* argv[] = {"localedef", "-i", "de_DE", "-f", "UTF-8", locale.c_str(), nullptr};
  gchar* err = nullptr;
  gint status = 0;
  GError* error = nullptr;
  const gboolean ran = g_spawn_sync(nullptr, const_cast<gchar**>(argv), nullptr, G_SPAWN_SEARCH_PATH, nullptr, nullptr,
                                    nullptr, &err, &status, &error);
  const std::string why = error ? error->message : (err ? err : "");
  g_free(err);
  g_clear_error(&error);
  BOOST_TEST_REQUIRE((ran && g_file_test((locale + "/LC_MESSAGES").c_str(), G_FILE_TEST_IS_DIR)),
                     "localedef could not compile " << german_locale << " (is the locales package installed?): " << why);
  return dir;
}

}  // namespace smp_test
