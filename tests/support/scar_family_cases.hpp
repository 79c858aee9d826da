// The scar family's variants (algorithms/synthetic/scar_family.hpp), one setting changed at a time
// from the issue-17 scalp (pale, soft-edged scars, ~90 hairs/cm2, 10 px/mm), and what both scar
// filters achieve on each, run in real GEGL: the filter test asserts the targets on these figures
// and smp-scar-family prints them as the README's table.
#pragma once

#include <gegl.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "support/gegl_compat.hpp"
#include "support/scar_scores.hpp"
#include "synthetic/scar_family.hpp"

namespace smp_test {

struct FamilyCase {
  std::string name;
  smp::ScarFamilySpec spec;
};

// Targets where the scar is visible (contrast of at least visible_delta_e).
struct FamilyTargets {
  static constexpr double visible_delta_e = 5.0;
  static constexpr double min_iou = 0.8, min_recall = 0.9, max_false_share = 0.1, min_blend_cut = 0.75;
  static constexpr double max_share_on_scar_free_skin = 0.005;
};

inline smp::ScarFamilySpec family_base(smp::FamilyScarKind kind)
{
  smp::ScarFamilySpec s;
  s.kind = kind;
  switch (kind) {
    case smp::FamilyScarKind::strip: s.field_width_mm = 100, s.field_height_mm = 30; break;
    case smp::FamilyScarKind::punches: s.field_width_mm = 90, s.field_height_mm = 70; break;
    case smp::FamilyScarKind::patch:
    case smp::FamilyScarKind::none: s.field_width_mm = 60, s.field_height_mm = 60; break;
  }
  return s;
}

inline const char* family_kind_name(smp::FamilyScarKind kind)
{
  switch (kind) {
    case smp::FamilyScarKind::strip: return "strip";
    case smp::FamilyScarKind::punches: return "punches";
    case smp::FamilyScarKind::patch: return "patch";
    case smp::FamilyScarKind::none: break;
  }
  return "scar-free";
}

// The scar-mask kind that looks for this scar.
inline const char* detector_kind(smp::FamilyScarKind kind)
{
  switch (kind) {
    case smp::FamilyScarKind::strip: return "linear";
    case smp::FamilyScarKind::punches: return "dots";
    case smp::FamilyScarKind::patch: return "area";
    case smp::FamilyScarKind::none: break;
  }
  return "any";
}

inline std::vector<FamilyCase> scar_family_cases()
{
  using K = smp::FamilyScarKind;
  std::vector<FamilyCase> out;
  const auto add = [&](K kind, const std::string& what, auto change) {
    smp::ScarFamilySpec s = family_base(kind);
    change(s);
    out.push_back({std::string(family_kind_name(kind)) + " " + what, s});
  };
  const auto same = [](smp::ScarFamilySpec&) {};
  for (const K kind : {K::strip, K::punches, K::patch}) {
    add(kind, "base", same);
    for (const double de : {3.0, 5.0, 12.0})
      add(kind, "dE " + std::to_string(static_cast<int>(de)), [&](auto& s) { s.contrast_delta_e = de; });
    add(kind, "hard edge", [](auto& s) { s.edge_softness_mm = 0.05; });
    add(kind, "soft edge 0.8 mm", [](auto& s) { s.edge_softness_mm = 0.8; });
    add(kind, "pink", [](auto& s) { s.tint = smp::ScarTint::pink; });
    add(kind, "hyperpigmented", [](auto& s) { s.tint = smp::ScarTint::hyperpigmented; });
    for (const double de : {5.0, 12.0})
      add(kind, "hyperpigmented dE " + std::to_string(static_cast<int>(de)), [&](auto& s) {
        s.tint = smp::ScarTint::hyperpigmented;
        s.contrast_delta_e = de;
      });
    for (const int type : {1, 3, 4, 5, 6})
      add(kind, "Fitzpatrick " + std::to_string(type), [&](auto& s) { s.fitzpatrick = type; });
    add(kind, "Fitzpatrick 6 hypopigmented", [](auto& s) {
      s.fitzpatrick = 6;
      s.tint = smp::ScarTint::hypopigmented;
    });
    add(kind, "Fitzpatrick 5 hyperpigmented", [](auto& s) {
      s.fitzpatrick = 5;
      s.tint = smp::ScarTint::hyperpigmented;
    });
    add(kind, "40 hairs/cm2", [](auto& s) { s.hairs_per_cm2 = 40; });
    add(kind, "140 hairs/cm2", [](auto& s) { s.hairs_per_cm2 = 140; });
    add(kind, "hairs at random", [](auto& s) { s.hairs_at_random = true; });
    add(kind, "hairs 1.5 mm", [](auto& s) { s.hair_length_mm = 1.5; });
    add(kind, "strong light gradient", [](auto& s) { s.light_gradient = 0.8; });
    add(kind, "shine", [](auto& s) { s.shine = 0.25; });
    for (const double ppm : {4.0, 6.0, 20.0})
      add(kind, std::to_string(static_cast<int>(ppm)) + " px/mm", [&](auto& s) { s.px_per_mm = ppm; });
  }
  add(K::strip, "1 mm wide", [](auto& s) { s.strip_width_mm = 1.0; });
  add(K::strip, "4 mm wide", [](auto& s) { s.strip_width_mm = 4.0; });
  add(K::strip, "bent 10 mm", [](auto& s) { s.strip_bend_mm = 10.0; });
  add(K::strip, "straight", [](auto& s) { s.strip_bend_mm = 0.0; });
  add(K::punches, "0.6-0.7 mm", [](auto& s) { s.punch_min_mm = 0.6, s.punch_max_mm = 0.7; });
  add(K::punches, "0.9-1.1 mm", [](auto& s) { s.punch_min_mm = 0.9, s.punch_max_mm = 1.1; });
  add(K::punches, "2 mm apart", [](auto& s) {
    s.punch_spacing_mm = 2.0;
    s.field_width_mm = 55, s.field_height_mm = 40;
  });
  add(K::punches, "6 mm apart", [](auto& s) {
    s.punch_spacing_mm = 6.0;
    s.field_width_mm = 140, s.field_height_mm = 110;
  });
  add(K::patch, "15 mm", [](auto& s) { s.patch_diameter_mm = 15.0; });
  for (const int type : {1, 2, 3, 4, 5, 6})
    add(K::none, "Fitzpatrick " + std::to_string(type), [&](auto& s) { s.fitzpatrick = type; });
  add(K::none, "shine", [](auto& s) { s.shine = 0.25; });
  add(K::none, "strong light gradient", [](auto& s) { s.light_gradient = 0.8; });
  add(K::none, "40 hairs/cm2", [](auto& s) { s.hairs_per_cm2 = 40; });
  add(K::none, "hairs at random", [](auto& s) { s.hairs_at_random = true; });
  add(K::none, "4 px/mm", [](auto& s) { s.px_per_mm = 4.0; });
  return out;
}

struct FamilyScore {
  static constexpr double none = std::numeric_limits<double>::quiet_NaN();
  double iou = none;                              // strip and patch
  int punches = 0, found = 0, false_detections = 0, detections = 0;  // punches
  double detected_share = 0.0;                    // of the whole photo
  double delta_e_before = none, delta_e_after = none;  // scar core to the skin (no hair) 1-5 mm out

  double recall() const { return punches > 0 ? double(found) / punches : none; }
  double false_share() const { return detections > 0 ? double(false_detections) / detections : 0.0; }
  double blend_cut() const { return 1.0 - delta_e_after / delta_e_before; }
};

// 1 where a pixel lies within `radius_px` (square window) of a truth pixel: summed-area counts.
inline std::vector<char> near_truth(const std::vector<float>& truth, int width, int height, int radius_px)
{
  std::vector<long> sums(static_cast<std::size_t>(width + 1) * (height + 1), 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      sums[(y + 1) * std::size_t(width + 1) + x + 1] = (truth[std::size_t(y) * width + x] > 0.5f) +
                                                        sums[y * std::size_t(width + 1) + x + 1] +
                                                        sums[(y + 1) * std::size_t(width + 1) + x] -
                                                        sums[y * std::size_t(width + 1) + x];
  std::vector<char> out(truth.size());
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const int x0 = std::max(0, x - radius_px), x1 = std::min(width, x + radius_px + 1);
      const int y0 = std::max(0, y - radius_px), y1 = std::min(height, y + radius_px + 1);
      const long n = sums[y1 * std::size_t(width + 1) + x1] - sums[y0 * std::size_t(width + 1) + x1] -
                     sums[y1 * std::size_t(width + 1) + x0] + sums[y0 * std::size_t(width + 1) + x0];
      out[std::size_t(y) * width + x] = n > 0;
    }
  return out;
}

// The photo through smp:scar-mask (the case's kind) and smp:scar-blend, in one GEGL graph; the
// mask found goes to `found_mask` when given.
inline FamilyScore score_family_case(const FamilyCase& c, std::vector<float>* found_mask = nullptr)
{
  const smp::ScarFamilyPhoto p = smp::scar_family_photo(c.spec);
  const int w = p.width, h = p.height;
  const std::size_t n = static_cast<std::size_t>(w) * h;
  std::vector<float> rgba(4 * n);
  for (std::size_t i = 0; i < n; ++i) {
    std::copy_n(&p.rgb[3 * i], 3, &rgba[4 * i]);
    rgba[4 * i + 3] = 1.0f;
  }
  const GeglRectangle whole{0, 0, w, h};
  GeglBuffer* buffer = gegl_buffer_new(&whole, babl_format("R'G'B'A float"));
  gegl_buffer_set(buffer, &whole, 0, babl_format("R'G'B'A float"), rgba.data(), GEGL_AUTO_ROWSTRIDE);
  GeglNode* graph = gegl_node_new();
  GeglNode* photo = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
  g_object_unref(buffer);
  GeglNode* mask = gegl_node_new_child(graph, "operation", "smp:scar-mask", "px-per-mm", c.spec.px_per_mm, nullptr);
  GeglNode* blend = gegl_node_new_child(graph, "operation", "smp:scar-blend", "px-per-mm", c.spec.px_per_mm, nullptr);
  gegl_node_link(photo, mask);
  gegl_node_link(photo, blend);
  smp::connect(mask, "output", blend, "aux");
  GParamSpec* kind_spec = gegl_operation_find_property("smp:scar-mask", "kind");
  if (kind_spec && G_IS_PARAM_SPEC_ENUM(kind_spec))
    if (const GEnumValue* v = g_enum_get_value_by_nick(G_PARAM_SPEC_ENUM(kind_spec)->enum_class, detector_kind(c.spec.kind)))
      gegl_node_set(mask, "kind", v->value, nullptr);

  auto render = [&](GeglNode* node, const char* format, int components) {
    std::vector<float> out(n * components);
    gegl_node_blit(node, 1.0, &whole, babl_format(format), out.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
    return out;
  };
  const std::vector<float> found = render(mask, "Y' float", 1);
  FamilyScore score;
  score.detected_share = detected_share(found);
  if (found_mask)
    *found_mask = found;
  if (c.spec.kind == smp::FamilyScarKind::none) {
    g_object_unref(graph);
    return score;
  }
  if (c.spec.kind == smp::FamilyScarKind::punches) {
    const DotMatch m = match_dots(found, w, h, p.punches, 0.6 * c.spec.px_per_mm);
    score.punches = static_cast<int>(p.punches.size());
    score.found = m.found, score.false_detections = m.false_detections, score.detections = m.detections;
  } else {
    score.iou = intersection_over_union(found, p.truth);
  }
  const std::vector<float> before = render(photo, "CIE Lab alpha float", 4), after = render(blend, "CIE Lab alpha float", 4);
  g_object_unref(graph);
  const auto inner = near_truth(p.truth, w, h, static_cast<int>(std::lround(1.0 * c.spec.px_per_mm)));
  const auto outer = near_truth(p.truth, w, h, static_cast<int>(std::lround(5.0 * c.spec.px_per_mm)));
  auto in_core = [&](std::size_t i) { return p.core[i] > 0.5f; };
  auto in_ring = [&](std::size_t i) { return outer[i] && !inner[i] && p.hair[i] < 0.05f; };  // skin between the hairs
  score.delta_e_before = smp::ciede2000(mean_lab(before, n, in_core), mean_lab(before, n, in_ring));
  score.delta_e_after = smp::ciede2000(mean_lab(after, n, in_core), mean_lab(after, n, in_ring));
  return score;
}

}  // namespace smp_test
