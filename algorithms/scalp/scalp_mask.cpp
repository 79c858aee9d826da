#include "scalp/scalp_mask.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "sanitize.hpp"

namespace smp {
namespace {

constexpr std::int64_t unit = 1000;    // colour memberships in thousandths
constexpr std::int64_t l_unit = 100;   // L in hundredths
constexpr std::int64_t mask_unit = 65535;
constexpr double sparkle_cap_l = 78.0;

double ramp(double v, double lo, double hi) { return std::clamp((v - lo) / (hi - lo), 0.0, 1.0); }

// 1 inside [lo, hi] degrees of hue, falling to 0 over `soft` degrees outside (hue wraps).
double hue_window(double hue, double lo, double hi, double soft)
{
  const double centre = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
  double d = std::abs(std::remainder(hue - centre, 360.0));
  return 1.0 - ramp(d, half, half + soft);
}

struct Lab {
  double l, a, b;
  bool present;
};

Lab lab_at(const float* p)
{
  const auto finite_or = [](float v, double fallback) { return std::isfinite(v) ? static_cast<double>(v) : fallback; };
  const double alpha = finite_or(p[3], 0.0);
  return {std::clamp(finite_or(p[0], 0.0), 0.0, 100.0), std::clamp(finite_or(p[1], 0.0), -128.0, 128.0),
          std::clamp(finite_or(p[2], 0.0), -128.0, 128.0), alpha > 0.5};
}

double hue_of(const Lab& c) { return std::atan2(c.b, c.a) * 180.0 / std::numbers::pi; }

// Skin of any complexion: warm hue (red to yellow), some chroma, not dark. Pillows, walls and
// shirts are grey, white, blue or saturated; hair and shadow are dark.
double skin_colour(const Lab& c, double sensitivity)
{
  if (!c.present)
    return 0.0;
  const double strict = 1.0 - sensitivity;
  const double chroma = std::hypot(c.a, c.b);
  const double coloured = hue_window(hue_of(c), 15.0 - 15.0 * sensitivity, 75.0 + 15.0 * sensitivity, 12.0) *
                          ramp(chroma, 1.0 + 2.0 * strict, 3.0 + 4.0 * strict) * (1.0 - ramp(chroma, 55.0, 70.0)) *
                          ramp(c.l, 6.0 + 6.0 * strict, 14.0 + 6.0 * strict);
  // A shine on a bald scalp is near white: without it, oily or flash-lit scalps get holes.
  // Near-neutral and bright; if tinted at all, warm (pillows and walls in shade are cool).
  const double warm_or_neutral = std::max(1.0 - ramp(chroma, 1.5, 3.0), hue_window(hue_of(c), -10.0, 100.0, 20.0));
  const double shine = ramp(c.l, 80.0 - 18.0 * sensitivity, 90.0 - 16.0 * sensitivity) *
                       (1.0 - ramp(chroma, 7.0, 11.0)) * warm_or_neutral;
  return std::max(coloured, shine);
}

// Hair of any colour: neutral (black, grey, white) or warm (brown, blond, red); not the blues
// and greens of clothes and pillows, even dark ones.
double hair_colour(const Lab& c)
{
  if (!c.present)
    return 0.0;
  const double chroma = std::hypot(c.a, c.b);
  return std::max(1.0 - ramp(chroma, 4.0, 8.0), hue_window(hue_of(c), 0.0, 90.0, 15.0));
}

// Sums over any axis-aligned box in O(1): exact integers, so the order of summation (and with
// it the tiling) cannot change a result.
class SummedArea {
 public:
  SummedArea(int width, int height) : width_(width + 1), sums_(static_cast<std::size_t>(width + 1) * (height + 1), 0) {}
  void build(int width, int height, const std::vector<std::int64_t>& values)
  {
    for (int y = 0; y < height; ++y) {
      std::int64_t row = 0;
      for (int x = 0; x < width; ++x) {
        row += values[static_cast<std::size_t>(y) * width + x];
        at(x + 1, y + 1) = at(x + 1, y) + row;
      }
    }
  }
  // Sum over [x0, x1) x [y0, y1).
  std::int64_t sum(int x0, int y0, int x1, int y1) const { return at(x1, y1) - at(x0, y1) - at(x1, y0) + at(x0, y0); }

 private:
  std::int64_t& at(int x, int y) { return sums_[static_cast<std::size_t>(y) * width_ + x]; }
  std::int64_t at(int x, int y) const { return sums_[static_cast<std::size_t>(y) * width_ + x]; }
  int width_;
  std::vector<std::int64_t> sums_;
};

// One box pass of radius r along rows (or columns): the result is r pixels shorter at each end.
std::vector<std::int32_t> box_pass(const std::vector<std::int32_t>& in, int width, int height, int r, bool along_rows)
{
  const int out_w = along_rows ? width - 2 * r : width, out_h = along_rows ? height : height - 2 * r;
  std::vector<std::int32_t> out(static_cast<std::size_t>(out_w) * out_h);
  const std::int64_t n = 2 * r + 1;
  const int lines = along_rows ? height : width, length = along_rows ? out_w : out_h;
  for (int line = 0; line < lines; ++line) {
    auto value = [&](int i) {
      return along_rows ? in[static_cast<std::size_t>(line) * width + i] : in[static_cast<std::size_t>(i) * width + line];
    };
    std::int64_t sum = 0;
    for (int i = 0; i < 2 * r + 1; ++i)
      sum += value(i);
    for (int i = 0; i < length; ++i) {
      if (i > 0)
        sum += value(i + 2 * r) - value(i - 1);
      const auto mean = static_cast<std::int32_t>((sum + n / 2) / n);
      if (along_rows)
        out[static_cast<std::size_t>(line) * out_w + i] = mean;
      else
        out[static_cast<std::size_t>(i) * out_w + line] = mean;
    }
  }
  return out;
}

}  // namespace

ScalpMask::ScalpMask(const ScalpMaskSettings& s, int level)
{
  using L = ScalpMaskLimits;
  settings_.px_per_mm = sanitized_number(s.px_per_mm, 10.0, L::px_per_mm_min, L::px_per_mm_max);
  settings_.feather_mm = sanitized_number(s.feather_mm, 1.5, 0.0, L::feather_max_mm);
  settings_.sensitivity = sanitized_number(s.sensitivity, 0.5, 0.0, 1.0);
  settings_.hair_density = sanitized_number(s.hair_density, 0.0, 0.0, 1.0);
  settings_.texture_mm = sanitized_number(s.texture_mm, 1.5, L::texture_min_mm, L::texture_max_mm);
  const double px_per_mm = settings_.px_per_mm / static_cast<double>(1 << std::clamp(level, 0, 16));
  window_px_ = static_cast<int>(std::clamp(std::lround(settings_.texture_mm * px_per_mm), 1L, long{L::window_max_px}));
  // Three box passes of radius r blur with variance r(r + 1).
  const double sigma = settings_.feather_mm * px_per_mm;
  feather_px_ = static_cast<int>(std::clamp(std::lround(0.5 * (std::sqrt(1.0 + 4.0 * sigma * sigma) - 1.0)), 0L,
                                            long{L::feather_max_px}));
}

void ScalpMask::render(const float* lab_alpha, int width, int height, float* mask) const
{
  const int context = context_px();
  if (width <= 2 * context || height <= 2 * context)
    return;
  const std::size_t count = static_cast<std::size_t>(width) * height;
  std::vector<std::int64_t> lightness(count), lightness_sq(count), skin(count), hair_hue(count);
  for (std::size_t i = 0; i < count; ++i) {
    const Lab c = lab_at(lab_alpha + 4 * i);
    // Hair is darker than the skin it lies on; the sparkle of an oily scalp is lighter. Capping
    // lightness keeps the sparkle from reading as hair texture.
    const std::int64_t l = c.present ? std::llround(std::min(c.l, sparkle_cap_l) * l_unit) : 0;
    lightness[i] = l;
    lightness_sq[i] = l * l;
    skin[i] = std::llround(skin_colour(c, settings_.sensitivity) * unit);
    hair_hue[i] = std::llround(hair_colour(c) * unit);
  }
  SummedArea sum_l(width, height), sum_l2(width, height), sum_skin(width, height), sum_hair(width, height);
  sum_l.build(width, height, lightness);
  sum_l2.build(width, height, lightness_sq);
  sum_skin.build(width, height, skin);
  sum_hair.build(width, height, hair_hue);

  const int w = window_px_, n = (2 * w + 1) * (2 * w + 1);
  const int inner_w = width - 2 * w, inner_h = height - 2 * w;
  const double strict = 1.0 - settings_.sensitivity;
  std::vector<std::int32_t> value(static_cast<std::size_t>(inner_w) * inner_h);
  for (int y = 0; y < inner_h; ++y)
    for (int x = 0; x < inner_w; ++x) {
      const int x0 = x, y0 = y, x1 = x + 2 * w + 1, y1 = y + 2 * w + 1;
      const std::int64_t s_l = sum_l.sum(x0, y0, x1, y1);
      const double mean_l = static_cast<double>(s_l) / (n * l_unit);
      const double variance =
          static_cast<double>(sum_l2.sum(x0, y0, x1, y1) * n - s_l * s_l) / (static_cast<double>(n) * n * l_unit * l_unit);
      // Relative to a mid-lit skin's lightness, so hair in the shade of the head's side still counts.
      const double contrast = std::sqrt(std::max(variance, 0.0)) * 60.0 / std::max(mean_l, 30.0);
      const double skin_share = static_cast<double>(sum_skin.sum(x0, y0, x1, y1)) / (n * unit);
      const double hair_hue_share = static_cast<double>(sum_hair.sum(x0, y0, x1, y1)) / (n * unit);
      // Hair at the millimetre scale: strands make the window contrasty, dense hair makes it dark.
      const double hair = std::max(ramp(contrast, 2.5 + 2.0 * settings_.sensitivity, 5.0 + 4.0 * settings_.sensitivity),
                                   1.0 - ramp(mean_l, 8.0 + 6.0 * strict, 16.0 + 6.0 * strict));
      const double scalp = skin_share * (1.0 - hair);
      const double over_hair = settings_.hair_density * hair * hair_hue_share * (1.0 - scalp);
      value[static_cast<std::size_t>(y) * inner_w + x] =
          static_cast<std::int32_t>(std::llround(std::clamp(scalp + over_hair, 0.0, 1.0) * mask_unit));
    }

  int cur_w = inner_w, cur_h = inner_h;
  for (int pass = 0; pass < 3 && feather_px_ > 0; ++pass) {
    value = box_pass(value, cur_w, cur_h, feather_px_, true);
    cur_w -= 2 * feather_px_;
    value = box_pass(value, cur_w, cur_h, feather_px_, false);
    cur_h -= 2 * feather_px_;
  }
  for (std::size_t i = 0; i < value.size(); ++i)
    mask[i] = static_cast<float>(value[i]) / static_cast<float>(mask_unit);
}

}  // namespace smp
