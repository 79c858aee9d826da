#define BOOST_TEST_MODULE photo_annotation
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "analysis/photo_annotation.hpp"
#include "analysis/polygon_raster.hpp"

namespace {

const std::string valid = R"([photo]
file=test.jpg
width=40
height=30
view=top
front=down
preset=norwood-7
px-per-mm=2.5
scale-from=head-width
hair-colour=grey
skin-tone=2
notes=a test

[head]
outline=5;5;35;5;35;25;5;25
ellipse=4;4;32;22

[bare]
polygon-1=10;10;20;10;20;20;10;20

[hair]
polygon-1=5;5;35;5;35;25;5;25

[background]
polygon-1=0;0;40;0;40;30;0;30

[seam-1]
hair=22;10;26;10;26;14;22;14
bare=16;10;20;10;20;14;16;14

[landmarks]
glabella=20;28
)";

smp::PhotoAnnotation parsed(const std::string& text)
{
  auto result = smp::parse_photo_annotation(text, "test.ini");
  if (const auto* error = std::get_if<smp::AnnotationError>(&result))
    BOOST_FAIL("refused: " << error->message());
  return std::get<smp::PhotoAnnotation>(result);
}

smp::AnnotationError refused(const std::string& text)
{
  auto result = smp::parse_photo_annotation(text, "test.ini");
  BOOST_TEST_REQUIRE(std::holds_alternative<smp::AnnotationError>(result), "accepted:\n" << text);
  return std::get<smp::AnnotationError>(result);
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
  text.replace(text.find(from), from.size(), to);
  return text;
}

std::size_t count(const std::vector<std::uint8_t>& mask) { return std::count(mask.begin(), mask.end(), 1); }

}  // namespace

BOOST_AUTO_TEST_CASE(a_square_covers_the_pixels_whose_centres_lie_inside)
{
  // 4 x 4 pixels from (2, 2) to (6, 6), on a 10 x 10 raster.
  const auto mask = smp::polygon_mask({{2, 2}, {6, 2}, {6, 6}, {2, 6}}, 10, 10);
  BOOST_TEST(count(mask) == 16u);
  BOOST_TEST(mask[2 * 10 + 2] == 1);
  BOOST_TEST(mask[5 * 10 + 5] == 1);
  BOOST_TEST(mask[6 * 10 + 6] == 0);
  BOOST_TEST(mask[1 * 10 + 2] == 0);
}

BOOST_AUTO_TEST_CASE(polygons_that_share_an_edge_share_no_pixel)
{
  const smp::Polygon left{{0, 0}, {5.3, 0}, {4.7, 10}, {0, 10}}, right{{5.3, 0}, {10, 0}, {10, 10}, {4.7, 10}};
  const auto a = smp::polygon_mask(left, 10, 10), b = smp::polygon_mask(right, 10, 10);
  for (std::size_t i = 0; i < a.size(); ++i)
    BOOST_TEST_REQUIRE(a[i] + b[i] == 1, "pixel " << i % 10 << "," << i / 10 << " counted " << a[i] + b[i] << " times");
}

BOOST_AUTO_TEST_CASE(a_triangle_covers_its_area_and_what_lies_off_the_raster_is_left_out)
{
  // Area 0.5 * 300 * 200 = 30000 px; the pixels counted are within its perimeter of it.
  const auto mask = smp::polygon_mask({{50, 50}, {350, 50}, {50, 250}}, 400, 300);
  BOOST_TEST(std::abs(static_cast<double>(count(mask)) - 30000.0) < 400.0, count(mask) << " px");
  // Half of this square lies left of the raster.
  const auto clipped = smp::polygon_mask({{-10, 0}, {10, 0}, {10, 20}, {-10, 20}}, 30, 30);
  BOOST_TEST(count(clipped) == 200u);
}

BOOST_AUTO_TEST_CASE(an_annotation_is_read_with_its_regions_seams_and_landmarks)
{
  const auto a = parsed(valid);
  BOOST_TEST(a.file == "test.jpg");
  BOOST_TEST(a.width == 40);
  BOOST_TEST(a.front == "down");
  BOOST_TEST(a.px_per_mm == 2.5);
  BOOST_TEST(a.skin_tone == 2);
  BOOST_TEST(a.head_outline.size() == 4u);
  BOOST_TEST(a.head_ellipse.width == 32.0);
  BOOST_TEST(a.bare.size() == 1u);
  BOOST_TEST_REQUIRE(a.seams.size() == 1u);
  BOOST_TEST(a.seams[0].name == "seam-1");
  BOOST_TEST(a.has_landmark("glabella"));
  BOOST_TEST(!a.has_landmark("pupil-left"));
  BOOST_TEST(std::abs(a.front_rad() - M_PI / 2) < 1e-12, "the face points to the image's bottom");
}

BOOST_AUTO_TEST_CASE(bare_scalp_wins_over_hair_and_hair_over_background)
{
  const auto regions = smp::annotated_regions(parsed(valid));
  auto at = [&](int x, int y) { return regions[static_cast<std::size_t>(y) * 40 + x]; };
  BOOST_TEST((at(15, 15) == smp::Region::bare));
  BOOST_TEST((at(8, 8) == smp::Region::hair));
  BOOST_TEST((at(1, 1) == smp::Region::background));
  BOOST_TEST(std::count(regions.begin(), regions.end(), smp::Region::bare) == 100);
}

BOOST_AUTO_TEST_CASE(a_working_copy_of_half_the_size_keeps_the_regions_where_they_were)
{
  const auto full = parsed(valid);
  const auto half = smp::scaled_to(full, 20, 15);
  BOOST_TEST(half.px_per_mm == 1.25);
  BOOST_TEST(half.head_ellipse.width == 16.0);
  BOOST_TEST(half.landmarks.at("glabella").y == 14.0);
  const auto regions = smp::annotated_regions(half);
  BOOST_TEST(regions.size() == 300u);
  BOOST_TEST(std::count(regions.begin(), regions.end(), smp::Region::bare) == 25, "a quarter of the 100 px");
}

BOOST_AUTO_TEST_CASE(a_broken_annotation_is_refused_naming_the_group_and_key)
{
  auto e = refused(replaced(valid, "px-per-mm=2.5", "px-per-mm=wide"));
  BOOST_TEST(e.group == "photo");
  BOOST_TEST(e.key == "px-per-mm");
  BOOST_TEST(e.message().find("'wide' is not a number") != std::string::npos, e.message());
  e = refused(replaced(valid, "front=down", "front=sideways"));
  BOOST_TEST(e.key == "front");
  e = refused(replaced(valid, "polygon-1=10;10;20;10;20;20;10;20", "polygon-1=10;10;20;10;20"));
  BOOST_TEST((e.group == "bare" && e.key == "polygon-1"), e.message());
  e = refused(replaced(valid, "polygon-1=10;10;20;10;20;20;10;20", "polygon-1=10;10;20;10"));
  BOOST_TEST(e.message().find("at least 3 points") != std::string::npos, e.message());
  e = refused(replaced(valid, "ellipse=4;4;32;22", "ellipse=4;4;32"));
  BOOST_TEST(e.key == "ellipse");
  e = refused(replaced(valid, "[seam-1]\nhair=22;10;26;10;26;14;22;14\n", "[seam-1]\n"));
  BOOST_TEST((e.group == "seam-1" && e.key == "hair"), e.message());
  e = refused(replaced(valid, "[landmarks]", "[landmark]"));
  BOOST_TEST(e.message().find("unknown group") != std::string::npos, e.message());
  e = refused(replaced(valid, "glabella=20;28", "nose=20;28"));
  BOOST_TEST(e.key == "nose");
  e = refused("[photo\nfile=x");
  BOOST_TEST(!e.message().empty());
}

BOOST_AUTO_TEST_CASE(every_annotation_of_the_development_photos_is_read_and_lies_on_its_photo)
{
  const char* source = std::getenv("SMP_SOURCE_DIR");
  BOOST_TEST_REQUIRE(source != nullptr, "SMP_SOURCE_DIR must name the project's source folder");
  int read = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(source) + "/tests/photo-annotations")) {
    if (entry.path().extension() != ".ini")
      continue;
    auto result = smp::load_photo_annotation(entry.path().string());
    if (const auto* error = std::get_if<smp::AnnotationError>(&result)) {
      BOOST_TEST(false, error->message());
      continue;
    }
    const auto& a = std::get<smp::PhotoAnnotation>(result);
    ++read;
    BOOST_TEST(a.file.rfind(entry.path().stem().string() + ".", 0) == 0, entry.path() << " names " << a.file);
    // What is scored must lie on the photo: every region pixel count is what its polygons cover there.
    const auto regions = smp::annotated_regions(a);
    const auto bare = std::count(regions.begin(), regions.end(), smp::Region::bare);
    BOOST_TEST((a.bare.empty() || bare > 0), entry.path() << ": its bare scalp lies off the photo");
    for (const auto& seam : a.seams) {
      BOOST_TEST(count(smp::polygon_mask(seam.hair, a.width, a.height)) > 0u, entry.path() << " " << seam.name);
      BOOST_TEST(count(smp::polygon_mask(seam.bare, a.width, a.height)) > 0u, entry.path() << " " << seam.name);
    }
  }
  BOOST_TEST(read > 0);
  BOOST_TEST_MESSAGE(read << " annotations read");
}
