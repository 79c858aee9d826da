#define BOOST_TEST_MODULE scalp_analysis
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "analysis/client_colours.hpp"
#include "analysis/face_direction.hpp"
#include "analysis/hair_loss_stage.hpp"
#include "analysis/scalp_analysis.hpp"
#include "analysis/visible_skin.hpp"

namespace {

constexpr int side = 140;
constexpr double px_per_mm = 0.8;  // a head about 140 mm across fills the grid

smp::Point forward_of(smp::Facing f)
{
  const double rad = smp::front_rad_of(f);
  return {std::cos(rad), std::sin(rad)};
}

// A head seen from above facing `front`: egg-shaped (its back `back_wider` wider than its brow),
// bare where `is_bare(across, along)` says, in units of the head's half sizes (along: 1 at the
// brow, -1 at the back), hair elsewhere on the head.
template <typename Bare>
smp::ScalpCells head(smp::Facing front, double back_wider, Bare is_bare)
{
  smp::ScalpCells c;
  c.width = c.height = side;
  c.px_per_mm = px_per_mm;
  c.bare.assign(c.count(), 0.0f);
  c.hair.assign(c.count(), 0.0f);
  const smp::Point f = forward_of(front), across{-f.y, f.x};
  const double half_length = 60.0, brow_half_width = 44.0;
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      const double dx = x + 0.5 - side / 2.0, dy = y + 0.5 - side / 2.0;
      const double along = (dx * f.x + dy * f.y) / half_length;
      const double half_width = along > 0 ? brow_half_width : brow_half_width * back_wider;
      const double a = (dx * across.x + dy * across.y) / half_width;
      if (a * a + along * along > 1.0)
        continue;
      const std::size_t i = static_cast<std::size_t>(y) * side + x;
      (is_bare(a, along) ? c.bare : c.hair)[i] = 1.0f;
    }
  return c;
}

// Norwood VII: a narrow horseshoe of hair at the sides and back, the forehead bare.
bool horseshoe_bare(double across, double along) { return std::hypot(across, along) < 0.85 || along > 0.3; }

smp::PatternLibrary shipped_patterns()
{
  const char* source = std::getenv("SMP_SOURCE_DIR");
  BOOST_TEST_REQUIRE(source != nullptr, "SMP_SOURCE_DIR must name the project's source folder");
  return smp::pattern_library(smp::load_preset_folders({std::string(source) + "/presets"}));
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_face_points_to_the_narrow_bare_end_of_a_horseshoe_whichever_way_it_faces)
{
  for (const smp::Facing front : {smp::Facing::up, smp::Facing::down, smp::Facing::left, smp::Facing::right}) {
    const smp::FaceDirection d = smp::face_direction(head(front, 1.12, horseshoe_bare));
    BOOST_TEST(d.found);
    BOOST_TEST(smp::facing_name(d.front) == smp::facing_name(front));
    BOOST_TEST(d.confidence > 0.5, "facing " << smp::facing_name(front) << ": confidence " << d.confidence);
  }
}

BOOST_AUTO_TEST_CASE(a_head_of_no_preferred_shape_or_hair_gives_a_guess_not_a_certainty)
{
  const smp::FaceDirection d = smp::face_direction(head(smp::Facing::down, 1.0, [](double, double) { return true; }));
  BOOST_TEST(d.found);
  BOOST_TEST(d.confidence < 0.2, "confidence " << d.confidence << " on a round bald head");
  const smp::FaceDirection none = smp::face_direction(smp::ScalpCells{});
  BOOST_TEST(!none.found);
}

BOOST_AUTO_TEST_CASE(stages_follow_how_much_of_the_head_is_bare)
{
  const smp::PatternLibrary library = shipped_patterns();
  BOOST_TEST_REQUIRE(library.templates.size() >= 7u);
  const auto stage_of = [&](auto is_bare) {
    return smp::analyse_scalp(head(smp::Facing::down, 1.1, is_bare), smp::Facing::down, nullptr, library).stage.stage;
  };
  const int temples = stage_of([](double a, double along) { return along > 0.55 && std::abs(a) > 0.35; });
  const int front_band = stage_of([](double, double along) { return along > 0.1; });
  const int horseshoe = stage_of(horseshoe_bare);
  const int bald = stage_of([](double, double) { return true; });
  BOOST_TEST(temples <= 2);
  BOOST_TEST(front_band >= 3);
  BOOST_TEST(front_band <= 5);
  BOOST_TEST(horseshoe >= 6);
  BOOST_TEST(bald == 7);
}

BOOST_AUTO_TEST_CASE(the_treatment_is_the_bare_area_at_the_presets_density)
{
  const smp::PatternLibrary library = shipped_patterns();
  const smp::ScalpCells bald = head(smp::Facing::down, 1.1, [](double, double) { return true; });
  const smp::ScalpAnalysis a = smp::analyse_scalp(bald, smp::Facing::down, nullptr, library);
  double cells = 0.0;
  for (const float b : bald.bare)
    cells += b;
  const double area_cm2 = cells * 0.01 / (px_per_mm * px_per_mm);
  BOOST_TEST(a.treatment.area_cm2 == area_cm2, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(a.stage.preset == "norwood-7");
  // Norwood VII has one zone at the stipple's full density: 90 dots per cm².
  BOOST_TEST(a.treatment.impressions == 90.0 * area_cm2, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(a.treatment.sessions == std::max(3, static_cast<int>(std::ceil(a.treatment.impressions / 14000.0))));
}

BOOST_AUTO_TEST_CASE(bare_cells_as_dark_as_the_hair_count_as_hair)
{
  smp::ScalpCells c;
  c.width = 64;
  c.height = 1;
  c.px_per_mm = 1.0;
  c.bare.assign(64, 0.0f);
  c.hair.assign(64, 0.0f);
  std::vector<float> rgb(3 * 64);
  for (int i = 0; i < 64; ++i) {
    const bool hair = i < 30;
    (hair ? c.hair : c.bare)[i] = 1.0f;
    const float y = hair ? 0.05f : 0.5f;
    rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = y;
  }
  rgb[3 * 62] = rgb[3 * 62 + 1] = rgb[3 * 62 + 2] = 0.05f;    // thin hair over skin, read as bare
  rgb[3 * 63] = rgb[3 * 63 + 1] = rgb[3 * 63 + 2] = 0.275f;  // half of it showing skin
  const smp::ScalpCells seen = smp::with_visible_skin(c, rgb.data());
  BOOST_TEST(seen.bare[40] == 1.0f);
  BOOST_TEST(seen.bare[62] == 0.0f);
  BOOST_TEST(seen.hair[62] == 1.0f);
  BOOST_TEST(seen.bare[63] == 0.5f, boost::test_tools::tolerance(1e-6f));
}

BOOST_AUTO_TEST_CASE(gradings_read_as_stages)
{
  BOOST_TEST(*smp::stage_of_preset("norwood-3-front") == 3);
  BOOST_TEST(*smp::stage_of_preset("norwood-4a") == 4);
  BOOST_TEST(*smp::stage_of_preset("norwood-3-vertex") == 3);
  BOOST_TEST(*smp::stage_of_preset("hairline-juvenile-front") == 1);
  BOOST_TEST(*smp::stage_of_preset("diffuse-thinning") == 5);
  BOOST_TEST(!smp::stage_of_preset("fut-strip").has_value());
  BOOST_TEST(!smp::stage_of_preset("norwood-9").has_value());
}

BOOST_AUTO_TEST_CASE(skin_tones_and_hair_colours_get_the_designers_words)
{
  BOOST_TEST(smp::fitzpatrick_type(smp::Lab{70.0, 10.0, 15.0}) == 2);  // ITA 53°
  BOOST_TEST(smp::fitzpatrick_type(smp::Lab{40.0, 10.0, 20.0}) == 5);  // ITA -27°
  BOOST_TEST(smp::fitzpatrick_type(std::nullopt) == 0);
  BOOST_TEST(smp::hair_colour_name(smp::Lab{15.0, 1.0, 2.0}) == "black");
  BOOST_TEST(smp::hair_colour_name(smp::Lab{60.0, 1.0, 3.0}) == "grey");
  BOOST_TEST(smp::hair_colour_name(std::nullopt) == "none");
}

BOOST_AUTO_TEST_CASE(a_drawn_ellipse_places_the_head_whichever_way_the_face_points)
{
  smp::ScalpCells c = head(smp::Facing::down, 1.1, horseshoe_bare);
  smp::HeadFrame drawn;
  drawn.centre = {72.0, 66.0};
  drawn.half_width_px = 40.0;   // across the image
  drawn.half_length_px = 50.0;  // down it
  drawn.front_rad = smp::front_rad_of(smp::Facing::up);
  c.head = drawn;
  const auto down = smp::head_facing(c, smp::Facing::down);
  const auto left = smp::head_facing(c, smp::Facing::left);
  BOOST_TEST_REQUIRE((down && left));
  BOOST_TEST(down->centre.x == 72.0);
  BOOST_TEST(down->centre.y == 66.0);
  BOOST_TEST(down->half_width_px == 40.0);
  BOOST_TEST(down->half_length_px == 50.0);
  // Facing left, the head's length runs across the image.
  BOOST_TEST(left->half_width_px == 50.0);
  BOOST_TEST(left->half_length_px == 40.0);
}
