// What the scar tests measure: overlap of a detected mask with the truth, FUE punches found,
// and the colour difference between a scar and the skin ring around it.
#pragma once

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "scar/lab_colour.hpp"
#include "support/dot_centres.hpp"

namespace smp_test {

// Intersection over union of mask > 0.5 and truth > 0.5.
inline double intersection_over_union(const std::vector<float>& mask, const std::vector<float>& truth)
{
  double both = 0, either = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const bool a = mask[i] > 0.5f, b = truth[i] > 0.5f;
    both += a && b;
    either += a || b;
  }
  return either > 0 ? both / either : 1.0;
}

inline double detected_share(const std::vector<float>& mask)
{
  return static_cast<double>(std::count_if(mask.begin(), mask.end(), [](float v) { return v > 0.5f; })) /
         static_cast<double>(std::max<std::size_t>(1, mask.size()));
}

struct DotMatch {
  int found = 0, false_detections = 0, detections = 0;
};

// Detected blobs (mask > 0.5) against the true punch centres: a punch is found when a blob's
// centre lies within `tolerance_px` of it; a blob near no punch is a false detection.
inline DotMatch match_dots(const std::vector<float>& mask, int width, int height,
                           const std::vector<std::pair<double, double>>& truth, double tolerance_px)
{
  const auto blobs = dot_centres(width, height, [&](int x, int y) { return mask[static_cast<std::size_t>(y) * width + x] > 0.5f; });
  DotMatch m;
  m.detections = static_cast<int>(blobs.size());
  std::vector<char> hit(truth.size());
  for (const auto& b : blobs) {
    bool near = false;
    for (std::size_t k = 0; k < truth.size(); ++k)
      if (std::hypot(b.first - truth[k].first, b.second - truth[k].second) <= tolerance_px) {
        near = true;
        hit[k] = 1;
      }
    m.false_detections += !near;
  }
  m.found = static_cast<int>(std::count(hit.begin(), hit.end(), 1));
  return m;
}

// Mean L*a*b* of pixels where `pick` holds; `lab` holds four floats per pixel (L, a, b, alpha).
template <class Pick>
smp::Lab mean_lab(const std::vector<float>& lab, std::size_t pixels, Pick pick)
{
  double L = 0, a = 0, b = 0, n = 0;
  for (std::size_t i = 0; i < pixels; ++i)
    if (pick(i)) {
      L += lab[4 * i];
      a += lab[4 * i + 1];
      b += lab[4 * i + 2];
      n += 1;
    }
  return n > 0 ? smp::Lab{L / n, a / n, b / n} : smp::Lab{};
}

// 1 on pixels within `ring_px` of the truth but outside it (a square neighbourhood).
inline std::vector<float> ring_around(const std::vector<float>& truth, int width, int height, int ring_px)
{
  std::vector<float> near(truth.size());
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      if (truth[static_cast<std::size_t>(y) * width + x] <= 0.5f)
        continue;
      for (int dy = -ring_px; dy <= ring_px; ++dy)
        for (int dx = -ring_px; dx <= ring_px; ++dx) {
          const int nx = x + dx, ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < width && ny < height)
            near[static_cast<std::size_t>(ny) * width + nx] = 1.0f;
        }
    }
  for (std::size_t i = 0; i < near.size(); ++i)
    if (truth[i] > 0.5f)
      near[i] = 0.0f;
  return near;
}

}  // namespace smp_test
