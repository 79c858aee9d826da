// Issue 13's targets that the product does not meet yet on the development photos: the one list.
// Each listed case still runs and its failed checks print their figures, but Boost.Test counts
// them as expected failures (expected_failures = failing_checks) so that CI passes without the
// targets being weakened. A case whose checks fail fewer times than listed is reported as an
// UNEXPECTED PASS (and "passed with warnings"): take it off the list. A case failing more often
// than listed fails. Figures: the suite's working copies (800 px), measured 2026-12-07.
#pragma once

#include <cstring>
#include <filesystem>
#include <string>

namespace smp_realism {

struct KnownMiss {
  const char* stem;       // tests/photo-annotations/STEM.ini
  const char* target;     // the test case: one of target_names
  int failing_checks;     // how many of its checks fail (one per seam in seams_match_the_clients_hair)
  const char* measured;   // the figure as measured, against issue 13's target
};

inline constexpr const char* target_names[] = {"seams_match_the_clients_hair", "bare_scalp_darkens_plainly",
                                               "bare_scalp_is_found", "no_holes_in_bare_scalp",
                                               "nothing_changes_off_the_scalp", "the_fitted_head_matches_the_outline",
                                               "the_front_view_preset_runs_from_the_brows"};

// Issue 13 (realism targets): seam ΔE ≤ 4, bare ΔL* ≥ 6 on light skin without hair to match,
// IoU ≥ 0.85, holes < 2%, background ΔE ≤ 0.5, head fit within 5%.
// 76 cases on all 28 photos, measured with smp-realism-score --max-side 800 (README's table).
// clang-format off
inline constexpr KnownMiss known_misses[] = {
  {"group2_11", "bare_scalp_is_found", 1, "IoU 0.54 (target ≥ 0.85)"},
  {"group2_11", "seams_match_the_clients_hair", 4, "4 seams over ΔE 4: 21.5, 7.0, 39.1, 21.2"},
  {"group2_12", "bare_scalp_is_found", 1, "IoU 0.70 (target ≥ 0.85)"},
  {"group2_12", "seams_match_the_clients_hair", 4, "4 seams over ΔE 4: 44.1, 40.8, 48.9, 17.4"},
  {"group2_12", "the_fitted_head_matches_the_outline", 1, "head fit width -25.6%, length +5.8%, centre 5.1% (target within 5%)"},
  {"group2_14", "bare_scalp_is_found", 1, "IoU 0.26 (target ≥ 0.85)"},
  {"group2_14", "seams_match_the_clients_hair", 4, "4 seams over ΔE 4: 22.9, 8.1, 22.9, 18.7"},
  {"group2_2", "bare_scalp_is_found", 1, "IoU 0.38 (target ≥ 0.85)"},
  {"group2_2", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 23.6, 18.3, 18.9"},
  {"group2_2", "the_fitted_head_matches_the_outline", 1, "head fit width -0.8%, length +16.0%, centre 4.2% (target within 5%)"},
  {"group2_24", "bare_scalp_is_found", 1, "IoU 0.18 (target ≥ 0.85)"},
  {"group2_24", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 23.2, 12.5, 9.2"},
  {"group2_24", "the_fitted_head_matches_the_outline", 1, "head fit width -0.8%, length +6.0%, centre 4.0% (target within 5%)"},
  {"group2_38", "bare_scalp_is_found", 1, "IoU 0.04 (target ≥ 0.85)"},
  {"group2_38", "seams_match_the_clients_hair", 4, "4 seams over ΔE 4: 30.2, 41.4, 25.8, 40.7"},
  {"group2_38", "the_fitted_head_matches_the_outline", 1, "head fit width -2.2%, length -11.9%, centre 10.7% (target within 5%)"},
  {"group3_1", "bare_scalp_is_found", 1, "IoU 0.42 (target ≥ 0.85)"},
  {"group3_1", "no_holes_in_bare_scalp", 1, "holes 6.1% (target < 2%)"},
  {"group3_1", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 11.7, 9.4, 11.6"},
  {"group3_1", "the_fitted_head_matches_the_outline", 1, "head fit width -24.4%, length +5.8%, centre 7.5% (target within 5%)"},
  {"group3_10", "bare_scalp_is_found", 1, "IoU 0.57 (target ≥ 0.85)"},
  {"group3_10", "seams_match_the_clients_hair", 4, "4 seams over ΔE 4: 24.6, 43.6, 19.3, 17.0"},
  {"group3_10", "the_fitted_head_matches_the_outline", 1, "head fit width -4.2%, length +13.1%, centre 3.3% (target within 5%)"},
  {"group3_13", "bare_scalp_is_found", 1, "IoU 0.21 (target ≥ 0.85)"},
  {"group3_13", "nothing_changes_off_the_scalp", 1, "background ΔE 0.59 (target ≤ 0.5)"},
  {"group3_13", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 13.8, 12.5, 25.2"},
  {"group3_13", "the_fitted_head_matches_the_outline", 1, "head fit width -3.4%, length +20.1%, centre 7.8% (target within 5%)"},
  {"group3_14", "bare_scalp_is_found", 1, "IoU 0.42 (target ≥ 0.85)"},
  {"group3_14", "no_holes_in_bare_scalp", 1, "holes 12.5% (target < 2%)"},
  {"group3_14", "nothing_changes_off_the_scalp", 1, "background ΔE 0.55 (target ≤ 0.5)"},
  {"group3_14", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 39.8, 28.0, 22.9"},
  {"group3_14", "the_fitted_head_matches_the_outline", 1, "head fit width -32.5%, length -8.3%, centre 21.0% (target within 5%)"},
  {"group3_15", "bare_scalp_is_found", 1, "IoU 0.48 (target ≥ 0.85)"},
  {"group3_15", "seams_match_the_clients_hair", 4, "4 seams over ΔE 4: 15.3, 12.9, 13.7, 18.4"},
  {"group3_15", "the_fitted_head_matches_the_outline", 1, "head fit width +2.7%, length +10.7%, centre 2.5% (target within 5%)"},
  {"group3_20", "bare_scalp_is_found", 1, "IoU 0.47 (target ≥ 0.85)"},
  {"group3_20", "seams_match_the_clients_hair", 4, "4 seams over ΔE 4: 31.1, 18.5, 17.9, 9.7"},
  {"group3_20", "the_fitted_head_matches_the_outline", 1, "head fit width -1.1%, length -13.8%, centre 7.3% (target within 5%)"},
  {"group3_23", "bare_scalp_is_found", 1, "IoU 0.57 (target ≥ 0.85)"},
  {"group3_23", "no_holes_in_bare_scalp", 1, "holes 5.2% (target < 2%)"},
  {"group3_23", "nothing_changes_off_the_scalp", 1, "background ΔE 1.75 (target ≤ 0.5)"},
  {"group3_23", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 26.2, 21.4, 20.8"},
  {"group3_23", "the_fitted_head_matches_the_outline", 1, "head fit width -29.1%, length -5.9%, centre 13.4% (target within 5%)"},
  {"group3_28", "bare_scalp_is_found", 1, "IoU 0.33 (target ≥ 0.85)"},
  {"group3_28", "seams_match_the_clients_hair", 2, "2 seams over ΔE 4: 4.8, 4.8"},
  {"group3_8", "bare_scalp_is_found", 1, "IoU 0.40 (target ≥ 0.85)"},
  {"group3_8", "seams_match_the_clients_hair", 4, "4 seams over ΔE 4: 26.7, 25.0, 16.4, 23.9"},
  {"group3_8", "the_fitted_head_matches_the_outline", 1, "head fit width -0.5%, length +5.5%, centre 1.5% (target within 5%)"},
  {"group4_1", "no_holes_in_bare_scalp", 1, "holes 7.9% (target < 2%)"},
  {"group4_1", "seams_match_the_clients_hair", 2, "2 seams over ΔE 4: 12.6, 12.0"},
  {"group4_1", "the_fitted_head_matches_the_outline", 1, "head fit width -12.0%, length -12.3%, centre 3.8% (target within 5%)"},
  {"group4_10", "seams_match_the_clients_hair", 2, "2 seams over ΔE 4: 9.7, 7.4"},
  {"group4_14", "the_fitted_head_matches_the_outline", 1, "head fit width +1.1%, length +7.6%, centre 3.3% (target within 5%)"},
  {"group4_16", "bare_scalp_is_found", 1, "IoU 0.82 (target ≥ 0.85)"},
  {"group4_16", "no_holes_in_bare_scalp", 1, "holes 12.7% (target < 2%)"},
  {"group4_16", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 17.2, 5.4, 25.5"},
  {"group4_16", "the_fitted_head_matches_the_outline", 1, "head fit width +1.7%, length -9.6%, centre 4.7% (target within 5%)"},
  {"group4_17", "bare_scalp_is_found", 1, "IoU 0.85 (target ≥ 0.85)"},
  {"group4_17", "no_holes_in_bare_scalp", 1, "holes 11.5% (target < 2%)"},
  {"group4_17", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 18.0, 17.4, 4.9"},
  {"group4_17", "the_fitted_head_matches_the_outline", 1, "head fit width -17.1%, length -13.4%, centre 1.5% (target within 5%)"},
  {"group4_23", "seams_match_the_clients_hair", 2, "2 seams over ΔE 4: 9.2, 17.8"},
  {"group4_23", "the_fitted_head_matches_the_outline", 1, "head fit width -7.2%, length +3.0%, centre 2.0% (target within 5%)"},
  {"group4_25", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 32.5, 19.2, 19.1"},
  {"group4_26", "seams_match_the_clients_hair", 3, "3 seams over ΔE 4: 22.0, 24.0, 20.2"},
  {"group4_26", "the_fitted_head_matches_the_outline", 1, "head fit width -6.0%, length +16.4%, centre 5.7% (target within 5%)"},
  {"group4_28", "no_holes_in_bare_scalp", 1, "holes 3.7% (target < 2%)"},
  {"group4_28", "seams_match_the_clients_hair", 2, "2 seams over ΔE 4: 16.1, 15.9"},
  {"group4_28", "the_fitted_head_matches_the_outline", 1, "head fit width -25.5%, length +2.5%, centre 5.7% (target within 5%)"},
  {"group4_4", "seams_match_the_clients_hair", 2, "2 seams over ΔE 4: 5.3, 6.0"},
  {"group4_4", "the_fitted_head_matches_the_outline", 1, "head fit width -10.4%, length +1.1%, centre 1.7% (target within 5%)"},
  {"group4_5", "bare_scalp_is_found", 1, "IoU 0.77 (target ≥ 0.85)"},
  {"group4_5", "no_holes_in_bare_scalp", 1, "holes 5.0% (target < 2%)"},
  {"group4_5", "the_fitted_head_matches_the_outline", 1, "head fit width -1.1%, length +5.6%, centre 1.9% (target within 5%)"},
  {"group4_6", "bare_scalp_darkens_plainly", 1, "bare scalp darkened by ΔL* 4.8 (target ≥ 6 on light skin)"},
  {"group4_6", "no_holes_in_bare_scalp", 1, "holes 6.2% (target < 2%)"},
};
// clang-format on

inline const KnownMiss* known_miss(const std::string& stem, const std::string& target)
{
  for (const KnownMiss& miss : known_misses)
    if (stem == miss.stem && target == miss.target)
      return &miss;
  return nullptr;
}

// The entry names an annotated photo (in `source_dir`) and one of the targets.
inline bool names_a_target(const KnownMiss& miss, const std::string& source_dir)
{
  bool target_known = false;
  for (const char* name : target_names)
    target_known = target_known || std::strcmp(name, miss.target) == 0;
  const auto annotation = std::filesystem::path(source_dir) / "tests" / "photo-annotations" / (std::string(miss.stem) + ".ini");
  return target_known && miss.failing_checks > 0 && std::filesystem::exists(annotation);
}

}  // namespace smp_realism
