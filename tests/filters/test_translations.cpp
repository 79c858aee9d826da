#define BOOST_TEST_MODULE translations_filter
#include <boost/test/unit_test.hpp>

#include <gegl.h>
#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <string>

#include "support/german_locale.hpp"

// The module's translations (issue 15): loading it binds the gettext domain to the folder meson
// installs the catalogs into, and the ops' titles and property names are looked up in that domain
// when their classes are made. The shipped German catalog is read from the build folder here
// (nothing is installed by a test): the domain is bound there after the module loads and before
// any op's class exists. GEGL unloads a module it does not use and loads it again (binding the
// domain again) when a class is made, so the test keeps it loaded.
namespace {

std::string env(const char* name)
{
  const char* value = std::getenv(name);
  BOOST_TEST_REQUIRE(value != nullptr, "the test needs the environment variable " << name);
  return value;
}

struct GermanGegl {
  GermanGegl()
  {
    g_setenv("LOCPATH", smp_test::german_locale_path(env("SMP_OUTPUT_DIR")).c_str(), TRUE);
    g_setenv("LANGUAGE", "de", TRUE);
    BOOST_TEST_REQUIRE(std::setlocale(LC_ALL, smp_test::german_locale) != nullptr);
    gegl_init(nullptr, nullptr);
    gegl_load_module_directory(env("SMP_FILTERS_DIR").c_str());
    // The type gegl-op.h names after the op (GEGL 0.4.44 and later) or its source file (before).
    GType stipple = g_type_from_name("gegl_op_follicle_stipple");
    if (stipple == G_TYPE_INVALID)
      stipple = g_type_from_name("GeglOpfollicle-stipple_cc");
    BOOST_TEST_REQUIRE(stipple != G_TYPE_INVALID, "the module registered no smp:follicle-stipple");
    g_type_plugin_use(g_type_get_plugin(stipple));
    bound_at_load = bindtextdomain("gimp-smp", nullptr);  // nullptr: asks, changes nothing
    bindtextdomain("gimp-smp", env("SMP_CATALOGS_DIR").c_str());
  }
  ~GermanGegl() { gegl_exit(); }
  std::string bound_at_load;
};

const GermanGegl& gegl()
{
  static const GermanGegl session;
  return session;
}

}  // namespace

BOOST_AUTO_TEST_CASE(loading_the_module_binds_its_domain_to_the_installed_catalogs)
{
  BOOST_TEST(gegl().bound_at_load == env("SMP_LOCALE_DIR"));
}

BOOST_AUTO_TEST_CASE(the_ops_speak_german_with_the_german_catalog)
{
  gegl();
  BOOST_TEST(std::string(gegl_operation_get_key("smp:follicle-stipple", "title")) == "SMP-Follikelpunktierung");
  BOOST_TEST(std::string(gegl_operation_get_key("smp:follicle-stipple", "gimp:menu-label")) == "Follikelpunktierung...");
  GParamSpec* scale = gegl_operation_find_property("smp:follicle-stipple", "px-per-mm");
  BOOST_TEST_REQUIRE(scale != nullptr);
  BOOST_TEST(std::string(g_param_spec_get_nick(scale)) == "Maßstab (Pixel pro mm)");
  // Untranslated strings fall back to English.
  GParamSpec* mask = gegl_operation_find_property("smp:hairline-mask", "transition-width");
  BOOST_TEST_REQUIRE(mask != nullptr);
  BOOST_TEST(std::string(g_param_spec_get_nick(mask)) == "Transition width (mm)");
}
