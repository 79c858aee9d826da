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
