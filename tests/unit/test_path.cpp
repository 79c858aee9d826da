#define BOOST_TEST_MODULE path
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <string>

#include "geometry/hair_side.hpp"
#include "geometry/path.hpp"
#include "hash.hpp"

namespace {

// A circle of radius r as four cubic arcs (the usual 0.5523 handle), drawn clockwise on screen.
std::string circle(double cx, double cy, double r)
{
  const double k = 0.5522847498 * r;
  char d[400];
  std::snprintf(d, sizeof d,
                "M %g %g C %g %g %g %g %g %g C %g %g %g %g %g %g C %g %g %g %g %g %g C %g %g %g %g %g %g Z", cx + r,
                cy, cx + r, cy + k, cx + k, cy + r, cx, cy + r, cx - k, cy + r, cx - r, cy + k, cx - r, cy, cx - r,
                cy - k, cx - k, cy - r, cx, cy - r, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
  return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_command_parses_and_the_svg_round_trip_keeps_the_curves)
{
  const std::string data = "M10,20 L30 40 h5 v-5 C 50 50 60 60 70 50 S 90 40 100 50 Q 110 60 120 50 T 140 50 "
                           "l 5 5 z m 200 200 c 1 2 3 4 5 6";
  smp::PathError error;
  const auto path = smp::parse_svg_path(data, &error);
  BOOST_TEST_REQUIRE(path.has_value(), "refused at " << error.position << ": " << error.message);
  BOOST_TEST(path->subpaths.size() == 2u);
  BOOST_TEST(path->subpaths[0].closed);
  BOOST_TEST(!path->subpaths[1].closed);
  BOOST_TEST(path->subpaths[1].segments.back().end.x == 215.0);
  const auto again = smp::parse_svg_path(smp::to_svg_path(*path));
  BOOST_TEST_REQUIRE(again.has_value());
  BOOST_TEST_REQUIRE(again->subpaths.size() == path->subpaths.size());
  for (std::size_t s = 0; s < path->subpaths.size(); ++s) {
    BOOST_TEST_REQUIRE(again->subpaths[s].segments.size() == path->subpaths[s].segments.size());
    for (std::size_t i = 0; i < path->subpaths[s].segments.size(); ++i)
      for (const double t : {0.0, 0.3, 1.0}) {
        const auto a = smp::point_on(path->subpaths[s].segments[i], t);
        const auto b = smp::point_on(again->subpaths[s].segments[i], t);
        BOOST_TEST(std::hypot(a.x - b.x, a.y - b.y) < 1e-3);
      }
  }
}

BOOST_AUTO_TEST_CASE(bad_path_data_is_refused_with_where_and_why)
{
  for (const char* bad : {"", "   ", "L 1 2", "M 1", "M 1 2", "M 0 0 L nan 3", "M 0 0 L inf 3", "M 0 0 A 1 1 0 0 0 1 1",
                          "M 0 0 X 1 2", "M 0 0 L 1 2 Z 3 4", "M 0 0 C 1 2 3"}) {
    smp::PathError error;
    const auto path = smp::parse_svg_path(bad, &error);
    BOOST_TEST(!path.has_value(), "accepted \"" << bad << "\"");
    BOOST_TEST(!error.message.empty(), "no reason for \"" << bad << "\"");
    BOOST_TEST(error.position <= std::string(bad).size());
  }
  std::string huge = "M 0 0";
  for (int i = 0; i < 2000; ++i)
    huge += " L 1 1";
  smp::PathError error;
  BOOST_TEST(!smp::parse_svg_path(huge, &error, 1000).has_value());
  BOOST_TEST(error.message.find("1000") != std::string::npos, error.message);
}

BOOST_AUTO_TEST_CASE(fuzzed_path_data_gives_a_path_or_a_reason_and_never_a_crash)
{
  const std::string seeds[] = {"M 10 20 C 30 40 50 60 70 80 S 90 100 110 120 Z", circle(50, 50, 20),
                               "m1e3-2e3l.5.5h-1v1q1 1 2 2t3 3z"};
  const std::string alphabet = "MmLlHhVvCcSsQqTtZzAa0123456789.-+eE, \t";
  int accepted = 0, refused = 0;
  for (std::uint32_t round = 0; round < 20000; ++round) {
    std::string data = seeds[round % 3];
    const std::uint64_t h = smp::mix64(round);
    for (int edit = 0; edit < 1 + static_cast<int>(h % 4); ++edit) {
      const std::uint64_t e = smp::mix64(h + static_cast<std::uint64_t>(edit));
      const std::size_t at = data.empty() ? 0 : e % data.size();
      const char c = alphabet[(e >> 20) % alphabet.size()];
      switch ((e >> 40) % 3) {
        case 0: data.insert(at, 1, c); break;
        case 1: if (!data.empty()) data.erase(at, 1); break;
        default: if (!data.empty()) data[at] = c;
      }
    }
    smp::PathError error;
    const auto path = smp::parse_svg_path(data, &error);
    if (path) {
      ++accepted;
      BOOST_TEST_REQUIRE(!path->empty());
      smp::HairSide side(*path, 1.0);  // must not crash on any accepted path
      float row[8];
      side.row(0, 0, 8, 10.0, row);
    } else {
      ++refused;
      BOOST_TEST_REQUIRE(!error.message.empty(), "no reason for \"" << data << "\"");
    }
  }
  BOOST_TEST_MESSAGE("fuzzed path data: " << accepted << " accepted, " << refused << " refused");
  BOOST_TEST(accepted > 1000);
  BOOST_TEST(refused > 1000);
}

BOOST_AUTO_TEST_CASE(signed_distance_to_a_straight_line_is_exact_and_hair_is_above)
{
  const auto path = smp::parse_svg_path("M 0 100 L 1000 100");
  BOOST_TEST_REQUIRE(path.has_value());
  const smp::HairSide side(*path, 1.0);
  float row[40];
  for (long y = 40; y < 160; y += 7) {
    side.row(y, 480, 40, 100.0, row);
    for (int i = 0; i < 40; ++i)
      BOOST_TEST_REQUIRE(std::abs(row[i] - (100.0 - (y + 0.5))) < 0.5, "at y " << y << ": " << row[i]);
  }
  // Beyond the end the line goes on straight.
  side.row(80, 1500, 10, 100.0, row);
  BOOST_TEST(std::abs(row[0] - 19.5) < 0.5, "beyond the end: " << row[0]);
}

BOOST_AUTO_TEST_CASE(signed_distance_to_a_circle_is_within_half_a_pixel)
{
  const auto path = smp::parse_svg_path(circle(300, 300, 200));
  BOOST_TEST_REQUIRE(path.has_value());
  const smp::HairSide side(*path, 1.0);
  std::vector<float> row(600);
  double worst = 0.0;
  for (long y = 0; y < 600; y += 5) {
    side.row(y, 0, 600, 60.0, row.data());
    for (int x = 0; x < 600; ++x) {
      const double analytic = 200.0 - std::hypot(x + 0.5 - 300.0, y + 0.5 - 300.0);
      if (std::abs(analytic) < 59.0)  // within the reach, with a pixel to spare
        worst = std::max(worst, std::abs(row[static_cast<std::size_t>(x)] - analytic));
      else
        BOOST_TEST_REQUIRE((row[static_cast<std::size_t>(x)] > 0) == (analytic > 0));
    }
  }
  BOOST_TEST(worst < 0.5, "worst error against the analytic distance: " << worst << " px");
}

BOOST_AUTO_TEST_CASE(points_beyond_a_million_pixels_are_refused_with_the_point)
{
  // Relative moves used to add up to infinity and NaN, and the flattener's step count to 2^63.
  std::string runaway = "M 0 0";
  for (int i = 0; i < 400; ++i)
    runaway += " l 1e306 1e306";
  for (const std::string& bad : {runaway, std::string("M 0 0 L 2e6 5"), std::string("M 0 0 H -1000001"),
                                 std::string("M 0 0 v 1e6 v 1")}) {
    smp::PathError error;
    BOOST_TEST(!smp::parse_svg_path(bad, &error).has_value(), "accepted " << bad.substr(0, 40));
    BOOST_TEST(error.message.find("px from the origin") != std::string::npos, error.message);
  }
  BOOST_TEST(smp::parse_svg_path("M -1e6 0 L 1e6 1e6").has_value());
}

BOOST_AUTO_TEST_CASE(flattening_stays_within_its_points_however_long_the_curves)
{
  const auto path = smp::parse_svg_path("M -1e6 -1e6 C 1e6 -1e6 -1e6 1e6 1e6 1e6 M 0 0 L 1e6 0 L 0 1e6");
  BOOST_TEST_REQUIRE(path.has_value());
  std::size_t points = 0;
  for (const auto& line : smp::flatten(*path, 0.001, 5000))
    points += line.size();
  BOOST_TEST(points <= 5000u + 3u + 2u, points << " points for a budget of 5000 (one more per segment, and each subpath's first)");
}
