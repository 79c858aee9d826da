// smp-segmentation-score FILTERS_DIR ANNOTATIONS_DIR PHOTOS_DIR [CANDIDATE...]: every annotated
// development photo through the segmentation, scored against what was drawn on it (definitions
// in tests/support/segmentation_scores.hpp): one table per candidate, its worst case, and the
// time per megapixel of photo. Candidates: regions (smp:scalp-regions, the default), rules
// (smp:scalp-mask), matting-global and matting-levin (GEGL's matting from a trimap of regions).
#include <gegl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../gegl_start.hpp"
#include "../png_writer.hpp"
#include "support/scalp_regions_render.hpp"

namespace {

long peak_kib()
{
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0)
      return std::atol(line.c_str() + 6);
  return 0;
}

struct Row {
  std::string name, view;
  smp_test::SegmentationScore score;
  bool fitted = false;
  smp_test::HeadFitError fit;
  double seconds = 0, megapixels = 0;
};

// The photo on the grid, tinted by what the segmentation found against what was drawn.
void write_picture(const std::filesystem::path& path, GeglBuffer* photo, const smp_test::ScoringGrid& g,
                   const std::vector<float>& bare)
{
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo, nullptr);
  std::vector<float> rgb = smp_test::blit_grid(source, g, "R'G'B' float", 3);
  g_object_unref(graph);
  for (std::size_t i = 0; i < g.label.size(); ++i) {
    const bool found = bare[i] > 0.5f, drawn = g.label[i] == smp_test::ScoringGrid::bare;
    const float tint[3] = {found && !drawn ? 1.0f : 0.0f, found && drawn ? 1.0f : 0.0f, !found && drawn ? 1.0f : 0.0f};
    if (found || drawn)
      for (int k = 0; k < 3; ++k)
        rgb[3 * i + k] = 0.6f * rgb[3 * i + k] + 0.4f * tint[k];
  }
  smp_tools::write_rgb_png(path.c_str(), rgb, g.width, g.height);
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 4, 8, "FILTERS_DIR ANNOTATIONS_DIR PHOTOS_DIR [CANDIDATE...]",
                                          smp_filters::scalp_regions::operation))
    return 2;
  std::vector<std::string> candidates(argv + 4, argv + argc);
  if (candidates.empty())
    candidates.push_back("regions");
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[2]))
    if (e.path().extension() == ".ini")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const std::string& candidate : candidates) {
    std::printf("\n== %s ==\n", candidate.c_str());
    std::printf("%-10s %-10s %6s %7s %6s %8s %8s %8s | %7s %7s %7s %7s | %6s\n", "photo", "view", "IoU", "behind",
                "holes", "bg", "bg-hind", "bg/bare", "width", "length", "c-acr", "c-along", "s/MP");
    std::vector<Row> rows;
    for (const auto& path : files) {
      std::string error;
      const auto a = smp_test::read_annotation(path.string(), error);
      if (!a) {
        std::printf("%s\n", error.c_str());
        continue;
      }
      const std::string photo_path = (std::filesystem::path(argv[3]) / a->file).string();
      if (!std::filesystem::exists(photo_path)) {
        std::printf("%-10s no photo at %s\n", a->name.c_str(), photo_path.c_str());
        continue;
      }
      GeglBuffer* photo = smp_test::load_photo(photo_path);
      const smp::WorkingScale ws = smp::working_scale(a->width, a->height, a->px_per_mm);
      const smp_test::ScoringGrid grid = smp_test::scoring_grid(*a, ws.scale);
      smp_test::GridCoverage c;
      if (candidate == "rules")
        c = smp_test::rules_on_grid(photo, grid, a->px_per_mm);
      else {
        c = smp_test::regions_on_grid(photo, grid, smp_test::regions_settings(*a));
        if (candidate == "matting-global" || candidate == "matting-levin") {
          const int margin = std::max(1, static_cast<int>(std::lround(2.0 * a->px_per_mm * ws.scale)));
          const double regions_seconds = c.seconds;
          c = smp_test::matting_on_grid(photo, grid, c, ("gegl:" + candidate).c_str(), margin);
          c.seconds += regions_seconds;
        }
      }
      Row row;
      row.name = a->name;
      row.view = a->view;
      row.score = smp_test::score_segmentation(grid, c.bare, c.hair);
      if (const auto frame = smp_test::head_on_grid(grid, c, a->front)) {
        row.fitted = true;
        row.fit = smp_test::head_fit_error(*frame, *a);
      }
      if (const char* dir = std::getenv("SMP_SEGMENTATION_PICTURES"))
        write_picture(std::filesystem::path(dir) / (candidate + "-" + a->name + ".png"), photo, grid, c.bare);
      row.seconds = c.seconds;
      row.megapixels = a->width * 1e-6 * a->height;
      rows.push_back(row);
      const auto& s = row.score;
      std::printf("%-10s %-10s %6.3f %7.3f %6.3f %8.4f %8.4f %8.4f | ", row.name.c_str(), row.view.c_str(),
                  s.has_bare ? s.iou : 0.0, s.has_bare ? s.iou_behind : 0.0, s.holes, s.on_background,
                  s.on_background_behind, s.on_background_of_bare);
      if (row.fitted)
        std::printf("%+7.3f %+7.3f %+7.3f %+7.3f", row.fit.width, row.fit.length, row.fit.centre_across,
                    row.fit.centre_along);
      else
        std::printf("%31s", "no head found");
      std::printf(" | %6.2f\n", row.seconds / row.megapixels);
      std::fflush(stdout);
      g_object_unref(photo);
    }
    // Worst cases: the lowest IoU behind the hairline of photos with bare scalp, the largest holes,
    // pigment on background and head-fit error (top and top-front views).
    const Row* worst_iou = nullptr;
    const Row* worst_holes = nullptr;
    const Row* worst_bg = nullptr;
    const Row* worst_fit = nullptr;
    double seconds = 0, megapixels = 0;
    for (const Row& r : rows) {
      seconds += r.seconds;
      megapixels += r.megapixels;
      if (r.score.has_bare && (!worst_iou || r.score.iou_behind < worst_iou->score.iou_behind))
        worst_iou = &r;
      if (r.score.has_bare && (!worst_holes || r.score.holes > worst_holes->score.holes))
        worst_holes = &r;
      if (!worst_bg || r.score.on_background_behind > worst_bg->score.on_background_behind)
        worst_bg = &r;
      if (r.view != "front" && (!worst_fit || !r.fitted || (worst_fit->fitted && r.fit.worst() > worst_fit->fit.worst())))
        worst_fit = &r;
    }
    std::printf("worst: IoU behind the hairline %.3f (%s), holes %.3f (%s), pigment on background %.4f (%s), "
                "head fit %s (%s)\n",
                worst_iou ? worst_iou->score.iou_behind : 0.0, worst_iou ? worst_iou->name.c_str() : "-",
                worst_holes ? worst_holes->score.holes : 0.0, worst_holes ? worst_holes->name.c_str() : "-",
                worst_bg ? worst_bg->score.on_background_behind : 0.0, worst_bg ? worst_bg->name.c_str() : "-",
                worst_fit && worst_fit->fitted ? std::to_string(worst_fit->fit.worst()).c_str() : "none",
                worst_fit ? worst_fit->name.c_str() : "-");
    std::printf("time: %.2f s per megapixel of photo (%.1f MP in %.1f s); peak memory of this process %ld MiB\n",
                megapixels > 0 ? seconds / megapixels : 0.0, megapixels, seconds, peak_kib() / 1024);
  }
  gegl_exit();
  return 0;
}
