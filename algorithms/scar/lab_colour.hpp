// CIE L*a*b* (D65) from sRGB and the CIEDE2000 colour difference: the perceptual space the scar
// filters and their tests compare skin in.
#pragma once

namespace smp {

struct Lab {
  double L = 0.0, a = 0.0, b = 0.0;
};

// `r, g, b` sRGB-encoded in 0..1.
Lab lab_from_srgb(double r, double g, double b);

// CIEDE2000 (Sharma, Wu, Dalal 2005) with kL = kC = kH = 1.
double ciede2000(const Lab& x, const Lab& y);

}  // namespace smp
