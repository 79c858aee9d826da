#define BOOST_TEST_MODULE plugin_translations
#include <boost/test/unit_test.hpp>

#include <glib.h>

#include <set>
#include <sstream>
#include <string>

#include "plugin/gimp_batch.hpp"
#include "support/german_locale.hpp"

// Translations (issue 15): the build makes the catalog template from the module's and the
// plug-in's marked strings, and with the shipped German catalog beside the plug-in, as meson install
// puts it, GIMP 3 started in German shows the plug-in in German.
namespace {

// The msgids of a .pot file, their wrapped lines joined and their escapes undone.
std::set<std::string> msgids_of(const std::string& pot)
{
  std::set<std::string> ids;
  std::istringstream lines(pot);
  std::string line, id;
  bool in_id = false;
  const auto flush = [&] {
    if (in_id && !id.empty())
      ids.insert(id);
    in_id = false;
    id.clear();
  };
  while (std::getline(lines, line)) {
    const bool starts_id = line.rfind("msgid \"", 0) == 0;
    if (starts_id)
      flush();
    if (starts_id || (in_id && line.rfind("\"", 0) == 0)) {
      const auto open = line.find('"');
      gchar* text = g_strcompress(line.substr(open + 1, line.size() - open - 2).c_str());
      id += text;
      g_free(text);
      in_id = true;
    } else {
      flush();
    }
  }
  flush();
  return ids;
}

std::string generated_template()
{
  const std::string build = smp_test::env_or_fail("SMP_BUILD_DIR");
  const std::string pot = smp_test::env_or_fail("SMP_SOURCE_DIR") + "/po/gimp-smp.pot";
  const char* argv[] = {"ninja", "-C", build.c_str(), "gimp-smp-pot", nullptr};
  gchar* out = nullptr;
  gint status = 0;
  GError* error = nullptr;
  const gboolean ran = g_spawn_sync(nullptr, const_cast<gchar**>(argv), nullptr, G_SPAWN_SEARCH_PATH, nullptr, nullptr,
                                    &out, nullptr, &status, &error);
  const std::string output = out ? out : "";
  g_free(out);
  BOOST_TEST_REQUIRE(ran, "could not run ninja: " << (error ? error->message : "?"));
  BOOST_TEST_REQUIRE(g_spawn_check_wait_status(status, nullptr), "ninja gimp-smp-pot failed:\n" << output);
  gchar* text = nullptr;
  BOOST_TEST_REQUIRE(g_file_get_contents(pot.c_str(), &text, nullptr, nullptr), "the build wrote no " << pot);
  std::string contents = text;
  g_free(text);
  return contents;
}

// GIMP in a German locale (as a German user's desktop starts it), with LANGUAGE naming the language
// to show.
struct Run {
  explicit Run(const char* language)
      : gimp(std::string("plugin-translations-") + language, "translations_case.py", {},
             {"LOCPATH=" + smp_test::german_locale_path(smp_test::env_or_fail("SMP_OUTPUT_DIR")),
              std::string("LANG=") + smp_test::german_locale, std::string("LANGUAGE=") + language})
  {
  }
  smp_test::GimpCase gimp;
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_template_holds_the_module_and_the_plug_in)
{
  const std::set<std::string> ids = msgids_of(generated_template());
  BOOST_TEST_MESSAGE(ids.size() << " strings in the template");
  for (const char* id : {
           "SMP _Stipple Layer...",                                                            // a menu label
           "SMP Stipple Layer needs an RGB or grayscale image: use Image > Mode > RGB first.",  // an error
           "%s stopped: %s. Undo (Edit > Undo) removes anything it added.",                     // another
           "Scale (pixels per mm)",                                                             // a filter property
           "SMP Follicle Stipple",                                                              // a filter title
       })
    BOOST_TEST(ids.count(id) == 1, "the template lacks \"" << id << "\"");
}

BOOST_AUTO_TEST_CASE(gimp_in_german_shows_the_plug_in_in_german)
{
  const Run german("de");
  BOOST_TEST_REQUIRE(german.gimp.value("plugin", "registered") == "true", german.gimp.output);
  BOOST_TEST(german.gimp.value("stipple-layer", "menu-label") == "SMP-_Punktebene...");
  BOOST_TEST(german.gimp.value("stipple-layer", "blurb") ==
             "Eine Ebene mit Kopfhaut-Mikropigmentierung über der Auswahl hinzufügen");
  BOOST_TEST(german.gimp.value("stipple-layer", "density-nick") == "_Dichte (Punkte/cm²)");
  BOOST_TEST(german.gimp.value("indexed", "status") == "calling-error");
  BOOST_TEST(german.gimp.value("indexed", "message") ==
             "SMP-Punktebene braucht ein RGB- oder Graustufenbild: wählen Sie zuerst Bild > Modus > RGB.");
}

// A language without a catalog falls back to the English the procedures are written in.
BOOST_AUTO_TEST_CASE(gimp_in_a_language_without_a_catalog_shows_english)
{
  const Run english("en");
  BOOST_TEST_REQUIRE(english.gimp.value("plugin", "registered") == "true", english.gimp.output);
  BOOST_TEST(english.gimp.value("stipple-layer", "menu-label") == "SMP _Stipple Layer...");
  BOOST_TEST(english.gimp.value("indexed", "message") ==
             "SMP Stipple Layer needs an RGB or grayscale image: use Image > Mode > RGB first.");
}
