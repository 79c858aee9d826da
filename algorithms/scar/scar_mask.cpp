#include "scar/scar_mask.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "sanitize.hpp"
#include "scar/plane_scale.hpp"

namespace smp {
namespace {

// Skin figures in L*a*b* units: how much darker than its surroundings a pixel must be to count
// as a follicle or pore, and what paleness and loss of colour count as one unit of evidence.
constexpr float hair_contrast = 6.0f;
constexpr float paleness_unit = 6.0f, chroma_unit = 4.0f;
// Skin has a warm hue (L*a*b* hue angle 10-80 degrees) and some colour; scar tissue is paler and
// less coloured but still warm, white cloth or grey hair are not.
constexpr float skin_chroma_min = 6.0f, scar_chroma_min = 2.5f;
// Shade scales L*+16, a* and b* alike; brown pigment darkens skin and keeps its yellow. Darker
// skin counts as pigment as far as its b* stays above what shade leaves, fully from this much b*
// per L* lost, and not where it turns redder (blood: a mark, a vein) by this many degrees of hue.
constexpr float pigment_b_per_L = 0.3f, redder_hue_degrees = 2.0f;
// Coarser than this a dark pixel mixes skin with unresolved hairs (and a JPEG's colour is at half
// the resolution), so its colour tells no pigment.
constexpr double pigment_min_px_per_mm = 6.0;

// The scale the detector works at: fine enough for 0.6 mm punches, coarse enough to bound the
// memory and time of a large, finely resolved photo.
constexpr double working_px_per_mm = 10.0;
constexpr double max_working_pixels = 8.0e6;

struct Features {
  Plane skin_L, skin_a, skin_b, follicles, texture, skin;
};

int px(double mm, double px_per_mm)
{
  return static_cast<int>(std::clamp(std::lround(mm * px_per_mm), 1L, 4000L));
}

Features features_of(const Plane& L, const Plane& a, const Plane& b, const Plane& valid, double s)
{
  Features f;
  const Plane fine_mean = window_mean(L, valid, px(0.6, s));
  // A hair or pore is also darker than the skin just beside it, or much darker than skin; the
  // inside of a dark punch, wider than a hair and of skin's lightness, is neither.
  const Plane beside = window_mean(L, valid, std::max(1, px(0.2, s)));
  Plane hair_here(L.width, L.height);
  f.skin = Plane(L.width, L.height);
  for (std::size_t i = 0; i < L.values.size(); ++i) {
    const float darker = fine_mean.values[i] - L.values[i];
    const bool hair = valid.values[i] > 0.0f && darker > hair_contrast &&
                      (beside.values[i] - L.values[i] > 0.5f * hair_contrast || darker > 2.0f * hair_contrast);
    hair_here.values[i] = hair ? 1.0f : 0.0f;
    f.skin.values[i] = valid.values[i] > 0.0f && !hair ? 1.0f : 0.0f;
  }
  const int tone_radius = std::max(1, px(0.2, s));
  f.skin_L = window_mean(L, f.skin, tone_radius, -1.0f);
  f.skin_a = window_mean(a, f.skin, tone_radius, -1000.0f);
  f.skin_b = window_mean(b, f.skin, tone_radius, -1000.0f);
  for (std::size_t i = 0; i < L.values.size(); ++i)
    if (f.skin_L.values[i] < 0.0f) {  // a window of follicles only: take the surroundings
      f.skin_L.values[i] = fine_mean.values[i];
      f.skin_a.values[i] = a.values[i];
      f.skin_b.values[i] = b.values[i];
    }
  f.follicles = window_mean(hair_here, valid, px(1.5, s));
  hair_here = Plane();
  Plane deviation(L.width, L.height);
  for (std::size_t i = 0; i < L.values.size(); ++i) {
    const float d = L.values[i] - f.skin_L.values[i];
    deviation.values[i] = f.skin.values[i] > 0.0f ? d * d : 0.0f;
  }
  f.texture = window_mean(deviation, f.skin, px(0.5, s));
  for (float& v : f.texture.values)
    v = std::sqrt(std::max(0.0f, v));
  return f;
}

// The surroundings' value of `feature` from `weight`ed pixels: a few mm away where enough of
// them are near, a few cm away inside large scars.
Plane background(const Plane& feature, const Plane& weight, double s)
{
  const int near_radius = px(4.0, s), far_radius = px(25.0, s);
  const Plane near = window_mean(feature, weight, near_radius);
  const Plane near_share = window_share(weight, near_radius);
  const Plane far = window_mean(feature, weight, far_radius);
  Plane out(feature.width, feature.height);
  for (std::size_t i = 0; i < out.values.size(); ++i) {
    const float alpha = std::clamp((near_share.values[i] - 0.2f) / 0.4f, 0.0f, 1.0f);
    out.values[i] = alpha * near.values[i] + (1.0f - alpha) * far.values[i];
  }
  return out;
}

float median_of(const Plane& values, const Plane& weight)
{
  std::vector<float> picked;
  for (std::size_t i = 0; i < values.values.size(); ++i)
    if (weight.values[i] > 0.0f)
      picked.push_back(values.values[i]);
  if (picked.empty())
    return 0.0f;
  std::nth_element(picked.begin(), picked.begin() + picked.size() / 2, picked.end());
  return picked[picked.size() / 2];
}

struct Component {
  double count = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  float peak = -1e30f;
};

bool shape_fits(const Component& c, ScarKind kind, double s)
{
  const double area_mm2 = c.count / (s * s);
  const double mx = c.sx / c.count, my = c.sy / c.count;
  const double vxx = c.sxx / c.count - mx * mx, vyy = c.syy / c.count - my * my, vxy = c.sxy / c.count - mx * my;
  const double mid = 0.5 * (vxx + vyy), spread = std::sqrt(std::max(0.0, 0.25 * (vxx - vyy) * (vxx - vyy) + vxy * vxy));
  const double major = mid + spread, minor = std::max(mid - spread, 1e-6);
  const double length_mm = std::sqrt(12.0 * std::max(major, 0.0)) / s;
  const double width_mm = length_mm > 0.0 ? area_mm2 / length_mm : 0.0;
  const double diameter_mm = 2.0 * std::sqrt(area_mm2 / 3.14159265358979);
  const bool dot = diameter_mm >= 0.35 && diameter_mm <= 1.8 && major / minor < 4.0;
  const bool line = length_mm >= 10.0 && width_mm >= 0.5 && width_mm <= 15.0 && length_mm >= 3.0 * width_mm;
  const bool patch = area_mm2 >= 25.0 && width_mm >= 3.0;
  switch (kind) {
    case ScarKind::dots: return dot;
    case ScarKind::linear: return line;
    case ScarKind::area: return patch;
    case ScarKind::any: break;
  }
  return dot || line || patch;
}

// Scar pixels: connected areas above `low` that reach `high` somewhere and have a scar's shape.
Plane scar_pixels(const Plane& score, float low, float high, ScarKind kind, double s)
{
  const int w = score.width, h = score.height;
  std::vector<std::int32_t> label(score.values.size(), -1);
  std::vector<Component> components;
  std::vector<std::int32_t> stack;
  for (int y0 = 0; y0 < h; ++y0)
    for (int x0 = 0; x0 < w; ++x0) {
      const std::size_t start = static_cast<std::size_t>(y0) * w + x0;
      if (label[start] >= 0 || !(score.values[start] > low))
        continue;
      const auto id = static_cast<std::int32_t>(components.size());
      components.emplace_back();
      Component& c = components.back();
      label[start] = id;
      stack.assign(1, static_cast<std::int32_t>(start));
      while (!stack.empty()) {
        const std::int32_t i = stack.back();
        stack.pop_back();
        const int x = i % w, y = i / w;
        c.count += 1;
        c.sx += x;
        c.sy += y;
        c.sxx += double(x) * x;
        c.syy += double(y) * y;
        c.sxy += double(x) * y;
        c.peak = std::max(c.peak, score.values[i]);
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx) {
            const int nx = x + dx, ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h)
              continue;
            const std::size_t j = static_cast<std::size_t>(ny) * w + nx;
            if (label[j] < 0 && score.values[j] > low) {
              label[j] = id;
              stack.push_back(static_cast<std::int32_t>(j));
            }
          }
      }
    }
  std::vector<char> keep(components.size());
  for (std::size_t k = 0; k < components.size(); ++k)
    keep[k] = components[k].peak > high && shape_fits(components[k], kind, s);
  Plane out(w, h);
  for (std::size_t i = 0; i < label.size(); ++i)
    out.values[i] = label[i] >= 0 && keep[label[i]] ? 1.0f : 0.0f;
  return out;
}

// Soft outwards from the found edge: full strength on every found pixel, fading from one half to
// 0 over `feather_px` outside, so that a blend through the mask reaches the scar's very edge while
// the mask's half level stays on the edge found (twice the fade put it a feather's quarter out:
// IoU 0.82 instead of 0.90 on a 2 mm strip of the scar family).
Plane feathered(const Plane& binary, double feather_px)
{
  const int radius = static_cast<int>(std::lround(0.25 * feather_px));
  if (radius < 1)
    return binary;
  const Plane all(binary.width, binary.height, 1.0f);
  Plane soft = window_mean(window_mean(binary, all, radius), all, radius);
  for (std::size_t i = 0; i < soft.values.size(); ++i)
    soft.values[i] = std::max(binary.values[i], std::min(0.5f, soft.values[i]));
  return soft;
}

// The photo at the working scale: lightness, chroma, which pixels are usable, which have skin's
// warm hue, which could be scar tissue, and where to look.
struct WorkingImage {
  Plane L, a, b, valid, skin_hue, scar_hue, look_here;
};

WorkingImage working_image(ScarMaskRows& rows, int width, int height, bool with_region, int step)
{
  const auto w = static_cast<std::size_t>(width);
  std::vector<float> lab(4 * w), region(w), L(w), a(w), b(w), valid(w), skin_hue(w), scar_hue(w);
  StreamingShrink by_validity(width, height, step, 5), plain(width, height, step, with_region ? 2 : 1);
  const float* weighted_rows[] = {L.data(), a.data(), b.data(), skin_hue.data(), scar_hue.data()};
  const float* plain_rows[] = {valid.data(), region.data()};
  for (int y = 0; y < height; ++y) {
    rows.read(y, lab.data(), with_region ? region.data() : nullptr);
    for (std::size_t x = 0; x < w; ++x) {
      const float* p = &lab[4 * x];
      const bool ok = std::isfinite(p[0]) && std::isfinite(p[1]) && std::isfinite(p[2]) && p[3] > 0.5f;
      L[x] = ok ? std::clamp(p[0], 0.0f, 100.0f) : 0.0f;
      a[x] = ok ? std::clamp(p[1], -128.0f, 128.0f) : 0.0f;
      b[x] = ok ? std::clamp(p[2], -128.0f, 128.0f) : 0.0f;
      valid[x] = ok ? 1.0f : 0.0f;
      const float chroma = std::hypot(a[x], b[x]);
      const float hue = ok ? std::atan2(b[x], a[x]) * 57.29578f : -180.0f;
      skin_hue[x] = chroma >= skin_chroma_min && hue >= 10.0f && hue <= 80.0f ? 1.0f : 0.0f;
      scar_hue[x] = chroma >= scar_chroma_min && hue >= -10.0f && hue <= 100.0f ? 1.0f : 0.0f;
    }
    by_validity.add_row(y, weighted_rows, valid.data());
    plain.add_row(y, plain_rows, nullptr);
  }
  WorkingImage wi{by_validity.take(0), by_validity.take(1), by_validity.take(2), plain.take(0),
                  by_validity.take(3), by_validity.take(4), {}};
  wi.look_here = with_region ? plain.take(1) : Plane(wi.valid.width, wi.valid.height, 1.0f);
  for (std::size_t i = 0; i < wi.valid.values.size(); ++i) {
    wi.valid.values[i] = wi.valid.values[i] > 0.5f ? 1.0f : 0.0f;
    if (!(wi.valid.values[i] > 0.0f && wi.look_here.values[i] >= 0.5f))  // also NaN regions
      wi.look_here.values[i] = 0.0f;
  }
  return wi;
}

// A photo and region held in memory, as rows.
class ImageRows final : public ScarMaskRows {
 public:
  ImageRows(const LabImage& image, const Plane* region, Plane& mask) : image_(image), region_(region), mask_(mask) {}
  void read(int y, float* lab_alpha, float* region) override
  {
    const auto w = static_cast<std::size_t>(image_.width);
    if (lab_alpha)
      std::copy_n(&image_.lab_alpha[4 * w * y], 4 * w, lab_alpha);
    if (region && region_)
      std::copy_n(&region_->values[w * y], w, region);
  }
  void write(int y, const float* mask) override
  {
    const auto w = static_cast<std::size_t>(image_.width);
    std::copy_n(mask, w, &mask_.values[w * y]);
  }

 private:
  const LabImage& image_;
  const Plane* region_;
  Plane& mask_;
};

// The skin a scar is compared with: warm-hued, carrying follicles (when the scalp shows any),
// and not paler than its own surroundings, so that a scar does not count as its own reference.
Plane reference_skin(WorkingImage& w, Features& f, double s)
{
  Plane reference = std::move(f.skin);
  for (std::size_t i = 0; i < reference.values.size(); ++i)
    if (w.skin_hue.values[i] < 0.5f)  // cloth, hair, background
      reference.values[i] = 0.0f;
  const float typical_follicles = median_of(f.follicles, reference);
  if (typical_follicles > 0.005f)
    for (std::size_t i = 0; i < reference.values.size(); ++i)
      if (f.follicles.values[i] < 0.3f * typical_follicles)
        reference.values[i] = 0.0f;
  for (int pass = 0; pass < 2; ++pass) {
    const Plane guess = background(f.skin_L, reference, s);
    for (std::size_t i = 0; i < reference.values.size(); ++i)
      if (std::abs(f.skin_L.values[i] - guess.values[i]) > 0.5f * paleness_unit)
        reference.values[i] = 0.0f;
  }
  w.skin_hue = Plane();
  return reference;
}

// Paler skin counts for a scar; darker skin counts against it as far as shade explains it and for
// it as far as it is brown pigment (`brown_weight` 0-1 says how far its hue allows that).
float lightness_evidence(float L, float b, float around_L, float around_b, float brown_weight)
{
  const float paler = (L - around_L) / paleness_unit;
  if (paler >= 0.0f)
    return paler;
  const float shade = (L + 16.0f) / (around_L + 16.0f);
  const float yellow_kept = b - shade * around_b;
  const float brown = brown_weight * std::clamp(yellow_kept / (pigment_b_per_L * (around_L - L)), 0.0f, 1.0f);
  return paler * (1.0f - 2.0f * brown);
}

// Evidence of scar tissue per pixel, in units of a clear difference from the skin around:
// paleness or brown pigment, another colour, missing follicles and missing fine texture.
Plane scar_score(WorkingImage& w, Features& f, double s)
{
  const Plane reference = reference_skin(w, f, s);
  // Each term is added in turn (the sum's order as written in one expression), so one
  // surroundings plane is held at a time.
  Plane score(w.valid.width, w.valid.height, -1e6f);
  std::vector<char> scored(score.values.size());
  {
    const Plane near_skin = window_share(reference, px(25.0, s));  // a scar lies in skin, not on a white shirt
    for (std::size_t i = 0; i < score.values.size(); ++i)
      scored[i] = !(w.look_here.values[i] <= 0.0f || w.scar_hue.values[i] < 0.5f || near_skin.values[i] < 0.2f);
    w.look_here = Plane();
    w.scar_hue = Plane();
  }
  // The colour term comes first here (a + b is b + a), so that the lightness term holds only the
  // surroundings' b* and the brown weight besides its own surroundings plane.
  Plane around_b, brown_weight;
  {
    brown_weight = background(f.skin_a, reference, s);  // the surroundings' a* until overwritten
    around_b = background(f.skin_b, reference, s);
    const bool resolved = s >= pigment_min_px_per_mm;
    for (std::size_t i = 0; i < score.values.size(); ++i) {
      const float a = f.skin_a.values[i], b = f.skin_b.values[i], around_a = brown_weight.values[i], ab = around_b.values[i];
      if (scored[i])  // another colour: greyer, pinker or browner
        score.values[i] = 0.5f * std::hypot(a - around_a, b - ab) / chroma_unit;
      // degrees from the surroundings' hue to this pixel's, towards red
      const float redder = std::atan2(a * ab - b * around_a, a * around_a + b * ab) * 57.29578f;
      brown_weight.values[i] = resolved ? std::clamp(1.0f - redder / redder_hue_degrees, 0.0f, 1.0f) : 0.0f;
    }
  }
  {
    const Plane around_L = background(f.skin_L, reference, s);
    for (std::size_t i = 0; i < score.values.size(); ++i)
      if (scored[i])
        score.values[i] += lightness_evidence(f.skin_L.values[i], f.skin_b.values[i], around_L.values[i], around_b.values[i],
                                              brown_weight.values[i]);
  }
  around_b = Plane();
  brown_weight = Plane();
  {
    const Plane around_follicles = background(f.follicles, reference, s);
    for (std::size_t i = 0; i < score.values.size(); ++i)
      if (scored[i]) {
        const float hairless =
            around_follicles.values[i] > 0.005f
                ? std::clamp(1.0f - f.follicles.values[i] / around_follicles.values[i], 0.0f, 1.0f)
                : 0.5f;
        score.values[i] += 1.6f * std::max(0.0f, hairless - 0.5f);
      }
  }
  {
    const Plane around_texture = background(f.texture, reference, s);
    for (std::size_t i = 0; i < score.values.size(); ++i)
      if (scored[i]) {
        const float smooth = around_texture.values[i] > 0.3f
                                 ? std::clamp(1.0f - f.texture.values[i] / around_texture.values[i], 0.0f, 1.0f)
                                 : 0.0f;
        score.values[i] += 0.5f * smooth;
      }
  }
  return score;
}

}  // namespace

ScarMaskSettings sanitized(const ScarMaskSettings& in)
{
  const ScarMaskSettings d;
  ScarMaskSettings s = in;
  s.px_per_mm = sanitized_number(in.px_per_mm, d.px_per_mm, ScarMaskLimits::px_per_mm_min, ScarMaskLimits::px_per_mm_max);
  s.sensitivity = sanitized_number(in.sensitivity, d.sensitivity, 0.0, 1.0);
  s.feather_mm = sanitized_number(in.feather_mm, d.feather_mm, 0.0, ScarMaskLimits::feather_max);
  return s;
}

void scar_mask(int width, int height, bool with_region, ScarMaskRows& rows, const ScarMaskSettings& raw)
{
  const ScarMaskSettings settings = sanitized(raw);
  if (width <= 0 || height <= 0)
    return;
  const int step = working_step(width, height, settings.px_per_mm, working_px_per_mm, max_working_pixels);
  const double s = settings.px_per_mm / step;

  Plane soft;
  {
    WorkingImage w = working_image(rows, width, height, with_region, step);
    Features f = features_of(w.L, w.a, w.b, w.valid, s);
    w.L = Plane();
    w.a = Plane();
    w.b = Plane();
    const Plane score = scar_score(w, f, s);
    const auto high = static_cast<float>(2.5 - 2.0 * settings.sensitivity);
    soft = feathered(scar_pixels(score, 0.6f * high, high, settings.kind, s), settings.feather_mm * s);
  }
  std::vector<float> region(static_cast<std::size_t>(width)), mask(static_cast<std::size_t>(width));
  for (int y = 0; y < height; ++y) {
    if (with_region)
      rows.read(y, nullptr, region.data());
    for (int x = 0; x < width; ++x) {
      float m = grown_at(soft, step, x, y);
      if (with_region) {
        const float r = region[static_cast<std::size_t>(x)];
        m *= r > 0.0f ? std::min(r, 1.0f) : 0.0f;  // NaN: outside
      }
      mask[static_cast<std::size_t>(x)] = m;
    }
    rows.write(y, mask.data());
  }
}

Plane scar_mask(const LabImage& image, const Plane* region, const ScarMaskSettings& settings)
{
  if (image.width <= 0 || image.height <= 0)
    return {};
  if (region && (region->width != image.width || region->height != image.height))
    return Plane(image.width, image.height);  // a region that does not fit the photo marks nothing
  Plane mask(image.width, image.height);
  ImageRows rows(image, region, mask);
  scar_mask(image.width, image.height, region != nullptr, rows, settings);
  return mask;
}

}  // namespace smp
