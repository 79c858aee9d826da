// Structure factor S(k) = |sum exp(-2 pi i k.x)|^2 / N of a point set in a square field, on the
// field's whole Fourier grid, by binning onto a fine grid and a 2D FFT. Tests use it to show
// that a pattern has no lattice (Bragg peaks) and no periodic repetition.
#pragma once

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <utility>
#include <vector>

namespace smp_test {

struct Point {
  double x, y;
};

inline void fft_1d(std::complex<float>* data, std::size_t n, std::size_t stride)
{
  for (std::size_t i = 1, j = 0; i < n; ++i) {
    std::size_t bit = n >> 1;
    for (; j & bit; bit >>= 1)
      j ^= bit;
    j ^= bit;
    if (i < j)
      std::swap(data[i * stride], data[j * stride]);
  }
  for (std::size_t len = 2; len <= n; len <<= 1) {
    const double angle = -2.0 * std::numbers::pi / static_cast<double>(len);
    for (std::size_t i = 0; i < n; i += len)
      for (std::size_t k = 0; k < len / 2; ++k) {
        const std::complex<float> w(static_cast<float>(std::cos(angle * k)), static_cast<float>(std::sin(angle * k)));
        std::complex<float>& a = data[(i + k) * stride];
        std::complex<float>& b = data[(i + k + len / 2) * stride];
        const std::complex<float> t = w * b;
        b = a - t;
        a += t;
      }
  }
}

struct StructureFactorPeak {
  double value = 0.0;        // the largest S(k) in the band
  double k_per_mm = 0.0;     // where it is
  double mean_in_band = 0.0;
};

// Largest S(k) for k_min <= |k| <= k_max (cycles per mm), points in [0, field_mm)^2.
inline StructureFactorPeak structure_factor_peak(const std::vector<Point>& points, double field_mm, double k_min,
                                                 double k_max, std::size_t grid = 4096)
{
  std::vector<std::complex<float>> bins(grid * grid);
  const double cell = field_mm / static_cast<double>(grid);
  for (const Point& p : points) {
    const auto i = std::min(grid - 1, static_cast<std::size_t>(p.x / cell));
    const auto j = std::min(grid - 1, static_cast<std::size_t>(p.y / cell));
    bins[j * grid + i] += 1.0f;
  }
  for (std::size_t j = 0; j < grid; ++j)
    fft_1d(bins.data() + j * grid, grid, 1);
  for (std::size_t i = 0; i < grid; ++i)
    fft_1d(bins.data() + i, grid, grid);

  StructureFactorPeak peak;
  std::size_t in_band = 0;
  const double dk = 1.0 / field_mm;
  const auto half = static_cast<long>(grid / 2);
  for (long v = -half; v < half; ++v)
    for (long u = -half; u < half; ++u) {
      const double kx = u * dk, ky = v * dk;
      const double k = std::hypot(kx, ky);
      if (k < k_min || k > k_max)
        continue;
      const std::size_t i = static_cast<std::size_t>((u + static_cast<long>(grid)) % static_cast<long>(grid));
      const std::size_t j = static_cast<std::size_t>((v + static_cast<long>(grid)) % static_cast<long>(grid));
      // Binning to the nearest cell multiplies the transform by sinc(k cell); undo it.
      auto sinc = [](double t) { return t == 0.0 ? 1.0 : std::sin(std::numbers::pi * t) / (std::numbers::pi * t); };
      const double attenuation = sinc(kx * cell) * sinc(ky * cell);
      const double s = std::norm(bins[j * grid + i]) / static_cast<double>(points.size()) / (attenuation * attenuation);
      peak.mean_in_band += s;
      ++in_band;
      if (s > peak.value) {
        peak.value = s;
        peak.k_per_mm = k;
      }
    }
  if (in_band)
    peak.mean_in_band /= static_cast<double>(in_band);
  return peak;
}

// Frequency of the first Bragg peak of a hexagonal lattice of the given density (dots per mm^2).
inline double hexagonal_frequency(double density_per_mm2)
{
  const double spacing = std::sqrt(2.0 / (std::sqrt(3.0) * density_per_mm2));
  return 2.0 / (std::sqrt(3.0) * spacing);
}

inline double hexagonal_spacing(double density_per_mm2)
{
  return std::sqrt(2.0 / (std::sqrt(3.0) * density_per_mm2));
}

}  // namespace smp_test
