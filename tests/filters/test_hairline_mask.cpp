#define BOOST_TEST_MODULE hairline_mask_filter
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "hash.hpp"
#include "support/gegl_session.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// A graph holding one smp:hairline-mask node.
struct MaskGraph {
  GeglNode* graph = gegl_node_new();
  GeglNode* mask;
  explicit MaskGraph(const std::string& d)
  {
    mask = gegl_node_new_child(graph, "operation", "smp:hairline-mask", "d", d.c_str(), "px-per-mm", 10.0, nullptr);
  }
  ~MaskGraph() { g_object_unref(graph); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_module_registers_the_mask_with_its_menu_and_docs)
{
  BOOST_TEST_REQUIRE(gegl_has_operation("smp:hairline-mask"));
  for (const char* key : {"title", "description", "categories", "gimp:menu-path", "gimp:menu-label"}) {
    const char* value = gegl_operation_get_key("smp:hairline-mask", key);
    BOOST_TEST((value && *value), "meta key " << key << " is empty");
  }
}

BOOST_AUTO_TEST_CASE(a_front_hairline_gives_hair_above_and_a_ramp_of_the_transition_width)
{
  MaskGraph g("M 0 200 L 600 200");
  gegl_node_set(g.mask, "micro-irregularity", 0.0, "macro-irregularity", 0.0, "transition-width", 8.0, nullptr);
  const auto column = smp_test::render(g.mask, {300, 0, 1, 400}, "Y' float");
  BOOST_TEST(column.front() == 1.0f);
  BOOST_TEST(column.back() == 0.0f);
  auto crossing = [&](float level) {
    for (std::size_t y = 1; y < column.size(); ++y)
      if (column[y - 1] >= level && column[y] < level)
        return (y - 1) + 0.5 + (column[y - 1] - level) / (column[y - 1] - column[y]);
    return -1.0;
  };
  const double width_mm = (crossing(0.1f) - crossing(0.9f)) / 10.0;
  BOOST_TEST(std::abs(width_mm - 8.0) <= 0.4, "the 10-90% ramp is " << width_mm << " mm wide");
}

BOOST_AUTO_TEST_CASE(identical_bits_whatever_the_tiles_and_threads)
{
  std::vector<float> reference;
  for (const auto& [tile_w, tile_h] : {std::pair{128, 128}, {97, 31}, {512, 512}})
    for (const int threads : {1, 2}) {
      g_object_set(gegl_config(), "tile-width", tile_w, "tile-height", tile_h, "threads", threads, nullptr);
      MaskGraph g("M 20 300 C 150 120 350 120 480 300");
      const auto pixels = smp_test::render(g.mask, {0, 0, 500, 400}, "Y' float");
      if (reference.empty())
        reference = pixels;
      BOOST_TEST(std::memcmp(pixels.data(), reference.data(), pixels.size() * sizeof(float)) == 0,
                 "tiles " << tile_w << "x" << tile_h << ", " << threads << " threads");
    }
  g_object_set(gegl_config(), "tile-width", 128, "tile-height", 128, "threads", 2, nullptr);
}

BOOST_AUTO_TEST_CASE(malformed_path_data_renders_no_density_and_never_crashes)
{
  const std::string valid = "M 20 300 C 150 120 350 120 480 300";
  const std::string alphabet = "MLCZAx0123456789.-e, ";
  for (std::uint64_t round = 0; round < 300; ++round) {
    std::string d = valid;
    const std::uint64_t h = smp::mix64(round + 77);
    d[h % d.size()] = alphabet[(h >> 32) % alphabet.size()];
    if (round % 3 == 0)
      d = d.substr(0, (h >> 16) % d.size());
    MaskGraph g(d);
    const auto pixels = smp_test::render(g.mask, {0, 0, 64, 64}, "Y' float");
    for (float v : pixels)
      BOOST_TEST_REQUIRE((std::isfinite(v) && v >= 0.0f && v <= 1.0f), "path data \"" << d << "\"");
  }
  MaskGraph broken("M 10 10 L nan 4");
  const auto pixels = smp_test::render(broken.mask, {0, 0, 32, 32}, "Y' float");
  BOOST_TEST(*std::max_element(pixels.begin(), pixels.end()) == 0.0f, "refused path data still drew density");
}

BOOST_AUTO_TEST_CASE(the_stipple_puts_dots_only_on_the_hair_side_of_the_mask)
{
  MaskGraph g("M 0 300 L 800 300");
  gegl_node_set(g.mask, "micro-irregularity", 0.0, "macro-irregularity", 0.0, nullptr);
  GeglNode* crop = gegl_node_new_child(g.graph, "operation", "gegl:crop", "width", 800.0, "height", 600.0, nullptr);
  GeglNode* stipple = gegl_node_new_child(g.graph, "operation", "smp:follicle-stipple", "px-per-mm", 10.0, nullptr);
  gegl_node_link_many(g.mask, crop, stipple, nullptr);
  const auto pixels = smp_test::render(stipple, {0, 0, 800, 600});
  // Darkening per band of rows: full above the ramp, none well below it.
  auto darkening = [&](int y0, int y1) {
    double sum = 0.0;
    for (int y = y0; y < y1; ++y)
      for (int x = 0; x < 800; ++x)
        sum += 1.0 - pixels[4 * (static_cast<std::size_t>(y) * 800 + x)];
    return sum / ((y1 - y0) * 800.0);
  };
  const double hair = darkening(50, 200), ramp = darkening(280, 320), skin = darkening(420, 600);
  BOOST_TEST(hair > 0.05, "hair side darkens " << hair);
  BOOST_TEST((ramp < hair && ramp > 0.0), "the ramp darkens " << ramp << ", the hair side " << hair);
  BOOST_TEST(skin == 0.0, "the skin side darkens " << skin);
}
