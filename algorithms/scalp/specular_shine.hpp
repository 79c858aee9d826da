// How much of the light from bare scalp is reflected by its surface (a shine) rather than
// scattered back from inside the skin, where pigment lies. Two-colour reflection: each pixel's
// light is the skin's own colour (measured on the photo's bare scalp away from its highlights
// and deep shade) times one amount plus the light source's (taken as white) times another; the
// shine is the second's share, counted only where the pixel is lighter than the skin's median.
#pragma once

#include <vector>

namespace smp {

// `linear_rgba`: 4 floats a pixel; `bare`: bare scalp coverage (0..1) of the same pixels, the
// skin the colour is measured on. The shine (0..1) where `region` is above 0 (0 elsewhere),
// averaged over (2 `smoothing_px` + 1)^2 windows.
std::vector<float> specular_shine(const std::vector<float>& linear_rgba, const std::vector<float>& bare,
                                  const std::vector<float>& region, int width, int height, int smoothing_px);

// The part of `shine` that covers the pigment under it: a sheen over lit skin still lets the
// dots show (on real top views the colour estimate alone took a whole lit half of the head for
// shine, and it went without pigment), so a pixel's shine is at most its light beyond the light of
// the brightest skin (`lit_skin_quantile` of the bare scalp's unclipped light), as a share of its
// light, averaged over the same windows.
inline constexpr double lit_skin_quantile = 0.95;
std::vector<float> shine_over_lit_skin(std::vector<float> shine, const std::vector<float>& linear_rgba,
                                       const std::vector<float>& bare, int width, int height, int smoothing_px);

}  // namespace smp
