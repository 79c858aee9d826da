#define BOOST_TEST_MODULE plugin_simulate
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "plugin/gimp_batch.hpp"
#include "support/dot_centres.hpp"
#include "support/gegl_session.hpp"
#include "presets/preset.hpp"
#include "presets/density_plan.hpp"
#include "support/png_pixels.hpp"
#include "synthetic/synthetic_scalp.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// The head of the case: 150 x 190 mm at 10 px/mm, centred at (800, 1000), face up.
constexpr double px_per_mm = 10.0, centre_x = 800.0, centre_y = 1000.0, half_w = 750.0, half_l = 950.0;

// One preset of every category, beside Norwood IV.
const char* const category_presets[] = {"norwood-2", "ludwig-2", "savin-1-4", "alopecia-ophiasis", "fut-strip",
                                        "density-filler"};

// A top view with known parts at 6 px/mm: bare scalp, a fringe of 5 mm strands, cloth around.
smp::SyntheticScalp synthetic_head()
{
  smp::SyntheticScalpSpec spec;
  spec.width_px = 1300;
  spec.height_px = 1500;
  spec.hair_length_mm = 5.0;
  spec.seed = 7;
  return smp::synthetic_scalp_top_view(spec);
}

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-simulate", "simulate_case.py", [](const std::string& dir) {
    const auto head = synthetic_head();
    smp_test::write_png(dir + "/synthetic-head.png", head.rgb, head.width, head.height, "R'G'B' float");
    std::string list;
    for (const char* nick : category_presets)
      list += std::string(nick) + " ";
    g_setenv("SMP_CATEGORY_PRESETS", list.c_str(), TRUE);
  });
  return c;
}

// Dots of the pigment layer (as rendered by its effect), as dark spots' centres.
std::vector<std::pair<double, double>> dots(const smp_test::Rgba8& image)
{
  // Darker than the 25 px around them (2.5-5 mm at these scales) by 12 of 255: dots, not the
  // smooth shadow between them.
  const int window = 12;
  return smp_test::dots_against_surroundings(image.width, image.height, [&](int x, int y) { return double(image.at(x, y)[0]); },
                                             window, 12.0);
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

BOOST_AUTO_TEST_CASE(without_a_selection_on_an_even_grey_photo_simulate_says_what_to_do)
{
  // The case's plain photo shows no head to fit (it is skin all over, up to the image's edges).
  const auto& c = the_case();
  BOOST_TEST(c.value("no-head", "status") == "calling-error");
  BOOST_TEST(c.value("no-head", "message").find("Ellipse Select") != std::string::npos, c.value("no-head", "message"));
}

BOOST_AUTO_TEST_CASE(without_a_selection_the_head_is_fitted_to_the_photo_and_shown_as_a_path)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("fitted", "status") == "success", c.value("fitted", "message") << "\n" << c.output);
  BOOST_TEST(c.value("fitted", "paths").find("SMP head;") != std::string::npos, c.value("fitted", "paths"));
  BOOST_TEST(c.value("fitted", "channels") == "SMP hairline density;", "working channels were left behind");
  BOOST_TEST(c.value("fitted", "selection-none") == "true");
  // The path's anchors (every third control point, from the second) bound the fitted head. Within
  // 4% (6 mm on a 15 cm head): the mask's edge sits a little inside the darker, grazing rim.
  std::vector<double> points;
  std::istringstream text(c.value("fitted", "head-points"));
  for (double v; text >> v;)
    points.push_back(v);
  BOOST_TEST_REQUIRE(points.size() == 24u, "the head path has " << points.size() / 2 << " control points, not 12");
  double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
  for (std::size_t i = 2; i < points.size(); i += 6) {
    x0 = std::min(x0, points[i]);
    x1 = std::max(x1, points[i]);
    y0 = std::min(y0, points[i + 1]);
    y1 = std::max(y1, points[i + 1]);
  }
  const auto truth = synthetic_head().head;
  const double centre_x_err = std::abs(0.5 * (x0 + x1) - truth.centre_x) / truth.radius_x;
  const double centre_y_err = std::abs(0.5 * (y0 + y1) - truth.centre_y) / truth.radius_y;
  const double width_err = std::abs(0.5 * (x1 - x0) / truth.radius_x - 1.0);
  const double length_err = std::abs(0.5 * (y1 - y0) / truth.radius_y - 1.0);
  BOOST_TEST_MESSAGE("fitted head: centre off by " << 100 * centre_x_err << "% and " << 100 * centre_y_err
                                                   << "% of its radii, width " << 100 * width_err << "%, length "
                                                   << 100 * length_err << "% off");
  BOOST_TEST(centre_x_err < 0.04, "fitted centre " << 0.5 * (x0 + x1) << ", true " << truth.centre_x);
  BOOST_TEST(centre_y_err < 0.04, "fitted centre " << 0.5 * (y0 + y1) << ", true " << truth.centre_y);
  BOOST_TEST(width_err < 0.04, "fitted half width " << 0.5 * (x1 - x0) << " px, true " << truth.radius_x);
  BOOST_TEST(length_err < 0.04, "fitted half length " << 0.5 * (y1 - y0) << " px, true " << truth.radius_y);
}

BOOST_AUTO_TEST_CASE(pigment_stays_on_bare_scalp_blends_into_the_hair_and_leaves_the_background)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("fitted", "status") == "success", c.value("fitted", "message"));
  const auto head = synthetic_head();
  const auto pigment = smp_test::load_png(c.dir + "/synthetic-pigment.png");
  BOOST_TEST_REQUIRE((pigment.width == head.width && pigment.height == head.height));
  const double head_px_per_mm = smp::SyntheticScalpSpec{}.px_per_mm;
  const auto part_at = [&](int x, int y) {
    return head.truth[static_cast<std::size_t>(std::clamp(y, 0, head.height - 1)) * head.width + std::clamp(x, 0, head.width - 1)];
  };
  // How many of the probes at (x, y) and `mm` around it in eight directions lie in `part`.
  const auto probes_in = [&](int x, int y, double mm, std::uint8_t part) {
    const int r = static_cast<int>(std::lround(mm * head_px_per_mm)), d = static_cast<int>(std::lround(0.7 * r));
    int in = 0;
    for (const auto& [dx, dy] : {std::pair{0, 0}, {r, 0}, {-r, 0}, {0, r}, {0, -r}, {d, d}, {-d, d}, {d, -d}, {-d, -d}})
      in += part_at(x + dx, y + dy) == part;
    return in;
  };
  const auto all_within = [&](int x, int y, double mm, std::uint8_t part) { return probes_in(x, y, mm, part) == 9; };
  // Hair with bare scalp within 2 mm of it (next to the seam), or 3-5 mm from it (further into the blend).
  const auto bare_within = [&](int x, int y, std::initializer_list<double> mms) {
    for (const double mm : mms)
      if (probes_in(x, y, mm, smp::SyntheticScalp::bare_scalp) > 0)
        return true;
    return false;
  };
  const auto at_the_seam = [&](int x, int y) {
    return part_at(x, y) == smp::SyntheticScalp::hair && bare_within(x, y, {1.0, 2.0});
  };
  const auto further_in = [&](int x, int y) {
    return part_at(x, y) == smp::SyntheticScalp::hair && !bare_within(x, y, {1.0, 2.0}) && bare_within(x, y, {3.0, 4.0, 5.0});
  };
  // Clear of the soft edges (3 mm), and past the blend into the hair.
  const double past_blend_mm = smp::blend_into_hair_mm + 3.0;
  int on_background = 0, past_the_blend = 0, on_scalp = 0, near_the_seam = 0, further_into_the_hair = 0;
  for (const auto& [x, y] : dots(pigment)) {
    const int xi = static_cast<int>(x), yi = static_cast<int>(y);
    on_background += all_within(xi, yi, 3.0, smp::SyntheticScalp::background);
    past_the_blend += all_within(xi, yi, past_blend_mm, smp::SyntheticScalp::hair);
    on_scalp += all_within(xi, yi, 3.0, smp::SyntheticScalp::bare_scalp);
    near_the_seam += at_the_seam(xi, yi);
    further_into_the_hair += further_in(xi, yi);
  }
  std::size_t scalp_px = 0, seam_px = 0, further_px = 0;
  for (int y = 0; y < head.height; y += 2)
    for (int x = 0; x < head.width; x += 2) {
      scalp_px += all_within(x, y, 3.0, smp::SyntheticScalp::bare_scalp);
      seam_px += at_the_seam(x, y);
      further_px += further_in(x, y);
    }
  const double px_per_cm2 = 100.0 * head_px_per_mm * head_px_per_mm;  // each sampled pixel stands for 4
  const double scalp_cm2 = 4.0 * scalp_px / px_per_cm2, seam_cm2 = 4.0 * seam_px / px_per_cm2, further_cm2 = 4.0 * further_px / px_per_cm2;
  const double scalp_per_cm2 = on_scalp / scalp_cm2, seam_per_cm2 = seam_cm2 > 0.0 ? near_the_seam / seam_cm2 : 0.0;
  const double further_per_cm2 = further_cm2 > 0.0 ? further_into_the_hair / further_cm2 : 0.0;
  BOOST_TEST_MESSAGE("dots on bare scalp " << on_scalp << " (" << scalp_per_cm2 << " per cm^2), on the hair within 2 mm of it "
                                           << near_the_seam << " (" << seam_per_cm2 << " per cm^2), 3-5 mm from it "
                                           << further_into_the_hair << " (" << further_per_cm2 << " per cm^2), on the hair past the blend "
                                           << past_the_blend << ", on the background " << on_background);
  BOOST_TEST(on_background == 0, on_background << " dots on the background around the head");
  BOOST_TEST(past_the_blend <= on_scalp / 200, past_the_blend << " dots deeper than " << past_blend_mm << " mm in the fringe ("
                                                              << on_scalp << " on bare scalp)");
  // The pigment goes on among the fringe's first hairs, thinning: no bald band, no step (without
  // the blend, none of its dots lay there; with it, 22% of the bare scalp's density).
  BOOST_TEST_REQUIRE(seam_cm2 > 1.0, "the synthetic head has only " << seam_cm2 << " cm^2 of hair beside its bare scalp");
  BOOST_TEST((seam_per_cm2 > 0.15 * scalp_per_cm2 && seam_per_cm2 < scalp_per_cm2),
             "the hair within 2 mm of the bare scalp has " << seam_per_cm2 << " dots per cm^2, the bare scalp " << scalp_per_cm2);
  BOOST_TEST(further_per_cm2 < seam_per_cm2, "the hair 3-5 mm from the bare scalp has " << further_per_cm2
                                                 << " dots per cm^2, within 2 mm of it " << seam_per_cm2 << ": the blend does not thin out");
  // Bare scalp of a totalis preset is covered: about 90 per cm^2 (36 px^2 per mm^2).
  BOOST_TEST(on_scalp > 0.5 * 90.0 * scalp_cm2, on_scalp << " dots on " << scalp_cm2 << " cm^2 of bare scalp");
}

BOOST_AUTO_TEST_CASE(pigment_stays_in_the_zones_and_a_full_zone_has_the_presets_density)
{
  const auto& c = the_case();
  const auto pigment = smp_test::load_png(c.dir + "/pigment.png");
  BOOST_TEST_REQUIRE((pigment.width == 1600 && pigment.height == 2000));
  const auto found = dots(pigment);
  // Norwood IV, its zones reaching on to the fringe (nothing in this photo stops them but the
  // head's outline), every soft edge 12 mm wider than the preset's and a dot's reach.
  auto loaded = smp::load_preset_file(smp_test::env_or_fail("SMP_SOURCE_DIR") + "/presets/norwood-4.preset");
  BOOST_TEST_REQUIRE(std::holds_alternative<smp::Preset>(loaded));
  smp::DensityPlan plan = smp::density_plan(std::get<smp::Preset>(loaded),
                                            smp::Placement::on_head({{centre_x, centre_y}, half_w, half_l, -M_PI / 2}, px_per_mm), 0);
  plan.reach_mm = smp::reach_to_hair_mm;
  std::vector<float> allowed(1600 * 2000);
  smp::render_density(plan, {0, 0, 1600, 2000}, 0, allowed.data(), 12.0);
  int stray = 0, in_crown = 0;
  const double edge_mm = 8.0;
  const double crown_rx_mm = 0.3 * half_w / px_per_mm - edge_mm, crown_ry_mm = 0.27 * half_l / px_per_mm - edge_mm;
  for (const auto& [x, y] : found) {
    if (allowed[static_cast<std::size_t>(y) * 1600 + static_cast<std::size_t>(x)] <= 0.0f)
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
    smp::DensityPlan plan = smp::density_plan(preset, smp::Placement::on_head(head, 5.0), 2);
    plan.reach_mm = smp::reach_to_hair_mm;  // zones reach on to the hair, as Simulate lets them
    smp::render_density(plan, {0, 0, 800, 1000}, 0, allowed.data(), 12.0);
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
  // The photo is mid grey (128): beyond the head's outline it must stay so, inside it only gets darker.
  const int behind_head = composite.at(800, 1990)[0], outside_head = composite.at(20, 20)[0];
  BOOST_TEST(behind_head == 128, "behind the head's outline the photo is " << behind_head);
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
  BOOST_TEST(c.value("save-unnamed", "status") == "calling-error");
}
