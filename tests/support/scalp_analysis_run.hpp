// The scalp analysis (algorithms/analysis/scalp_analysis.hpp) on one annotated development photo,
// as the plug-in would run it: the segmentation run facing each of the four ways (it keeps skin
// at the photo's front edge as head), their mean for the face's direction (so that no way is
// favoured), and the analysis on the segmentation facing the way found; each figure beside what
// the annotation says (our grading: its preset= read as a stage).
#pragma once

#include <gegl.h>

#include <optional>
#include <string>
#include <variant>

#include "analysis/face_direction.hpp"
#include "analysis/hair_loss_stage.hpp"
#include "analysis/photo_annotation.hpp"
#include "analysis/scalp_analysis.hpp"
#include "support/scalp_regions_render.hpp"

namespace smp_test {

struct AnalysedPhoto {
  std::string name, view, graded_preset, annotated_hair;
  smp::Facing annotated_front = smp::Facing::up;
  std::optional<int> graded_stage;
  int annotated_skin = 0;
  bool top_view = false;  // top or top-front: the face's direction is found, not given
  smp::FaceDirection direction;
  smp::ScalpAnalysis analysis;

  bool front_right() const { return direction.found && direction.front == annotated_front; }
  // |suggested - graded| in stages; nothing without a grading or a suggestion
  std::optional<int> stage_error() const
  {
    if (!graded_stage || analysis.stage.stage == 0)
      return std::nullopt;
    return std::abs(analysis.stage.stage - *graded_stage);
  }
};

inline smp::ScalpCells cells_of(const GridCoverage& c, const ScoringGrid& g, double px_per_mm)
{
  return {g.width, g.height, c.bare, c.hair, px_per_mm * g.scale, c.shine, std::nullopt};
}

inline smp::ScalpCells mean_of(const std::vector<smp::ScalpCells>& all)
{
  smp::ScalpCells mean = all.front();
  for (std::size_t k = 1; k < all.size(); ++k)
    for (std::size_t i = 0; i < mean.count(); ++i) {
      mean.bare[i] += all[k].bare[i];
      mean.hair[i] += all[k].hair[i];
      mean.shine[i] += all[k].shine[i];
    }
  for (std::size_t i = 0; i < mean.count(); ++i) {
    mean.bare[i] /= all.size();
    mean.hair[i] /= all.size();
    mean.shine[i] /= all.size();
  }
  return mean;
}

// Nothing (and `error` says why) when the annotation can't be read.
inline std::optional<AnalysedPhoto> analyse_photo(const std::string& annotation_path, const std::string& photos_dir,
                                                  const smp::PatternLibrary& library, std::string& error)
{
  const auto a = read_annotation(annotation_path, error);
  const auto full = smp::load_photo_annotation(annotation_path);
  if (!a)
    return std::nullopt;
  if (const auto* failure = std::get_if<smp::AnnotationError>(&full)) {
    error = failure->message();
    return std::nullopt;
  }
  const auto& more = std::get<smp::PhotoAnnotation>(full);
  AnalysedPhoto r;
  r.name = a->name;
  r.view = a->view;
  r.annotated_front = a->front;
  r.graded_preset = more.preset;
  r.graded_stage = smp::stage_of_preset(more.preset);
  r.annotated_hair = more.hair_colour;
  r.annotated_skin = more.skin_tone;
  r.top_view = !a->seen_from_the_front();

  GeglBuffer* photo = load_photo(photos_dir + "/" + a->file);
  const smp::WorkingScale ws = smp::working_scale(a->width, a->height, a->px_per_mm);
  const ScoringGrid grid = scoring_grid(*a, ws.scale);
  std::vector<smp::ScalpCells> by_facing;
  for (const smp::Facing facing : {smp::Facing::up, smp::Facing::down, smp::Facing::left, smp::Facing::right}) {
    smp::ScalpRegionsSettings settings = regions_settings(*a);
    settings.front = facing;
    by_facing.push_back(cells_of(regions_on_grid(photo, grid, settings), grid, a->px_per_mm));
  }
  r.direction = smp::face_direction(mean_of(by_facing));
  // A front view shows the face below the hair: its direction is the view's, not found.
  const smp::Facing front = r.top_view ? r.direction.front : smp::Facing::down;
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo, nullptr);
  const std::vector<float> rgb = blit_grid(source, grid, "RGB float", 3);
  g_object_unref(graph);
  g_object_unref(photo);
  r.analysis = smp::analyse_scalp(by_facing[static_cast<int>(front)], front, rgb.data(), library);
  return r;
}

}  // namespace smp_test
