// smp-scalp-analysis FILTERS_DIR ANNOTATIONS_DIR PHOTOS_DIR [PRESETS_DIR]: the scalp analysis on
// every annotated development photo (tests/support/scalp_analysis_run.hpp), one row a photo
// beside what the annotation says, and how often the face's direction and the stage are right.
// PRESETS_DIR defaults to the source tree's presets/.
#include <gegl.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "../gegl_start.hpp"
#include "support/scalp_analysis_run.hpp"

namespace {

std::string lab_text(const std::optional<smp::Lab>& lab)
{
  char text[32] = "-";
  if (lab)
    std::snprintf(text, sizeof text, "%.0f/%+.0f/%+.0f", lab->L, lab->a, lab->b);
  return text;
}

void print_row(const smp_test::AnalysedPhoto& r)
{
  const auto& s = r.analysis.stage;
  const auto& t = r.analysis.treatment;
  const auto& c = r.analysis.colours;
  const auto error = r.stage_error();
  char confidence[16] = "   -";
  if (r.top_view)
    std::snprintf(confidence, sizeof confidence, "%4.2f", r.direction.confidence);
  std::printf("%-10s %-10s %-5s %-5s %4s %-4s | %-24s %-4s %-16s %4.2f %3s | %6.0f %7.0f %2d | %-11s %-11s %-12s | %d %d %-12s\n",
              r.name.c_str(), r.view.c_str(), smp::facing_name(r.annotated_front),
              r.top_view ? smp::facing_name(r.direction.front) : "view", confidence,
              !r.top_view ? "" : r.front_right() ? "ok" : "MISS", r.graded_preset.c_str(),
              r.graded_stage ? smp::roman_stage(*r.graded_stage) : "-", s.preset.c_str(), s.confidence,
              error ? std::to_string(*error).c_str() : "-", t.area_cm2, t.impressions, t.sessions,
              r.annotated_hair.c_str(), smp::hair_colour_name(c.hair).c_str(), lab_text(c.hair).c_str(),
              r.annotated_skin, smp::fitzpatrick_type(c.skin), lab_text(c.skin).c_str());
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 4, 5, "FILTERS_DIR ANNOTATIONS_DIR PHOTOS_DIR [PRESETS_DIR]",
                                          smp_filters::scalp_regions::operation))
    return 2;
  const std::string presets_dir = argc > 4 ? argv[4] : SMP_PRESETS_DIR;
  const smp::PatternLibrary library = smp::pattern_library(smp::load_preset_folders({presets_dir}));
  if (library.templates.empty()) {
    std::fprintf(stderr, "no top-view Norwood presets in %s\n", presets_dir.c_str());
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[2]))
    if (e.path().extension() == ".ini")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::printf("%-10s %-10s %-5s %-5s %4s %-4s | %-24s %-4s %-16s %4s %3s | %6s %7s %2s | %-11s %-11s %-12s | %s\n",
              "photo", "view", "front", "found", "conf", "", "graded (preset)", "st.", "suggested", "conf",
              "err", "cm2", "dots", "se", "hair drawn", "hair found", "hair L*a*b*", "skin drawn/found L*a*b*");
  int top_views = 0, front_right = 0, graded = 0, within_one = 0, exact = 0, graded_top = 0, within_one_top = 0;
  std::vector<std::string> front_misses, stage_misses;
  for (const auto& path : files) {
    std::string error;
    const auto r = smp_test::analyse_photo(path.string(), argv[3], library, error);
    if (!r) {
      std::printf("%s\n", error.c_str());
      continue;
    }
    print_row(*r);
    std::fflush(stdout);
    if (r->top_view) {
      ++top_views;
      if (r->front_right())
        ++front_right;
      else
        front_misses.push_back(r->name);
    }
    if (const auto e = r->stage_error()) {
      ++graded;
      within_one += *e <= 1;
      exact += *e == 0;
      if (*e > 1)
        stage_misses.push_back(r->name);
      if (r->top_view) {
        ++graded_top;
        within_one_top += *e <= 1;
      }
    }
  }
  const auto list = [](const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names)
      s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? std::string("none") : s;
  };
  std::printf("front right on %d of %d top and top-front views; misses: %s\n", front_right, top_views,
              list(front_misses).c_str());
  std::printf("stage within one on %d of %d graded photos (%.0f%%, target 90%%), exact on %d; misses: %s\n", within_one,
              graded, graded ? 100.0 * within_one / graded : 0.0, exact, list(stage_misses).c_str());
  std::printf("stage within one on %d of %d graded top and top-front views (%.0f%%)\n", within_one_top, graded_top,
              graded_top ? 100.0 * within_one_top / graded_top : 0.0);
  gegl_exit();
  return 0;
}
