// The realism targets of issue 13 on every annotated development photo: Simulate SMP run in a
// real headless GIMP 3 as a designer would (tools/realism-score runs the same code), and the
// treated scalp measured against the client's own hair, bare skin and background. One suite per
// photo, one case per target; a target that does not apply to the photo is skipped with why.
// By default (meson test, CI) a fixed subset of the photos runs (ci_photos below);
// SMP_REALISM_PHOTOS=all runs every annotated photo (tools/run-tests realism), or a list of stems.
// Targets the product does not meet yet run as counted expected failures (known_misses.hpp).
#include <gegl.h>
#include <glib/gstdio.h>

#include <boost/test/results_collector.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "known_misses.hpp"
#include "photo_runs.hpp"
#include "photo_score.hpp"
#include "score_table.hpp"

namespace {

namespace utf = boost::unit_test;
using smp_realism::PhotoScore;
using smp_realism::Targets;

std::string env_or_empty(const char* name)
{
  const char* value = std::getenv(name);
  return value ? value : "";
}

// The suite runs large photos as working copies of at most this many px on their longer side
// (SMP_REALISM_MAX_SIDE, set by tests/meson.build; 0 for the photos as they are).
int max_side_px() { return std::atoi(env_or_empty("SMP_REALISM_MAX_SIDE").c_str()); }

// The default run's photos, a fixed subset of varied views, sizes and skin (2.8 minutes on a
// busy 2-core machine, 94 s of CPU; all 28 photos take about 4 times as long): web-size top views
// on light skin (group3_15, norwood-5; group3_20, diffuse thinning; group4_28), a web-size
// top-front view on dark skin (group2_2, skin tone 5), a larger top-front view on the darkest skin
// (group3_1, tone 6, 629 x 720) and two phone photos run as 800 px working copies (group4_5,
// 1980 x 2640; group4_16, 2320 x 3088).
const std::vector<std::string> ci_photos{"group2_2", "group3_1", "group3_15", "group3_20",
                                         "group4_16", "group4_28", "group4_5"};

// SMP_REALISM_PHOTOS: unset, the subset above; "all", every annotation; else stems, space-separated.
std::vector<std::string> photos_to_run()
{
  const std::string chosen = env_or_empty("SMP_REALISM_PHOTOS");
  if (chosen.empty())
    return ci_photos;
  if (chosen == "all")
    return {};
  std::vector<std::string> stems;
  std::istringstream in(chosen);
  for (std::string stem; in >> stem;)
    stems.push_back(stem);
  return stems;
}

bool photos_present() { return std::filesystem::is_directory(env_or_empty("SMP_PHOTOS_DIR")); }

std::vector<smp_realism::AnnotatedPhoto>& annotated()
{
  static std::vector<smp_realism::AnnotatedPhoto> photos;
  return photos;
}

// A folder under /tmp for GIMP's pictures of the photos, gone when the test ends however it ends.
class WorkFolder {
 public:
  WorkFolder()
  {
    g_autoptr(GError) error = nullptr;
    g_autofree gchar* made = g_dir_make_tmp("smp-realism-XXXXXX", &error);
    path = made ? made : "";
  }
  ~WorkFolder()
  {
    std::error_code ignored;
    if (!path.empty())
      std::filesystem::remove_all(path, ignored);
  }
  std::string path;
};

// Every photo through GIMP once, on first use; its pictures are removed as soon as it is scored.
const std::map<std::string, PhotoScore>& scores()
{
  static std::map<std::string, PhotoScore> by_stem;
  static bool done = false;
  if (done)
    return by_stem;
  done = true;
  WorkFolder work;
  BOOST_TEST_REQUIRE(!work.path.empty(), "could not make a work folder under " << g_get_tmp_dir());
  std::vector<smp_realism::AnnotatedPhoto> with_bare_scalp;
  for (const auto& photo : annotated())
    if (!photo.photo.bare.empty())
      with_bare_scalp.push_back(photo);
  const smp_realism::Folders folders{env_or_empty("SMP_SOURCE_DIR"), env_or_empty("SMP_BUILD_DIR"),
                                     env_or_empty("SMP_PHOTOS_DIR"), work.path};
  const auto runs = smp_realism::run_in_gimp(with_bare_scalp, folders,
                                             [](const std::string& line) { std::clog << "realism: " << line << std::endl; });
  std::ostringstream table;
  table << smp_realism::table_header() << "\n";
  std::vector<PhotoScore> all;
  for (std::size_t i = 0; i < with_bare_scalp.size(); ++i) {
    all.push_back(smp_realism::score_photo(with_bare_scalp[i], runs[i], folders.photos));
    std::filesystem::remove(runs[i].after_png);
    std::filesystem::remove(runs[i].density_png);
    if (!runs[i].front_after_png.empty())
      std::filesystem::remove(runs[i].front_after_png);
    if (!runs[i].before_png.empty())
      std::filesystem::remove(runs[i].before_png);
    table << smp_realism::table_row(all.back()) << "\n";
  }
  table << smp_realism::worst_row(all) << "\n";
  std::clog << table.str();
  for (auto& s : all) {
    // The annotation the score points to lives in annotated(), which outlives the scores.
    for (const auto& photo : annotated())
      if (photo.stem == s.stem)
        s.photo = &photo.photo;
    by_stem.emplace(s.stem, std::move(s));
  }
  return by_stem;
}

const PhotoScore& score_of(const std::string& stem)
{
  const auto& all = scores();
  const auto it = all.find(stem);
  BOOST_TEST_REQUIRE((it != all.end()), stem << " was not scored");
  return it->second;
}

// The designer run's figures are there, or the case fails with what went wrong.
const PhotoScore& measured(const std::string& stem)
{
  const PhotoScore& s = score_of(stem);
  BOOST_TEST_REQUIRE(s.problem.empty(), stem << ": " << s.problem);
  return s;
}

std::string percent(double share)
{
  std::ostringstream out;
  out.precision(3);
  out << 100.0 * share << "%";
  return out.str();
}

void seams_match_the_clients_hair(const std::string& stem)
{
  const PhotoScore& s = measured(stem);
  BOOST_TEST_REQUIRE(!s.seams.empty(), stem << ": no seam patch lies on the photo");
  for (const auto& seam : s.seams)
    BOOST_TEST(seam.delta_e.after <= Targets::seam_delta_e_max,
               stem << " " << seam.name << ": treated skin is ΔE " << seam.delta_e.after << " from the client's hair (was "
                    << seam.delta_e.before << " before; target ≤ " << Targets::seam_delta_e_max << ")");
}

void bare_scalp_darkens_plainly(const std::string& stem)
{
  const PhotoScore& s = measured(stem);
  BOOST_TEST_REQUIRE(s.bare_darkening.has_value(), stem << ": no annotated bare scalp lies on the photo");
  BOOST_TEST(*s.bare_darkening >= Targets::bare_darkening_min,
             stem << ": bare scalp darkened by ΔL* " << *s.bare_darkening << " (target ≥ " << Targets::bare_darkening_min
                  << " on light skin)");
}

void bare_scalp_is_found(const std::string& stem)
{
  const PhotoScore& s = measured(stem);
  BOOST_TEST_REQUIRE(s.coverage.iou.has_value(), stem << ": the preset plans no pigment on annotated pixels");
  BOOST_TEST(*s.coverage.iou >= Targets::bare_iou_min,
             stem << ": pigment against annotated bare scalp, IoU " << *s.coverage.iou << " (target ≥ "
                  << Targets::bare_iou_min << ")");
}

void no_holes_in_bare_scalp(const std::string& stem)
{
  const PhotoScore& s = measured(stem);
  BOOST_TEST_REQUIRE(s.coverage.holes.has_value(),
                     stem << ": the preset's plan asks for at least half density on none of the "
                          << s.coverage.bare_px << " px of annotated bare scalp");
  BOOST_TEST(*s.coverage.holes < Targets::holes_max,
             stem << ": " << percent(*s.coverage.holes) << " of the planned bare scalp ("
                  << s.coverage.bare_planned_px << " px) got under a fifth of the plan's density (target < "
                  << percent(Targets::holes_max) << ")");
}

void nothing_changes_off_the_scalp(const std::string& stem)
{
  const PhotoScore& s = measured(stem);
  BOOST_TEST_REQUIRE((s.background && s.background->pixels > 0), stem << ": no annotated background lies on the photo");
  BOOST_TEST(s.background->mean_delta_e <= Targets::background_delta_e_max,
             stem << ": the background changed by ΔE " << s.background->mean_delta_e << " on average, "
                  << s.background->worst_block_delta_e << " in its worst 5 mm block (target ≤ "
                  << Targets::background_delta_e_max << " on average)");
}

void the_fitted_head_matches_the_outline(const std::string& stem)
{
  const PhotoScore& s = score_of(stem);
  BOOST_TEST_REQUIRE(s.run.fit_done, stem << ": Simulate without a selection failed: " << s.run.fit_message);
  BOOST_TEST_REQUIRE(s.head_fit.has_value(), stem << ": Simulate left no path \"SMP head\"");
  const auto& e = *s.head_fit;
  BOOST_TEST(e.worst() <= Targets::head_fit_max,
             stem << ": the fitted head is " << percent(e.width) << " in width, " << percent(e.length)
                  << " in length and " << percent(e.centre) << " off centre against the annotated outline (target within "
                  << percent(Targets::head_fit_max) << ")");
}

// Issue 18: a photo cropped at the brows runs its front-view preset from them, and the pigment
// stays off the background as in a top view.
void the_front_view_preset_runs_from_the_brows(const std::string& stem)
{
  const PhotoScore& s = measured(stem);
  BOOST_TEST_REQUIRE(s.run.front_done, stem << ": " << s.choice.front_nick << " from the brows failed: " << s.run.front_message);
  BOOST_TEST_REQUIRE((s.front_background && s.front_background->pixels > 0), stem << ": the front run's result was not read");
  BOOST_TEST_MESSAGE(stem << ": " << s.choice.front_nick << " from the brows darkens the bare scalp by ΔL* "
                          << s.front_bare_darkening.value_or(NAN));
  BOOST_TEST(s.front_background->mean_delta_e <= Targets::background_delta_e_max,
             stem << ": " << s.choice.front_nick << " from the brows changed the background by ΔE "
                  << s.front_background->mean_delta_e << " on average, " << s.front_background->worst_block_delta_e
                  << " in its worst 5 mm block (target ≤ " << Targets::background_delta_e_max << " on average)");
}

boost::test_tools::assertion_result skipped(const std::string& why)
{
  boost::test_tools::assertion_result result(false);
  result.message() << why;
  return result;
}

int known_misses_run = 0, unexpected_passes = 0;

// A known miss whose checks now fail fewer times than listed: visible as a warning (Boost counts
// the case "passed with warnings"), and named, so that it comes off the list.
void report_if_met(const smp_realism::KnownMiss& miss)
{
  const auto failed = utf::results_collector.results(utf::framework::current_test_case().p_id).p_assertions_failed;
  if (failed >= static_cast<utf::counter_t>(miss.failing_checks))
    return;
  ++unexpected_passes;
  std::clog << "realism: UNEXPECTED PASS " << miss.stem << "/" << miss.target << ": " << failed << " of its checks failed, "
            << miss.failing_checks << " expected (was " << miss.measured
            << "); take it off tests/realism/known_misses.hpp" << std::endl;
  BOOST_WARN_MESSAGE(false, miss.stem << "/" << miss.target << " meets more of issue 13's target than known_misses.hpp says");
}

using Applies = std::function<std::string(const smp_realism::AnnotatedPhoto&)>;  // empty: it applies

void add_target(utf::test_suite* suite, const smp_realism::AnnotatedPhoto& photo, const char* name,
                void (*check)(const std::string&), const Applies& applies)
{
  const std::string stem = photo.stem;
  const smp_realism::KnownMiss* miss = smp_realism::known_miss(stem, name);
  utf::test_case* target = utf::make_test_case(
      [stem, check, miss] {
        known_misses_run += miss ? 1 : 0;
        check(stem);
        if (miss)
          report_if_met(*miss);  // not reached when a required check failed: still a miss
      },
      name, __FILE__, __LINE__);
  target->add_precondition([&photo, applies](utf::test_unit_id) {
    if (!photos_present())
      return skipped("no photos folder at " + env_or_empty("SMP_PHOTOS_DIR") + " (SMP_PHOTOS_DIR): skipped");
    if (photo.photo.bare.empty())
      return skipped(photo.stem + " has no bare scalp annotated: nothing to simulate");
    if (!photo.choice.designer && !photo.choice.fit)
      return skipped(photo.stem + ": " + photo.choice.note);
    const std::string why = applies(photo);
    return why.empty() ? boost::test_tools::assertion_result(true) : skipped(photo.stem + ": " + why);
  });
  suite->add(target, miss && photos_present() ? miss->failing_checks : 0);
}

bool register_photos()
{
  utf::framework::master_test_suite().p_name.value = "realism";
  std::string problem;
  annotated() = smp_realism::annotated_photos(env_or_empty("SMP_SOURCE_DIR"), photos_to_run(), max_side_px(), problem);
  if (annotated().empty()) {
    utf::framework::master_test_suite().add(utf::make_test_case(
        [problem] { BOOST_FAIL("the annotations can't be read: " << problem); }, "annotations_are_read", __FILE__,
        __LINE__));
    return true;
  }
  const Applies with_seams = [](const smp_realism::AnnotatedPhoto& p) {
    return p.photo.seams.empty() ? std::string("no seam annotated (no hair of the client's beside bare scalp)")
                                 : std::string();
  };
  const Applies light_skin_without_hair_to_match = [](const smp_realism::AnnotatedPhoto& p) {
    if (!p.photo.seams.empty())
      return std::string("the photo shows hair to match: the seam target applies instead");
    if (p.photo.skin_tone > Targets::light_skin_tone_max)
      return "skin tone " + std::to_string(p.photo.skin_tone) + ": the ΔL* target is for light skin (1-3)";
    return std::string();
  };
  const Applies designer_ran = [](const smp_realism::AnnotatedPhoto& p) {
    return p.choice.designer ? std::string() : p.choice.note;
  };
  const Applies fit_ran = [](const smp_realism::AnnotatedPhoto& p) { return p.choice.fit ? std::string() : p.choice.note; };
  const Applies cropped_at_the_brows = [](const smp_realism::AnnotatedPhoto& p) {
    return p.choice.front ? std::string() : std::string("no front run: not a photo marked at the brows only");
  };
  if (!photos_present())
    std::clog << "realism: no photos folder at " << env_or_empty("SMP_PHOTOS_DIR")
              << " (SMP_PHOTOS_DIR): every photo's case is skipped" << std::endl;
  std::clog << "realism: " << annotated().size() << " annotated photos"
            << (env_or_empty("SMP_REALISM_PHOTOS").empty() ? " (the default subset; SMP_REALISM_PHOTOS=all for every one)" : "")
            << std::endl;
  utf::framework::master_test_suite().add(utf::make_test_case(
      [] {
        for (const auto& miss : smp_realism::known_misses)
          BOOST_TEST(smp_realism::names_a_target(miss, env_or_empty("SMP_SOURCE_DIR")),
                     "known_misses.hpp: " << miss.stem << "/" << miss.target
                                          << " names no annotated photo's target (annotations in tests/photo-annotations)");
      },
      "known_misses_name_annotated_targets", __FILE__, __LINE__));
  for (const auto& photo : annotated()) {
    utf::test_suite* suite = BOOST_TEST_SUITE(photo.stem);
    add_target(suite, photo, "seams_match_the_clients_hair", seams_match_the_clients_hair, with_seams);
    add_target(suite, photo, "bare_scalp_darkens_plainly", bare_scalp_darkens_plainly, light_skin_without_hair_to_match);
    add_target(suite, photo, "bare_scalp_is_found", bare_scalp_is_found, designer_ran);
    add_target(suite, photo, "no_holes_in_bare_scalp", no_holes_in_bare_scalp, designer_ran);
    add_target(suite, photo, "nothing_changes_off_the_scalp", nothing_changes_off_the_scalp, designer_ran);
    add_target(suite, photo, "the_fitted_head_matches_the_outline", the_fitted_head_matches_the_outline, fit_ran);
    add_target(suite, photo, "the_front_view_preset_runs_from_the_brows", the_front_view_preset_runs_from_the_brows,
               cropped_at_the_brows);
    utf::framework::master_test_suite().add(suite);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv)
{
  gegl_init(nullptr, nullptr);
  const int status = utf::unit_test_main(&register_photos, argc, argv);
  if (photos_present())
    std::clog << "realism: " << known_misses_run << " known misses of issue 13 ran as expected failures, "
              << unexpected_passes << " of them unexpected passes" << std::endl;
  gegl_exit();
  constexpr int skipped_for_meson = 77;  // every case skipped: meson reports SKIP, not OK
  return status == 0 && !photos_present() ? skipped_for_meson : status;
}
