#define BOOST_TEST_MODULE scalp_mask_filter
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "support/gegl_session.hpp"
#include "synthetic/synthetic_scalp.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// smp:scalp-mask over an sRGB photo held in a buffer.
struct MaskGraph {
  GeglNode* graph = gegl_node_new();
  GeglBuffer* photo;
  GeglNode* mask;
  MaskGraph(const std::vector<float>& rgb, int width, int height, double px_per_mm)
      : photo(smp_test::buffer_from(rgb, width, height, "R'G'B' float"))
  {
    GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo, nullptr);
    mask = gegl_node_new_child(graph, "operation", "smp:scalp-mask", "px-per-mm", px_per_mm, nullptr);
    gegl_node_link(source, mask);
  }
  ~MaskGraph()
  {
    g_object_unref(graph);
    g_object_unref(photo);
  }
  std::vector<float> render(int width, int height) const { return smp_test::render(mask, {0, 0, width, height}, "Y' float"); }
};

// Intersection over union of "mask above one half" with the pixels showing `part`.
double iou(const std::vector<float>& mask, const smp::SyntheticScalp& scalp, std::uint8_t part)
{
  std::size_t both = 0, either = 0;
  for (std::size_t i = 0; i < mask.size(); ++i) {
    const bool found = mask[i] > 0.5f, truth = scalp.truth[i] == part;
    both += found && truth;
    either += found || truth;
  }
  return either ? static_cast<double>(both) / either : 0.0;
}

double mean_over(const std::vector<float>& mask, const smp::SyntheticScalp& scalp, std::uint8_t part)
{
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < mask.size(); ++i)
    if (scalp.truth[i] == part) {
      sum += mask[i];
      ++n;
    }
  return n ? sum / n : 0.0;
}

void save_for_eyes(const std::string& name, const std::vector<float>& grey, int width, int height)
{
  const char* output = std::getenv("SMP_OUTPUT_DIR");
  if (!output)
    return;
  const std::string dir = std::string(output) + "/scalp-mask";
  g_mkdir_with_parents(dir.c_str(), 0755);
  smp_test::write_png(dir + "/" + name, grey, width, height, grey.size() == std::size_t(width) * height ? "Y' float" : "R'G'B' float");
}

smp::SyntheticScalp head(double px_per_mm, double hair_length_mm, std::uint32_t seed)
{
  smp::SyntheticScalpSpec spec;
  spec.px_per_mm = px_per_mm;
  spec.width_px = static_cast<int>(200 * px_per_mm);
  spec.height_px = static_cast<int>(230 * px_per_mm);
  spec.hair_length_mm = hair_length_mm;
  spec.seed = seed;
  return smp::synthetic_scalp_top_view(spec);
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_module_registers_the_scalp_mask_with_its_menu_and_docs)
{
  BOOST_TEST_REQUIRE(gegl_has_operation("smp:scalp-mask"));
  for (const char* key : {"title", "description", "categories", "gimp:menu-path", "gimp:menu-label"}) {
    const char* value = gegl_operation_get_key("smp:scalp-mask", key);
    BOOST_TEST((value && *value), "meta key " << key << " is empty");
  }
}

// Bare scalp found with IoU >= 0.9 on synthetic heads whose parts are known: shaved stubble and
// longer lying strands in the fringe, cloth with its own weave and a lighting gradient around.
BOOST_AUTO_TEST_CASE(bare_scalp_is_found_on_synthetic_heads_with_known_parts)
{
  struct Case {
    double px_per_mm, hair_length_mm;
    std::uint32_t seed;
  };
  for (const Case c : {Case{6.0, 0.7, 1}, Case{4.0, 8.0, 2}, Case{10.0, 3.0, 3}}) {
    const auto scalp = head(c.px_per_mm, c.hair_length_mm, c.seed);
    const MaskGraph g(scalp.rgb, scalp.width, scalp.height, c.px_per_mm);
    const auto mask = g.render(scalp.width, scalp.height);
    const double scalp_iou = iou(mask, scalp, smp::SyntheticScalp::bare_scalp);
    const double on_background = mean_over(mask, scalp, smp::SyntheticScalp::background);
    const double on_hair = mean_over(mask, scalp, smp::SyntheticScalp::hair);
    BOOST_TEST_MESSAGE(c.px_per_mm << " px/mm, hair " << c.hair_length_mm << " mm: scalp IoU " << scalp_iou
                                   << ", mean mask on background " << on_background << ", on hair " << on_hair);
    const std::string name = "synthetic-" + std::to_string(static_cast<int>(c.hair_length_mm * 10)) + "mm10";
    save_for_eyes(name + "-photo.png", scalp.rgb, scalp.width, scalp.height);
    save_for_eyes(name + "-mask.png", mask, scalp.width, scalp.height);
    BOOST_TEST(scalp_iou >= 0.9, c.px_per_mm << " px/mm, hair " << c.hair_length_mm << " mm: scalp IoU " << scalp_iou);
    BOOST_TEST(on_background < 0.01, "mean mask on the background is " << on_background);
    BOOST_TEST(on_hair < 0.15, "mean mask on the hair is " << on_hair);
  }
}

BOOST_AUTO_TEST_CASE(a_filler_thins_out_over_hair_instead_of_leaving_it_out)
{
  const auto scalp = head(6.0, 8.0, 4);
  MaskGraph g(scalp.rgb, scalp.width, scalp.height, 6.0);
  gegl_node_set(g.mask, "hair-density", 0.5, nullptr);
  const auto mask = g.render(scalp.width, scalp.height);
  const double on_hair = mean_over(mask, scalp, smp::SyntheticScalp::hair);
  const double on_scalp = mean_over(mask, scalp, smp::SyntheticScalp::bare_scalp);
  const double on_background = mean_over(mask, scalp, smp::SyntheticScalp::background);
  BOOST_TEST((on_hair > 0.3 && on_hair < 0.6), "hair-density 0.5: mean mask over hair " << on_hair);
  BOOST_TEST(on_scalp > 0.9, "hair-density 0.5: mean mask over bare scalp " << on_scalp);
  BOOST_TEST(on_background < 0.02, "hair-density 0.5: mean mask on the background " << on_background);
}

BOOST_AUTO_TEST_CASE(identical_bits_whatever_the_tiles_and_threads)
{
  const auto scalp = head(3.0, 0.7, 5);
  std::vector<float> reference;
  for (const auto& [tile_w, tile_h] : {std::pair{128, 128}, {97, 31}, {512, 512}})
    for (const int threads : {1, 2}) {
      g_object_set(gegl_config(), "tile-width", tile_w, "tile-height", tile_h, "threads", threads, nullptr);
      const MaskGraph g(scalp.rgb, scalp.width, scalp.height, 3.0);
      const auto pixels = g.render(scalp.width, scalp.height);
      if (reference.empty())
        reference = pixels;
      BOOST_TEST(std::memcmp(pixels.data(), reference.data(), pixels.size() * sizeof(float)) == 0,
                 "tiles " << tile_w << "x" << tile_h << ", " << threads << " threads");
    }
  g_object_set(gegl_config(), "tile-width", 128, "tile-height", 128, "threads", 2, nullptr);
  // A region on its own gives the same pixels as the same region of the whole render.
  const MaskGraph g(scalp.rgb, scalp.width, scalp.height, 3.0);
  const auto part = smp_test::render(g.mask, {150, 200, 61, 47}, "Y' float");
  int differing = 0;
  for (int y = 0; y < 47; ++y)
    for (int x = 0; x < 61; ++x)
      differing += part[static_cast<std::size_t>(y) * 61 + x] !=
                   reference[static_cast<std::size_t>(200 + y) * scalp.width + 150 + x];
  BOOST_TEST(differing == 0, differing << " pixels differ when the region is rendered on its own");
}

BOOST_AUTO_TEST_CASE(any_pixels_and_any_properties_give_a_bounded_mask)
{
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  std::vector<float> odd(64 * 64 * 3, 0.7f);
  for (std::size_t i = 0; i < odd.size(); i += 7)
    odd[i] = (i % 3 == 0) ? nan : (i % 3 == 1 ? inf : -inf);
  // NaN and both ends of every range; GLib refuses some values with a warning (then the last
  // valid one stays), and what it lets through must render all the same.
  guint n = 0;
  GParamSpec** specs = gegl_operation_list_properties("smp:scalp-mask", &n);
  for (const int end : {0, 1, 2})
    for (const auto& [w, h] : {std::pair{64, 64}, {1, 1}, {3, 200}}) {
      std::vector<float> rgb(odd.begin(), odd.begin() + static_cast<std::ptrdiff_t>(w) * h * 3);
      MaskGraph g(rgb, w, h, 10.0);
      for (guint i = 0; i < n; ++i)
        if (G_IS_PARAM_SPEC_DOUBLE(specs[i])) {
          const auto* spec = G_PARAM_SPEC_DOUBLE(specs[i]);
          const double value = end == 0 ? std::numeric_limits<double>::quiet_NaN() : end == 1 ? spec->minimum : spec->maximum;
          gegl_node_set(g.mask, specs[i]->name, value, nullptr);
        }
      const auto mask = smp_test::render(g.mask, {-5, -5, w + 10, h + 10}, "Y' float");
      const bool bounded = std::all_of(mask.begin(), mask.end(), [](float v) { return v >= 0.0f && v <= 1.0f; });
      BOOST_TEST(bounded, w << "x" << h << " with every number property at " << (end == 0 ? "NaN" : end == 1 ? "min" : "max"));
    }
  g_free(specs);
  // A region far outside the photo is masked out; an empty one renders nothing, without a crash.
  const MaskGraph g(odd, 64, 64, 10.0);
  const auto outside = smp_test::render(g.mask, {5000, 5000, 16, 16}, "Y' float");
  BOOST_TEST(*std::max_element(outside.begin(), outside.end()) == 0.0f);
  float none = 0.0f;
  gegl_node_blit(g.mask, 1.0, GEGL_RECTANGLE(0, 0, 0, 0), babl_format("Y' float"), &none, GEGL_AUTO_ROWSTRIDE,
                 GEGL_BLIT_DEFAULT);
}
