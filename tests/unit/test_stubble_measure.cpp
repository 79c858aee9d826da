#define BOOST_TEST_MODULE stubble_measure
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include "analysis/stubble_measure.hpp"
#include "synthetic/synthetic_stubble.hpp"

namespace {

// Perceptual luminance of the synthetic sRGB patch (Rec. 709 weights on encoded values).
std::vector<float> luma_of(const smp::SyntheticStubble& s)
{
  std::vector<float> luma(static_cast<std::size_t>(s.width) * s.height);
  for (std::size_t i = 0; i < luma.size(); ++i)
    luma[i] = 0.2126f * s.rgb[3 * i] + 0.7152f * s.rgb[3 * i + 1] + 0.0722f * s.rgb[3 * i + 2];
  return luma;
}

}  // namespace

BOOST_AUTO_TEST_CASE(density_of_synthetic_stubble_is_measured_within_10_percent)
{
  for (const double density : {40.0, 70.0, 100.0})
    for (const double px_per_mm : {8.0, 12.0, 20.0}) {
      smp::SyntheticStubbleSpec spec;
      spec.density_per_cm2 = density;
      spec.px_per_mm = px_per_mm;
      spec.width_px = spec.height_px = static_cast<int>(40.0 * px_per_mm);  // 16 cm^2
      const auto patch = smp::synthetic_stubble(spec);
      const auto m = smp::measure_stubble(luma_of(patch), {}, patch.width, patch.height, px_per_mm);
      const double truth = patch.hairs / 16.0;
      BOOST_TEST_MESSAGE(px_per_mm << " px/mm, " << truth << " hairs/cm2 drawn: measured " << m.density_per_cm2
                                   << "/cm2, " << m.diameter_mm << " mm, darkening " << m.darkening);
      BOOST_TEST(std::abs(m.density_per_cm2 - truth) <= 0.1 * truth,
                 "at " << px_per_mm << " px/mm: measured " << m.density_per_cm2 << "/cm2, drawn " << truth);
      BOOST_TEST(std::abs(m.diameter_mm - spec.diameter_mm) <= 0.3 * spec.diameter_mm,
                 "at " << px_per_mm << " px/mm: diameter " << m.diameter_mm << " mm, drawn " << spec.diameter_mm);
      BOOST_TEST(std::abs(m.darkening - spec.darkening) <= 0.35 * spec.darkening,
                 "darkening " << m.darkening << ", drawn " << spec.darkening);
    }
}

BOOST_AUTO_TEST_CASE(only_the_selected_area_counts)
{
  smp::SyntheticStubbleSpec spec;
  const auto patch = smp::synthetic_stubble(spec);
  std::vector<float> left_half(static_cast<std::size_t>(patch.width) * patch.height, 0.0f);
  for (int y = 0; y < patch.height; ++y)
    for (int x = 0; x < patch.width / 2; ++x)
      left_half[static_cast<std::size_t>(y) * patch.width + x] = 1.0f;
  const auto all = smp::measure_stubble(luma_of(patch), {}, patch.width, patch.height, spec.px_per_mm);
  const auto half = smp::measure_stubble(luma_of(patch), left_half, patch.width, patch.height, spec.px_per_mm);
  BOOST_TEST(std::abs(half.area_cm2 - all.area_cm2 / 2) < 1e-9);
  BOOST_TEST(std::abs(half.hairs - all.hairs / 2.0) <= 0.1 * all.hairs / 2.0, half.hairs << " of " << all.hairs);
}

BOOST_AUTO_TEST_CASE(bare_skin_and_bad_input_measure_no_hair)
{
  smp::SyntheticStubbleSpec spec;
  spec.density_per_cm2 = 0.0;
  const auto bare = smp::synthetic_stubble(spec);
  const auto m = smp::measure_stubble(luma_of(bare), {}, bare.width, bare.height, spec.px_per_mm);
  BOOST_TEST(m.hairs <= 2, m.hairs << " hairs found on bare skin");
  BOOST_TEST(smp::measure_stubble({}, {}, 0, 0, 10.0).hairs == 0);
  BOOST_TEST(smp::measure_stubble(std::vector<float>(16, 0.5f), {}, 4, 4, std::nan("")).hairs == 0);
  BOOST_TEST(smp::measure_stubble(std::vector<float>(16, 0.5f), std::vector<float>(16, 0.0f), 4, 4, 10.0).area_cm2 == 0.0);
}
