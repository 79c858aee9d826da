#define BOOST_TEST_MODULE follicle_stipple
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>

#include "hash.hpp"
#include "stipple/stipple_render.hpp"
#include "stipple/stipple_settings.hpp"
#include "support/dot_reach.hpp"
#include "support/dot_centres.hpp"
#include "support/gegl_session.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

constexpr double px_per_mm = 10.0;

// A stipple graph over a density map; the graph owns the buffer.
struct StippleGraph {
  GeglNode* graph = gegl_node_new();
  GeglNode* source;
  GeglNode* stipple;

  explicit StippleGraph(GeglBuffer* density)
  {
    source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", density, nullptr);
    stipple = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", "px-per-mm", px_per_mm, nullptr);
    gegl_node_link(source, stipple);
    g_object_unref(density);
  }
  ~StippleGraph() { g_object_unref(graph); }
};

std::vector<float> ramp_with_holes(int width, int height)
{
  std::vector<float> map(static_cast<std::size_t>(width) * height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      map[static_cast<std::size_t>(y) * width + x] =
          std::hypot(x - width / 3.0, y - height / 2.0) < 60 ? 0.0f : static_cast<float>(x) / width;
  return map;
}

// Centres of the dots in `pixels` (RGBA float transmittance).
std::vector<std::pair<double, double>> dot_centres(const std::vector<float>& pixels, int width, int height)
{
  return smp_test::dot_centres(width, height, [&](int x, int y) {
    return pixels[4 * (static_cast<std::size_t>(y) * width + x)] < 0.95f;
  });
}

int count_in(const std::vector<std::pair<double, double>>& centres, double x0, double y0, double x1, double y1)
{
  return static_cast<int>(std::count_if(centres.begin(), centres.end(), [&](const auto& c) {
    return c.first >= x0 && c.first < x1 && c.second >= y0 && c.second < y1;
  }));
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_module_registers_the_op_with_its_menu_and_docs)
{
  BOOST_TEST_REQUIRE(gegl_has_operation("smp:follicle-stipple"), "smp:follicle-stipple is not registered");
  for (const char* key : {"title", "description", "categories", "gimp:menu-path", "gimp:menu-label"}) {
    const char* value = gegl_operation_get_key("smp:follicle-stipple", key);
    BOOST_TEST((value && *value), "meta key " << key << " is empty");
  }
  guint n = 0;
  GParamSpec** specs = gegl_operation_list_properties("smp:follicle-stipple", &n);
  std::vector<std::string> names;
  for (guint i = 0; i < n; ++i)
    names.push_back(specs[i]->name);
  g_free(specs);
  for (const char* wanted : {"output", "px-per-mm", "density", "dot-diameter", "size-variation", "regularity",
                             "color", "shade-variation", "strength", "depth", "halo", "halo-radius", "age-years", "sessions",
                             "completed-sessions",
                             "transition-coupling", "elongation", "hair-direction", "whorl", "whorl-x", "whorl-y",
                             "seed"})
    BOOST_TEST((std::find(names.begin(), names.end(), wanted) != names.end()), "no property " << wanted);
  // Applied straight to a photo it turns it near-white: the description says where it belongs.
  const std::string description = gegl_operation_get_key("smp:follicle-stipple", "description");
  BOOST_TEST(description.find("Apply it to a density layer, not to the photo") != std::string::npos, description);
}

BOOST_AUTO_TEST_CASE(identical_bits_whatever_the_tiles_threads_and_regions)
{
  const int width = 600, height = 400;
  const GeglRectangle whole{0, 0, width, height};
  std::vector<float> reference;
  for (const auto& [tile_w, tile_h] : {std::pair{128, 128}, {64, 64}, {128, 64}, {97, 31}, {512, 512}})
    for (const int threads : {1, 2, 4}) {
      g_object_set(gegl_config(), "tile-width", tile_w, "tile-height", tile_h, "threads", threads, nullptr);
      StippleGraph g(smp_test::density_buffer(ramp_with_holes(width, height), width, height));
      gegl_node_set(g.stipple, "size-variation", 0.4, "elongation", 1.6, nullptr);
      std::vector<float> pixels(static_cast<std::size_t>(width) * height * 4);
      // Render in odd, overlapping-free pieces rather than in one go.
      for (const GeglRectangle piece : {GeglRectangle{0, 0, 333, 171}, {333, 0, 267, 171}, {0, 171, 17, 229},
                                        {17, 171, 583, 229}}) {
        const auto part = smp_test::render(g.stipple, piece);
        for (int y = 0; y < piece.height; ++y)
          std::memcpy(&pixels[4 * (static_cast<std::size_t>(piece.y + y) * width + piece.x)],
                      &part[4 * static_cast<std::size_t>(y) * piece.width], sizeof(float) * 4 * piece.width);
      }
      if (reference.empty()) {
        reference = smp_test::render(g.stipple, whole);
        BOOST_TEST_REQUIRE(std::count_if(reference.begin(), reference.end(), [](float v) { return v < 0.5f; }) > 100,
                           "the reference render shows no dots");
      }
      std::size_t differing = 0;
      for (std::size_t i = 0; i < pixels.size(); ++i)
        differing += std::memcmp(&pixels[i], &reference[i], sizeof(float)) != 0;
      BOOST_TEST(differing == 0u, differing << " values differ with tiles " << tile_w << "x" << tile_h << ", "
                                            << threads << " threads");
    }
  g_object_set(gegl_config(), "tile-width", 128, "tile-height", 128, "threads", 2, nullptr);
}

BOOST_AUTO_TEST_CASE(dot_counts_follow_the_map_within_3_percent)
{
  // 100 cm^2 (1000 x 1000 px at 10 px/mm) per uniform map.
  const int side = 1000;
  for (const float map : {0.1f, 0.5f, 1.0f}) {
    StippleGraph g(smp_test::density_buffer(std::vector<float>(side * side, map), side, side));
    gegl_node_set(g.stipple, "halo", 0.0, nullptr);  // halos would join neighbouring dots
    const auto pixels = smp_test::render(g.stipple, {0, 0, side, side});
    const int dots = static_cast<int>(dot_centres(pixels, side, side).size());
    const double expected = 90.0 * 100.0 * map;
    BOOST_TEST_MESSAGE("uniform map " << map << ": " << dots << " dots in 100 cm2, " << dots / expected << " of "
                                      << expected);
    BOOST_TEST(std::abs(dots - expected) <= 0.03 * expected,
               "map " << map << ": " << dots << " dots in 100 cm2, expected " << expected);
  }
}

BOOST_AUTO_TEST_CASE(an_8_bit_layer_is_read_as_perceptual_grey_times_alpha)
{
  // GIMP's pigment layer is usually 8-bit: 50% grey in its colour dialog (128) or white at 50%
  // opacity must each give half density, as the same map in float does.
  const int side = 1000;
  std::vector<unsigned char> layer(static_cast<std::size_t>(side) * side * 4);
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      unsigned char* p = &layer[4 * (static_cast<std::size_t>(y) * side + x)];
      const bool grey = x < side / 2;
      p[0] = p[1] = p[2] = grey ? 128 : 255;
      p[3] = grey ? 255 : 128;
    }
  const GeglRectangle rect{0, 0, side, side};
  GeglBuffer* u8 = gegl_buffer_new(&rect, babl_format("R'G'B'A u8"));
  gegl_buffer_set(u8, &rect, 0, babl_format("R'G'B'A u8"), layer.data(), GEGL_AUTO_ROWSTRIDE);
  StippleGraph g(u8);
  gegl_node_set(g.stipple, "halo", 0.0, nullptr);
  const auto centres = dot_centres(smp_test::render(g.stipple, rect), side, side);
  StippleGraph float_map(smp_test::density_buffer(std::vector<float>(side * side, 128.0f / 255.0f), side, side));
  gegl_node_set(float_map.stipple, "halo", 0.0, nullptr);
  const auto float_centres = dot_centres(smp_test::render(float_map.stipple, rect), side, side);

  const double expected = 90.0 * 50.0 * 128.0 / 255.0;  // 50 cm^2 per half
  const int float_left = count_in(float_centres, 0, 0, side / 2, side);
  for (const auto& [name, x0] : {std::pair{"50% grey", 0}, {"white at 50% opacity", side / 2}}) {
    const int dots = count_in(centres, x0, 0, x0 + side / 2, side);
    BOOST_TEST(std::abs(dots - expected) <= 0.03 * expected,
               name << ": " << dots << " dots in 50 cm2, expected " << expected);
    BOOST_TEST(std::abs(dots - float_left) <= 0.01 * float_left,
               name << ": " << dots << " dots from the 8-bit layer, " << float_left << " from the float map");
  }
}

BOOST_AUTO_TEST_CASE(a_ramp_has_the_right_count_in_every_band_and_no_seams)
{
  // Map from 0.1 to 1 across 90 mm, 600 mm tall; bands 15 mm wide (90 cm^2 each).
  const int width = 900, height = 6000, band = 150;
  std::vector<float> map(static_cast<std::size_t>(width) * height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      map[static_cast<std::size_t>(y) * width + x] = 0.1f + 0.9f * (x + 0.5f) / width;
  StippleGraph g(smp_test::density_buffer(map, width, height));
  gegl_node_set(g.stipple, "halo", 0.0, nullptr);  // halos would join neighbouring dots
  const auto pixels = smp_test::render(g.stipple, {0, 0, width, height});
  // Seams or voids would make counts in 1 x 1 cm cells vary more than in a uniform field.
  auto cell_scatter = [&](const std::vector<float>& px, auto expected_in_cell) {
    const auto centres = dot_centres(px, width, height);
    double sum = 0.0;
    int cells = 0;
    for (int cy = 0; cy < height; cy += 100)
      for (int cx = 0; cx < width; cx += 100) {
        const double e = expected_in_cell(cx);
        sum += std::pow(count_in(centres, cx, cy, cx + 100, cy + 100) - e, 2) / e;
        ++cells;
      }
    return sum / cells;
  };
  StippleGraph uniform(smp_test::density_buffer(std::vector<float>(map.size(), 0.55f), width, height));
  gegl_node_set(uniform.stipple, "halo", 0.0, nullptr);
  const double uniform_scatter = cell_scatter(smp_test::render(uniform.stipple, {0, 0, width, height}),
                                              [](int) { return 90.0 * 0.55; });
  const double ramp_scatter = cell_scatter(pixels, [&](int cx) { return 90.0 * (0.1 + 0.9 * (cx + 50.0) / width); });
  BOOST_TEST_MESSAGE("count scatter per cm2 (variance / mean): ramp " << ramp_scatter << ", uniform " << uniform_scatter);
  BOOST_TEST(ramp_scatter <= 1.3 * uniform_scatter,
             "counts per cm2 scatter " << ramp_scatter << " along the ramp, " << uniform_scatter << " in a uniform field");
  const auto ramp_centres = dot_centres(pixels, width, height);
  for (int b = 0; b < width / band; ++b) {
    const double mean_map = 0.1 + 0.9 * (b + 0.5) * band / width;
    const double expected = 90.0 * 90.0 * mean_map;
    const int dots = count_in(ramp_centres, b * band, 0, (b + 1) * band, height);
    BOOST_TEST_MESSAGE("ramp band " << b << " (map " << mean_map << "): " << dots << " dots, " << dots / expected
                                    << " of the expected " << expected);
    BOOST_TEST(std::abs(dots - expected) <= 0.03 * expected,
               "band " << b << " (map " << mean_map << "): " << dots << " dots, expected " << expected);
  }
}

BOOST_AUTO_TEST_CASE(zero_density_multiplies_a_photo_to_the_same_bits)
{
  const int width = 300, height = 200;
  std::vector<float> photo(static_cast<std::size_t>(width) * height * 4);
  for (std::size_t i = 0; i < photo.size(); ++i)
    photo[i] = (i % 4 == 3) ? 1.0f : static_cast<float>((i * 7919) % 1000) / 1000.0f;
  GeglNode* graph = gegl_node_new();
  // gegl:multiply works in linear light, as the pigment does; feed it that to compare bits.
  GeglBuffer* photo_buffer = smp_test::buffer_from(photo, width, height, "RGBA float");
  GeglNode* photo_node = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo_buffer, nullptr);
  GeglBuffer* zero = smp_test::density_buffer(std::vector<float>(width * height, 0.0f), width, height);
  GeglNode* map = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", zero, nullptr);
  GeglNode* stipple = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", nullptr);
  GeglNode* multiply = gegl_node_new_child(graph, "operation", "gegl:multiply", nullptr);
  gegl_node_link(map, stipple);
  smp::connect(stipple, "output", multiply, "aux");
  gegl_node_link(photo_node, multiply);
  const auto out = smp_test::render(multiply, {0, 0, width, height});
  std::size_t changed = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    changed += out[i] != photo[i];
  BOOST_TEST(changed == 0u, changed << " photo values changed under zero density");
  gegl_node_set(stipple, "output", 1 /* dots */, nullptr);
  const auto dots = smp_test::render(stipple, {0, 0, width, height});
  BOOST_TEST(*std::max_element(dots.begin(), dots.end()) == 0.0f, "dots output is not fully transparent");
  g_object_unref(photo_buffer);
  g_object_unref(zero);
  g_object_unref(graph);
}

BOOST_AUTO_TEST_CASE(nothing_is_drawn_outside_the_maps_support)
{
  const int width = 400, height = 400;
  std::vector<float> map(static_cast<std::size_t>(width) * height, 0.0f);
  for (int y = 100; y < 300; ++y)
    for (int x = 150; x < 250; ++x)
      map[static_cast<std::size_t>(y) * width + x] = 1.0f;
  StippleGraph g(smp_test::density_buffer(map, width, height));
  const auto pixels = smp_test::render(g.stipple, {0, 0, width, height});
  // A dot centred inside reaches at most its radius (with variation) plus its soft edge, and
  // its halo a Gaussian's 2.5 sigma; the halo's faint tail, blurred on a square grid, may run
  // on to the filter's declared reach in x and y, below anything an 8-bit pixel could show.
  const smp::StippleSettings defaults;
  const double reach_px = smp_test::dot_reach_px(defaults, px_per_mm);
  const int declared_px = smp::StippleRenderer(defaults).padding_px(0);
  const float invisible = 0.25f / 255.0f;
  std::size_t beyond_declared = 0, visible_outside = 0, inside = 0;
  float darkest_outside = 0.0f;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const double dx = std::max({150.0 - x, x - 249.0, 0.0}), dy = std::max({100.0 - y, y - 299.0, 0.0});
      const float t = pixels[4 * (static_cast<std::size_t>(y) * width + x)];
      if (std::max(dx, dy) > declared_px)
        beyond_declared += t != 1.0f;
      if (std::hypot(dx, dy) > reach_px) {
        visible_outside += 1.0f - t > invisible;
        darkest_outside = std::max(darkest_outside, 1.0f - t);
      } else {
        inside += t < 0.9f;
      }
    }
  BOOST_TEST(beyond_declared == 0u, beyond_declared << " pixels changed farther than the declared " << declared_px
                                                    << " px from the map");
  BOOST_TEST(visible_outside == 0u, visible_outside << " pixels farther than " << reach_px
                                                    << " px from the map darkened by up to " << darkest_outside);
  BOOST_TEST(inside > 200u, "only " << inside << " dark pixels inside the map");
}

BOOST_AUTO_TEST_CASE(zoomed_out_renders_agree_with_the_downscaled_full_render)
{
  const int side = 800;
  g_object_set(gegl_config(), "mipmap-rendering", TRUE, nullptr);
  StippleGraph g(smp_test::density_buffer(std::vector<float>(side * side, 0.8f), side, side));
  const auto full = smp_test::render(g.stipple, {0, 0, side, side});
  for (const int level : {1, 2, 3}) {
    const int factor = 1 << level, small = side / factor;
    const auto zoomed = smp_test::render(g.stipple, {0, 0, small, small}, "RGBA float", 1.0 / factor);
    // Compare 80 x 80 px patches of the full render (8 x 8 mm) with the same patches zoomed out,
    // away from the image's edges, where the wider zoomed-out halo loses ink off the image.
    const int patch = 80;
    for (int py = 1; py < side / patch - 1; py += 3)
      for (int px = 1; px < side / patch - 1; px += 3) {
        double a = 0.0, b = 0.0;
        for (int y = py * patch; y < (py + 1) * patch; ++y)
          for (int x = px * patch; x < (px + 1) * patch; ++x)
            a += 1.0 - full[4 * (static_cast<std::size_t>(y) * side + x)];
        for (int y = py * patch / factor; y < (py + 1) * patch / factor; ++y)
          for (int x = px * patch / factor; x < (px + 1) * patch / factor; ++x)
            b += 1.0 - zoomed[4 * (static_cast<std::size_t>(y) * small + x)];
        a /= patch * patch;
        b /= (patch / factor) * (patch / factor);
        BOOST_TEST(std::abs(a - b) <= 0.02 * a, "level " << level << " patch " << px << "," << py << ": darkening "
                                                          << b << " zoomed out vs " << a << " at full size");
      }
  }
}

BOOST_AUTO_TEST_CASE(extreme_properties_render_defined_pixels)
{
  // NaN and both ends of every range; GLib refuses some values with a warning (then the last
  // valid one stays), and what it lets through must render all the same.
  guint n = 0;
  GParamSpec** specs = gegl_operation_list_properties("smp:follicle-stipple", &n);
  for (const int end : {0, 1, 2}) {
    StippleGraph g(smp_test::density_buffer(std::vector<float>(256 * 256, 1.0f), 256, 256));
    for (guint i = 0; i < n; ++i) {
      if (!G_IS_PARAM_SPEC_DOUBLE(specs[i]))
        continue;
      const auto* spec = G_PARAM_SPEC_DOUBLE(specs[i]);
      const double value = end == 0 ? std::numeric_limits<double>::quiet_NaN() : end == 1 ? spec->minimum : spec->maximum;
      gegl_node_set(g.stipple, specs[i]->name, value, nullptr);
    }
    gegl_node_set(g.stipple, "whorl", TRUE, "sessions", end == 2 ? 3 : 1, nullptr);
    const auto pixels = smp_test::render(g.stipple, {-20, -20, 300, 300});
    for (float v : pixels)
      BOOST_TEST_REQUIRE((std::isfinite(v) && v >= 0.0f && v <= 1.0f),
                         "value " << v << " with every number property at " << (end == 0 ? "NaN" : end == 1 ? "min" : "max"));
  }
  g_free(specs);
}

// Seen in GIMP 3.0.4: SMP Stipple Layer at density 0.01 on a half-float image, then merging the
// filter, aborted GIMP; babl's half-float conversion asserts when a band has no dot to read.
BOOST_AUTO_TEST_CASE(a_half_float_layer_at_low_density_renders_without_aborting)
{
  for (const char* format : {"R'G'B'A half", "RGBA half", "Y' half", "R'G'B'A u8", "Y'A u16"}) {
    const int side = 64;
    const GeglRectangle rect{0, 0, side, side};
    GeglBuffer* layer = gegl_buffer_new(&rect, babl_format(format));
    GeglColor* white = gegl_color_new("white");
    gegl_buffer_set_color(layer, &rect, white);
    g_object_unref(white);
    StippleGraph g(layer);
    gegl_node_set(g.stipple, "density", 0.01, nullptr);
    for (const int output : {0, 1}) {
      gegl_node_set(g.stipple, "output", output, nullptr);
      const auto pixels = smp_test::render(g.stipple, rect);
      std::size_t pigmented = 0;
      for (std::size_t i = 0; i < pixels.size(); i += 4)
        pigmented += output == 0 ? pixels[i] < 1.0f : pixels[i + 3] > 0.0f;
      BOOST_TEST(pigmented == 0u, format << ": " << pigmented << " pixels pigmented at 0.01 dots/cm² on 0.4 cm²");
    }
  }
}

// A float layer holding NaN, infinities and huge values among ordinary ones (found by fuzzing):
// babl converts a batch of pixels another way when one is huge, so the dots used to change
// with the tiles. Zoomed in (dots) and far out (the mean pigment), in linear and perceptual layers.
BOOST_AUTO_TEST_CASE(a_float_layer_mixing_nan_and_infinities_gives_the_same_bits_whatever_the_tiles)
{
  const int width = 170, height = 90;
  const float specials[] = {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                            -std::numeric_limits<float>::infinity(), 1e30f, 2.0f};
  std::vector<float> rgba(static_cast<std::size_t>(width) * height * 4);
  for (std::size_t i = 0; i < rgba.size(); ++i) {
    const std::uint64_t h = smp::mix64(i);
    rgba[i] = smp::to_unit(h) < 0.1 ? specials[smp::mix64(h) % 5] : static_cast<float>(smp::to_unit(smp::mix64(h + 1)));
  }
  for (const char* format : {"RGBA float", "R'G'B'A float", "Y float"})
    for (const double scale : {10.0, 0.01}) {
      std::vector<float> reference;
      for (const auto& [tile, threads] : {std::pair{128, 2}, {97, 1}, {31, 2}}) {
        g_object_set(gegl_config(), "tile-width", tile, "tile-height", tile, "threads", threads, nullptr);
        GeglBuffer* floats = smp_test::buffer_from(rgba, width, height, "RGBA float");
        GeglBuffer* layer = gegl_buffer_new(gegl_buffer_get_extent(floats), babl_format(format));
        gegl_buffer_copy(floats, nullptr, GEGL_ABYSS_NONE, layer, nullptr);
        g_object_unref(floats);
        StippleGraph g(layer);
        gegl_node_set(g.stipple, "px-per-mm", scale, nullptr);
        const auto left = smp_test::render(g.stipple, {0, 0, 75, height}), right = smp_test::render(g.stipple, {75, 0, 75, height});
        std::vector<float> pixels;
        for (int y = 0; y < height; ++y) {
          pixels.insert(pixels.end(), left.begin() + 4 * 75 * y, left.begin() + 4 * 75 * (y + 1));
          pixels.insert(pixels.end(), right.begin() + 4 * 75 * y, right.begin() + 4 * 75 * (y + 1));
        }
        if (reference.empty())
          reference = smp_test::render(g.stipple, {0, 0, 150, height});
        std::size_t differing = 0;
        for (std::size_t i = 0; i < pixels.size(); ++i)
          differing += std::memcmp(&pixels[i], &reference[i], sizeof(float)) != 0;
        BOOST_TEST(differing == 0u, format << " at " << scale << " px/mm: " << differing << " values differ with "
                                           << tile << " px tiles, " << threads << " threads, the region split");
      }
    }
  g_object_set(gegl_config(), "tile-width", 128, "tile-height", 128, "threads", 2, nullptr);
}
