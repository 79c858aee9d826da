#define BOOST_TEST_MODULE scar
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <limits>

#include "scar/lab_colour.hpp"
#include "scar/scar_blend.hpp"
#include "scar/scar_mask.hpp"
#include "support/scar_scores.hpp"
#include "synthetic/synthetic_scar.hpp"

namespace {

constexpr double px_per_mm = 10.0;

smp::SyntheticScar scalp(smp::SyntheticScarKind kind)
{
  smp::SyntheticScarSpec spec;
  spec.kind = kind;
  spec.px_per_mm = px_per_mm;
  switch (kind) {
    case smp::SyntheticScarKind::strip: spec.width_px = 1000, spec.height_px = 300; break;
    case smp::SyntheticScarKind::dots: spec.width_px = 800, spec.height_px = 560; break;
    case smp::SyntheticScarKind::patch: spec.width_px = 600, spec.height_px = 600; break;
    case smp::SyntheticScarKind::none: spec.width_px = 600, spec.height_px = 600; break;
  }
  return smp::synthetic_scar(spec);
}

smp::Plane detect(const smp::SyntheticScar& s, smp::ScarKind kind)
{
  smp::ScarMaskSettings settings;
  settings.px_per_mm = px_per_mm;
  settings.kind = kind;
  return smp::scar_mask(smp::lab_image_from_srgb(s.rgb, s.width, s.height), nullptr, settings);
}

}  // namespace

BOOST_AUTO_TEST_CASE(ciede2000_matches_the_published_test_pairs)
{
  // Sharma, Wu and Dalal (2005), table 1, pairs 1 and 17.
  BOOST_TEST(smp::ciede2000({50.0, 2.6772, -79.7751}, {50.0, 0.0, -82.7485}) == 2.0425, boost::test_tools::tolerance(1e-3));
  BOOST_TEST(smp::ciede2000({50.0, 2.5, 0.0}, {73.0, 25.0, -18.0}) == 27.1492, boost::test_tools::tolerance(1e-3));
}

BOOST_AUTO_TEST_CASE(the_synthetic_dots_are_all_placed)
{
  const auto s = scalp(smp::SyntheticScarKind::dots);
  BOOST_TEST(s.dots.size() == 200u);
}

BOOST_AUTO_TEST_CASE(a_fut_strip_is_found_with_iou_above_0_8)
{
  for (const auto kind : {smp::ScarKind::linear, smp::ScarKind::any}) {
    const auto s = scalp(smp::SyntheticScarKind::strip);
    const double iou = smp_test::intersection_over_union(detect(s, kind).values, s.truth);
    BOOST_TEST(iou >= 0.8, "IoU of the 2 mm x 8 cm strip " << iou << " (kind " << int(kind) << ")");
  }
}

BOOST_AUTO_TEST_CASE(a_finely_resolved_photo_is_searched_on_a_coarser_grid_with_the_same_result)
{
  smp::SyntheticScarSpec spec;
  spec.kind = smp::SyntheticScarKind::strip;
  spec.px_per_mm = 25.0;  // worked at 12.5 px/mm
  spec.width_px = 2500;
  spec.height_px = 750;
  const auto s = smp::synthetic_scar(spec);
  smp::ScarMaskSettings settings;
  settings.px_per_mm = spec.px_per_mm;
  const double iou = smp_test::intersection_over_union(
      smp::scar_mask(smp::lab_image_from_srgb(s.rgb, s.width, s.height), nullptr, settings).values, s.truth);
  BOOST_TEST(iou >= 0.8, "IoU of the strip at 25 px/mm " << iou);
}

BOOST_AUTO_TEST_CASE(fue_dots_are_found)
{
  for (const auto kind : {smp::ScarKind::dots, smp::ScarKind::any}) {
    const auto s = scalp(smp::SyntheticScarKind::dots);
    const auto m = smp_test::match_dots(detect(s, kind).values, s.width, s.height, s.dots, 0.6 * px_per_mm);
    BOOST_TEST(m.found >= 180, m.found << " of 200 punches found (kind " << int(kind) << ")");
    BOOST_TEST(m.false_detections <= 0.1 * m.detections, m.false_detections << " of " << m.detections << " false");
  }
}

BOOST_AUTO_TEST_CASE(an_irregular_patch_is_found_with_iou_above_0_8)
{
  for (const auto kind : {smp::ScarKind::area, smp::ScarKind::any}) {
    const auto s = scalp(smp::SyntheticScarKind::patch);
    const double iou = smp_test::intersection_over_union(detect(s, kind).values, s.truth);
    BOOST_TEST(iou >= 0.8, "IoU of the 3 cm patch " << iou << " (kind " << int(kind) << ")");
  }
}

BOOST_AUTO_TEST_CASE(a_scar_free_scalp_shows_almost_nothing)
{
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    smp::SyntheticScarSpec spec;
    spec.kind = smp::SyntheticScarKind::none;
    spec.width_px = spec.height_px = 600;
    spec.seed = seed;
    const auto s = smp::synthetic_scar(spec);
    const double share = smp_test::detected_share(detect(s, smp::ScarKind::any).values);
    BOOST_TEST(share < 0.005, share * 100 << "% of a scar-free scalp detected (seed " << seed << ")");
  }
}

BOOST_AUTO_TEST_CASE(blending_brings_the_scar_to_the_skin_colour)
{
  for (const auto kind : {smp::SyntheticScarKind::strip, smp::SyntheticScarKind::dots, smp::SyntheticScarKind::patch}) {
    const auto s = scalp(kind);
    smp::LabImage image = smp::lab_image_from_srgb(s.rgb, s.width, s.height);
    const smp::LabImage before = image;
    smp::Plane mask(s.width, s.height);
    mask.values = s.truth;
    smp::ScarBlendSettings settings;
    settings.px_per_mm = px_per_mm;
    const smp::Plane applied = smp::scar_blend(image, mask, settings);
    const auto ring = smp_test::ring_around(s.truth, s.width, s.height, static_cast<int>(3 * px_per_mm));
    const std::size_t n = s.truth.size();
    auto in_scar = [&](std::size_t i) { return s.truth[i] > 0.5f; };
    auto in_ring = [&](std::size_t i) { return ring[i] > 0.5f; };
    const double de_before = smp::ciede2000(smp_test::mean_lab(before.lab_alpha, n, in_scar), smp_test::mean_lab(before.lab_alpha, n, in_ring));
    const double de_after = smp::ciede2000(smp_test::mean_lab(image.lab_alpha, n, in_scar), smp_test::mean_lab(image.lab_alpha, n, in_ring));
    BOOST_TEST(de_after <= 0.25 * de_before, "CIEDE2000 scar-ring " << de_before << " before, " << de_after << " after (synthetic kind " << int(kind) << ")");
    std::size_t changed_outside = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (mask.values[i] == 0.0f)
        changed_outside += std::memcmp(&image.lab_alpha[4 * i], &before.lab_alpha[4 * i], 4 * sizeof(float)) != 0;
    BOOST_TEST(changed_outside == 0u, changed_outside << " pixels outside the mask changed");
  }
}

BOOST_AUTO_TEST_CASE(bad_input_gives_a_defined_answer)
{
  const float nan = std::numeric_limits<float>::quiet_NaN();
  smp::LabImage one{1, 1, {50.0f, 10.0f, 10.0f, 1.0f}};
  smp::ScarMaskSettings wild;
  wild.px_per_mm = nan;
  wild.sensitivity = std::numeric_limits<double>::infinity();
  wild.feather_mm = -5;
  BOOST_TEST(smp::scar_mask(one, nullptr, wild).values.size() == 1u);
  smp::LabImage empty{0, 0, {}};
  BOOST_TEST(smp::scar_mask(empty, nullptr, wild).values.empty());
  const auto s = scalp(smp::SyntheticScarKind::strip);
  const smp::LabImage image = smp::lab_image_from_srgb(s.rgb, s.width, s.height);
  const smp::Plane nothing(s.width, s.height, 0.0f);
  const smp::Plane found = smp::scar_mask(image, &nothing, {});
  BOOST_TEST(smp_test::detected_share(found.values) == 0.0, "an empty region finds nothing");
  smp::LabImage copy = image;
  smp::ScarBlendSettings blend;
  blend.px_per_mm = nan;
  blend.ring_width_mm = 1e300;
  smp::Plane nan_mask(s.width, s.height, nan);
  smp::scar_blend(copy, nan_mask, blend);
  BOOST_TEST((std::memcmp(copy.lab_alpha.data(), image.lab_alpha.data(), image.lab_alpha.size() * sizeof(float)) == 0),
             "a NaN mask changes nothing");
}
