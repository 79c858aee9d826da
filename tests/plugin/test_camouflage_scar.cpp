#define BOOST_TEST_MODULE plugin_camouflage_scar
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "plugin/gimp_batch.hpp"
#include "scar/lab_colour.hpp"
#include "stipple/stipple_settings.hpp"
#include "support/dot_centres.hpp"
#include "support/gegl_session.hpp"
#include "support/png_pixels.hpp"
#include "support/scar_scores.hpp"
#include "synthetic/synthetic_scar.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

constexpr double px_per_mm = 10.0;  // the case sets 254 dpi

// A 10 x 3 cm scalp with a FUT strip 2 mm x 8 cm across it.
const smp::SyntheticScar& scalp()
{
  static const smp::SyntheticScar s = [] {
    smp::SyntheticScarSpec spec;
    spec.kind = smp::SyntheticScarKind::strip;
    spec.width_px = 1000;
    spec.height_px = 300;
    spec.px_per_mm = px_per_mm;
    return smp::synthetic_scar(spec);
  }();
  return s;
}

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-camouflage-scar", "camouflage_scar_case.py", [](const std::string& dir) {
    const auto& s = scalp();
    smp_test::write_png(dir + "/input.png", s.rgb, s.width, s.height, "R'G'B' float");
  });
  return c;
}

smp::Lab lab_at(const smp_test::Rgba8& image, std::size_t i)
{
  const std::uint8_t* p = &image.bytes[4 * i];
  return smp::lab_from_srgb(p[0] / 255.0, p[1] / 255.0, p[2] / 255.0);
}

smp::Lab mean_lab(const smp_test::Rgba8& image, const std::vector<float>& where)
{
  double L = 0, a = 0, b = 0, n = 0;
  for (std::size_t i = 0; i < where.size(); ++i)
    if (where[i] > 0.5f) {
      const smp::Lab c = lab_at(image, i);
      L += c.L, a += c.a, b += c.b, n += 1;
    }
  return {L / n, a / n, b / n};
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_procedure_is_registered_and_runs_in_batch)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("plugin", "registered") == "true", "GIMP output:\n" << c.output);
  BOOST_TEST(c.value("run", "status") == "success", c.value("run", "message") << "\nGIMP output:\n" << c.output);
}

BOOST_AUTO_TEST_CASE(a_selection_without_scar_is_refused_with_a_reason_and_nothing_added)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("no-scar", "status") == "calling-error");
  BOOST_TEST(c.value("no-scar", "message").find("found no scar") != std::string::npos, c.value("no-scar", "message"));
  BOOST_TEST(c.value("no-scar", "layers") == "photo;");
  BOOST_TEST(c.value("no-scar", "channels") == "none;");
}

BOOST_AUTO_TEST_CASE(a_mask_channel_a_masked_blend_above_the_photo_and_a_stippled_pigment_layer_are_added)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("items", "layers") == "SMP scar pigment;SMP scar blend;photo;");
  BOOST_TEST(c.value("items", "modes") == "multiply;normal;normal;");
  BOOST_TEST(c.value("items", "channels") == "SMP scar mask;");
  BOOST_TEST(c.value("items", "blend-has-mask") == "true");
  BOOST_TEST(c.value("items", "pigment-filters") == "smp:follicle-stipple;");
  // The stipple's own density and strength around the scar by default, the scar's dots at 75% of it.
  const smp::StippleSettings around;
  BOOST_TEST(std::stod(c.value("stipple", "density")) == around.density_per_cm2, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(std::stod(c.value("stipple", "strength")) == 0.75 * around.strength, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(the_users_photo_selection_and_selected_layer_are_kept)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("items", "selected") == "photo;");
  BOOST_TEST(c.value("items", "selection-unchanged") == "true");
  const smp_test::Rgba8 input = smp_test::load_png(c.dir + "/input.png"), photo = smp_test::load_png(c.dir + "/photo.png");
  BOOST_TEST_REQUIRE((photo.width == input.width && photo.height == input.height));
  BOOST_TEST((photo.bytes == input.bytes), "the photo layer changed");
}

BOOST_AUTO_TEST_CASE(the_mask_channel_covers_the_strip_with_iou_of_at_least_0_8)
{
  const auto& c = the_case();
  const smp_test::Rgba8 mask = smp_test::load_png(c.dir + "/mask.png");
  const auto& s = scalp();
  BOOST_TEST_REQUIRE((mask.width == s.width && mask.height == s.height));
  std::vector<float> values(s.truth.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = mask.bytes[4 * i] / 255.0f;
  const double iou = smp_test::intersection_over_union(values, s.truth);
  BOOST_TEST_MESSAGE("GIMP: IoU of the mask channel with the strip " << iou);
  BOOST_TEST(iou >= 0.8, "IoU of the mask channel with the strip " << iou);
}

BOOST_AUTO_TEST_CASE(the_blend_tones_the_scar_to_the_skin_and_leaves_the_rest_alone)
{
  const auto& c = the_case();
  const auto& s = scalp();
  const smp_test::Rgba8 input = smp_test::load_png(c.dir + "/input.png"), blended = smp_test::load_png(c.dir + "/blended.png"),
                        mask = smp_test::load_png(c.dir + "/mask.png");
  const auto ring = smp_test::ring_around(s.truth, s.width, s.height, static_cast<int>(3 * px_per_mm));
  const double before = smp::ciede2000(mean_lab(input, s.truth), mean_lab(input, ring));
  const double after = smp::ciede2000(mean_lab(blended, s.truth), mean_lab(blended, ring));
  BOOST_TEST_MESSAGE("GIMP: CIEDE2000 scar to ring " << before << " before, " << after << " after");
  BOOST_TEST(after <= 0.25 * before, "CIEDE2000 scar to ring " << before << " before, " << after << " after");
  std::size_t changed = 0;
  for (std::size_t i = 0; i < s.truth.size(); ++i)
    if (mask.bytes[4 * i] == 0)
      changed += !std::equal(&input.bytes[4 * i], &input.bytes[4 * i] + 4, &blended.bytes[4 * i]);
  BOOST_TEST(changed == 0u, changed << " pixels outside the mask changed");
}

BOOST_AUTO_TEST_CASE(the_scar_gets_dots_at_80_percent_of_the_density_and_none_away_from_it)
{
  const auto& c = the_case();
  const auto& s = scalp();
  const smp_test::Rgba8 pigment = smp_test::load_png(c.dir + "/pigment.png"), mask = smp_test::load_png(c.dir + "/mask.png");
  // The scar's dots are lighter than the surrounding ones (strength 0.6): any clear darkening counts.
  const auto dots = smp_test::dot_centres(s.width, s.height, [&](int x, int y) { return pigment.at(x, y)[0] <= 240; });
  double mask_cm2 = 0;
  for (std::size_t i = 0; i < s.truth.size(); ++i)
    mask_cm2 += mask.bytes[4 * i] / 255.0 / (px_per_mm * px_per_mm * 100.0);
  int away = 0;
  for (const auto& [x, y] : dots) {
    bool near = false;
    for (int dy = -5; dy <= 5 && !near; ++dy)
      for (int dx = -5; dx <= 5 && !near; ++dx) {
        const int px = static_cast<int>(x) + dx, py = static_cast<int>(y) + dy;
        near = px >= 0 && py >= 0 && px < s.width && py < s.height && mask.at(px, py)[0] > 0;
      }
    away += !near;
  }
  const double expected = 0.8 * 90.0 * mask_cm2;
  BOOST_TEST_MESSAGE("GIMP: " << dots.size() << " dots on the scar's " << mask_cm2 << " cm², expected about " << expected);
  BOOST_TEST(std::abs(static_cast<double>(dots.size()) - expected) <= 0.25 * expected,
             dots.size() << " dots on the scar's " << mask_cm2 << " cm², expected about " << expected);
  BOOST_TEST(away == 0, away << " dots more than 0.5 mm from the scar mask");
}
