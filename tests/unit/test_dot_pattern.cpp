#define BOOST_TEST_MODULE dot_pattern
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "hash.hpp"
#include "stipple/dot_pattern.hpp"
#include "support/structure_factor.hpp"

namespace {

constexpr double default_density_per_mm2 = 0.9;  // 90 dots per cm^2
constexpr double default_regularity = 0.9;

std::vector<smp_test::Point> centres(const std::vector<smp::PatternDot>& dots, double threshold = 1.0)
{
  std::vector<smp_test::Point> points;
  for (const auto& d : dots)
    if (d.rank < threshold)
      points.push_back({d.x_mm, d.y_mm});
  return points;
}

double smallest_nearest_neighbour(std::vector<smp_test::Point> points)
{
  std::sort(points.begin(), points.end(), [](auto a, auto b) { return a.x < b.x; });
  double best = 1e300;
  for (std::size_t i = 0; i < points.size(); ++i)
    for (std::size_t j = i + 1; j < points.size() && points[j].x - points[i].x < best; ++j)
      best = std::min(best, std::hypot(points[j].x - points[i].x, points[j].y - points[i].y));
  return best;
}

}  // namespace

BOOST_AUTO_TEST_CASE(any_split_of_an_area_gives_the_same_dots_in_the_same_order)
{
  const smp::DotPattern pattern(default_density_per_mm2, default_regularity, 7);
  const smp::MmRect whole{-13.0, 5.5, 41.0, 47.25};
  const auto all = pattern.dots_in(whole);
  BOOST_TEST_REQUIRE(all.size() > 1000u, "only " << all.size() << " dots in 54 x 42 mm");
  for (const double split_x : {-2.7, 0.0, 19.31}) {
    for (const double split_y : {11.0, 30.02}) {
      std::vector<smp::PatternDot> parts;
      for (const smp::MmRect r : {smp::MmRect{whole.x0, whole.y0, split_x, split_y},
                                  smp::MmRect{split_x, whole.y0, whole.x1, split_y},
                                  smp::MmRect{whole.x0, split_y, split_x, whole.y1},
                                  smp::MmRect{split_x, split_y, whole.x1, whole.y1}}) {
        const auto part = pattern.dots_in(r);
        parts.insert(parts.end(), part.begin(), part.end());
      }
      BOOST_TEST_REQUIRE(parts.size() == all.size(), "split at " << split_x << "," << split_y);
      auto key_order = [](const auto& a, const auto& b) { return a.key < b.key; };
      auto sorted_all = all;
      std::sort(sorted_all.begin(), sorted_all.end(), key_order);
      std::sort(parts.begin(), parts.end(), key_order);
      for (std::size_t i = 0; i < parts.size(); ++i) {
        BOOST_TEST_REQUIRE(parts[i].x_mm == sorted_all[i].x_mm);
        BOOST_TEST_REQUIRE(parts[i].y_mm == sorted_all[i].y_mm);
        BOOST_TEST_REQUIRE(parts[i].rank == sorted_all[i].rank);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(same_seed_same_dots_other_seed_other_dots)
{
  const smp::MmRect area{0, 0, 20, 20};
  const auto a = smp::DotPattern(default_density_per_mm2, default_regularity, 3).dots_in(area);
  const auto b = smp::DotPattern(default_density_per_mm2, default_regularity, 3).dots_in(area);
  const auto c = smp::DotPattern(default_density_per_mm2, default_regularity, 4).dots_in(area);
  BOOST_TEST_REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    BOOST_TEST_REQUIRE((a[i].x_mm == b[i].x_mm && a[i].y_mm == b[i].y_mm));
  std::size_t shared = 0;
  for (const auto& d : c)
    shared += std::count_if(a.begin(), a.end(), [&](const auto& e) { return e.x_mm == d.x_mm && e.y_mm == d.y_mm; });
  BOOST_TEST(shared == 0u, shared << " dots of seed 4 sit exactly where seed 3 put dots");
}

BOOST_AUTO_TEST_CASE(density_within_3_percent_at_any_threshold)
{
  // 100 cm^2 per measurement; a dot shows where the density map exceeds its rank.
  const smp::MmRect area{-50, 120, 50, 220};
  for (const double per_cm2 : {30.0, 90.0, 150.0}) {
    const smp::DotPattern pattern(per_cm2 / 100.0, default_regularity, 11);
    const auto dots = pattern.dots_in(area);
    for (const double map : {0.1, 0.25, 0.5, 0.75, 1.0}) {
      const auto shown = std::count_if(dots.begin(), dots.end(), [&](const auto& d) { return d.rank < map; });
      const double expected = per_cm2 * 100.0 * map;
      BOOST_TEST(std::abs(shown - expected) <= 0.03 * expected,
                 "density " << per_cm2 << "/cm2 at map " << map << ": " << shown << " dots, expected " << expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(nearest_neighbour_at_least_045_of_hexagonal_spacing)
{
  for (const double per_cm2 : {50.0, 90.0, 120.0}) {
    const smp::DotPattern pattern(per_cm2 / 100.0, default_regularity, 5);
    const double nearest = smallest_nearest_neighbour(centres(pattern.dots_in({0, 0, 100, 100})));
    const double hex = smp_test::hexagonal_spacing(per_cm2 / 100.0);
    BOOST_TEST(nearest >= 0.45 * hex, "at " << per_cm2 << "/cm2 the closest dots are " << nearest
                                            << " mm apart, " << nearest / hex << " of the hexagonal spacing");
  }
}

BOOST_AUTO_TEST_CASE(lighter_density_levels_stay_spread_out)
{
  // Dots shown at half density keep a hard-core of their own, rather than a random half.
  const smp::DotPattern pattern(default_density_per_mm2, default_regularity, 8);
  const auto dots = pattern.dots_in({0, 0, 100, 100});
  const double nearest = smallest_nearest_neighbour(centres(dots, 0.5));
  const double hex = smp_test::hexagonal_spacing(default_density_per_mm2 / 2);
  BOOST_TEST(nearest >= 0.3 * hex, "at half density the closest dots are " << nearest / hex
                                                                           << " of the hexagonal spacing");
}

BOOST_AUTO_TEST_CASE(no_lattice_and_no_repetition_in_a_30cm_field)
{
  const double field = 300.0;
  const double k_hex = smp_test::hexagonal_frequency(default_density_per_mm2);
  const smp::DotPattern pattern(default_density_per_mm2, default_regularity, 1);
  const auto peak = smp_test::structure_factor_peak(centres(pattern.dots_in({0, 0, field, field})), field,
                                                    0.5 * k_hex, 2.0 * k_hex);
  BOOST_TEST_MESSAGE("pattern: max S(k) " << peak.value << " at " << peak.k_per_mm << "/mm, band mean "
                                          << peak.mean_in_band);
  BOOST_TEST(peak.value < 40.0, "S(k) peaks at " << peak.value << " at |k| = " << peak.k_per_mm << "/mm");
}

BOOST_AUTO_TEST_CASE(the_lattice_check_catches_a_jittered_grid)
{
  // The same measurement on a grid jittered by +-25% of a cell must fail, or it proves nothing.
  const double field = 300.0, cell = 1.0 / std::sqrt(default_density_per_mm2);
  std::vector<smp_test::Point> grid;
  for (int j = 0; cell * (j + 1) < field; ++j)
    for (int i = 0; cell * (i + 1) < field; ++i) {
      const std::uint64_t h = smp::hash_key(9, i, j, 0, 0);
      grid.push_back({cell * (i + 0.5 + 0.5 * (smp::to_unit(h) - 0.5)),
                      cell * (j + 0.5 + 0.5 * (smp::to_unit(smp::mix64(h)) - 0.5))});
    }
  const double k_hex = smp_test::hexagonal_frequency(default_density_per_mm2);
  const auto peak = smp_test::structure_factor_peak(grid, field, 0.5 * k_hex, 2.0 * k_hex);
  BOOST_TEST_MESSAGE("jittered grid: max S(k) " << peak.value);
  BOOST_TEST(peak.value > 400.0, "a jittered grid shows only S(k) = " << peak.value);
}

BOOST_AUTO_TEST_CASE(degenerate_settings_give_no_dots_not_a_hang)
{
  const smp::MmRect area{0, 0, 10, 10};
  BOOST_TEST(smp::DotPattern(0.0, 0.9, 1).dots_in(area).empty());
  BOOST_TEST(smp::DotPattern(std::nan(""), 0.9, 1).dots_in(area).empty());
  BOOST_TEST(smp::DotPattern(INFINITY, 0.9, 1).dots_in(area).empty());
  BOOST_TEST(smp::DotPattern(1e9, 0.9, 1).dots_in({0, 0, 1e6, 1e6}).empty());  // refused, not allocated
  BOOST_TEST(smp::DotPattern(0.9, 0.9, 1).dots_in({5, 5, 5, 5}).empty());
  BOOST_TEST(smp::DotPattern(0.9, 0.9, 1).dots_in({0, 0, NAN, 3}).empty());
  BOOST_TEST(!smp::DotPattern(0.9, std::nan(""), 1).dots_in(area).empty());
}

BOOST_AUTO_TEST_CASE(the_kept_dots_stay_within_their_byte_cap_and_come_back_the_same)
{
  // 1100 x 1100 mm at 0.9 dots per mm^2: about a million dots, more than the cache holds.
  const smp::DotPattern pattern(default_density_per_mm2, default_regularity, 11);
  const smp::MmRect corner{0, 0, 20, 20};
  const auto first = pattern.dots_in(corner);
  const auto huge = pattern.dots_in({0, 0, 1100, 1100});
  BOOST_TEST_REQUIRE(huge.size() > 1000000u, "only " << huge.size() << " dots in 1.1 x 1.1 m");
  BOOST_TEST(smp::DotPattern::cached_bytes() <= smp::DotPattern::cache_bytes_max,
             smp::DotPattern::cached_bytes() << " bytes kept, cap " << smp::DotPattern::cache_bytes_max);
  BOOST_TEST(smp::DotPattern::cached_bytes() >= smp::DotPattern::cache_bytes_max / 2,
             "only " << smp::DotPattern::cached_bytes() << " bytes kept: the cache hardly keeps anything");
  // The corner was placed first, so it has been evicted by now and is placed again.
  const auto again = pattern.dots_in(corner);
  BOOST_TEST_REQUIRE(again.size() == first.size());
  for (std::size_t i = 0; i < first.size(); ++i)
    BOOST_TEST_REQUIRE((again[i].x_mm == first[i].x_mm && again[i].y_mm == first[i].y_mm &&
                        again[i].rank == first[i].rank && again[i].key == first[i].key));
}
