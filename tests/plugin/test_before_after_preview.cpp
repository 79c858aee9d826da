#define BOOST_TEST_MODULE before_after_preview
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "deliverables/before_after_layout.hpp"

// The before/after's dialog preview is drawn from the same geometry as the image Before/After
// makes: a dark "before" and a light "after" view show where each lands, and the labels and the
// disclosure where a user would look for them.
namespace {

using namespace smp_deliverables;

constexpr int w = 240, h = 180;

std::vector<std::uint8_t> flat(std::uint8_t value) { return std::vector<std::uint8_t>(std::size_t(w) * h * 3, value); }

BeforeAfterChoices choices(BeforeAfterLayout layout)
{
  BeforeAfterChoices c;
  c.layout = layout;
  c.font = "DejaVu Sans Bold";
  c.before_label = "Before";
  c.after_label = "Simulation";
  c.disclosure = "SIMULATION - not an actual treatment result";
  return c;
}

int grey(const std::vector<std::uint8_t>& rgb, int width, int x, int y) { return rgb[(std::size_t(y) * width + x) * 3]; }

// Pixels in the box that are neither the view's dark nor its light value: drawn text.
int drawn(const std::vector<std::uint8_t>& rgb, int width, int x0, int y0, int x1, int y1, std::uint8_t view)
{
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      n += std::abs(grey(rgb, width, x, y) - view) > 40 ? 1 : 0;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(side_by_side_puts_after_right_of_before_each_with_its_label)
{
  const auto g = before_after_geometry(choices(BeforeAfterLayout::side_by_side), w, h);
  BOOST_TEST_REQUIRE((g.width == 2 * w && g.height == h));
  const auto rgb = before_after_pixels(g, flat(20), flat(230), w, h);
  BOOST_TEST(grey(rgb, g.width, w / 2, h / 2) == 20, "the middle of the left view is not the before");
  BOOST_TEST(grey(rgb, g.width, w + w / 2, h / 2) == 230, "the middle of the right view is not the after");
  const int before_label = drawn(rgb, g.width, 0, 0, w / 2, h / 4, 20);
  const int after_label = drawn(rgb, g.width, w, 0, w + w / 2, h / 4, 230);
  BOOST_TEST(before_label > 20, "no label in the before's top-left corner: " << before_label << " px drawn");
  BOOST_TEST(after_label > 20, "no label in the after's top-left corner: " << after_label << " px drawn");
}

BOOST_AUTO_TEST_CASE(stacked_puts_after_below_before)
{
  auto c = choices(BeforeAfterLayout::stacked);
  c.corner = LabelCorner::top_right;
  const auto g = before_after_geometry(c, w, h);
  BOOST_TEST_REQUIRE((g.width == w && g.height == 2 * h));
  const auto rgb = before_after_pixels(g, flat(20), flat(230), w, h);
  BOOST_TEST(grey(rgb, g.width, w / 2, h / 2) == 20);
  BOOST_TEST(grey(rgb, g.width, w / 2, h + h / 2) == 230);
  BOOST_TEST(drawn(rgb, g.width, w / 2, 0, w, h / 4, 20) > 20, "no label in the before's top-right corner");
  BOOST_TEST(drawn(rgb, g.width, 0, 0, w / 2, h / 4, 20) == 0, "a label in the top-left corner, top-right was asked");
}

BOOST_AUTO_TEST_CASE(a_diagonal_split_follows_its_divider_and_position)
{
  for (const double split : {0.3, 0.5, 0.7}) {
    auto c = choices(BeforeAfterLayout::split_diagonal);
    c.split = split;
    c.disclosure.clear();
    const auto g = before_after_geometry(c, w, h);
    BOOST_TEST_REQUIRE((g.width == w && g.height == h));
    const auto rgb = before_after_pixels(g, flat(20), flat(230), w, h);
    // The divider leans: right of the middle at the top, left of it at the bottom.
    const int y = h / 2, divider = static_cast<int>(split * w);
    BOOST_TEST(grey(rgb, w, divider - 8, y) == 20, "split " << split << ": left of the divider is not the before");
    BOOST_TEST(grey(rgb, w, divider + 8, y) == 230, "split " << split << ": right of the divider is not the after");
    const int top_divider = static_cast<int>(split * w + 0.25 * h), bottom_divider = static_cast<int>(split * w - 0.25 * h);
    BOOST_TEST(grey(rgb, w, top_divider - 8, 2) == 20, "split " << split << ": the divider does not lean right at the top");
    BOOST_TEST(grey(rgb, w, bottom_divider + 8, h - 3) == 230, "split " << split << ": nor left at the bottom");
  }
}

BOOST_AUTO_TEST_CASE(the_disclosure_shows_unless_turned_off)
{
  auto c = choices(BeforeAfterLayout::split_vertical);
  const auto with = before_after_geometry(c, w, h);
  const auto shown = before_after_pixels(with, flat(20), flat(20), w, h);
  c.disclosure.clear();
  const auto without = before_after_geometry(c, w, h);
  const auto hidden = before_after_pixels(without, flat(20), flat(20), w, h);
  // The bottom rows left of the divider (which runs down the middle).
  const int banner_rows = h / 8;
  const int drawn_with = drawn(shown, w, 0, h - banner_rows, w / 2 - 6, h, 20);
  const int drawn_without = drawn(hidden, w, 0, h - banner_rows, w / 2 - 6, h, 20);
  BOOST_TEST(drawn_with > 100, "the disclosure banner drew only " << drawn_with << " px at the bottom");
  BOOST_TEST(drawn_without == 0, "turned off, the bottom still shows " << drawn_without << " drawn px");
}
