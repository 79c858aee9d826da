#define BOOST_TEST_MODULE plugin_layer_effect
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

// GIMP's render of the pigment layer's live effect against the same filter run in GEGL on the
// same density map: a user must see in GIMP what the filter draws, wherever the selection is.

namespace {

constexpr int width = 600, height = 300;
constexpr float photo_grey = 0.6f;    // perceptual
constexpr float bridge_grey = 89.0f / 255.0f;  // 35% density, #595959 as Simulate paints it
constexpr int margin = 30;            // px kept clear of the image's edges and of the halves' border

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-layer-effect", "layer_effect_case.py", [](const std::string& dir) {
    smp_test::write_png(dir + "/input.png", std::vector<float>(width * height * 3, photo_grey), width, height,
                        "R'G'B' float");
  });
  return c;
}

// Linear light of every pixel of a PNG GIMP saved.
std::vector<float> light_of(const std::string& path)
{
  BOOST_TEST_REQUIRE(g_file_test(path.c_str(), G_FILE_TEST_EXISTS), "no " << path);
  GeglNode* graph = gegl_node_new();
  GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", path.c_str(), nullptr);
  const GeglRectangle extent = gegl_node_get_bounding_box(load);
  BOOST_TEST_REQUIRE((extent.width == width && extent.height == height), path << " is " << extent.width << " x "
                                                                              << extent.height);
  std::vector<float> light = smp_test::render(load, extent, "Y float");
  g_object_unref(graph);
  return light;
}

// Darkening (1 - light after / light before) of the photo under the filter run in GEGL.
std::vector<float> darkening_in_gegl()
{
  std::vector<float> map(width * height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      map[static_cast<std::size_t>(y) * width + x] = x < width / 2 ? bridge_grey : 1.0f;
  GeglBuffer* density = smp_test::density_buffer(map, width, height);
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", density, nullptr);
  GeglNode* stipple = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", "px-per-mm", 10.0, "density",
                                          90.0, "seed", 3, nullptr);
  gegl_node_link(source, stipple);
  std::vector<float> transmittance = smp_test::render(stipple, {0, 0, width, height}, "Y float");
  g_object_unref(graph);
  g_object_unref(density);
  for (float& t : transmittance)
    t = 1.0f - t;
  return transmittance;
}

float to_linear(float v) { return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); }
float to_perceptual(float l) { return l <= 0.0031308f ? l * 12.92f : 1.055f * std::pow(l, 1.0f / 2.4f) - 0.055f; }
float at_8_bits(float linear) { return to_linear(std::round(to_perceptual(linear) * 255.0f) / 255.0f); }

// What an 8-bit image makes of the same: GIMP holds the effect's transmittance in the layer's
// own 8-bit format before the Multiply, then the composite at 8 bits.
std::vector<float> darkening_in_gegl_held_at_8_bits()
{
  std::vector<float> d = darkening_in_gegl();
  const float photo = to_linear(photo_grey);
  for (float& v : d)
    v = 1.0f - at_8_bits(photo * at_8_bits(1.0f - v)) / photo;
  return d;
}

std::vector<float> darkening_in_gimp(const std::string& name)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("run", "status") == "success", c.output);
  std::vector<float> light = light_of(c.dir + "/" + name);
  const float photo = to_linear(photo_grey);
  for (float& l : light)
    l = 1.0f - l / photo;
  return light;
}

struct Half {
  int x0, x1;
  const char* name;
};
const Half bridge{margin, width / 2 - margin, "35% bridge"}, crown{width / 2 + margin, width - margin, "full crown"};

double mean_over(const std::vector<float>& v, const Half& h)
{
  double sum = 0.0;
  for (int y = margin; y < height - margin; ++y)
    for (int x = h.x0; x < h.x1; ++x)
      sum += v[static_cast<std::size_t>(y) * width + x];
  return sum / ((h.x1 - h.x0) * (height - 2 * margin));
}

// Pearson correlation of two darkenings over a half: near 1 when the dots sit in the same places.
double correlation_over(const std::vector<float>& a, const std::vector<float>& b, const Half& h, int dx = 0,
                        int dy = 0)
{
  // a at (x, y) against b at (x - dx, y - dy), over the part of the half where both are inside it.
  const int x0 = std::max(h.x0, h.x0 + dx), x1 = std::min(h.x1, h.x1 + dx);
  const int y0 = std::max(margin, margin + dy), y1 = std::min(height - margin, height - margin + dy);
  double sa = 0.0, sb = 0.0, ab = 0.0, aa = 0.0, bb = 0.0;
  const double n = static_cast<double>(x1 - x0) * (y1 - y0);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const double va = a[static_cast<std::size_t>(y) * width + x];
      const double vb = b[static_cast<std::size_t>(y - dy) * width + x - dx];
      sa += va;
      sb += vb;
      ab += va * vb;
      aa += va * va;
      bb += vb * vb;
    }
  const double cov = ab - sa * sb / n, var = (aa - sa * sa / n) * (bb - sb * sb / n);
  return cov / std::sqrt(std::max(var, 1e-12));
}

}  // namespace

BOOST_AUTO_TEST_CASE(in_a_32_bit_image_gimp_darkens_the_bridge_and_the_crown_as_the_filter_in_gegl_does)
{
  const std::vector<float> gegl = darkening_in_gegl(), gimp = darkening_in_gimp("composite-float.png");
  for (const Half& h : {bridge, crown}) {
    const double in_gegl = mean_over(gegl, h), in_gimp = mean_over(gimp, h);
    BOOST_TEST_MESSAGE("32-bit float image, " << h.name << ": mean darkening " << in_gimp << " in GIMP, " << in_gegl
                                              << " in GEGL (" << 100.0 * (in_gimp / in_gegl - 1.0) << "%)");
    BOOST_TEST(in_gegl > 0.005, h.name << ": the filter in GEGL darkens by only " << in_gegl);
    BOOST_TEST(std::abs(in_gimp - in_gegl) < 0.01 * in_gegl,
               "32-bit float image, " << h.name << ": GIMP darkens the photo by " << in_gimp
                                      << " on average, the filter in GEGL by " << in_gegl << " ("
                                      << 100.0 * (in_gimp / in_gegl - 1.0) << "%)");
  }
}

// GIMP 3 holds a layer effect's output in the layer's own format: in an 8-bit image the
// transmittance is rounded to 8 bits before the Multiply. The faint tail of the scattering shadow
// rounds to white or to 0.991, so sparse partial density darkens differently from what the filter
// draws (README, "Pigment layer in GIMP"); nothing else may differ.
BOOST_AUTO_TEST_CASE(in_an_8_bit_image_gimp_differs_from_the_filter_only_by_holding_its_output_at_8_bits)
{
  BOOST_TEST(the_case().value("image", "precision") == "u8-non-linear");
  const std::vector<float> gegl = darkening_in_gegl(), held = darkening_in_gegl_held_at_8_bits(),
                           gimp = darkening_in_gimp("composite.png");
  for (const Half& h : {bridge, crown}) {
    const double in_gegl = mean_over(gegl, h), at_8_bits = mean_over(held, h), in_gimp = mean_over(gimp, h);
    BOOST_TEST_MESSAGE("8-bit image, " << h.name << ": mean darkening " << in_gimp << " in GIMP, " << in_gegl
                                       << " in GEGL (" << 100.0 * (in_gimp / in_gegl - 1.0) << "%), " << at_8_bits
                                       << " in GEGL held at 8 bits; correlation with it "
                                       << correlation_over(gimp, held, h));
    BOOST_TEST(std::abs(in_gimp - at_8_bits) < 0.01 * at_8_bits,
               "8-bit image, " << h.name << ": GIMP darkens by " << in_gimp << ", the filter held at 8 bits by "
                               << at_8_bits << ": something besides the 8-bit storage differs");
    // The scattering shadow's faint tail (transmittance above 0.9955) rounds to white at 8 bits:
    // sparse density renders lighter (README, "Pigment layer in GIMP"), by at most 15%.
    BOOST_TEST(std::abs(in_gimp - in_gegl) < 0.15 * in_gegl,
               "8-bit image, " << h.name << ": GIMP darkens by " << in_gimp << ", the filter in GEGL by " << in_gegl
                               << " (" << 100.0 * (in_gimp / in_gegl - 1.0) << "%, README allows 15%)");
  }
}

BOOST_AUTO_TEST_CASE(gimp_draws_each_dot_where_the_filter_in_gegl_does_whatever_the_selection)
{
  const std::vector<float> gegl = darkening_in_gegl();
  for (const char* name : {"composite.png", "composite-selected.png", "composite-group.png",
                           "composite-flattened-selected.png"}) {
    const std::vector<float> gimp = darkening_in_gimp(name);
    for (const Half& h : {bridge, crown}) {
      const double r = correlation_over(gimp, gegl, h);
      BOOST_TEST_MESSAGE(name << ", " << h.name << ": correlation with GEGL's dots " << r);
      BOOST_TEST(r > 0.95, name << ", " << h.name << ": GIMP's dots match the filter's in GEGL with a correlation of "
                                << r << " only (1 when every dot is in the same place)");
    }
  }
}

// A GIMP 3.0 limitation we cannot change (README, "Pigment layer in GIMP"): exporting an image
// whose pigment layer sits in a layer group (as Simulate makes it) while a selection is active
// renders the effect in the exported copy from the selection's corner. The canvas is right
// (flattened in place with the same selection, above). When this fails, GIMP has changed: check
// and update the README.
BOOST_AUTO_TEST_CASE(gimp_3_0_exports_a_groups_dots_moved_by_the_corner_of_the_selection)
{
  const std::vector<float> gegl = darkening_in_gegl(), gimp = darkening_in_gimp("composite-group-selected.png");
  const double in_place = correlation_over(gimp, gegl, crown), moved = correlation_over(gimp, gegl, crown, 50, 50);
  BOOST_TEST_MESSAGE("exported group with an ellipse selected at (50, 50): correlation with GEGL's dots "
                     << in_place << " in place, " << moved << " moved by (50, 50)");
  BOOST_TEST(moved > 0.9, "the exported dots correlate with GEGL's moved by the selection's corner (50, 50) by "
                              << moved << " and in place by " << in_place << ": GIMP's behaviour has changed");
}
