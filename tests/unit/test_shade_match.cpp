#define BOOST_TEST_MODULE shade_match
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "analysis/gaussian_blur.hpp"
#include "analysis/hair_sample.hpp"
#include "analysis/shade_match.hpp"

namespace {

double luminance(const smp::LinearRgb& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

}  // namespace

BOOST_AUTO_TEST_CASE(the_solved_stipple_lets_through_the_wanted_light_at_any_scale)
{
  const smp::LinearRgb wanted[] = {{0.50, 0.53, 0.58}, {0.80, 0.78, 0.76}, {0.37, 0.45, 0.49}};
  for (const double px_per_mm : {2.0, 6.0, 17.5})
    for (const smp::LinearRgb& w : wanted) {
      smp::StippleSettings base;
      base.px_per_mm = px_per_mm;
      const smp::ShadeMatch m = smp::match_transmittance(base, w, 0.05, 0.1);
      const double off = std::max({std::abs(m.transmittance.r - w.r), std::abs(m.transmittance.g - w.g),
                                   std::abs(m.transmittance.b - w.b)});
      BOOST_TEST(off < 0.015, "at " << px_per_mm << " px/mm, wanted " << w.r << " " << w.g << " " << w.b << ", got "
                                     << m.transmittance.r << " " << m.transmittance.g << " " << m.transmittance.b);
      BOOST_TEST(m.settings.strength <= 1.0);
      BOOST_TEST(m.settings.dot_diameter_mm >= smp::ShadeMatchLimits::dot_diameter_min_mm);
    }
}

BOOST_AUTO_TEST_CASE(more_grain_asked_gives_more_grain_at_the_same_tone)
{
  smp::StippleSettings base;
  base.px_per_mm = 10.0;
  const smp::LinearRgb tone{0.6, 0.6, 0.6};
  const smp::ShadeMatch smooth = smp::match_transmittance(base, tone, 0.0, 0.1);
  const smp::ShadeMatch grainy = smp::match_transmittance(base, tone, 0.2, 0.1);
  BOOST_TEST(grainy.grain > smooth.grain * 1.3, "grain " << smooth.grain << " asked 0, " << grainy.grain << " asked 0.2");
  BOOST_TEST(std::abs(luminance(grainy.transmittance) - 0.6) < 0.015);
  BOOST_TEST(std::abs(luminance(smooth.transmittance) - 0.6) < 0.015);
}

BOOST_AUTO_TEST_CASE(nothing_asks_for_a_painted_helmet_or_an_invisible_treatment)
{
  smp::StippleSettings base;
  base.px_per_mm = 5.0;
  const smp::ShadeMatch black = smp::match_transmittance(base, {0.02, 0.02, 0.02}, 0.0, 0.0);
  BOOST_TEST(black.wanted.r == smp::ShadeMatchLimits::darkest);
  const smp::ShadeMatch none = smp::match_transmittance(base, {1.0, 1.0, 1.0}, 0.0, 0.0);
  BOOST_TEST(luminance(none.transmittance) < 0.985, "the lightest treatment lets through " << luminance(none.transmittance));
  const smp::ShadeMatch nan = smp::match_transmittance(base, {NAN, 0.5, 0.5}, NAN, NAN);
  BOOST_TEST(std::isfinite(nan.settings.strength));
  BOOST_TEST(std::isfinite(nan.settings.depth_mm));
}

BOOST_AUTO_TEST_CASE(every_named_shade_is_plainly_visible_on_light_skin)
{
  // L* 65 skin: the lightest shade still darkens it by 6 or more.
  for (const auto shade : {smp::HairShade::black, smp::HairShade::dark_brown, smp::HairShade::brown, smp::HairShade::grey,
                           smp::HairShade::blond}) {
    const double drop = smp::lightness_drop_on_light_skin(smp::shade_transmittance(shade));
    BOOST_TEST_MESSAGE(smp::hair_shade_nicks[static_cast<int>(shade)] << ": L* 65 skin darkened by " << drop);
    BOOST_TEST(drop >= 6.0, smp::hair_shade_nicks[static_cast<int>(shade)] << " darkens L* 65 skin by " << drop);
    BOOST_TEST((smp::match_bound(smp::shade_transmittance(shade)) == smp::MatchBound::within),
               smp::hair_shade_nicks[static_cast<int>(shade)] << " is outside the shades a match may ask for");
  }
}

// A match asks for no more than black stubble's darkening and no less than blond's: beyond them
// the hair found beside the bare scalp was shadow, background or skin, whatever its hue. Along a
// ramp from no darkening to a helmet the bound changes twice, in that order, and where it changes
// brackets the named shades' own darkening (every_named_shade_is_plainly_visible_on_light_skin).
BOOST_AUTO_TEST_CASE(a_match_beyond_black_or_blond_stubble_is_bounded_to_them)
{
  const double black = smp::lightness_drop_on_light_skin(smp::shade_transmittance(smp::HairShade::black));
  const double blond = smp::lightness_drop_on_light_skin(smp::shade_transmittance(smp::HairShade::blond));
  for (const smp::LinearRgb hue : {smp::LinearRgb{1.0, 1.0, 1.0}, smp::LinearRgb{1.0, 0.9, 0.8}, smp::LinearRgb{0.8, 0.9, 1.0}}) {
    std::vector<smp::MatchBound> order;
    double within_from = NAN, darker_from = NAN;
    for (double grey = 1.0; grey >= 0.2; grey -= 0.002) {
      const smp::LinearRgb through{grey * hue.r, grey * hue.g, grey * hue.b};
      const smp::MatchBound bound = smp::match_bound(through);
      if (!order.empty() && order.back() == bound)
        continue;
      order.push_back(bound);
      const double drop = smp::lightness_drop_on_light_skin(through);
      if (bound == smp::MatchBound::within)
        within_from = drop;
      else if (bound == smp::MatchBound::darker_than_black)
        darker_from = drop;
    }
    const std::string ramp = "grey ramp of hue " + std::to_string(hue.r) + "/" + std::to_string(hue.g) + "/" + std::to_string(hue.b);
    BOOST_TEST_REQUIRE(order.size() == 3u, ramp << ": the bound changes " << order.size() - 1 << " times, not twice");
    BOOST_TEST((order[0] == smp::MatchBound::lighter_than_blond && order[1] == smp::MatchBound::within &&
                order[2] == smp::MatchBound::darker_than_black),
               ramp << ": the bounds come in the order " << static_cast<int>(order[0]) << ", " << static_cast<int>(order[1]) << ", "
                    << static_cast<int>(order[2]));
    BOOST_TEST_MESSAGE(ramp << ": within from a darkening of " << within_from << " (blond " << blond << "), darker than black from "
                            << darker_from << " (black " << black << ")");
    // A shade a little lighter than blond's is skin; as dark as black's, or a little beyond, is hair.
    BOOST_TEST(std::abs(within_from - blond) < 0.6, ramp << ": matched from a darkening of " << within_from << ", blond stubble's is " << blond);
    BOOST_TEST((darker_from > black + 0.5 && darker_from < black + 4.0),
               ramp << ": taken for shadow from a darkening of " << darker_from << ", black stubble's is " << black);
  }
  // What the development photos' rule-mask fringe asked for: ΔL* 24, a helmet.
  BOOST_TEST((smp::match_bound({0.3, 0.3, 0.3}) == smp::MatchBound::darker_than_black));
  BOOST_TEST((smp::match_bound({NAN, 0.5, 0.5}) != smp::MatchBound::within), "an unreadable match is taken as within");
}

BOOST_AUTO_TEST_CASE(the_hair_beside_bare_skin_is_measured_as_drawn)
{
  // Bare skin on the left, hair on the right, at 8 px/mm; the hair is dark strands 0.1 mm wide.
  constexpr int w = 240, h = 160;
  constexpr double px_per_mm = 8.0;
  std::vector<float> rgb(static_cast<std::size_t>(w) * h * 3), bare(w * h), hair(w * h);
  std::mt19937 random(3);
  std::uniform_real_distribution<float> noise(-0.01f, 0.01f);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      const bool is_hair = x >= w / 2;
      const bool strand = is_hair && (x + y / 3) % 6 == 0;
      const float skin[3] = {0.35f, 0.28f, 0.23f}, dark[3] = {0.05f, 0.05f, 0.05f};
      for (int c = 0; c < 3; ++c)
        rgb[3 * i + c] = (strand ? dark[c] : (is_hair ? 0.6f : 1.0f) * skin[c]) + noise(random);
      bare[i] = is_hair ? 0.0f : 1.0f;
      hair[i] = is_hair ? 1.0f : 0.0f;
    }
  const auto sample = smp::sample_hair_beside_skin({rgb.data(), bare.data(), hair.data(), nullptr, w, h, px_per_mm});
  BOOST_TEST_REQUIRE(sample.has_value());
  BOOST_TEST(std::abs(sample->skin.r - 0.35) < 0.01, "skin red " << sample->skin.r);
  const double hair_red = (5.0 / 6.0) * 0.6 * 0.35 + (1.0 / 6.0) * 0.05;
  BOOST_TEST(std::abs(sample->hair.r - hair_red) < 0.015, "hair red " << sample->hair.r << ", drawn " << hair_red);
  BOOST_TEST(sample->hair_grain > 3.0 * sample->skin_grain, "hair grain " << sample->hair_grain << ", skin "
                                                                            << sample->skin_grain);
  // Too little of either side: nothing.
  std::vector<float> none(w * h, 0.0f);
  BOOST_TEST(!smp::sample_hair_beside_skin({rgb.data(), bare.data(), none.data(), nullptr, w, h, px_per_mm}));
}

// Light falling off across the seam (a head lit from one side, its fringe towards the shaded
// silhouette): what the hair lets through is read against the skin near it, not against the skin's
// mean over the whole band, which is lit more than the hair is.
BOOST_AUTO_TEST_CASE(light_falling_off_across_the_seam_is_not_taken_for_darker_hair)
{
  constexpr int w = 240, h = 160;
  constexpr double px_per_mm = 8.0;
  // A hard segmentation, and a soft one (5 mm from sure skin to sure hair, 3 mm between their
  // cores at core 0.8, as smp:scalp-mask's feather leaves): no hair pixel lies within 3 mm of sure skin.
  for (const double seam_mm : {0.0, 5.0})
  for (const double falloff : {0.3, 0.5}) {
    std::vector<float> rgb(static_cast<std::size_t>(w) * h * 3), bare(w * h), hair(w * h);
    std::mt19937 random(5);
    std::uniform_real_distribution<float> noise(-0.005f, 0.005f);
    const float skin[3] = {0.35f, 0.28f, 0.23f};
    constexpr float through = 0.7f;  // the fringe's light over the skin's, in the same light
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const std::size_t i = static_cast<std::size_t>(y) * w + x;
        const bool is_hair = x >= w / 2;
        const float light = static_cast<float>(1.0 - falloff * x / (w - 1.0));
        for (int c = 0; c < 3; ++c)
          rgb[3 * i + c] = light * (is_hair ? through : 1.0f) * skin[c] + noise(random);
        const double into_hair = seam_mm > 0.0 ? std::clamp((x - w / 2.0) / (seam_mm * px_per_mm) + 0.5, 0.0, 1.0) : is_hair;
        bare[i] = static_cast<float>(1.0 - into_hair);
        hair[i] = static_cast<float>(into_hair);
      }
    const auto sample = smp::sample_hair_beside_skin({rgb.data(), bare.data(), hair.data(), nullptr, w, h, px_per_mm});
    BOOST_TEST_REQUIRE(sample.has_value(), "a seam " << seam_mm << " mm wide: nothing measured");
    const double measured = luminance(sample->hair) / luminance(sample->skin);
    BOOST_TEST_MESSAGE("a seam " << seam_mm << " mm wide, light falling off by " << falloff << ": the hair lets through " << measured
                                 << ", drawn " << through);
    BOOST_TEST(std::abs(measured - through) < 0.04, "a seam " << seam_mm << " mm wide, light falling off by " << falloff
                                                              << " across the photo: the hair lets through " << measured
                                                              << " of the skin's light, drawn " << through);
  }
}

BOOST_AUTO_TEST_CASE(a_photos_softness_is_read_from_its_edges)
{
  constexpr int w = 200, h = 200;
  for (const double sigma : {1.0, 2.0, 4.0}) {
    std::vector<float> steps(w * h);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        steps[static_cast<std::size_t>(y) * w + x] = ((x / 25) + (y / 25)) % 2 ? 0.8f : 0.2f;
    const std::vector<float> soft = smp::gaussian_blur(steps, w, h, sigma);
    const std::vector<char> all(w * h, 1);
    const double measured = smp::blur_sigma_px(soft, all, w, h);
    BOOST_TEST(std::abs(measured - sigma) < 0.3 * sigma, "blurred by " << sigma << " px, measured " << measured);
  }
}
