#include "scar/scar_blend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>

#include "sanitize.hpp"
#include "scar/plane_scale.hpp"

namespace smp {
namespace {

constexpr float hair_contrast = 6.0f;        // L* units darker than the skin around: a follicle or pore
constexpr double local_radius_mm = 10.0;     // how far skin counts as the scar's surroundings
constexpr double stats_px_per_mm = 4.0;      // local means and spreads are smooth: a coarse grid holds them
constexpr double max_stats_pixels = 4.0e6;
// Below these shares of a window the image-wide figures serve instead: a ring must surround the
// pixel; a scar's own figures need only a few of its pixels (a 0.8 mm punch is 0.1% of a window).
constexpr float min_ring_share = 0.02f, min_scar_share = 1e-4f;

int px(double mm, double px_per_mm)
{
  return static_cast<int>(std::clamp(std::lround(mm * px_per_mm), 1L, 4000L));
}

// One pixel of the photo as the blend sees it.
struct Pixel {
  bool valid;    // finite colour, some alpha
  float mask;    // 0-1; 0 where the pixel is not valid or the mask is NaN
  float lightness;
};

Pixel pixel_of(const float* lab_alpha, float raw_mask)
{
  const bool ok = std::isfinite(lab_alpha[0]) && std::isfinite(lab_alpha[1]) && std::isfinite(lab_alpha[2]) &&
                  lab_alpha[3] > 0.0f;
  return {ok, ok && raw_mask > 0.0f ? std::min(raw_mask, 1.0f) : 0.0f, ok ? lab_alpha[0] : 0.0f};
}

// The photo's rows read one by one, with the last `kept` of them at hand.
class RowWindow {
 public:
  RowWindow(ScarBlendRows& rows, int width, int kept) : rows_(rows), width_(width), kept_(kept + 1) {}
  void read(int y)
  {
    if (static_cast<int>(lab_.size()) == kept_) {
      lab_.pop_front();
      mask_.pop_front();
    }
    lab_.emplace_back(static_cast<std::size_t>(width_) * 4);
    mask_.emplace_back(static_cast<std::size_t>(width_));
    rows_.read(y, lab_.back().data(), mask_.back().data());
    last_ = y;
  }
  // Row y, read at most `kept` rows ago.
  float* lab(int y) { return lab_[lab_.size() - 1 - static_cast<std::size_t>(last_ - y)].data(); }
  const float* mask(int y) const { return mask_[mask_.size() - 1 - static_cast<std::size_t>(last_ - y)].data(); }

 private:
  ScarBlendRows& rows_;
  int width_, kept_, last_ = -1;
  std::deque<std::vector<float>> lab_, mask_;
};

// One bit a pixel, row-major.
class Bitmap {
 public:
  Bitmap(int width, int height)
      : words_per_row_((static_cast<std::size_t>(width) + 63) / 64), bits_(words_per_row_ * height, 0)
  {
  }
  void set(int x, int y) { bits_[y * words_per_row_ + x / 64] |= std::uint64_t{1} << (x % 64); }
  bool at(int x, int y) const { return (bits_[y * words_per_row_ + x / 64] >> (x % 64)) & 1u; }

 private:
  std::size_t words_per_row_;
  std::vector<std::uint64_t> bits_;
};

// Which pixels have a set bit within `radius` (a square window, clipped to the image): the same
// answer as window_share(plane, radius) > 0, by running counts along rows and down columns.
class NearBits {
 public:
  NearBits(const Bitmap& bits, int width, int height, int radius)
      : bits_(bits), width_(width), height_(height), radius_(radius), row_count_(static_cast<std::size_t>(width) + 1),
        along_(static_cast<std::size_t>(width)), column_count_(static_cast<std::size_t>(width), 0)
  {
    for (int y = 0; y < std::min(radius_, height_); ++y)
      add_row(y, +1);
  }
  // Row y's answers, rows asked for in order from 0.
  const std::vector<char>& row(int y)
  {
    if (y + radius_ < height_)
      add_row(y + radius_, +1);
    if (y - radius_ - 1 >= 0)
      add_row(y - radius_ - 1, -1);
    for (int x = 0; x < width_; ++x)
      along_[static_cast<std::size_t>(x)] = column_count_[static_cast<std::size_t>(x)] > 0;
    return along_;
  }

 private:
  void add_row(int y, int sign)
  {
    row_count_[0] = 0;
    for (int x = 0; x < width_; ++x)
      row_count_[static_cast<std::size_t>(x) + 1] = row_count_[static_cast<std::size_t>(x)] + bits_.at(x, y);
    for (int x = 0; x < width_; ++x) {
      const bool near = row_count_[static_cast<std::size_t>(std::min(width_, x + radius_ + 1))] >
                        row_count_[static_cast<std::size_t>(std::max(0, x - radius_))];
      column_count_[static_cast<std::size_t>(x)] += sign * near;
    }
  }

  const Bitmap& bits_;
  int width_, height_, radius_;
  std::vector<int> row_count_;
  std::vector<char> along_;
  std::vector<int> column_count_;
};

// window_mean(value, weight, radius) of rows pushed top to bottom.
class StreamingWindowMean {
 public:
  StreamingWindowMean(int width, int height, int radius)
      : weighted_(width, height, radius), weight_(width, height, radius), product_(static_cast<std::size_t>(width)),
        sums_(static_cast<std::size_t>(width)), weights_(static_cast<std::size_t>(width))
  {
  }
  void push(const float* value, const float* weight)
  {
    for (std::size_t x = 0; x < product_.size(); ++x)
      product_[x] = value[x] * weight[x];
    weighted_.push(product_.data());
    weight_.push(weight);
  }
  bool ready() const { return weighted_.ready(); }
  int next_row() const { return weighted_.next_row(); }
  void pop(float* mean)
  {
    weighted_.pop(sums_.data());
    weight_.pop(weights_.data());
    for (std::size_t x = 0; x < sums_.size(); ++x)
      mean[x] = weights_[x] > 1e-6f ? sums_[x] / weights_[x] : 0.0f;
  }

 private:
  StreamingBoxSum weighted_, weight_;
  std::vector<float> product_, sums_, weights_;
};

// The mean over the window of a plane with weight 1 everywhere: window_mean(value, all, radius),
// the window's area counted exactly instead of summed.
class StreamingBoxMean {
 public:
  StreamingBoxMean(int width, int height, int radius)
      : width_(width), height_(height), radius_(radius), sums_(width, height, radius), row_(static_cast<std::size_t>(width))
  {
  }
  void push(const float* value) { sums_.push(value); }
  bool ready() const { return sums_.ready(); }
  int next_row() const { return sums_.next_row(); }
  void pop(float* mean)
  {
    const int y = sums_.next_row();
    sums_.pop(row_.data());
    const int rows = std::min(height_, y + radius_ + 1) - std::max(0, y - radius_);
    for (int x = 0; x < width_; ++x) {
      const int columns = std::min(width_, x + radius_ + 1) - std::max(0, x - radius_);
      const auto area = static_cast<float>(static_cast<double>(columns) * rows);
      mean[x] = area > 1e-6f ? row_[static_cast<std::size_t>(x)] / area : 0.0f;
    }
  }

 private:
  int width_, height_, radius_;
  StreamingBoxSum sums_;
  std::vector<float> row_;
};

struct Moments {
  Plane mean, spread;
};

// Local mean and standard deviation on the coarse grid, from its block means of a weight and of a
// channel and its square under that weight, with the global figures where the window holds too
// little weight.
Moments local_moments(const Plane& block_weight, const Plane& block_mean, const Plane& block_square, int radius,
                      float min_share)
{
  double total = 0, sum = 0, sum2 = 0;
  for (std::size_t i = 0; i < block_weight.values.size(); ++i) {
    total += block_weight.values[i];
    sum += double(block_weight.values[i]) * block_mean.values[i];
    sum2 += double(block_weight.values[i]) * block_square.values[i];
  }
  const double global_mean = total > 0 ? sum / total : 0.0;
  const double global_spread = total > 0 ? std::sqrt(std::max(0.0, sum2 / total - global_mean * global_mean)) : 0.0;
  const Plane mean = window_mean(block_mean, block_weight, radius);
  const Plane square = window_mean(block_square, block_weight, radius);
  const Plane share = window_share(block_weight, radius);
  Moments m{Plane(mean.width, mean.height), Plane(mean.width, mean.height)};
  for (std::size_t i = 0; i < mean.values.size(); ++i) {
    const float local = std::clamp(share.values[i] / min_share, 0.0f, 1.0f);
    const float sd = std::sqrt(std::max(0.0f, square.values[i] - mean.values[i] * mean.values[i]));
    m.mean.values[i] = local * mean.values[i] + (1.0f - local) * static_cast<float>(global_mean);
    m.spread.values[i] = local * sd + (1.0f - local) * static_cast<float>(global_spread);
  }
  return m;
}

// The coarse statistics of one kind of pixel (the ring of skin, or the scar's core), gathered
// row by row: its share of each block and each channel's mean and mean square under it.
class CoarseStatistics {
 public:
  CoarseStatistics(int width, int height, int step)
      : weight_(width, height, step, 1), channels_(width, height, step, 6)
  {
  }
  void add_row(int y, const float* weight, const float* const* channels_and_squares)
  {
    weight_.add_row(y, &weight, nullptr);
    channels_.add_row(y, channels_and_squares, weight);
  }
  // Per channel, after the last row, over windows of each radius in turn.
  std::vector<std::vector<Moments>> moments(const std::vector<int>& radii, float min_share)
  {
    const Plane block_weight = weight_.take(0);
    std::vector<std::vector<Moments>> out(radii.size());
    for (int c = 0; c < 3; ++c) {
      const Plane mean = channels_.take(2 * c), square = channels_.take(2 * c + 1);
      for (std::size_t r = 0; r < radii.size(); ++r)
        out[r].push_back(local_moments(block_weight, mean, square, radii[r], min_share));
    }
    return out;
  }

 private:
  StreamingShrink weight_, channels_;
};

// At the scar's edge skin and scar tissue meet, and a mask never follows it to the pixel: each
// pixel takes the blend as far as its lightness says it is scar, so skin caught in the mask
// keeps its tone and follicles instead of turning into a dark line.
float edge_scar_share(float lightness, float skin_mean, float scar_mean)
{
  const float gap = scar_mean - skin_mean;
  return std::abs(gap) > 1.0f ? std::clamp(2.0f * (lightness - skin_mean) / gap, 0.0f, 1.0f) : 1.0f;
}

// Whole planes as rows, for the blend of an image held in memory.
class PlaneRows final : public ScarBlendRows {
 public:
  PlaneRows(LabImage& image, const Plane& mask, Plane& applied) : image_(image), mask_(mask), applied_(applied) {}
  void read(int y, float* lab_alpha, float* mask) override
  {
    const std::size_t w = static_cast<std::size_t>(image_.width);
    std::copy_n(&image_.lab_alpha[4 * w * y], 4 * w, lab_alpha);
    std::copy_n(&mask_.values[w * y], w, mask);
  }
  void write(int y, const float* lab_alpha, const float* applied) override
  {
    const std::size_t w = static_cast<std::size_t>(image_.width);
    std::copy_n(lab_alpha, 4 * w, &image_.lab_alpha[4 * w * y]);
    std::copy_n(applied, w, &applied_.values[w * y]);
  }

 private:
  LabImage& image_;
  const Plane& mask_;
  Plane& applied_;
};

}  // namespace

ScarBlendSettings sanitized(const ScarBlendSettings& in)
{
  const ScarBlendSettings d;
  ScarBlendSettings s = in;
  s.px_per_mm = sanitized_number(in.px_per_mm, d.px_per_mm, ScarBlendLimits::px_per_mm_min, ScarBlendLimits::px_per_mm_max);
  s.ring_width_mm = sanitized_number(in.ring_width_mm, d.ring_width_mm, ScarBlendLimits::ring_min, ScarBlendLimits::ring_max);
  s.feather_mm = sanitized_number(in.feather_mm, d.feather_mm, 0.0, ScarBlendLimits::feather_max);
  s.texture = sanitized_number(in.texture, d.texture, 0.0, 1.0);
  return s;
}

void scar_blend(int width, int height, ScarBlendRows& rows, const ScarBlendSettings& raw)
{
  const ScarBlendSettings settings = sanitized(raw);
  if (width <= 0 || height <= 0)
    return;
  const double s = settings.px_per_mm;
  const auto w = static_cast<std::size_t>(width);
  std::vector<float> lab(4 * w), mask(w), none(w, 0.0f);

  // Pass 1: the scar's core (mask over one half), one bit a pixel.
  Bitmap inside(width, height);
  bool any = false;
  for (int y = 0; y < height; ++y) {
    rows.read(y, lab.data(), mask.data());
    for (int x = 0; x < width; ++x) {
      const Pixel p = pixel_of(&lab[4 * static_cast<std::size_t>(x)], mask[static_cast<std::size_t>(x)]);
      if (p.mask > 0.5f)
        inside.set(x, y);
      any = any || p.mask > 0.0f;
    }
  }
  if (!any) {
    for (int y = 0; y < height; ++y) {
      rows.read(y, lab.data(), mask.data());
      rows.write(y, lab.data(), none.data());
    }
    return;
  }

  // Pass 2: the statistics of the ring (skin within ring_width of the scar, without the
  // follicles and pores on it) and of the scar's core, on the coarse grid.
  const int step = working_step(width, height, s, stats_px_per_mm, max_stats_pixels);
  const int radius = px(local_radius_mm, s / step);
  // The scar's own tone just around each pixel as well: its texture is what differs from that, so
  // a soft edge's paler middle is toned with the rest instead of kept as texture (the family's
  // punches with 0.8 mm soft edges were toned 72% closer to the skin instead of 75% or more).
  std::vector<Moments> skin, scar, scar_near;
  {
    const int fine_radius = px(0.6, s);
    RowWindow window(rows, width, fine_radius);
    NearBits near_scar(inside, width, height, px(settings.ring_width_mm, s));
    StreamingWindowMean fine_mean(width, height, fine_radius);
    CoarseStatistics ring_stats(width, height, step), core_stats(width, height, step);
    std::vector<float> lightness(w), valid(w), fine(w), ring(w), core(w), channels(6 * w);
    const float* channel_rows[6];
    for (int k = 0; k < 6; ++k)
      channel_rows[k] = &channels[static_cast<std::size_t>(k) * w];
    const auto take_row = [&](int y) {
      fine_mean.pop(fine.data());
      const std::vector<char>& near = near_scar.row(y);
      const float* lab_row = window.lab(y);
      const float* mask_row = window.mask(y);
      for (std::size_t x = 0; x < w; ++x) {
        const Pixel p = pixel_of(&lab_row[4 * x], mask_row[x]);
        ring[x] = p.valid && p.mask <= 0.0f && near[x] && fine[x] - p.lightness <= hair_contrast ? 1.0f : 0.0f;
        core[x] = p.mask > 0.5f ? p.mask : 0.0f;
        for (int c = 0; c < 3; ++c) {
          const float v = p.valid ? lab_row[4 * x + c] : 0.0f;
          channels[2 * c * w + x] = v;
          channels[(2 * c + 1) * w + x] = v * v;
        }
      }
      ring_stats.add_row(y, ring.data(), channel_rows);
      core_stats.add_row(y, core.data(), channel_rows);
    };
    for (int y = 0; y < height; ++y) {
      window.read(y);
      for (std::size_t x = 0; x < w; ++x) {
        const Pixel p = pixel_of(&window.lab(y)[4 * x], window.mask(y)[x]);
        lightness[x] = p.lightness;
        valid[x] = p.valid ? 1.0f : 0.0f;
      }
      fine_mean.push(lightness.data(), valid.data());
      while (fine_mean.ready())
        take_row(fine_mean.next_row());
    }
    skin = std::move(ring_stats.moments({radius}, min_ring_share)[0]);
    auto scar_at = core_stats.moments({radius, 1}, min_scar_share);
    scar = std::move(scar_at[0]);
    scar_near = std::move(scar_at[1]);
  }

  // Pass 3: each pixel toned; the blend fades in over `feather` inside the mask's edge only.
  const int feather_radius = std::min(static_cast<int>(std::lround(0.5 * settings.feather_mm * s)),
                                      ScarBlendLimits::feather_max_px);
  RowWindow window(rows, width, std::max(feather_radius, 0));
  StreamingBoxMean soft_mask(width, height, std::max(feather_radius, 0));
  std::vector<float> soft(w), applied(w), mask_row(w);
  const auto tone_row = [&](int y) {
    if (feather_radius >= 1)
      soft_mask.pop(soft.data());
    float* lab_row = window.lab(y);
    const float* raw_mask = window.mask(y);
    for (int x = 0; x < width; ++x) {
      const auto i = static_cast<std::size_t>(x);
      const Pixel p = pixel_of(&lab_row[4 * i], raw_mask[i]);
      const float fading_in = feather_radius >= 1 ? std::min(p.mask, soft[i]) : p.mask;
      float k = fading_in;
      if (k > 0.0f)
        k *= edge_scar_share(p.valid ? lab_row[4 * i] : 0.0f, grown_at(skin[0].mean, step, x, y),
                             grown_at(scar[0].mean, step, x, y));
      applied[i] = k;
      if (k <= 0.0f)
        continue;
      for (int c = 0; c < 3; ++c) {
        const float skin_mean = grown_at(skin[c].mean, step, x, y), scar_mean = grown_at(scar[c].mean, step, x, y);
        const float v = p.valid ? lab_row[4 * i + c] : 0.0f;
        float toned = v + skin_mean - scar_mean;  // the soft rim: the mean moves, nothing else
        if (p.mask >= 1.0f && k >= fading_in) {
          const float skin_spread = grown_at(skin[c].spread, step, x, y);
          const float scar_spread = grown_at(scar[c].spread, step, x, y);
          const float ratio = scar_spread > 1e-3f ? std::clamp(skin_spread / scar_spread, 0.25f, 3.0f) : 1.0f;
          // The scar's own texture is scaled to the skin's; what lies far off it (a stray pixel of
          // skin or hair caught at the edge) only moves with the mean, or it would turn into a dark line.
          const float deviation = v - grown_at(scar_near[c].mean, step, x, y), limit = 2.0f * scar_spread;
          const float texture = std::clamp(deviation, -limit, limit);
          toned = skin_mean + texture * ratio * static_cast<float>(settings.texture) + (deviation - texture);
        }
        lab_row[4 * i + c] = v + k * (toned - v);
      }
    }
    rows.write(y, lab_row, applied.data());
  };
  for (int y = 0; y < height; ++y) {
    window.read(y);
    for (std::size_t x = 0; x < w; ++x)
      mask_row[x] = pixel_of(&window.lab(y)[4 * x], window.mask(y)[x]).mask;
    if (feather_radius >= 1) {
      soft_mask.push(mask_row.data());
      while (soft_mask.ready())
        tone_row(soft_mask.next_row());
    } else {
      tone_row(y);
    }
  }
}

Plane scar_blend(LabImage& image, const Plane& mask, const ScarBlendSettings& settings)
{
  Plane applied(image.width, image.height);
  if (image.width <= 0 || image.height <= 0 || mask.width != image.width || mask.height != image.height)
    return applied;
  PlaneRows rows(image, mask, applied);
  scar_blend(image.width, image.height, rows, settings);
  return applied;
}

}  // namespace smp
