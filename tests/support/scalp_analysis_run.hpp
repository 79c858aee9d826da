// The scalp analysis (algorithms/analysis/scalp_analysis.hpp) on one annotated development photo,
// as the plug-in would run it: the segmentation with the op's default facing, the face's
// direction found on it, the segmentation again facing that way, and the analysis on that; each
// figure beside what the annotation says (our grading: its preset= read as a stage).
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
  return {g.width, g.height, c.bare, c.hair, px_per_mm * g.scale, std::nullopt};
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
  smp::ScalpRegionsSettings settings = regions_settings(*a);
  settings.front = smp::ScalpRegionsSettings{}.front;
  r.direction = smp::face_direction(cells_of(regions_on_grid(photo, grid, settings), grid, a->px_per_mm));
  // A front view shows the face below the hair: its direction is the view's, not found.
  settings.front = r.top_view ? r.direction.front : smp::Facing::down;
  const GridCoverage c = regions_on_grid(photo, grid, settings);
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", photo, nullptr);
  const std::vector<float> rgb = blit_grid(source, grid, "RGB float", 3);
  g_object_unref(graph);
  g_object_unref(photo);
  r.analysis = smp::analyse_scalp(cells_of(c, grid, a->px_per_mm), settings.front, rgb.data(), library);
  return r;
}

}  // namespace smp_test
