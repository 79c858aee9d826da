#define BOOST_TEST_MODULE stipple_render
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <tuple>
#include <vector>

#include "stipple/stipple_render.hpp"

namespace {

struct Render {
  std::vector<float> density;
  std::vector<float> rgba;
  smp::PixelRect rect;
};

// Renders `rect` from a uniform density map that covers it with the needed margin.
Render render_uniform(const smp::StippleSettings& s, float map, smp::PixelRect rect, int level = 0)
{
  const smp::StippleRenderer renderer(s);
  const int pad = renderer.padding_px(level);
  Render r;
  r.rect = rect;
  r.density.assign(static_cast<std::size_t>(rect.width + 2 * pad) * (rect.height + 2 * pad), map);
  const smp::RasterDensity raster(
      smp::DensityRaster{r.density.data(), rect.x - pad, rect.y - pad, rect.width + 2 * pad, rect.height + 2 * pad});
  r.rgba.resize(static_cast<std::size_t>(rect.width) * rect.height * 4);
  renderer.render(raster, rect, level, r.rgba.data());
  return r;
}

double mean_darkening(const Render& r, int channel = 0)
{
  double sum = 0.0;
  for (std::size_t i = 0; i < r.rgba.size() / 4; ++i)
    sum += 1.0 - r.rgba[4 * i + channel];
  return sum / static_cast<double>(r.rgba.size() / 4);
}

// A 1 x 1 cm patch whose corner is at (x_mm, y_mm), at the given scale.
Render render_patch(smp::StippleSettings s, double px_per_mm, double x_mm, double y_mm)
{
  s.px_per_mm = px_per_mm;
  const int side = static_cast<int>(std::lround(10.0 * px_per_mm));
  return render_uniform(s, 1.0f, {static_cast<int>(std::lround(x_mm * px_per_mm)),
                                  static_cast<int>(std::lround(y_mm * px_per_mm)), side, side});
}

smp::StippleSettings plain_dots()
{
  smp::StippleSettings s;
  s.size_variation = 0.0;
  s.shade_variation = 0.0;
  s.sessions = 1;
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(zero_density_leaves_the_photo_exactly_unchanged)
{
  smp::StippleSettings s;
  const Render t = render_uniform(s, 0.0f, {-40, 17, 200, 150});
  for (float v : t.rgba)
    BOOST_TEST_REQUIRE(v == 1.0f);
  s.output = smp::StippleOutput::dots;
  const Render d = render_uniform(s, 0.0f, {-40, 17, 200, 150});
  for (float v : d.rgba)
    BOOST_TEST_REQUIRE(v == 0.0f);
  s.density_per_cm2 = 0.0;
  s.output = smp::StippleOutput::transmittance;
  const Render z = render_uniform(s, 1.0f, {0, 0, 100, 100});
  for (float v : z.rgba)
    BOOST_TEST_REQUIRE(v == 1.0f);
}

BOOST_AUTO_TEST_CASE(a_square_centimetre_darkens_as_its_dots_predict_at_every_scale)
{
  // The prediction counts the dot centres in the patch (the pattern's own density is tested
  // elsewhere), so this isolates the rendering: dot area x strength x (1 - pigment transmittance).
  // The halo is off here: where it overlaps a dark dot it darkens multiplicatively, less than
  // the sum; the next case holds the halo to the same scale consistency.
  smp::StippleSettings s = plain_dots();
  s.halo = 0.0;
  const smp::DotPattern pattern(s.density_per_cm2 / 100.0, s.regularity, s.seed);
  const double patch_x_mm = 30.0, patch_y_mm = 40.0;
  const auto dots = pattern.dots_in({patch_x_mm, patch_y_mm, patch_x_mm + 10.0, patch_y_mm + 10.0});
  const double dot_area_mm2 = std::numbers::pi * 0.25 * s.dot_diameter_mm * s.dot_diameter_mm;
  const double predicted = dots.size() * dot_area_mm2 * s.strength * (1.0 - s.color.r) / 100.0;
  for (const double px_per_mm : {2.0, 5.0, 10.0, 20.0, 40.0}) {
    const double measured = mean_darkening(render_patch(s, px_per_mm, patch_x_mm, patch_y_mm));
    BOOST_TEST(std::abs(measured - predicted) <= 0.03 * predicted,
               "at " << px_per_mm << " px/mm the patch darkens by " << measured << ", predicted " << predicted << " ("
                     << dots.size() << " dots)");
  }
}

BOOST_AUTO_TEST_CASE(with_its_halo_a_square_centimetre_darkens_alike_at_every_scale)
{
  const smp::StippleSettings s = plain_dots();
  const double reference = mean_darkening(render_patch(s, 10.0, 30.0, 40.0));
  for (const double px_per_mm : {2.0, 5.0, 20.0, 40.0}) {
    const double measured = mean_darkening(render_patch(s, px_per_mm, 30.0, 40.0));
    BOOST_TEST(std::abs(measured - reference) <= 0.03 * reference,
               "at " << px_per_mm << " px/mm the patch darkens by " << measured << ", at 10 px/mm by " << reference);
  }
  smp::StippleSettings no_halo = s;
  no_halo.halo = 0.0;
  const double dots_only = mean_darkening(render_patch(no_halo, 10.0, 30.0, 40.0));
  BOOST_TEST(reference > (1.0 + 0.8 * s.halo) * dots_only,
             "the halo adds only " << reference / dots_only - 1.0 << " of the dots' darkening, set to " << s.halo);
}

BOOST_AUTO_TEST_CASE(sub_pixel_dots_land_where_a_finer_render_puts_them)
{
  // At 2 px/mm a 0.25 mm dot is half a pixel. Box-averaging a 40 px/mm render down to 2 px/mm
  // shows where its ink belongs; the direct render must agree (no snapping, no vanishing).
  smp::StippleSettings s = plain_dots();
  s.halo = 0.0;
  const Render coarse = render_patch(s, 2.0, 30.0, 40.0);
  const Render fine = render_patch(s, 40.0, 30.0, 40.0);
  const int side = coarse.rect.width, factor = 20;
  double difference2 = 0.0, signal2 = 0.0;
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      double box = 0.0;
      for (int j = 0; j < factor; ++j)
        for (int i = 0; i < factor; ++i)
          box += 1.0 - fine.rgba[4 * (static_cast<std::size_t>(y * factor + j) * fine.rect.width + x * factor + i)];
      box /= factor * factor;
      const double direct = 1.0 - coarse.rgba[4 * (static_cast<std::size_t>(y) * side + x)];
      difference2 += (direct - box) * (direct - box);
      signal2 += box * box;
    }
  // The direct render also spreads each dot over about a pixel (its anti-aliasing), so the two
  // differ a little; an aliased or snapped render differs by about the signal itself.
  const double relative = std::sqrt(difference2 / signal2);
  BOOST_TEST_MESSAGE("2 px/mm vs averaged 40 px/mm render: relative difference " << relative);
  BOOST_TEST(relative < 0.2, "the 2 px/mm render differs from the averaged 40 px/mm one by " << relative);
}

BOOST_AUTO_TEST_CASE(mean_field_matches_resolved_dots)
{
  // Zoomed far out (dots closer than a pixel) the expected pigment is drawn instead of dots.
  smp::StippleSettings s;
  s.px_per_mm = 10.0;
  const double resolved = mean_darkening(render_uniform(s, 0.6f, {0, 0, 1000, 1000}));
  const double flat = mean_darkening(render_uniform(s, 0.6f, {0, 0, 40, 40}, 4));  // 1/16 scale
  BOOST_TEST(std::abs(flat - resolved) <= 0.03 * resolved,
             "resolved dots darken by " << resolved << ", the mean field by " << flat);
}

BOOST_AUTO_TEST_CASE(hairline_grey_gives_fewer_smaller_lighter_dots)
{
  smp::StippleSettings s;
  const double full = mean_darkening(render_uniform(s, 1.0f, {0, 0, 800, 800}));
  const double half = mean_darkening(render_uniform(s, 0.5f, {0, 0, 800, 800}));
  s.transition_coupling = 0.0;
  const double half_uncoupled = mean_darkening(render_uniform(s, 0.5f, {0, 0, 800, 800}));
  BOOST_TEST(std::abs(half_uncoupled / full - 0.5) < 0.03, "half density darkens " << half_uncoupled / full);
  BOOST_TEST(half < 0.8 * half_uncoupled, "coupled " << half << " vs uncoupled " << half_uncoupled);
}

BOOST_AUTO_TEST_CASE(old_pigment_turns_cooler)
{
  smp::StippleSettings s;
  s.age_years = 15.0;
  const Render r = render_uniform(s, 1.0f, {0, 0, 400, 400});
  BOOST_TEST(mean_darkening(r, 2) < 0.97 * mean_darkening(r, 0),
             "blue darkens " << mean_darkening(r, 2) << ", red " << mean_darkening(r, 0));
}

BOOST_AUTO_TEST_CASE(any_setting_gives_defined_output_in_bounded_work)
{
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  for (const double bad : {nan, inf, -inf, 0.0, -1.0, 1e6, 1e-300}) {
    smp::StippleSettings s;
    s.px_per_mm = bad;
    s.density_per_cm2 = bad;
    s.dot_diameter_mm = bad;
    s.depth_mm = bad;
    s.elongation = bad;
    s.age_years = bad;
    s.strength = bad;
    s.hair_direction_deg = bad;
    s.whorl_x_px = bad;
    s.use_whorl = true;
    s.sessions = bad > 0 ? 1000000 : -5;
    for (const auto output : {smp::StippleOutput::transmittance, smp::StippleOutput::dots}) {
      s.output = output;
      const Render r = render_uniform(s, 1.0f, {-64, -64, 128, 128});
      for (float v : r.rgba)
        BOOST_TEST_REQUIRE((std::isfinite(v) && v >= 0.0f && v <= 1.0f), "value " << v << " for setting " << bad);
    }
  }
  smp::StippleSettings huge;
  huge.density_per_cm2 = 1000.0;
  huge.dot_diameter_mm = 1.5;
  huge.px_per_mm = 200.0;
  huge.depth_mm = 0.3;
  huge.elongation = 4.0;
  BOOST_TEST(smp::StippleRenderer(huge).padding_px(0) <= smp::StippleRenderer::max_footprint_px + 1);
  const Render r = render_uniform(huge, 1.0f, {0, 0, 64, 64});
  BOOST_TEST(mean_darkening(r) > 0.5, "a saturated field darkens only " << mean_darkening(r));
}

BOOST_AUTO_TEST_CASE(the_first_of_three_sessions_is_sparse_and_light)
{
  smp::StippleSettings s;
  s.halo = 0.0;
  const double complete = mean_darkening(render_uniform(s, 1.0f, {0, 0, 600, 600}));
  s.completed_sessions = 1;
  const double first = mean_darkening(render_uniform(s, 1.0f, {0, 0, 600, 600}));
  // A third of the dots at 75% of the full shade, against all dots at 75%, 87.5% and 100%.
  const double expected = (1.0 / 3.0) * 0.75 / ((0.75 + 0.875 + 1.0) / 3.0);
  BOOST_TEST(std::abs(first / complete - expected) < 0.1 * expected,
             "after session 1 the scalp darkens " << first / complete << " of the finished result, expected "
                                                  << expected);
}

BOOST_AUTO_TEST_CASE(a_band_drawn_piece_by_piece_has_the_bits_of_one_render)
{
  // GEGL hands out a band's tiles one at a time; any split must give exactly one render's bits.
  // The last case zooms in on huge dots: too many covers to keep, so each piece shapes its own.
  smp::StippleSettings s;
  s.elongation = 2.0;
  s.size_variation = 0.5;
  const smp::PixelRect band{-37, 11, 301, 157};
  for (const auto& [output, level, px_per_mm, dot_diameter_mm, density_per_cm2] :
       {std::tuple{smp::StippleOutput::transmittance, 0, 10.0, 0.2, 90.0},
        {smp::StippleOutput::dots, 0, 10.0, 0.2, 90.0},
        {smp::StippleOutput::transmittance, 4, 10.0, 0.2, 90.0},
        {smp::StippleOutput::transmittance, 0, 200.0, 1.5, 1000.0}}) {
    s.output = output;
    s.px_per_mm = px_per_mm;
    s.dot_diameter_mm = dot_diameter_mm;
    s.density_per_cm2 = density_per_cm2;
    const smp::StippleRenderer renderer(s);
    const int pad = renderer.padding_px(level);
    std::vector<float> map(static_cast<std::size_t>(band.width + 2 * pad) * (band.height + 2 * pad));
    for (std::size_t i = 0; i < map.size(); ++i)
      map[i] = static_cast<float>(i % static_cast<std::size_t>(band.width + 2 * pad)) / (band.width + 2 * pad);
    const smp::RasterDensity raster(
        smp::DensityRaster{map.data(), band.x - pad, band.y - pad, band.width + 2 * pad, band.height + 2 * pad});
    std::vector<float> whole(static_cast<std::size_t>(band.width) * band.height * 4);
    renderer.render(raster, band, level, whole.data());
    BOOST_TEST_REQUIRE(std::count(whole.begin(), whole.end(), output == smp::StippleOutput::dots ? 0.0f : 1.0f) <
                           static_cast<long>(whole.size() / 2),
                       "the reference render is nearly blank");

    const smp::StippleBand stipple(renderer, raster, band, level);
    for (const int piece_w : px_per_mm > 100.0 ? std::vector{128} : std::vector{128, 61, 7}) {
      std::vector<float> pieces(whole.size(), -1.0f);
      const std::size_t row_stride = 4 * static_cast<std::size_t>(band.width);
      for (int y = band.y; y < band.y + band.height; y += 43)
        for (int x = band.x; x < band.x + band.width; x += piece_w) {
          const smp::PixelRect piece{x, y, std::min(piece_w, band.x + band.width - x),
                                     std::min(43, band.y + band.height - y)};
          stipple.draw(piece, pieces.data() + (y - band.y) * row_stride + 4 * static_cast<std::size_t>(x - band.x),
                       row_stride);
        }
      std::size_t differing = 0;
      for (std::size_t i = 0; i < whole.size(); ++i)
        differing += std::memcmp(&whole[i], &pieces[i], sizeof(float)) != 0;
      BOOST_TEST(differing == 0u, differing << " values differ with pieces " << piece_w << " px wide, output "
                                            << static_cast<int>(output) << ", level " << level);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_default_treatment_plainly_darkens_light_skin_at_any_scale)
{
  // L* 65 skin (relative luminance 0.340) under the default stipple at completion.
  for (const double px_per_mm : {1.5, 5.0, 18.0}) {
    const Render r = render_patch(smp::StippleSettings{}, px_per_mm, 3.0, 7.0);
    const double through = 1.0 - mean_darkening(r, 1);
    const double lightness = 116.0 * std::cbrt(0.340 * through) - 16.0;
    BOOST_TEST(65.0 - lightness >= 6.0, "at " << px_per_mm << " px/mm the default darkens L* 65 skin by "
                                               << 65.0 - lightness);
  }
}

BOOST_AUTO_TEST_CASE(the_scattering_shadow_is_even_not_clouded_by_chance_gaps_between_dots)
{
  // Block means 4 mm wide of the shadow alone (dots too faint to count): their spread is tiny
  // next to the shadow's own darkening.
  smp::StippleSettings s;
  s.strength = 0.02;
  s.halo = smp::StippleLimits::halo_max;
  s.density_per_cm2 = 100.0;
  constexpr double px_per_mm = 10.0;
  s.px_per_mm = px_per_mm;
  const int side = 400, block = 40;
  const Render r = render_uniform(s, 1.0f, {0, 0, side, side});
  std::vector<double> means;
  for (int by = 0; by < side; by += block)
    for (int bx = 0; bx < side; bx += block) {
      double sum = 0.0;
      for (int y = by; y < by + block; ++y)
        for (int x = bx; x < bx + block; ++x)
          sum += 1.0 - r.rgba[4 * (static_cast<std::size_t>(y) * side + x) + 1];
      means.push_back(sum / (block * block));
    }
  double mean = 0.0, spread = 0.0;
  for (double m : means)
    mean += m / means.size();
  for (double m : means)
    spread += (m - mean) * (m - mean) / means.size();
  spread = std::sqrt(spread);
  BOOST_TEST(mean > 0.005, "the shadow darkens by only " << mean);
  BOOST_TEST(spread < 0.05 * mean, "4 mm blocks of the shadow vary by " << spread << " around " << mean);
}
