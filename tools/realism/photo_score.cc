#include "photo_score.hpp"

#include <gegl.h>

#include <cmath>

#include "filter_graph.hpp"
#include "presets/density_plan.hpp"

namespace smp_realism {
namespace {

constexpr std::uint32_t simulate_default_seed = 0;

// A picture file's pixels as GEGL reads it, in its own format and colour space.
struct Picture {
  int width = 0, height = 0;
  const Babl* space = nullptr;
  GeglBuffer* buffer = nullptr;

  Picture() = default;
  Picture(const Picture&) = delete;
  Picture& operator=(const Picture&) = delete;
  ~Picture()
  {
    if (buffer)
      g_object_unref(buffer);
  }
};

bool read_picture(const std::string& path, Picture& picture)
{
  if (!g_file_test(path.c_str(), G_FILE_TEST_EXISTS))
    return false;
  GeglNode* graph = gegl_node_new();
  GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", path.c_str(), nullptr);
  GeglNode* sink = gegl_node_new_child(graph, "operation", "gegl:buffer-sink", "buffer", &picture.buffer, nullptr);
  gegl_node_link(load, sink);
  gegl_node_process(sink);
  g_object_unref(graph);
  if (!picture.buffer)
    return false;
  const GeglRectangle* extent = gegl_buffer_get_extent(picture.buffer);
  picture.width = extent->width;
  picture.height = extent->height;
  picture.space = babl_format_get_space(gegl_buffer_get_format(picture.buffer));
  return picture.width > 0 && picture.height > 0;
}

// L*a*b* (D65) of the picture's stored numbers read in `space`. The photo is read in its own
// space; GIMP's pictures (its result, a working copy) are read in the photo's too: GIMP 3.0 takes a PNG's chromaticities (cHRM)
// for sRGB and writes sRGB, so its numbers are the photo's numbers, changed only by the pigment.
smp::LabImage lab_of(const Picture& picture, const Babl* space)
{
  const std::size_t n = static_cast<std::size_t>(picture.width) * picture.height;
  std::vector<float> stored(3 * n), srgb(3 * n);
  const GeglRectangle all{0, 0, picture.width, picture.height};
  gegl_buffer_get(picture.buffer, &all, 1.0, babl_format_with_space("R'G'B' float", picture.space), stored.data(),
                  GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
  babl_process(babl_fish(babl_format_with_space("R'G'B' float", space), babl_format("R'G'B' float")), stored.data(),
               srgb.data(), static_cast<long>(n));
  stored = {};
  return smp::lab_image_from_srgb(srgb, picture.width, picture.height);
}

// The pigment layer's density as smp:follicle-stipple reads it: perceptual luminance times alpha.
std::vector<float> density_of(const Picture& picture)
{
  const std::size_t n = static_cast<std::size_t>(picture.width) * picture.height;
  std::vector<float> luma_alpha(2 * n), density(n);
  const GeglRectangle all{0, 0, picture.width, picture.height};
  gegl_buffer_get(picture.buffer, &all, 1.0, babl_format_with_space("Y'A float", picture.space), luma_alpha.data(),
                  GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
  for (std::size_t i = 0; i < n; ++i)
    density[i] = luma_alpha[2 * i] * luma_alpha[2 * i + 1];
  return density;
}

// The preset's own plan as Simulate SMP plans it (in a top view its zones reach on to the client's
// hair) on the head (or face) GIMP used, rendered over the whole photo.
std::vector<float> planned_density(const smp::PhotoAnnotation& photo, const RunChoice& choice, const PhotoRun& run)
{
  smp::Placement placement;
  if (choice.designer->view == smp::View::front) {
    placement = smp::Placement::on_face(*choice.face, photo.px_per_mm);
  } else {
    placement = smp::Placement::on_head(*run.selected_head, photo.px_per_mm);
  }
  const smp::DensityPlan plan =
      smp_plugin::simulation_spec(*choice.designer, placement, simulate_default_seed, choice.designer->stipple).plan;
  std::vector<float> density(static_cast<std::size_t>(photo.width) * photo.height);
  smp::render_density(plan, {0, 0, photo.width, photo.height}, 0, density.data());
  return density;
}

std::string size_of(int w, int h) { return std::to_string(w) + " x " + std::to_string(h); }

}  // namespace

PhotoScore score_photo(const AnnotatedPhoto& annotated, const PhotoRun& run, const std::string& photos_dir)
{
  const smp::PhotoAnnotation& photo = annotated.photo;
  const RunChoice& choice = annotated.choice;
  PhotoScore score;
  score.stem = annotated.stem;
  score.photo = &photo;
  score.choice = choice;
  score.run = run;
  if (run.fitted_head)
    score.head_fit = smp::head_fit_error(*run.fitted_head, photo.head_outline, photo.front_rad());
  if (!run.designer_done) {
    score.problem = run.designer_message;
    return score;
  }
  if (!run.selected_head && choice.designer->view != smp::View::front) {
    score.problem = "the head ellipse selected nothing inside the photo";
    return score;
  }
  Picture original, working_copy, after, pigment;
  if (!read_picture(photos_dir + "/" + photo.file, original)) {
    score.problem = "GEGL could not read the photo " + photos_dir + "/" + photo.file;
    return score;
  }
  if (original.width != annotated.stored_width || original.height != annotated.stored_height) {
    score.problem = "the photo is " + size_of(original.width, original.height) + " px, its annotation says " +
                    size_of(annotated.stored_width, annotated.stored_height);
    return score;
  }
  if (annotated.working_copy() && !read_picture(run.before_png, working_copy)) {
    score.problem = "GIMP wrote no working copy " + run.before_png;
    return score;
  }
  const Picture& before = annotated.working_copy() ? working_copy : original;
  if (!read_picture(run.after_png, after) || !read_picture(run.density_png, pigment)) {
    score.problem = "GIMP wrote no result (" + run.after_png + ", " + run.density_png + ")";
    return score;
  }
  if (before.width != photo.width || before.height != photo.height || after.width != photo.width || after.height != photo.height || pigment.width != photo.width ||
      pigment.height != photo.height) {
    score.problem = "GIMP's result is " + size_of(after.width, after.height) + " px, the photo " +
                    size_of(photo.width, photo.height);
    return score;
  }
  const std::vector<smp::Region> regions = smp::annotated_regions(photo);
  {
    const smp::LabImage before_lab = lab_of(before, original.space);
    const smp::LabImage after_lab = lab_of(after, original.space);
    score.bare_darkening = smp::darkening(before_lab, after_lab, regions, smp::Region::bare);
    for (const smp::Seam& seam : photo.seams)
      if (const auto difference = smp::seam_difference(before_lab, after_lab, seam))
        score.seams.push_back({seam.name, *difference});
    const int block_px = std::max(1, static_cast<int>(std::lround(Targets::block_mm * photo.px_per_mm)));
    score.background = smp::background_change(before_lab, after_lab, regions, block_px);
    Picture front_after;
    if (run.front_done && read_picture(run.front_after_png, front_after) && front_after.width == photo.width &&
        front_after.height == photo.height) {
      const smp::LabImage front_lab = lab_of(front_after, original.space);
      score.front_bare_darkening = smp::darkening(before_lab, front_lab, regions, smp::Region::bare);
      score.front_background = smp::background_change(before_lab, front_lab, regions, block_px);
    }
  }
  score.coverage = smp::coverage(planned_density(photo, choice, run), density_of(pigment), regions);
  return score;
}

}  // namespace smp_realism
