#define BOOST_TEST_MODULE realism_measures
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include "analysis/realism_measures.hpp"

namespace {

smp::LabImage flat(int width, int height, smp::Lab lab)
{
  smp::LabImage image{width, height, std::vector<float>(static_cast<std::size_t>(width) * height * 4)};
  for (std::size_t i = 0; i < image.lab_alpha.size(); i += 4) {
    image.lab_alpha[i] = static_cast<float>(lab.L);
    image.lab_alpha[i + 1] = static_cast<float>(lab.a);
    image.lab_alpha[i + 2] = static_cast<float>(lab.b);
    image.lab_alpha[i + 3] = 1.0f;
  }
  return image;
}

void paint(smp::LabImage& image, int x0, int y0, int x1, int y1, smp::Lab lab)
{
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      float* p = image.at(x, y);
      p[0] = static_cast<float>(lab.L);
      p[1] = static_cast<float>(lab.a);
      p[2] = static_cast<float>(lab.b);
    }
}

std::vector<smp::Region> regions_of(int width, int height, smp::Region all) { return std::vector<smp::Region>(width * height, all); }

void mark(std::vector<smp::Region>& regions, int width, int x0, int y0, int x1, int y1, smp::Region region)
{
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      regions[static_cast<std::size_t>(y) * width + x] = region;
}

smp::Polygon box(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

}  // namespace

BOOST_AUTO_TEST_CASE(bare_scalp_darkening_is_the_drop_of_its_mean_lightness)
{
  auto before = flat(20, 10, {65, 12, 15});
  auto after = before;
  paint(after, 0, 0, 10, 10, {59, 12, 15});  // the bare half, 6 L* darker
  auto regions = regions_of(20, 10, smp::Region::background);
  mark(regions, 20, 0, 0, 10, 10, smp::Region::bare);
  const auto darker = smp::darkening(before, after, regions, smp::Region::bare);
  BOOST_TEST_REQUIRE(darker.has_value());
  BOOST_TEST(std::abs(*darker - 6.0) < 1e-4, *darker);
  BOOST_TEST(!smp::darkening(before, after, regions, smp::Region::hair).has_value(), "no hair was annotated");
}

BOOST_AUTO_TEST_CASE(a_seam_compares_the_treated_skin_with_the_hair_beside_it_in_each_picture)
{
  const smp::Lab skin{65, 12, 15}, stubble{50, 2, 4};
  auto before = flat(20, 10, skin);
  paint(before, 10, 0, 20, 10, stubble);
  auto after = before;
  paint(after, 0, 0, 10, 10, stubble);  // treated exactly to the hair's colour
  const smp::Seam seam{"seam-1", box(12, 2, 18, 8), box(2, 2, 8, 8)};
  const auto difference = smp::seam_difference(before, after, seam);
  BOOST_TEST_REQUIRE(difference.has_value());
  BOOST_TEST(std::abs(difference->before - smp::ciede2000(skin, stubble)) < 1e-3, difference->before);
  BOOST_TEST(difference->after < 1e-3, difference->after);
}

BOOST_AUTO_TEST_CASE(pigment_on_the_background_shows_in_the_mean_and_in_its_worst_block)
{
  // 100 x 100 background in 10 px blocks; one block darkened.
  auto before = flat(100, 100, {70, 5, 5});
  auto after = before;
  paint(after, 30, 30, 40, 40, {60, 5, 5});
  const auto regions = regions_of(100, 100, smp::Region::background);
  const auto change = smp::background_change(before, after, regions, 10);
  const double block_e = smp::ciede2000({70, 5, 5}, {60, 5, 5});
  BOOST_TEST(change.pixels == 10000u);
  BOOST_TEST(std::abs(change.worst_block_delta_e - block_e) < 1e-3, change.worst_block_delta_e);
  BOOST_TEST(std::abs(change.mean_delta_e - block_e / 100.0) < 1e-4, change.mean_delta_e);
  const auto untouched = smp::background_change(before, before, regions, 10);
  BOOST_TEST(untouched.mean_delta_e == 0.0);
}

BOOST_AUTO_TEST_CASE(holes_and_iou_count_bare_scalp_where_the_plan_asks_for_pigment)
{
  // 10 x 10: bare scalp on the left 6 columns, hair on the right 4; the plan asks for full
  // density on the left 8 columns. The pigment covers bare columns 0-3, misses 4-5, and spills
  // onto hair column 6.
  const int w = 10, h = 10;
  auto regions = regions_of(w, h, smp::Region::hair);
  mark(regions, w, 0, 0, 6, h, smp::Region::bare);
  std::vector<float> plan(w * h, 0.0f), pigment(w * h, 0.0f);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      plan[y * w + x] = x < 8 ? 1.0f : 0.0f;
      pigment[y * w + x] = (x < 4 || x == 6) ? 1.0f : (x == 5 ? 0.3f : 0.0f);
    }
  const auto c = smp::coverage(plan, pigment, regions);
  BOOST_TEST(c.bare_px == 60u);
  BOOST_TEST_REQUIRE(c.planned.has_value());
  BOOST_TEST(*c.planned == 1.0);
  BOOST_TEST_REQUIRE(c.holes.has_value());
  BOOST_TEST(std::abs(*c.holes - 10.0 / 60.0) < 1e-9, "column 4 is a hole (column 5 has 30%, above a fifth)");
  // Found (>= half the plan): columns 0-3 and 6; bare: 0-5; union 0-6 within the planned 0-7.
  BOOST_TEST_REQUIRE(c.iou.has_value());
  BOOST_TEST(std::abs(*c.iou - 40.0 / 70.0) < 1e-9, *c.iou);
}

BOOST_AUTO_TEST_CASE(a_plan_that_misses_the_bare_scalp_leaves_holes_unmeasured)
{
  const int w = 4, h = 4;
  const auto regions = regions_of(w, h, smp::Region::bare);
  const std::vector<float> plan(w * h, 0.2f), pigment(w * h, 0.2f);
  const auto c = smp::coverage(plan, pigment, regions);
  BOOST_TEST(c.planned.value_or(-1.0) == 0.0);
  BOOST_TEST(!c.holes.has_value());
}

BOOST_AUTO_TEST_CASE(head_fit_error_is_measured_along_the_heads_own_axes)
{
  // An outline 200 px across and 300 px front to back, face pointing down, centred at (500, 400).
  const smp::Polygon outline = box(400, 250, 600, 550);
  const double down = M_PI / 2;
  const smp::HeadFrame exact{{500, 400}, 100, 150, down};
  const auto none = smp::head_fit_error(exact, outline, down);
  BOOST_TEST(none.worst() < 1e-12);
  // 10% too narrow, 20% too long, and 15 px (5% of the length) too far back.
  const smp::HeadFrame off{{500, 385}, 90, 180, down};
  const auto e = smp::head_fit_error(off, outline, down);
  BOOST_TEST(std::abs(e.width + 0.10) < 1e-9, e.width);
  BOOST_TEST(std::abs(e.length - 0.20) < 1e-9, e.length);
  BOOST_TEST(std::abs(e.centre - 0.05) < 1e-9, e.centre);
  BOOST_TEST(std::abs(e.worst() - 0.20) < 1e-9);
  // The same head fitted with its axes turned a quarter (its "front" pointing right): its extent
  // down the image is then its width.
  const smp::HeadFrame turned{{500, 400}, 150, 100, 0.0};
  const auto t = smp::head_fit_error(turned, outline, down);
  BOOST_TEST(t.worst() < 1e-9, "width " << t.width << ", length " << t.length);
}
