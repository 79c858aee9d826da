// smp-scar-family FILTERS_DIR [NAME-PART]: both scar filters on every variant of the scar family
// (tests/support/scar_family_cases.hpp), or those whose name holds NAME-PART, as a Markdown table:
// what smp:scar-mask found, the blend's colour difference before and after, and whether the
// issue-17 targets hold where they apply (the scar visible, dE 5 or more).
#include <cmath>
#include <cstdio>
#include <string>

#include "gegl_start.hpp"
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
    const FamilyScore s = score_family_case(c);
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
