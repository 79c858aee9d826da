#define BOOST_TEST_MODULE scar_filters
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "support/gegl_session.hpp"
#include "support/scar_scores.hpp"
#include "synthetic/synthetic_scar.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

constexpr double px_per_mm = 10.0;

smp::SyntheticScar scalp(smp::SyntheticScarKind kind, std::uint32_t seed = 11)
{
  smp::SyntheticScarSpec spec;
  spec.kind = kind;
  spec.px_per_mm = px_per_mm;
  spec.seed = seed;
  switch (kind) {
    case smp::SyntheticScarKind::strip: spec.width_px = 1000, spec.height_px = 300; break;  // 2 mm x 8 cm
    case smp::SyntheticScarKind::dots: spec.width_px = 800, spec.height_px = 560; break;    // 200 of 0.8 mm
    case smp::SyntheticScarKind::patch:                                                      // 3 cm across
    case smp::SyntheticScarKind::none: spec.width_px = 600, spec.height_px = 600; break;
  }
  return smp::synthetic_scar(spec);
}

std::vector<float> rgba_of(const smp::SyntheticScar& s)
{
  std::vector<float> rgba(static_cast<std::size_t>(s.width) * s.height * 4);
  for (std::size_t i = 0; i < rgba.size() / 4; ++i) {
    std::copy_n(&s.rgb[3 * i], 3, &rgba[4 * i]);
    rgba[4 * i + 3] = 1.0f;
  }
  return rgba;
}

// photo -> smp:scar-mask (-> smp:scar-blend with the mask on its aux pad); the graph owns all.
struct ScarGraph {
  GeglNode* graph = gegl_node_new();
  GeglNode *photo, *mask, *blend;

  ScarGraph(const std::vector<float>& rgba, int width, int height)
  {
    GeglBuffer* buffer = smp_test::buffer_from(rgba, width, height, "R'G'B'A float");
    photo = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
    g_object_unref(buffer);
    mask = gegl_node_new_child(graph, "operation", "smp:scar-mask", "px-per-mm", px_per_mm, nullptr);
    blend = gegl_node_new_child(graph, "operation", "smp:scar-blend", "px-per-mm", px_per_mm, nullptr);
    gegl_node_link(photo, mask);
    gegl_node_link(photo, blend);
    smp::connect(mask, "output", blend, "aux");
  }
  explicit ScarGraph(const smp::SyntheticScar& s) : ScarGraph(rgba_of(s), s.width, s.height) {}
  ~ScarGraph() { g_object_unref(graph); }

  std::vector<float> mask_values(int width, int height) const
  {
    return smp_test::render(mask, {0, 0, width, height}, "Y' float");
  }
};

// Enum properties take the enum's value, not its name.
void set_kind(GeglNode* mask, const char* nick)
{
  GParamSpec* spec = gegl_operation_find_property("smp:scar-mask", "kind");
  BOOST_TEST_REQUIRE(G_IS_PARAM_SPEC_ENUM(spec));
  const GEnumValue* value = g_enum_get_value_by_nick(G_PARAM_SPEC_ENUM(spec)->enum_class, nick);
  BOOST_TEST_REQUIRE(value != nullptr, "smp:scar-mask has no kind " << nick);
  gegl_node_set(mask, "kind", value->value, nullptr);
}

const char* kind_name(smp::SyntheticScarKind kind)
{
  switch (kind) {
    case smp::SyntheticScarKind::strip: return "linear";
    case smp::SyntheticScarKind::dots: return "dots";
    case smp::SyntheticScarKind::patch: return "area";
    case smp::SyntheticScarKind::none: break;
  }
  return "any";
}

}  // namespace

BOOST_AUTO_TEST_CASE(both_ops_are_registered_with_their_menu_docs_and_properties)
{
  for (const char* op : {"smp:scar-mask", "smp:scar-blend"}) {
    BOOST_TEST_REQUIRE(gegl_has_operation(op), op << " is not registered");
    for (const char* key : {"title", "description", "categories", "gimp:menu-path", "gimp:menu-label"}) {
      const char* value = gegl_operation_get_key(op, key);
      BOOST_TEST((value && *value), op << ": meta key " << key << " is empty");
    }
  }
  auto names = [](const char* op) {
    guint n = 0;
    GParamSpec** specs = gegl_operation_list_properties(op, &n);
    std::vector<std::string> out;
    for (guint i = 0; i < n; ++i)
      out.push_back(specs[i]->name);
    g_free(specs);
    return out;
  };
  const auto mask = names("smp:scar-mask"), blend = names("smp:scar-blend");
  for (const char* wanted : {"px-per-mm", "kind", "sensitivity", "feather"})
    BOOST_TEST((std::find(mask.begin(), mask.end(), wanted) != mask.end()), "smp:scar-mask has no " << wanted);
  for (const char* wanted : {"px-per-mm", "ring-width", "feather", "texture"})
    BOOST_TEST((std::find(blend.begin(), blend.end(), wanted) != blend.end()), "smp:scar-blend has no " << wanted);
}

BOOST_AUTO_TEST_CASE(a_fut_strip_2mm_by_8cm_is_found_with_iou_of_at_least_0_8)
{
  const auto s = scalp(smp::SyntheticScarKind::strip);
  for (const char* kind : {"linear", "any"}) {
    ScarGraph g(s);
    set_kind(g.mask, kind);
    const double iou = smp_test::intersection_over_union(g.mask_values(s.width, s.height), s.truth);
    BOOST_TEST_MESSAGE("FUT strip, kind " << kind << ": IoU " << iou);
    BOOST_TEST(iou >= 0.8, "kind " << kind << ": IoU of the strip " << iou);
  }
}

BOOST_AUTO_TEST_CASE(of_200_fue_dots_at_least_90_percent_are_found_with_at_most_10_percent_false)
{
  const auto s = scalp(smp::SyntheticScarKind::dots);
  BOOST_TEST_REQUIRE(s.dots.size() == 200u);
  for (const char* kind : {"dots", "any"}) {
    ScarGraph g(s);
    set_kind(g.mask, kind);
    const auto m = smp_test::match_dots(g.mask_values(s.width, s.height), s.width, s.height, s.dots, 0.6 * px_per_mm);
    BOOST_TEST_MESSAGE("FUE dots, kind " << kind << ": " << m.found << " of 200 found, " << m.false_detections << " of "
                                         << m.detections << " detections false");
    BOOST_TEST(m.found >= 180, "kind " << kind << ": " << m.found << " of 200 punches found");
    BOOST_TEST(m.false_detections <= 0.1 * m.detections,
               "kind " << kind << ": " << m.false_detections << " of " << m.detections << " detections are false");
  }
}

BOOST_AUTO_TEST_CASE(an_irregular_3cm_patch_is_found_with_iou_of_at_least_0_8)
{
  const auto s = scalp(smp::SyntheticScarKind::patch);
  for (const char* kind : {"area", "any"}) {
    ScarGraph g(s);
    set_kind(g.mask, kind);
    const double iou = smp_test::intersection_over_union(g.mask_values(s.width, s.height), s.truth);
    BOOST_TEST_MESSAGE("3 cm patch, kind " << kind << ": IoU " << iou);
    BOOST_TEST(iou >= 0.8, "kind " << kind << ": IoU of the patch " << iou);
  }
}

BOOST_AUTO_TEST_CASE(each_kind_keeps_only_scars_of_its_own_shape)
{
  const std::vector<std::pair<smp::SyntheticScarKind, const char*>> others{
      {smp::SyntheticScarKind::strip, "dots"}, {smp::SyntheticScarKind::strip, "area"},
      {smp::SyntheticScarKind::patch, "linear"}, {smp::SyntheticScarKind::patch, "dots"},
      {smp::SyntheticScarKind::dots, "linear"}, {smp::SyntheticScarKind::dots, "area"}};
  for (const auto& [scar, kind] : others) {
    const auto s = scalp(scar);
    ScarGraph g(s);
    set_kind(g.mask, kind);
    const double share = smp_test::detected_share(g.mask_values(s.width, s.height));
    BOOST_TEST(share < 0.001, "kind " << kind << " marks " << 100 * share << "% of the " << kind_name(scar) << " scar image");
  }
}

BOOST_AUTO_TEST_CASE(a_scar_free_scalp_has_less_than_half_a_percent_detected)
{
  for (const std::uint32_t seed : {1u, 2u, 3u, 4u}) {
    const auto s = scalp(smp::SyntheticScarKind::none, seed);
    ScarGraph g(s);
    gegl_node_set(g.mask, "sensitivity", 0.5, nullptr);
    const double share = smp_test::detected_share(g.mask_values(s.width, s.height));
    BOOST_TEST_MESSAGE("scar-free scalp, seed " << seed << ": " << 100 * share << "% detected");
    BOOST_TEST(share < 0.005, "seed " << seed << ": " << 100 * share << "% of a scar-free scalp detected");
  }
}

BOOST_AUTO_TEST_CASE(the_blend_cuts_the_scar_to_skin_difference_by_75_percent_and_leaves_the_rest_bit_for_bit)
{
  for (const auto kind : {smp::SyntheticScarKind::strip, smp::SyntheticScarKind::dots, smp::SyntheticScarKind::patch}) {
    const auto s = scalp(kind);
    ScarGraph g(s);
    set_kind(g.mask, kind_name(kind));
    const GeglRectangle whole{0, 0, s.width, s.height};
    const auto mask = g.mask_values(s.width, s.height);
    const auto before = smp_test::render(g.photo, whole, "CIE Lab alpha float");
    const auto after = smp_test::render(g.blend, whole, "CIE Lab alpha float");
    const auto ring = smp_test::ring_around(s.truth, s.width, s.height, static_cast<int>(3 * px_per_mm));
    const std::size_t n = s.truth.size();
    auto in_scar = [&](std::size_t i) { return s.truth[i] > 0.5f; };
    auto in_ring = [&](std::size_t i) { return ring[i] > 0.5f; };
    const double de_before = smp::ciede2000(smp_test::mean_lab(before, n, in_scar), smp_test::mean_lab(before, n, in_ring));
    const double de_after = smp::ciede2000(smp_test::mean_lab(after, n, in_scar), smp_test::mean_lab(after, n, in_ring));
    BOOST_TEST_MESSAGE(kind_name(kind) << " scar: CIEDE2000 to the ring " << de_before << " before, " << de_after
                                       << " after (" << 100 * (1 - de_after / de_before) << "% less)");
    BOOST_TEST(de_after <= 0.25 * de_before,
               kind_name(kind) << ": CIEDE2000 scar to ring " << de_before << " before, " << de_after << " after");

    const auto in_rgba = smp_test::render(g.photo, whole), out_rgba = smp_test::render(g.blend, whole);
    std::size_t changed = 0, unmasked = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (mask[i] == 0.0f) {
        ++unmasked;
        changed += std::memcmp(&in_rgba[4 * i], &out_rgba[4 * i], 4 * sizeof(float)) != 0;
      }
    BOOST_TEST(unmasked > n / 2, "only " << unmasked << " of " << n << " pixels are outside the mask");
    BOOST_TEST(changed == 0u, kind_name(kind) << ": " << changed << " pixels outside the mask changed");
  }
}

BOOST_AUTO_TEST_CASE(the_same_bits_whatever_the_tiles_threads_and_regions)
{
  const auto s = scalp(smp::SyntheticScarKind::patch);
  std::vector<float> reference;
  for (const auto& [tile, threads] : {std::pair{128, 1}, {64, 2}, {97, 4}, {512, 2}}) {
    g_object_set(gegl_config(), "tile-width", tile, "tile-height", tile, "threads", threads, nullptr);
    ScarGraph g(s);
    std::vector<float> pixels(static_cast<std::size_t>(s.width) * s.height * 4);
    for (const GeglRectangle piece : {GeglRectangle{0, 0, 333, 171}, {333, 0, 267, 171}, {0, 171, 17, 429}, {17, 171, 583, 429}}) {
      const auto part = smp_test::render(g.blend, piece);
      for (int y = 0; y < piece.height; ++y)
        std::memcpy(&pixels[4 * (static_cast<std::size_t>(piece.y + y) * s.width + piece.x)],
                    &part[4 * static_cast<std::size_t>(y) * piece.width], sizeof(float) * 4 * piece.width);
    }
    if (reference.empty())
      reference = pixels;
    std::size_t differing = 0;
    for (std::size_t i = 0; i < pixels.size(); ++i)
      differing += std::memcmp(&pixels[i], &reference[i], sizeof(float)) != 0;
    BOOST_TEST(differing == 0u, differing << " values differ with " << tile << " px tiles and " << threads << " threads");
  }
  g_object_set(gegl_config(), "tile-width", 128, "tile-height", 128, "threads", 2, nullptr);
}

BOOST_AUTO_TEST_CASE(a_region_on_the_aux_pad_limits_where_scars_are_found)
{
  const auto s = scalp(smp::SyntheticScarKind::strip);
  ScarGraph g(s);
  // Only the left half of the image is looked at.
  std::vector<float> region(static_cast<std::size_t>(s.width) * s.height);
  for (int y = 0; y < s.height; ++y)
    for (int x = 0; x < s.width / 2; ++x)
      region[static_cast<std::size_t>(y) * s.width + x] = 1.0f;
  GeglBuffer* buffer = smp_test::density_buffer(region, s.width, s.height);
  GeglNode* rough = gegl_node_new_child(g.graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
  g_object_unref(buffer);
  smp::connect(rough, "output", g.mask, "aux");
  const auto mask = g.mask_values(s.width, s.height);
  double left = 0, right = 0;
  for (int y = 0; y < s.height; ++y)
    for (int x = 0; x < s.width; ++x)
      (x < s.width / 2 ? left : right) += mask[static_cast<std::size_t>(y) * s.width + x] > 0.5f;
  BOOST_TEST(left > 0.3 * 20 * 400, "only " << left << " px of the strip found inside the region");
  BOOST_TEST(right == 0.0, right << " px marked outside the region");
}

BOOST_AUTO_TEST_CASE(bad_input_gives_a_defined_output)
{
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // An empty region finds nothing.
  {
    const auto s = scalp(smp::SyntheticScarKind::strip);
    ScarGraph g(s);
    GeglBuffer* black = smp_test::density_buffer(std::vector<float>(s.truth.size(), 0.0f), s.width, s.height);
    GeglNode* rough = gegl_node_new_child(g.graph, "operation", "gegl:buffer-source", "buffer", black, nullptr);
    g_object_unref(black);
    smp::connect(rough, "output", g.mask, "aux");
    BOOST_TEST(smp_test::detected_share(g.mask_values(s.width, s.height)) == 0.0, "an empty region marks pixels");
    const auto in = smp_test::render(g.photo, {0, 0, s.width, s.height}), out = smp_test::render(g.blend, {0, 0, s.width, s.height});
    BOOST_TEST((in == out), "with an empty mask the blend changed the photo");
  }
  // No scale, NaN and infinite properties, a 1x1 image, NaN pixels, no mask on the blend.
  const std::vector<std::pair<int, int>> sizes{{1, 1}, {3, 2}, {64, 48}};
  for (const auto& [w, h] : sizes) {
    std::vector<float> rgba(static_cast<std::size_t>(w) * h * 4, 0.6f);
    rgba[0] = std::numeric_limits<float>::quiet_NaN();
    for (const double bad : {nan, 0.0, 1.0}) {
      ScarGraph g(rgba, w, h);
      // GObject refuses NaN with a warning (the default stays); 0 and 1 take every property to an end of its range.
      auto pick = [&](double lo, double hi) { return std::isnan(bad) ? bad : lo + bad * (hi - lo); };
      gegl_node_set(g.mask, "px-per-mm", pick(0.01, 200.0), "sensitivity", bad, "feather", pick(0.0, 20.0), nullptr);
      gegl_node_set(g.blend, "px-per-mm", pick(0.01, 200.0), "ring-width", pick(0.2, 50.0), "feather", pick(0.0, 20.0),
                    "texture", bad, nullptr);
      const auto mask = g.mask_values(w, h);
      const auto out = smp_test::render(g.blend, {0, 0, w, h});
      BOOST_TEST(std::all_of(mask.begin(), mask.end(), [](float v) { return v >= 0.0f && v <= 1.0f; }),
                 w << "x" << h << " image, property " << bad << ": mask outside 0..1");
      BOOST_TEST(out.size() == rgba.size());
    }
  }
  {
    const auto s = scalp(smp::SyntheticScarKind::patch);
    GeglNode* graph = gegl_node_new();
    GeglBuffer* buffer = smp_test::buffer_from(rgba_of(s), s.width, s.height, "R'G'B'A float");
    GeglNode* photo = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
    g_object_unref(buffer);
    GeglNode* blend = gegl_node_new_child(graph, "operation", "smp:scar-blend", nullptr);
    gegl_node_link(photo, blend);
    const GeglRectangle whole{0, 0, s.width, s.height};
    BOOST_TEST((smp_test::render(photo, whole) == smp_test::render(blend, whole)), "without a mask the blend changed the photo");
    g_object_unref(graph);
  }
}

// Both ops read their whole input: an unbounded one (a colour fill) used to hang them, and a
// 20000 x 20000 px one to end GIMP in std::bad_alloc. Larger than they take, each region is
// refused at once: no scar marked, the photo unchanged.
BOOST_AUTO_TEST_CASE(an_unbounded_or_huge_input_is_refused_at_once)
{
  for (const double side : {0.0, 20000.0}) {
    GeglNode* graph = gegl_node_new();
    GeglColor* skin = gegl_color_new("rgb(0.8, 0.6, 0.5)");
    GeglNode* fill = gegl_node_new_child(graph, "operation", "gegl:color", "value", skin, nullptr);
    g_object_unref(skin);
    GeglNode* photo = fill;
    if (side > 0.0) {
      photo = gegl_node_new_child(graph, "operation", "gegl:crop", "width", side, "height", side, nullptr);
      gegl_node_link(fill, photo);
    }
    GeglNode* mask = gegl_node_new_child(graph, "operation", "smp:scar-mask", nullptr);
    GeglNode* blend = gegl_node_new_child(graph, "operation", "smp:scar-blend", nullptr);
    gegl_node_link(photo, mask);
    gegl_node_link(photo, blend);
    smp::connect(mask, "output", blend, "aux");
    const GeglRectangle region{5000, 7000, 64, 48};
    const auto found = smp_test::render(mask, region, "Y' float");
    BOOST_TEST(smp_test::detected_share(found) == 0.0, (side > 0 ? "a huge" : "an unbounded") << " input marked a scar");
    BOOST_TEST((smp_test::render(blend, region) == smp_test::render(photo, region)),
               (side > 0 ? "a huge" : "an unbounded") << " input was changed by the blend");
    g_object_unref(graph);
  }
}
