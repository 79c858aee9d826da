// smp:scalp-regions: what a photo of a head shows, as coverages: bare scalp (R), the client's own
// hair (G), the shine on bare scalp (B), from the whole photo at a bounded working scale.
#include <glib/gi18n-lib.h>

#include "scalp/scalp_regions.hpp"

#define SMP_DEFAULT(member) (smp::ScalpRegionsSettings{}.member)
#define SMP_LIMIT(name) (smp::ScalpRegionsLimits::name)

#ifdef GEGL_PROPERTIES

enum_start (smp_scalp_front)
  enum_value (SMP_SCALP_FRONT_UP, "up", N_("Up"))
  enum_value (SMP_SCALP_FRONT_DOWN, "down", N_("Down"))
  enum_value (SMP_SCALP_FRONT_LEFT, "left", N_("Left"))
  enum_value (SMP_SCALP_FRONT_RIGHT, "right", N_("Right"))
enum_end (SmpScalpFront)

property_double (px_per_mm, _("Scale (pixels per mm)"), SMP_DEFAULT(px_per_mm))
  description (_("Image pixels per millimetre on the scalp; the plug-in takes it from the image resolution"))
  value_range (SMP_LIMIT(px_per_mm_min), SMP_LIMIT(px_per_mm_max))
  ui_range (1.0, 60.0)

property_enum (front, _("Face points"), SmpScalpFront, smp_scalp_front, SMP_SCALP_FRONT_UP)
  description (_("Which way the face points in the image (the head seen from above)"))

property_double (sensitivity, _("Sensitivity"), SMP_DEFAULT(sensitivity))
  description (_("How readily skin between hairs counts as bare scalp rather than hair: raise it when thin hair hides bare scalp, lower it when pigment reaches the hair"))
  value_range (0.0, 1.0)

#else

#define GEGL_OP_FILTER
#define GEGL_OP_NAME     scalp_regions
#define GEGL_OP_C_SOURCE scalp-regions.cc

#include "gegl-op.h"

#include "common/op_class.hpp"
#include "common/regions.hpp"
#include "common/whole_input.hpp"
#include "scalp-regions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace {

namespace contract = smp_filters::scalp_regions;

constexpr double max_pixels = smp::ScalpRegionsLimits::max_photo_pixels;
// Output rows written at once: a strip of GEGL tiles, so a large region needs no large buffer.
constexpr int strip_rows = 64;
smp_filters::RefusalLog refusals;

// A photo's segmentation at its working scale, keyed by that photo's pixels at the working scale
// and the settings: every region GEGL asks for is sampled from it.
struct Segmentation {
  std::uint64_t key = 0;
  GeglRectangle working{0, 0, 0, 0};  // in working-scale pixels
  double scale = 1.0;
  smp::ScalpRegions regions;
};

std::uint64_t key_of(const std::vector<float>& pixels, const smp::ScalpRegionsSettings& s, const GeglRectangle& r)
{
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the bits
  const auto mix = [&h](const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i)
      h = (h ^ p[i]) * 1099511628211ULL;
  };
  mix(pixels.data(), pixels.size() * sizeof(float));
  mix(&s.px_per_mm, sizeof s.px_per_mm);
  mix(&s.front, sizeof s.front);
  mix(&s.sensitivity, sizeof s.sensitivity);
  mix(&r, sizeof r);
  return h;
}

// The last few segmentations made in this process, shared by every instance of the op: a
// plug-in builds a graph per step on one photo (Simulate's head fit, its scalp, its preview),
// and each would segment it again. A handful, so that two filters on two photos rendering in
// turn do not evict each other; each at most a 1 MP working copy's three coverages (12 MB).
class SharedSegmentations {
 public:
  static constexpr std::size_t kept = 4;

  std::shared_ptr<const Segmentation> find(std::uint64_t key)
  {
    std::lock_guard<std::mutex> guard(lock_);
    for (auto it = recent_.begin(); it != recent_.end(); ++it)
      if ((*it)->key == key) {
        std::shared_ptr<const Segmentation> found = *it;
        recent_.erase(it);
        recent_.insert(recent_.begin(), found);
        return found;
      }
    return nullptr;
  }
  void keep(std::shared_ptr<const Segmentation> made)
  {
    std::lock_guard<std::mutex> guard(lock_);
    recent_.insert(recent_.begin(), std::move(made));
    if (recent_.size() > kept)
      recent_.resize(kept);
  }

 private:
  std::mutex lock_;
  std::vector<std::shared_ptr<const Segmentation>> recent_;  // most recently used first
};

SharedSegmentations& shared_segmentations()
{
  // Never destroyed: render threads may still run while the process exits.
  static SharedSegmentations* shared = new SharedSegmentations;
  return *shared;
}

// Each instance's own: the segmentation its renders sample (held while they do, whatever the
// shared list drops), made once at a time.
struct Cache {
  std::mutex lock;
  std::shared_ptr<const Segmentation> current;
};

Cache* cache_of(GeglOperation* operation)
{
  GeglProperties* o = GEGL_PROPERTIES(operation);
  if (!o->user_data)
    o->user_data = new (std::nothrow) Cache;
  return static_cast<Cache*>(o->user_data);
}

// The working copy's scale (of level-0 pixels) and size at `level`: the photo's own working
// scale, or the level's scale where that is coarser, since a zoomed-out render holds no finer
// pixels of its input.
smp::WorkingScale working_scale_at(const GeglRectangle& whole, double px_per_mm, int level)
{
  smp::WorkingScale ws = smp::working_scale(whole.width, whole.height, px_per_mm);
  const double coarsest = smp_filters::level_scale(level);
  if (ws.scale > coarsest) {
    ws.scale = coarsest;
    ws.width = std::max(1, static_cast<int>(std::lround(whole.width * coarsest)));
    ws.height = std::max(1, static_cast<int>(std::lround(whole.height * coarsest)));
  }
  return ws;
}

// Brings the cache up to date with the photo: reads it at the working scale and segments it
// when its pixels or the settings changed and no other instance has segmented it already.
void refresh(Cache& cache, GeglOperation* operation, GeglBuffer* input, int level)
{
  const GeglRectangle whole = smp_filters::input_extent(operation);
  const smp::ScalpRegionsSettings settings = contract::settings_of(G_OBJECT(operation));
  const smp::WorkingScale ws = working_scale_at(whole, settings.px_per_mm, level);
  const GeglRectangle working{static_cast<int>(std::floor(whole.x * ws.scale)),
                              static_cast<int>(std::floor(whole.y * ws.scale)), ws.width, ws.height};
  std::vector<float> pixels(static_cast<std::size_t>(ws.width) * ws.height * 4);
  if (!pixels.empty())
    gegl_buffer_get(input, &working, ws.scale, gegl_operation_get_format(operation, "input"), pixels.data(),
                    GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
  const std::uint64_t key = key_of(pixels, settings, working);
  if (cache.current && cache.current->key == key)
    return;
  if ((cache.current = shared_segmentations().find(key)))
    return;
  auto made = std::make_shared<Segmentation>();
  smp::ScalpRegionsSettings at_working = settings;
  at_working.px_per_mm = settings.px_per_mm * ws.scale;
  made->regions = smp::scalp_regions(pixels, ws.width, ws.height, at_working);
  made->working = working;
  made->scale = ws.scale;
  made->key = key;
  cache.current = made;
  shared_segmentations().keep(std::move(made));
}

// The cached coverages sampled bilinearly at the output's pixels (`area`, pixels at `level`),
// written a strip of rows at a time.
void write_sampled(const Segmentation& cache, GeglBuffer* output, const GeglRectangle& area, int level,
                   const Babl* format)
{
  const smp::ScalpRegions& r = cache.regions;
  const double to_working = cache.scale * static_cast<double>(1 << level);
  const auto clamp_index = [](double v, int n) { return std::clamp(static_cast<int>(std::floor(v)), 0, n - 1); };
  std::vector<float> rgba(static_cast<std::size_t>(area.width) * std::min(strip_rows, area.height) * 4);
  for (int first = 0; first < area.height; first += strip_rows) {
    const int rows = std::min(strip_rows, area.height - first);
    for (int y = 0; y < rows; ++y) {
      const double wy = (area.y + first + y + 0.5) * to_working - cache.working.y - 0.5;
      const int y0 = clamp_index(wy, r.height), y1 = clamp_index(wy + 1.0, r.height);
      const double fy = std::clamp(wy - std::floor(wy), 0.0, 1.0);
      for (int x = 0; x < area.width; ++x) {
        const double wx = (area.x + x + 0.5) * to_working - cache.working.x - 0.5;
        const int x0 = clamp_index(wx, r.width), x1 = clamp_index(wx + 1.0, r.width);
        const double fx = std::clamp(wx - std::floor(wx), 0.0, 1.0);
        const auto at = [&](const std::vector<float>& v) {
          const auto p = [&](int xx, int yy) { return static_cast<double>(v[static_cast<std::size_t>(yy) * r.width + xx]); };
          return static_cast<float>((p(x0, y0) * (1 - fx) + p(x1, y0) * fx) * (1 - fy) +
                                    (p(x0, y1) * (1 - fx) + p(x1, y1) * fx) * fy);
        };
        float* out = &rgba[4 * (static_cast<std::size_t>(y) * area.width + x)];
        out[contract::bare_channel] = at(r.bare);
        out[contract::hair_channel] = at(r.hair);
        out[contract::shine_channel] = at(r.shine);
        out[3] = 1.0f;
      }
    }
    const GeglRectangle strip{area.x, area.y + first, area.width, rows};
    gegl_buffer_set(output, &strip, level, format, rgba.data(), GEGL_AUTO_ROWSTRIDE);
  }
}

}  // namespace

static void prepare(GeglOperation* operation)
{
  const Babl* space = gegl_operation_get_source_space(operation, "input");
  gegl_operation_set_format(operation, "input", babl_format_with_space("RGBA float", space));
  // Coverages are numbers, not colours: in no colour space, so no conversion mixes them.
  gegl_operation_set_format(operation, "output", babl_format("RGBA float"));
}

static gboolean process(GeglOperation* operation, GeglBuffer* input, GeglBuffer* output, const GeglRectangle* result,
                        gint level)
{
  level = smp_filters::clamped_level(level);
  const GeglRectangle area = smp_filters::region_at_level(*result, level);
  if (area.width <= 0 || area.height <= 0)
    return TRUE;
  const GeglRectangle extent = smp_filters::input_extent(operation);
  if (!smp_filters::fits(extent, max_pixels)) {
    smp_filters::warn_too_large(refusals, "smp:scalp-regions", extent, max_pixels, "It all reads as background.");
    smp_filters::fill(output, area, level, "black");
    return TRUE;
  }
  try {
    Cache* cache = cache_of(operation);
    if (!cache)
      throw std::bad_alloc();
    std::lock_guard<std::mutex> guard(cache->lock);
    refresh(*cache, operation, input, level);
    // A photo too small to tell a head in reads as background.
    const Segmentation& segmentation = *cache->current;
    if (segmentation.regions.width <= 0 || segmentation.regions.height <= 0)
      smp_filters::fill(output, area, level, "black");
    else
      write_sampled(segmentation, output, area, level, gegl_operation_get_format(operation, "output"));
  } catch (...) {
    smp_filters::show_failure(output, area, level, "black",
                              "smp:scalp-regions: out of memory or internal error; this region reads as background");
  }
  return TRUE;
}

static void finalize(GObject* object)
{
  GeglProperties* o = GEGL_PROPERTIES(object);
  delete static_cast<Cache*>(o->user_data);
  o->user_data = nullptr;
  G_OBJECT_CLASS(gegl_op_parent_class)->finalize(object);
}

static void gegl_op_class_init(GeglOpClass* klass)
{
  GeglOperationClass* operation_class = GEGL_OPERATION_CLASS(klass);
  GeglOperationFilterClass* filter_class = GEGL_OPERATION_FILTER_CLASS(klass);
  G_OBJECT_CLASS(klass)->finalize = finalize;
  operation_class->prepare = prepare;
  // A head's outline decides what is scalp: every output pixel needs the whole photo, which the
  // op segments once at its working scale and samples for each region (the cache above), so the
  // output is not cached whole by GEGL (a 12 MP photo's would take 190 MB).
  smp_filters::use_whole_input<max_pixels>(operation_class);
  operation_class->get_cached_region = nullptr;
  filter_class->process = process;

  smp_filters::set_keys(operation_class, contract::operation, _("SMP Scalp Regions"), _("Scalp Regions..."),
                        _("What a photo of a head seen from above shows: bare scalp (red), the client's own hair "
                          "(green) and the shine on bare scalp (blue), as coverages; black is background (clothes, "
                          "walls, and skin that is not scalp). Computed from the whole photo at a bounded working "
                          "scale."));
}

#endif
