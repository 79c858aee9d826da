#define BOOST_TEST_MODULE ellipse_fit
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "scalp/ellipse_fit.hpp"

namespace {

constexpr int width = 400, height = 400;

bool in_ellipse(int x, int y, double cx, double cy, double rx, double ry)
{
  const double u = (x + 0.5 - cx) / rx, v = (y + 0.5 - cy) / ry;
  return u * u + v * v <= 1.0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_head_with_a_hole_and_a_neck_is_fitted_within_five_percent)
{
  std::vector<float> mask(width * height, 0.0f);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const bool head = in_ellipse(x, y, 200, 180, 110, 140);
      const bool shine = in_ellipse(x, y, 170, 150, 25, 18);         // a hole the mask left
      const bool neck = x > 160 && x < 240 && y > 300;               // joined below
      const bool shoulder = in_ellipse(x, y, 330, 380, 60, 30);      // apart from the head
      mask[static_cast<std::size_t>(y) * width + x] = ((head && !shine) || neck || shoulder) ? 1.0f : 0.0f;
    }
  const auto fit = smp::fit_ellipse_to_mask(mask, width, height);
  BOOST_TEST_REQUIRE(fit.has_value());
  BOOST_TEST(std::abs(fit->centre_x - 200) < 0.02 * 110, "centre x " << fit->centre_x);
  BOOST_TEST(std::abs(fit->centre_y - 180) < 0.05 * 140, "centre y " << fit->centre_y);
  BOOST_TEST(std::abs(fit->radius_major / 140 - 1) < 0.05, "half length " << fit->radius_major);
  BOOST_TEST(std::abs(fit->radius_minor / 110 - 1) < 0.05, "half width " << fit->radius_minor);
  BOOST_TEST(std::abs(std::abs(fit->major_angle) - std::numbers::pi / 2) < 0.05, "angle " << fit->major_angle);
}

BOOST_AUTO_TEST_CASE(the_whole_head_takes_in_the_fringe_of_hair_around_the_bare_skin)
{
  std::vector<float> skin(width * height, 0.0f), head(width * height, 0.0f);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * width + x;
      const bool whole = in_ellipse(x, y, 200, 200, 120, 150);
      skin[i] = whole && in_ellipse(x, y, 200, 182, 82, 123) ? 1.0f : 0.0f;
      head[i] = whole || (y < 40) ? 1.0f : 0.0f;  // and a dark band far off: not the head
    }
  const auto fit = smp::fit_head_ellipse(skin, head, width, height);
  BOOST_TEST_REQUIRE(fit.has_value());
  BOOST_TEST(std::abs(fit->centre_y - 200) < 0.03 * 150, "centre y " << fit->centre_y);
  BOOST_TEST(std::abs(fit->radius_major / 150 - 1) < 0.03, "half length " << fit->radius_major);
  BOOST_TEST(std::abs(fit->radius_minor / 120 - 1) < 0.03, "half width " << fit->radius_minor);
}

BOOST_AUTO_TEST_CASE(no_region_or_no_grid_gives_no_ellipse)
{
  BOOST_TEST(!smp::fit_ellipse_to_mask(std::vector<float>(width * height, 0.0f), width, height));
  BOOST_TEST(!smp::fit_ellipse_to_mask({1.0f}, 1, 1));
  BOOST_TEST(!smp::fit_ellipse_to_mask({}, 0, 0));
  BOOST_TEST(!smp::fit_ellipse_to_mask({1.0f, 1.0f}, 5, 5), "a grid larger than its values");
  std::vector<float> nan_mask(100, std::nanf(""));
  BOOST_TEST(!smp::fit_ellipse_to_mask(nan_mask, 10, 10));
  const auto all = smp::fit_ellipse_to_mask(std::vector<float>(width * height, 1.0f), width, height);
  BOOST_TEST_REQUIRE(all.has_value());
  BOOST_TEST((std::isfinite(all->radius_major) && std::isfinite(all->radius_minor)));
}
