// smp-realism-score --work DIR [--keep DIR] [--max-side PX] [PHOTO_STEM...]: Simulate SMP on
// every annotated development photo (or those named) in a real headless GIMP 3, as a designer
// would, and the realism score of each as a Markdown table row, then the worst case. GIMP writes
// into the work folder, which the caller owns and removes (tools/realism-score makes it and
// cleans up); with --keep the before and after pictures are copied there. With --max-side a photo
// whose longer side is longer runs as a working copy scaled down to it. Folders come from
// SMP_SOURCE_DIR, SMP_BUILD_DIR and SMP_PHOTOS_DIR, by default the tree this was built from.
#include <gegl.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "photo_runs.hpp"
#include "photo_score.hpp"
#include "score_table.hpp"

namespace {

std::string env_or(const char* name, const std::string& fallback)
{
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

int usage(const char* self)
{
  std::fprintf(stderr, "usage: %s --work DIR [--keep DIR] [--max-side PX] [PHOTO_STEM...]\n", self);
  return 2;
}

// The photo and GIMP's result side by side in `keep`, named after the photo.
void keep_pictures(const std::string& keep, const smp_realism::AnnotatedPhoto& photo, const std::string& photos_dir,
                   const smp_realism::PhotoRun& run)
{
  namespace fs = std::filesystem;
  if (!fs::exists(run.after_png))
    return;
  std::error_code error;
  const fs::path before = photo.working_copy() ? fs::path(run.before_png) : fs::path(photos_dir) / photo.photo.file;
  fs::copy_file(before, fs::path(keep) / (photo.stem + "-before" + before.extension().string()),
                fs::copy_options::overwrite_existing, error);
  fs::copy_file(run.after_png, fs::path(keep) / (photo.stem + "-after.png"), fs::copy_options::overwrite_existing, error);
  if (!run.front_after_png.empty())
    fs::copy_file(run.front_after_png, fs::path(keep) / (photo.stem + "-front-after.png"),
                  fs::copy_options::overwrite_existing, error);
}

}  // namespace

int main(int argc, char** argv)
{
  std::string work, keep;
  int max_side_px = 0;
  std::vector<std::string> stems;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--work" || arg == "--keep") && i + 1 < argc)
      (arg == "--work" ? work : keep) = argv[++i];
    else if (arg == "--max-side" && i + 1 < argc && std::atoi(argv[i + 1]) > 0)
      max_side_px = std::atoi(argv[++i]);
    else if (arg.rfind("--", 0) == 0)
      return usage(argv[0]);
    else
      stems.push_back(arg);
  }
  if (work.empty() || !std::filesystem::is_directory(work))
    return usage(argv[0]);
  smp_realism::Folders folders{env_or("SMP_SOURCE_DIR", SMP_SOURCE_ROOT), env_or("SMP_BUILD_DIR", SMP_BUILD_ROOT),
                               env_or("SMP_PHOTOS_DIR", std::string(SMP_SOURCE_ROOT) + "/../shared/photos"), work};
  if (!std::filesystem::is_directory(folders.photos)) {
    std::fprintf(stderr, "realism-score: no photos folder at %s (set SMP_PHOTOS_DIR)\n", folders.photos.c_str());
    return 1;
  }
  std::string problem;
  const auto photos = smp_realism::annotated_photos(folders.source, stems, max_side_px, problem);
  if (photos.empty()) {
    std::fprintf(stderr, "realism-score: %s\n", problem.c_str());
    return 1;
  }
  std::fprintf(stderr, "realism-score: %zu photos through Simulate SMP in GIMP 3, twice each (designer run, fit run; a front run too for photos cropped at the brows)\n",
               photos.size());
  const auto runs = smp_realism::run_in_gimp(photos, folders, [](const std::string& line) {
    std::fprintf(stderr, "realism-score: %s\n", line.c_str());
  });

  gegl_init(nullptr, nullptr);
  std::vector<smp_realism::PhotoScore> scores;
  bool all_ran = true;
  std::printf("%s\n", smp_realism::table_header().c_str());
  for (std::size_t i = 0; i < photos.size(); ++i) {
    scores.push_back(smp_realism::score_photo(photos[i], runs[i], folders.photos));
    std::printf("%s\n", smp_realism::table_row(scores.back()).c_str());
    std::fflush(stdout);
    if (!keep.empty())
      keep_pictures(keep, photos[i], folders.photos, runs[i]);
    std::filesystem::remove(runs[i].after_png);
    std::filesystem::remove(runs[i].density_png);
    if (!runs[i].front_after_png.empty())
      std::filesystem::remove(runs[i].front_after_png);
    if (!runs[i].before_png.empty())
      std::filesystem::remove(runs[i].before_png);
    const bool asked = photos[i].choice.designer || photos[i].choice.fit;
    all_ran = all_ran && (!asked || ((runs[i].designer_done || !photos[i].choice.designer) &&
                                     (runs[i].fit_done || !photos[i].choice.fit) &&
                                     (runs[i].front_done || !photos[i].choice.front)));
  }
  std::printf("%s\n", smp_realism::worst_row(scores).c_str());
  gegl_exit();
  return all_ran ? 0 : 1;
}
