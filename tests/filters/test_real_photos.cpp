#define BOOST_TEST_MODULE real_photos
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "support/gegl_session.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

// The photos in ../shared/photos come with their own colour spaces (one PNG carries
// chromaticities that libpng refuses to write back); the filters work in each photo's space.
BOOST_AUTO_TEST_CASE(the_stipple_renders_over_every_real_photo)
{
  const char* dir = std::getenv("SMP_PHOTOS_DIR");
  if (!dir || !std::filesystem::is_directory(dir)) {
    BOOST_TEST_MESSAGE("skipped: no photos folder at " << (dir ? dir : "(SMP_PHOTOS_DIR unset)"));
    BOOST_TEST(true);
    return;
  }
  int photos = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string path = entry.path().string(), ext = entry.path().extension().string();
    if (ext != ".png" && ext != ".jpg")
      continue;
    ++photos;
    GeglNode* graph = gegl_node_new();
    GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", path.c_str(), nullptr);
    GeglNode* crop = gegl_node_new_child(graph, "operation", "gegl:crop", "width", 256.0, "height", 256.0, nullptr);
    GeglNode* white = gegl_node_new_child(graph, "operation", "gegl:color", nullptr);
    GeglNode* density = gegl_node_new_child(graph, "operation", "gegl:crop", "width", 256.0, "height", 256.0, nullptr);
    GeglNode* stipple = gegl_node_new_child(graph, "operation", "smp:follicle-stipple", "px-per-mm", 8.0, nullptr);
    GeglNode* multiply = gegl_node_new_child(graph, "operation", "gegl:multiply", nullptr);
    GeglColor* full = gegl_color_new("white");
    gegl_node_set(white, "value", full, nullptr);
    g_object_unref(full);
    gegl_node_link_many(load, crop, multiply, nullptr);
    gegl_node_link_many(white, density, stipple, nullptr);
    smp::connect(stipple, "output", multiply, "aux");
    const auto before = smp_test::render(crop, {0, 0, 256, 256});
    const auto after = smp_test::render(multiply, {0, 0, 256, 256});
    double darkening = 0.0;
    for (std::size_t i = 0; i < after.size(); ++i) {
      BOOST_TEST_REQUIRE((std::isfinite(after[i]) && after[i] >= 0.0f), path << ": value " << after[i]);
      if (i % 4 != 3)
        darkening += before[i] - after[i];
    }
    BOOST_TEST(darkening > 0.0, path << ": the stipple did not darken the photo");
    g_object_unref(graph);
  }
  BOOST_TEST_MESSAGE(photos << " photos rendered");
  BOOST_TEST(photos > 0, "the photos folder " << dir << " holds no PNG or JPEG");
}

// GIMP's canvas zoomed out renders the mask at GEGL's mipmap levels. Two phone photos at their
// estimated scale: the scalp found zoomed out down to 2.5 px/mm is the scalp found at full size.
BOOST_AUTO_TEST_CASE(the_scalp_mask_zoomed_out_matches_the_full_render_within_2_percent)
{
  const char* dir = std::getenv("SMP_PHOTOS_DIR");
  if (!dir || !std::filesystem::is_directory(dir)) {
    BOOST_TEST_MESSAGE("skipped: no photos folder at " << (dir ? dir : "(SMP_PHOTOS_DIR unset)"));
    BOOST_TEST(true);
    return;
  }
  g_object_set(gegl_config(), "mipmap-rendering", TRUE, nullptr);
  for (const auto& [name, px_per_mm] : {std::pair{"group4_5.jpg", 10.0}, {"group4_16.jpg", 12.0}}) {
    const std::string path = std::string(dir) + "/" + name;
    if (!std::filesystem::exists(path))
      continue;
    GeglNode* graph = gegl_node_new();
    GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", path.c_str(), nullptr);
    GeglBuffer* photo = nullptr;
    GeglNode* sink = gegl_node_new_child(graph, "operation", "gegl:buffer-sink", "buffer", &photo, nullptr);
    gegl_node_link(load, sink);
    gegl_node_process(sink);
    GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo, nullptr);
    GeglNode* mask = gegl_node_new_child(graph, "operation", "smp:scalp-mask", "px-per-mm", px_per_mm, nullptr);
    gegl_node_link(source, mask);
    const GeglRectangle extent = *gegl_buffer_get_extent(photo);
    const auto full = smp_test::render(mask, extent, "Y' float");
    for (const int level : {1, 2}) {
      const int f = 1 << level, w = extent.width / f, h = extent.height / f;
      const auto zoomed = smp_test::render(mask, {0, 0, w, h}, "Y' float", 1.0 / f);
      // The whole photo, and its quarters.
      for (int part = 0; part < 5; ++part) {
        const int x0 = part == 0 ? 0 : (part - 1) % 2 * w / 2, y0 = part == 0 ? 0 : (part - 1) / 2 * h / 2;
        const int pw = part == 0 ? w : w / 2, ph = part == 0 ? h : h / 2;
        double a = 0.0, b = 0.0;
        for (int y = y0; y < y0 + ph; ++y)
          for (int x = x0; x < x0 + pw; ++x) {
            b += zoomed[static_cast<std::size_t>(y) * w + x];
            for (int j = 0; j < f; ++j)
              for (int i = 0; i < f; ++i)
                a += full[static_cast<std::size_t>(y * f + j) * extent.width + x * f + i];
          }
        a /= static_cast<double>(pw) * ph * f * f;
        b /= static_cast<double>(pw) * ph;
        BOOST_TEST_MESSAGE(name << " level " << level << " part " << part << ": scalp " << b << " zoomed out, " << a
                                << " at full size");
        BOOST_TEST(std::abs(b - a) <= 0.02, name << " at level " << level << " (" << px_per_mm / f << " px/mm), part "
                                                 << part << ": scalp " << b << " zoomed out, " << a << " at full size");
      }
    }
    g_object_unref(photo);
    g_object_unref(graph);
  }
  g_object_set(gegl_config(), "mipmap-rendering", FALSE, nullptr);
}
