#define BOOST_TEST_MODULE density_plan
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <string>
#include <vector>

#include "geometry/frame.hpp"
#include "presets/density_plan.hpp"
#include "presets/preset.hpp"
#include "presets/zone_outline.hpp"

namespace {

const smp::Preset& shipped(const char* stem_text)
{
  const std::string stem = stem_text;
  static const smp::PresetLibrary library = [] {
    const char* source = std::getenv("SMP_SOURCE_DIR");
    BOOST_TEST_REQUIRE(source != nullptr, "SMP_SOURCE_DIR must name the project's source folder");
    return smp::load_preset_folders({std::string(source) + "/presets"});
  }();
  for (const smp::Preset& p : library.presets)
    if (p.file.size() >= stem.size() + 7 && p.file.compare(p.file.size() - stem.size() - 7, stem.size(), stem) == 0)
      return p;
  BOOST_FAIL("no shipped preset " << stem);
  return library.presets.front();
}

// A head seen from above, face up, 15 cm across at 4 px/mm.
const smp::HeadFrame head{{400, 480}, 300, 380, -std::numbers::pi / 2};
constexpr double px_per_mm = 4.0;

std::vector<float> rendered(const smp::DensityPlan& plan, const smp::PixelRect& rect, int level = 0)
{
  std::vector<float> density(static_cast<std::size_t>(rect.width) * rect.height);
  smp::render_density(plan, rect, level, density.data());
  return density;
}

}  // namespace

BOOST_AUTO_TEST_CASE(both_views_frames_map_out_and_back)
{
  for (const smp::Frame& frame : {head.normalised(), head.in_mm(px_per_mm),
                                  smp::face_frame({{300, 400}, {250, 410}, {352, 395}, smp::FaceMarks::lateral_canthi}, 3.5).in_mm()}) {
    for (const smp::Point p : {smp::Point{0.3, -0.7}, smp::Point{-12.0, 40.0}, smp::Point{0.0, 0.0}}) {
      const smp::Point back = frame.from_image(frame.to_image(p));
      BOOST_TEST(std::hypot(back.x - p.x, back.y - p.y) < 1e-9, "(" << p.x << ", " << p.y << ") came back as ("
                                                                    << back.x << ", " << back.y << ")");
    }
  }
  // The normalised head: its front (y = -1) lies where the face points, its outline at radius 1.
  const smp::Point front = head.normalised().to_image(0.0, -1.0);
  BOOST_TEST(std::abs(front.x - 400.0) < 1e-9);
  BOOST_TEST(std::abs(front.y - (480.0 - 380.0)) < 1e-9, "the front of a face-up head is at the image top");
}

BOOST_AUTO_TEST_CASE(where_zones_overlap_the_denser_one_wins)
{
  // Norwood IV: the bridge (35%) lies across the front zone's back edge.
  const smp::Preset& preset = shipped("norwood-4");
  const smp::Placement placement = smp::Placement::on_head(head, px_per_mm);
  const smp::DensityPlan plan = smp::density_plan(preset, placement, 0);
  BOOST_TEST_REQUIRE(plan.zones.size() == 3u);
  const smp::PixelRect rect{0, 0, 800, 960};
  const auto all = rendered(plan, rect);
  // Each zone alone, to hold the whole plan against their maximum.
  std::vector<std::vector<float>> alone;
  for (std::size_t z = 0; z < plan.zones.size(); ++z) {
    smp::DensityPlan one = plan;
    one.zones = {plan.zones[z]};
    alone.push_back(rendered(one, rect));
  }
  int overlapping = 0;
  double worst = 0.0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    float highest = 0.0f;
    int covering = 0;
    for (const auto& zone : alone) {
      highest = std::max(highest, zone[i]);
      covering += zone[i] > 0.05f;
    }
    overlapping += covering > 1;
    worst = std::max(worst, static_cast<double>(std::abs(all[i] - highest)));
  }
  BOOST_TEST(overlapping > 1000, "only " << overlapping << " pixels where two zones overlap: the test lost its case");
  BOOST_TEST(worst == 0.0, "the plan differs from the densest zone by up to " << worst);
}

BOOST_AUTO_TEST_CASE(a_shrunk_plan_renders_the_shrunk_map_and_a_zoomed_out_render_the_downscaled_one)
{
  const smp::Preset& preset = shipped("norwood-5");
  const smp::DensityPlan plan = smp::density_plan(preset, smp::Placement::on_head(head, px_per_mm), 3);
  const smp::PixelRect full{0, 0, 800, 960};
  const auto map = rendered(plan, full);
  // Both against the full map averaged over 4 x 4 pixels.
  const smp::PixelRect quarter{0, 0, 200, 240};
  const auto shrunk = rendered(plan.scaled(0.25), quarter);
  const auto level2 = rendered(plan, quarter, 2);
  double worst_shrunk = 0.0, worst_level = 0.0, mean = 0.0;
  for (int y = 0; y < quarter.height; ++y)
    for (int x = 0; x < quarter.width; ++x) {
      double sum = 0.0;
      for (int dy = 0; dy < 4; ++dy)
        for (int dx = 0; dx < 4; ++dx)
          sum += map[static_cast<std::size_t>(4 * y + dy) * full.width + 4 * x + dx];
      const double expected = sum / 16.0;
      const std::size_t i = static_cast<std::size_t>(y) * quarter.width + x;
      mean += expected;
      worst_shrunk = std::max(worst_shrunk, std::abs(shrunk[i] - expected));
      worst_level = std::max(worst_level, std::abs(level2[i] - expected));
    }
  BOOST_TEST(mean / (quarter.width * quarter.height) > 0.1, "the plan is nearly empty: the test lost its case");
  // The irregular hairline's single hairs are points: a shrunk render samples them, not averages.
  BOOST_TEST(worst_shrunk < 0.2, "a shrunk plan differs from the averaged full map by up to " << worst_shrunk);
  BOOST_TEST(worst_level < 0.2, "the level-2 render differs from the averaged full map by up to " << worst_level);
}

BOOST_AUTO_TEST_CASE(front_and_top_presets_plan_through_the_same_function)
{
  const smp::FrontLandmarks face{{360, 420}, {300, 430}, {420, 430}, smp::FaceMarks::lateral_canthi};
  const smp::DensityPlan front =
      smp::density_plan(shipped("norwood-3-front"), smp::Placement::on_face(face, 3.0), 1);
  BOOST_TEST(!front.hairline.empty());
  BOOST_TEST(!front.hair_side.region.empty());
  BOOST_TEST(front.zones.size() == shipped("norwood-3-front").zones.size());
  // The hairline's mid-frontal point sits above the glabella, as the preset asks.
  const auto map = rendered(front, {0, 0, 720, 800});
  const auto at_mm = [&](double up_mm) {
    return map[static_cast<std::size_t>(std::lround(420 - up_mm * 3.0)) * 720 + 360];
  };
  BOOST_TEST(at_mm(20) == 0.0f, "pigment 2 cm above the glabella");
  BOOST_TEST(at_mm(110) > 0.5f, at_mm(110) << " of full density 11 cm above the glabella");
}

BOOST_AUTO_TEST_CASE(zones_reach_on_to_the_fringe_but_never_into_another_zone)
{
  const smp::Preset& preset = shipped("norwood-4");
  smp::DensityPlan plan = smp::density_plan(preset, smp::Placement::on_head(head, px_per_mm), 0);
  const smp::PixelRect rect{0, 0, 800, 960};
  const auto outlined = rendered(plan, rect);
  plan.reach_mm = smp::reach_to_hair_mm;
  const auto reaching = rendered(plan, rect);
  // Beside the crown, 15 mm out from its outline (the crown is 0.3 of the half width across).
  const smp::Frame unit = head.normalised();
  const smp::Point beside = unit.to_image(0.3 + 15.0 * px_per_mm / head.half_width_px, 0.45);
  const std::size_t at = static_cast<std::size_t>(std::lround(beside.y)) * 800 + static_cast<std::size_t>(std::lround(beside.x));
  BOOST_TEST(outlined[at] < 0.05f, "beside the crown the outlined plan gives " << outlined[at]);
  BOOST_TEST(reaching[at] > 0.9f, "beside the crown the reaching plan gives " << reaching[at]);
  // The bridge keeps its own 35%: the zones around it do not reach into it.
  const smp::Point bridge = unit.to_image(0.0, -0.02);
  const std::size_t b = static_cast<std::size_t>(std::lround(bridge.y)) * 800 + static_cast<std::size_t>(std::lround(bridge.x));
  BOOST_TEST(std::abs(reaching[b] - outlined[b]) < 0.02f, "the bridge went from " << outlined[b] << " to " << reaching[b]);
  BOOST_TEST(std::abs(reaching[b] - 0.35f) < 0.05f, "the bridge holds " << reaching[b]);
}
