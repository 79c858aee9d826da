#include "analysis/scalp_analysis.hpp"

#include <cmath>
#include <filesystem>
#include <map>

#include "analysis/hair_loss_stage.hpp"
#include "analysis/visible_skin.hpp"

namespace smp {
namespace {

// Misfits of templates of one stage and the next differ by 0.01-0.05 on the development photos:
// evidence is weighed as exp(-misfit / this).
constexpr double misfit_scale = 0.01;

// The stage is the evidence's mean, each template weighed by how much better it fits than the
// best: a hedge between neighbouring stages when the segmentation cannot tell them apart.
StageSuggestion suggest_stage(const std::vector<PatternFit>& fits)
{
  StageSuggestion s;
  s.fits = fits;
  if (fits.empty())
    return s;
  std::map<int, double> evidence;
  double total = 0.0, stage_sum = 0.0;
  for (const PatternFit& f : fits) {
    const double e = std::exp(-(f.misfit - fits.front().misfit) / misfit_scale);
    evidence[f.pattern->stage] += e;
    total += e;
    stage_sum += e * f.pattern->stage;
  }
  s.stage = static_cast<int>(std::lround(stage_sum / total));
  s.confidence = evidence[s.stage] / total;
  // The preset suggested is the best-fitting Norwood pattern of that stage: the fillers (diffuse
  // thinning, density filler) stand for a stage in the evidence, but a designer told "Norwood V"
  // picks the Norwood V pattern (on the synthetic head's bald top the filler fitted best).
  for (const bool norwood_only : {true, false}) {
    for (const PatternFit& f : fits)  // best first
      if (f.pattern->stage == s.stage && (!norwood_only || f.pattern->preset.rfind("norwood-", 0) == 0)) {
        s.preset = f.pattern->preset;
        break;
      }
    if (!s.preset.empty())
      break;
  }
  return s;
}

}  // namespace

PatternLibrary pattern_library(const PresetLibrary& shipped)
{
  PatternLibrary library;
  for (const Preset& preset : shipped.presets) {
    const std::string name = std::filesystem::path(preset.file).stem().string();
    const auto stage = stage_of_preset(name);
    if (preset.view != View::top || !stage)
      continue;
    library.presets.push_back(preset);
    library.templates.push_back(pattern_template(preset, name, *stage));
  }
  return library;
}

ScalpAnalysis analyse_scalp(const ScalpCells& cells, Facing front, const float* linear_rgb,
                            const PatternLibrary& library)
{
  ScalpAnalysis out;
  const auto head = head_facing(cells, front);
  if (!head || library.templates.empty())
    return out;
  out.head_found = true;
  out.head = *head;
  out.stage = suggest_stage(fit_patterns(with_visible_skin(cells, linear_rgb), *head, library.templates));
  for (std::size_t k = 0; k < library.templates.size(); ++k)
    if (library.templates[k].preset == out.stage.preset)
      out.treatment = treatment_estimate(cells, *head, library.presets[k], library.templates[k]);
  if (linear_rgb) {
    SegmentedPhoto photo;
    photo.rgb = linear_rgb;
    photo.bare = cells.bare.data();
    photo.hair = cells.hair.data();
    photo.width = cells.width;
    photo.height = cells.height;
    photo.shine = cells.shine.empty() ? nullptr : cells.shine.data();
    photo.px_per_mm = cells.px_per_mm;
    out.colours = client_colours(photo);
  }
  return out;
}

}  // namespace smp
