// smp-scar-family FILTERS_DIR [NAME-PART]: both scar filters on every variant of the scar family
// (tests/support/scar_family_cases.hpp), or those whose name holds NAME-PART, as a Markdown table:
// what smp:scar-mask found, the blend's colour difference before and after, and whether the
// issue-17 targets hold where they apply (the scar visible, dE 5 or more). With
// SMP_SCAR_FAMILY_PICTURES=FOLDER each variant's photo is written there with the mask found in red
// and the truth's outline in green, for checking by eye.
#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "gegl_start.hpp"
#include "png_writer.hpp"
#include "support/scar_family_cases.hpp"

namespace {

using smp_test::FamilyScore;
using smp_test::FamilyTargets;

std::string found_column(const smp_test::FamilyCase& c, const FamilyScore& s)
{
  char text[96];
  if (c.spec.kind == smp::FamilyScarKind::none)
    std::snprintf(text, sizeof text, "%.2f%% marked", 100 * s.detected_share);
  else if (c.spec.kind == smp::FamilyScarKind::punches)
    std::snprintf(text, sizeof text, "%d/%d found (%.0f%%), %d/%d false", s.found, s.punches, 100 * s.recall(),
                  s.false_detections, s.detections);
  else
    std::snprintf(text, sizeof text, "IoU %.2f", s.iou);
  return text;
}

bool meets(const smp_test::FamilyCase& c, const FamilyScore& s)
{
  if (c.spec.kind == smp::FamilyScarKind::none)
    return s.detected_share < FamilyTargets::max_share_on_scar_free_skin;
  const bool found = c.spec.kind == smp::FamilyScarKind::punches
                         ? s.recall() >= FamilyTargets::min_recall && s.false_share() <= FamilyTargets::max_false_share
                         : s.iou >= FamilyTargets::min_iou;
  return found && s.blend_cut() >= FamilyTargets::min_blend_cut;
}

void write_picture(const char* folder, const smp_test::FamilyCase& c, const std::vector<float>& found)
{
  const smp::ScarFamilyPhoto p = smp::scar_family_photo(c.spec);
  std::vector<float> rgb = p.rgb;
  for (int y = 1; y + 1 < p.height; ++y)
    for (int x = 1; x + 1 < p.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * p.width + x;
      float* px = &rgb[3 * i];
      if (found[i] > 0.5f)
        px[0] = std::min(1.0f, 0.5f * px[0] + 0.5f), px[1] *= 0.5f, px[2] *= 0.5f;
      const bool edge = p.truth[i] > 0.5f && (p.truth[i - 1] < 0.5f || p.truth[i + 1] < 0.5f ||
                                              p.truth[i - p.width] < 0.5f || p.truth[i + p.width] < 0.5f);
      if (edge)
        px[0] = 0.0f, px[1] = 1.0f, px[2] = 0.0f;
    }
  std::string name = c.name;
  std::replace_if(name.begin(), name.end(), [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); }, '_');
  smp_tools::write_rgb_png((std::string(folder) + "/" + name + ".png").c_str(), rgb, p.width, p.height);
}

}  // namespace

int main(int argc, char** argv)
{
  if (!smp_tools::start_gegl_with_filters(argc, argv, 2, 3, "FILTERS_DIR [NAME-PART]", "smp:scar-mask"))
    return 2;
  const std::string wanted = argc > 2 ? argv[2] : "";
  std::printf("| variant | px/mm | scar dE asked | found | blend dE core to ring 1-5 mm | targets |\n");
  std::printf("|---|---|---|---|---|---|\n");
  int missed = 0;
  for (const auto& c : smp_test::scar_family_cases()) {
    if (c.name.find(wanted) == std::string::npos)
      continue;
    std::vector<float> found;
    const FamilyScore s = score_family_case(c, &found);
    if (const char* folder = std::getenv("SMP_SCAR_FAMILY_PICTURES"))
      write_picture(folder, c, found);
    const bool none = c.spec.kind == smp::FamilyScarKind::none;
    const bool applies = none || c.spec.contrast_delta_e >= FamilyTargets::visible_delta_e;
    const bool ok = meets(c, s);
    missed += applies && !ok;
    char blend[96] = "-";
    if (!none)
      std::snprintf(blend, sizeof blend, "%.2f → %.2f (%.0f%% less)", s.delta_e_before, s.delta_e_after, 100 * s.blend_cut());
    std::printf("| %s | %g | %s | %s | %s | %s |\n", c.name.c_str(), c.spec.px_per_mm,
                none ? "-" : std::to_string(static_cast<int>(c.spec.contrast_delta_e)).c_str(), found_column(c, s).c_str(),
                blend, applies ? (ok ? "met" : "**missed**") : "(no target)");
    std::fflush(stdout);
  }
  std::printf("\n%d variants miss their targets\n", missed);
  gegl_exit();
  return missed > 0 ? 1 : 0;
}
