#define BOOST_TEST_MODULE plugin_simulate
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "plugin/gimp_batch.hpp"
#include "support/dot_centres.hpp"
#include "support/gegl_session.hpp"
#include "presets/preset.hpp"
#include "presets/preset_density.hpp"
#include "support/png_pixels.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// The head of the case: 150 x 190 mm at 10 px/mm, centred at (800, 1000), face up.
constexpr double px_per_mm = 10.0, centre_x = 800.0, centre_y = 1000.0, half_w = 750.0, half_l = 950.0;

// One preset of every category, beside Norwood IV.
const char* const category_presets[] = {"norwood-2", "ludwig-2", "savin-1-4", "alopecia-ophiasis", "fut-strip",
                                        "density-filler"};

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-simulate", "simulate_case.py", [](const std::string&) {
    std::string list;
    for (const char* nick : category_presets)
      list += std::string(nick) + " ";
    g_setenv("SMP_CATEGORY_PRESETS", list.c_str(), TRUE);
  });
  return c;
}

// Head-frame coordinates (x across, y front -1 to back 1) of a pixel.
double frame_x(double px) { return (px - centre_x) / half_w; }
double frame_y(double py) { return (py - centre_y) / half_l; }

// Dots of the pigment layer (as rendered by its effect), as dark spots' centres. Below 235 of
// 255 (sRGB) is a dot's core; the halos between dots stay above about 245.
std::vector<std::pair<double, double>> dots(const smp_test::Rgba8& image)
{
  return smp_test::dot_centres(image.width, image.height, [&](int x, int y) { return image.at(x, y)[0] < 235; });
}

}  // namespace

BOOST_AUTO_TEST_CASE(simulate_builds_the_group_the_path_and_the_live_stipple)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("plugin", "registered") == "true", c.output);
  BOOST_TEST_REQUIRE(c.value("run", "status") == "success", c.value("run", "message") << "\n" << c.output);
  BOOST_TEST(c.value("items", "group") == "SMP simulation - Norwood IV");
  BOOST_TEST(c.value("items", "top-layers") == "SMP simulation - Norwood IV;photo;");
  BOOST_TEST(c.value("items", "children") == "SMP pigment;");
  BOOST_TEST(c.value("items", "group-mode") == "pass-through");
  BOOST_TEST(c.value("items", "pigment-mode") == "multiply");
  BOOST_TEST(c.value("items", "pigment-filters") == "smp:follicle-stipple;");
  BOOST_TEST(c.value("items", "paths") == "SMP hairline;");
  BOOST_TEST(c.value("items", "channels") == "SMP hairline density;", "working channels were left behind");
  BOOST_TEST(c.value("items", "selected") == "photo;");
  BOOST_TEST(c.value("items", "selection-kept") == "true");
}

BOOST_AUTO_TEST_CASE(without_a_head_selection_simulate_says_what_to_do)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("no-head", "status") == "execution-error");
  BOOST_TEST(c.value("no-head", "message").find("Ellipse Select") != std::string::npos, c.value("no-head", "message"));
}

BOOST_AUTO_TEST_CASE(pigment_stays_in_the_zones_and_a_full_zone_has_the_presets_density)
{
  const auto& c = the_case();
  const auto pigment = smp_test::load_png(c.dir + "/pigment.png");
  BOOST_TEST_REQUIRE((pigment.width == 1600 && pigment.height == 2000));
  const auto found = dots(pigment);
  // Norwood IV: front ellipse (0,-0.58) r(0.56,0.38), crown (0,0.45) r(0.3,0.27), bridge band
  // y -0.22..0.16 at 35%. The sides behind the bridge and the back of the head have none.
  int stray = 0, in_crown = 0;
  const double edge_mm = 8.0;
  const double crown_rx_mm = 0.3 * half_w / px_per_mm - edge_mm, crown_ry_mm = 0.27 * half_l / px_per_mm - edge_mm;
  for (const auto& [x, y] : found) {
    const double fx = frame_x(x), fy = frame_y(y);
    if (fy > 0.8 || (std::abs(fx) > 0.45 && fy > 0.3))
      ++stray;
    const double cx_mm = (x - centre_x) / px_per_mm, cy_mm = (y - (centre_y + 0.45 * half_l)) / px_per_mm;
    if (std::pow(cx_mm / crown_rx_mm, 2) + std::pow(cy_mm / crown_ry_mm, 2) < 1.0)
      ++in_crown;
  }
  BOOST_TEST(stray == 0, stray << " dots outside the preset's zones");
  const double expected = 90.0 * M_PI * crown_rx_mm * crown_ry_mm / 100.0;
  BOOST_TEST(std::abs(in_crown - expected) <= 0.05 * expected,
             in_crown << " dots inside the crown zone, the preset asks for " << expected);
}

BOOST_AUTO_TEST_CASE(every_category_simulates_with_pigment_only_where_its_preset_puts_it)
{
  const auto& c = the_case();
  // The small heads: 150 x 190 mm at 5 px/mm in an 800 x 1000 image, face up.
  const smp::HeadFrame head{{400.0, 500.0}, 375.0, 475.0, -M_PI / 2};
  for (const char* nick : category_presets) {
    BOOST_TEST_REQUIRE(c.value(nick, "status") == "success", nick << ": " << c.value(nick, "message") << "\n" << c.output);
    auto loaded = smp::load_preset_file(smp_test::env_or_fail("SMP_SOURCE_DIR") + "/presets/" + nick + ".preset");
    BOOST_TEST_REQUIRE(std::holds_alternative<smp::Preset>(loaded), nick);
    const auto& preset = std::get<smp::Preset>(loaded);
    BOOST_TEST(c.value(nick, "group") == "SMP simulation - " + preset.name);
    BOOST_TEST(c.value(nick, "children") == "SMP pigment;");
    // Generous: every soft edge 12 mm wider than the preset's, and a dot's own reach.
    std::vector<float> allowed(800 * 1000);
    smp::preset_density(preset, head, 5.0, {0, 0, 800, 1000}, allowed.data(), 12.0, 2);
    const auto pigment = smp_test::load_png(c.dir + "/pigment-" + nick + ".png");
    int inside = 0, outside = 0;
    for (const auto& [x, y] : dots(pigment)) {
      if (allowed[static_cast<std::size_t>(y) * 800 + static_cast<std::size_t>(x)] > 0.0f)
        ++inside;
      else
        ++outside;
    }
    BOOST_TEST(outside == 0, nick << ": " << outside << " dots where the preset puts no pigment (" << inside << " inside)");
    BOOST_TEST(inside > 20, nick << ": only " << inside << " dots");
  }
}

BOOST_AUTO_TEST_CASE(the_photo_shows_through_the_simulation_and_only_darkens_in_the_zones)
{
  const auto& c = the_case();
  const auto composite = smp_test::load_png(c.dir + "/composite.png");
  BOOST_TEST_REQUIRE((composite.width == 1600 && composite.height == 2000));
  // The photo is mid grey (128): outside the zones it must stay so, inside it only gets darker.
  const int back_of_head = composite.at(800, 1900)[0], outside_head = composite.at(20, 20)[0];
  BOOST_TEST(back_of_head == 128, "the back of the head, outside every zone, is " << back_of_head);
  BOOST_TEST(outside_head == 128, "outside the head the photo is " << outside_head);
  int lighter = 0, darker = 0;
  for (int y = 0; y < 2000; y += 3)
    for (int x = 0; x < 1600; x += 3) {
      lighter += composite.at(x, y)[0] > 128;
      darker += composite.at(x, y)[0] < 110;
    }
  BOOST_TEST(lighter == 0, lighter << " sampled pixels are lighter than the photo");
  BOOST_TEST(darker > 1000, "only " << darker << " sampled pixels show pigment");
}

BOOST_AUTO_TEST_CASE(save_as_preset_writes_a_copy_with_the_users_settings)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("save", "status") == "success", c.value("save", "message") << "\n" << c.output);
  BOOST_TEST(c.value("save", "file") == "my-norwood-iv-dense.preset");
  auto saved = smp::load_preset_file(c.dir + "/saved.preset");
  const auto* error = std::get_if<smp::PresetError>(&saved);
  BOOST_TEST_REQUIRE(!error, (error ? error->message() : ""));
  const auto& p = std::get<smp::Preset>(saved);
  BOOST_TEST(p.name == "My Norwood IV (dense)");
  BOOST_TEST(p.stipple.density_per_cm2 == 120.0);
  BOOST_TEST(p.stipple.strength == 0.9);
  BOOST_TEST(p.zones.size() == 3u, "the zones of Norwood IV were not kept");
  BOOST_TEST(p.hairline.present);
  BOOST_TEST(c.value("save-unnamed", "status") == "execution-error");
}
