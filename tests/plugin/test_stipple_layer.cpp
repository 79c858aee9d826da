#define BOOST_TEST_MODULE plugin_stipple_layer
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "plugin/gimp_batch.hpp"
#include "stipple/stipple_settings.hpp"
#include "support/dot_reach.hpp"
#include "support/dot_centres.hpp"
#include "support/gegl_session.hpp"
#include "support/png_pixels.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

constexpr int width = 400, height = 300;
constexpr double px_per_mm = 10.0;  // the case sets 254 dpi
constexpr double ellipse_cx = 200.0, ellipse_cy = 150.0, ellipse_rx = 100.0, ellipse_ry = 70.0;

// A scalp-like photo: warm skin tones, a lighting gradient and fine noise.
void write_photo(const std::string& path)
{
  std::vector<float> pixels(static_cast<std::size_t>(width) * height * 4);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const float light = 0.75f + 0.2f * x / width - 0.1f * y / height;
      const float noise = static_cast<float>((x * 7919 + y * 104729) % 97) / 97.0f * 0.06f;
      float* p = &pixels[4 * (static_cast<std::size_t>(y) * width + x)];
      p[0] = light * 0.93f + noise;
      p[1] = light * 0.76f + noise;
      p[2] = light * 0.66f + noise;
      p[3] = 1.0f;
    }
  smp_test::write_png(path, pixels, width, height, "R'G'B'A float");
}

// How far outside the selected ellipse a pixel is, in pixels (negative inside).
double outside_ellipse_px(int x, int y)
{
  const double dx = (x + 0.5 - ellipse_cx) / ellipse_rx, dy = (y + 0.5 - ellipse_cy) / ellipse_ry;
  return (std::hypot(dx, dy) - 1.0) * std::min(ellipse_rx, ellipse_ry);
}

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-stipple-layer", "stipple_layer_case.py",
                                    [](const std::string& dir) { write_photo(dir + "/input.png"); });
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_procedure_is_registered_and_runs_in_batch)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("plugin", "registered") == "true", "GIMP output:\n" << c.output);
  BOOST_TEST(c.value("run", "status") == "success", "GIMP output:\n" << c.output);
}

BOOST_AUTO_TEST_CASE(a_multiply_pigment_layer_with_the_live_stipple_effect_is_added)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("items", "layers") == "SMP pigment;photo;");
  BOOST_TEST(c.value("items", "modes") == "multiply;normal;");
  BOOST_TEST(c.value("items", "pigment-filters") == "smp:follicle-stipple;");
}

BOOST_AUTO_TEST_CASE(the_users_selection_and_selected_layer_are_kept)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("items", "selected") == "photo;");
  BOOST_TEST(c.value("items", "selection-unchanged") == "true");
}

BOOST_AUTO_TEST_CASE(the_photo_layer_keeps_every_pixel)
{
  const auto& c = the_case();
  const smp_test::Rgba8 input = smp_test::load_png(c.dir + "/input.png"), photo = smp_test::load_png(c.dir + "/photo.png");
  BOOST_TEST_REQUIRE((photo.width == input.width && photo.height == input.height));
  const auto differing = std::mismatch(photo.bytes.begin(), photo.bytes.end(), input.bytes.begin());
  BOOST_TEST((differing.first == photo.bytes.end()), "the photo layer changed at byte "
                                                         << (differing.first - photo.bytes.begin()));
}

BOOST_AUTO_TEST_CASE(dots_darken_the_selection_and_nothing_else)
{
  const auto& c = the_case();
  const smp_test::Rgba8 input = smp_test::load_png(c.dir + "/input.png"), composite = smp_test::load_png(c.dir + "/composite.png");
  BOOST_TEST_REQUIRE((composite.width == width && composite.height == height));
  const smp::StippleSettings d;
  const double reach_px = smp_test::dot_reach_px(d, px_per_mm);
  int changed_outside = 0, darker_inside = 0, lighter = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::uint8_t* a = input.at(x, y);
      const std::uint8_t* b = composite.at(x, y);
      const bool same = std::equal(a, a + 4, b);
      if (outside_ellipse_px(x, y) > reach_px)
        changed_outside += !same;
      else if (b[0] + 20 < a[0])
        ++darker_inside;
      lighter += b[0] > a[0] || b[1] > a[1] || b[2] > a[2];
    }
  BOOST_TEST(changed_outside == 0, changed_outside << " pixels changed outside the selection");
  BOOST_TEST(lighter == 0, lighter << " pixels got lighter: pigment only darkens");
  // About 90 dots per cm^2 over the ellipse's 2.2 cm^2, each a few pixels across.
  BOOST_TEST(darker_inside > 300, "only " << darker_inside << " clearly darker pixels inside the selection");
}

BOOST_AUTO_TEST_CASE(the_pigment_layer_holds_dots_at_the_requested_density)
{
  const auto& c = the_case();
  const smp_test::Rgba8 pigment = smp_test::load_png(c.dir + "/smp-pigment.png");
  BOOST_TEST_REQUIRE((pigment.width == width && pigment.height == height));
  const int dots = static_cast<int>(
      smp_test::dot_centres(width, height, [&](int x, int y) { return pigment.at(x, y)[0] <= 200; }).size());
  const double area_cm2 = M_PI * ellipse_rx * ellipse_ry / (px_per_mm * px_per_mm) / 100.0;
  const double expected = 90.0 * area_cm2;
  BOOST_TEST(std::abs(dots - expected) <= 0.15 * expected,
             dots << " dots in the selected " << area_cm2 << " cm2, expected about " << expected);
}

BOOST_AUTO_TEST_CASE(painting_density_outside_the_first_selection_adds_dots_there)
{
  const auto& c = the_case();
  const smp_test::Rgba8 input = smp_test::load_png(c.dir + "/input.png"), painted = smp_test::load_png(c.dir + "/composite-painted.png");
  int darker = 0;
  for (int y = 205; y < 275; ++y)
    for (int x = 15; x < 85; ++x)
      darker += painted.at(x, y)[0] + 20 < input.at(x, y)[0];
  // 7 x 7 mm painted: about 44 dots of a few pixels each.
  BOOST_TEST(darker > 60, "only " << darker << " clearly darker pixels where density was painted");
}
