#define BOOST_TEST_MODULE plugin_before_after
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"
#include "support/png_pixels.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-before-after", "before_after_case.py");
  return c;
}

// Near-white pixels in a box: label text (the photo is mid grey, the pigment darker still).
int white_pixels(const smp_test::Rgba8& image, int x0, int y0, int x1, int y1)
{
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x)
      n += image.at(x, y)[0] > 230 && image.at(x, y)[1] > 230 && image.at(x, y)[2] > 230;
  return n;
}

// Mean red value of a box: the pigment darkens the grey photo on average, whatever dot a pixel hits.
double mean_level(const smp_test::Rgba8& image, int x0, int y0, int size)
{
  double sum = 0.0;
  for (int y = y0; y < y0 + size; ++y)
    for (int x = x0; x < x0 + size; ++x)
      sum += image.at(x, y)[0];
  return sum / (size * size);
}

bool says_simulation(const std::string& text)
{
  return text.find("SIMULATION - not an actual treatment result") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(side_by_side_shows_both_labels_and_the_disclosure)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("simulate", "status") == "success", c.output);
  BOOST_TEST_REQUIRE(c.value("labelled", "status") == "success", c.value("labelled", "message") << "\n" << c.output);
  const auto image = smp_test::load_png(c.dir + "/labelled.png");
  BOOST_TEST_REQUIRE((image.width == 1400 && image.height == 860), image.width << " x " << image.height);
  // Labels in the top-left corner of each panel; the disclosure across the bottom.
  const int before_label = white_pixels(image, 0, 0, 300, 80);
  const int after_label = white_pixels(image, 700, 0, 1000, 80);
  const int disclosure = white_pixels(image, 0, 800, 1400, 860);
  BOOST_TEST_MESSAGE("white text pixels: before label " << before_label << ", after label " << after_label
                                                        << ", disclosure " << disclosure);
  BOOST_TEST(before_label > 150, "\"Before\" label: " << before_label << " white pixels");
  BOOST_TEST(after_label > 150, "\"Simulation\" label: " << after_label << " white pixels");
  BOOST_TEST(disclosure > 400, "disclosure banner: " << disclosure << " white pixels");
  // The two panels are the photo without and with the pigment: the right one darker on the crown.
  const double before_crown = mean_level(image, 330, 560, 60), after_crown = mean_level(image, 1030, 560, 60);
  BOOST_TEST(after_crown < before_crown, "crown: before " << before_crown << ", simulation " << after_crown);
  // The hidden older attempt (black) stays out of the result.
  const double after_background = mean_level(image, 1300, 300, 40);
  BOOST_TEST(std::abs(after_background - 128.0) < 12.0, "simulation panel outside the head: " << after_background);
}

BOOST_AUTO_TEST_CASE(the_exported_file_says_simulation_in_its_metadata)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("labelled", "status") == "success", c.value("labelled", "message"));
  BOOST_TEST(c.value("labelled", "png-text-with-simulation") != "none;",
             "no PNG text chunk says SIMULATION; chunks: " << c.value("labelled", "png-text-keys"));
  BOOST_TEST(says_simulation(c.value("labelled", "Xmp.dc.description")), c.value("labelled", "Xmp.dc.description"));
  BOOST_TEST(says_simulation(c.value("labelled", "Exif.Image.ImageDescription")),
             c.value("labelled", "Exif.Image.ImageDescription"));
  // The preset and its settings travel with it.
  const std::string description = c.value("labelled", "Xmp.dc.description");
  BOOST_TEST(description.find("preset Norwood IV") != std::string::npos, description);
  BOOST_TEST(description.find("dots/cm2") != std::string::npos, description);
  BOOST_TEST(description.find("px/mm") != std::string::npos, "the description is cut short: " << description);
  // How the scale was set: this photo was never calibrated, and the metadata says so.
  BOOST_TEST(description.find("4.000 px/mm from the image's resolution; 102 ppi (not calibrated in SMP)") != std::string::npos,
             description);
}

BOOST_AUTO_TEST_CASE(without_the_visible_label_the_metadata_still_says_simulation)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("no-disclosure", "status") == "success", c.value("no-disclosure", "message"));
  const auto image = smp_test::load_png(c.dir + "/no-disclosure.png");
  const int banner = white_pixels(image, 0, image.height - 60, image.width, image.height);
  BOOST_TEST(banner < 20, "the disclosure was turned off but " << banner << " white pixels are at the bottom");
  BOOST_TEST(c.value("no-disclosure", "png-text-with-simulation") != "none;",
             c.value("no-disclosure", "png-text-keys"));
  BOOST_TEST(says_simulation(c.value("no-disclosure", "Xmp.dc.description")));
  BOOST_TEST(says_simulation(c.value("no-disclosure", "Exif.Image.ImageDescription")));
}

BOOST_AUTO_TEST_CASE(stacked_and_split_layouts_and_the_original_untouched)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("stacked", "width") == "700");
  BOOST_TEST(c.value("stacked", "height") == "1720");
  BOOST_TEST(c.value("split", "width") == "700");
  BOOST_TEST(c.value("split", "height") == "860");
  BOOST_TEST(c.value("diagonal", "status") == "success", c.value("diagonal", "message"));
  const auto split = smp_test::load_png(c.dir + "/split.png");
  // Left of the divider (x 280) the photo, right of it the simulation.
  const double left = mean_level(split, 200, 560, 60), right = mean_level(split, 330, 560, 60);
  BOOST_TEST(right < left, "split: left " << left << ", right " << right);
  BOOST_TEST(c.value("grayscale", "status") == "success", "a grayscale photo: " << c.value("grayscale", "message"));
  BOOST_TEST(c.value("original", "layers-kept") == "true");
  BOOST_TEST(c.value("original", "images-open") == "1", "copies left open: " << c.value("original", "images-open"));
  BOOST_TEST(c.value("no-simulation", "status") == "calling-error");
  BOOST_TEST(c.value("no-simulation", "message").find("run Simulate SMP first") != std::string::npos,
             c.value("no-simulation", "message"));
}
