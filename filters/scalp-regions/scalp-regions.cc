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
#include "scalp-regions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace {

namespace contract = smp_filters::scalp_regions;

// The segmentation of the last photo seen, at its working scale, keyed by that photo's pixels at
// the working scale and the settings: every region GEGL asks for is sampled from it.
struct Cache {
  std::mutex lock;
  bool valid = false;
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

Cache* cache_of(GeglOperation* operation)
{
  GeglProperties* o = GEGL_PROPERTIES(operation);
  if (!o->user_data)
    o->user_data = new (std::nothrow) Cache;
  return static_cast<Cache*>(o->user_data);
}

// Brings the cache up to date with the photo: reads it at the working scale and segments it
// when its pixels or the settings changed.
void refresh(Cache& cache, GeglOperation* operation, GeglBuffer* input)
{
  const GeglRectangle whole = smp_filters::whole_input(operation);
  const smp::ScalpRegionsSettings settings = contract::settings_of(G_OBJECT(operation));
  const smp::WorkingScale ws = smp::working_scale(whole.width, whole.height, settings.px_per_mm);
  const GeglRectangle working{static_cast<int>(std::floor(whole.x * ws.scale)),
                              static_cast<int>(std::floor(whole.y * ws.scale)), ws.width, ws.height};
  std::vector<float> pixels(static_cast<std::size_t>(ws.width) * ws.height * 4);
  if (!pixels.empty())
    gegl_buffer_get(input, &working, ws.scale, gegl_operation_get_format(operation, "input"), pixels.data(),
                    GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
  const std::uint64_t key = key_of(pixels, settings, working);
  if (cache.valid && cache.key == key)
    return;
  cache.valid = false;
  smp::ScalpRegionsSettings at_working = settings;
  at_working.px_per_mm = settings.px_per_mm * ws.scale;
  cache.regions = smp::scalp_regions(pixels, ws.width, ws.height, at_working);
  cache.working = working;
  cache.scale = ws.scale;
  cache.key = key;
  cache.valid = true;
}

// The cached coverages sampled bilinearly at the output's pixels (region at `level`).
void sample(const Cache& cache, const GeglRectangle& region, int level, std::vector<float>& rgba)
{
  const smp::ScalpRegions& r = cache.regions;
  rgba.assign(static_cast<std::size_t>(region.width) * region.height * 4, 0.0f);
  const double to_working = cache.scale * static_cast<double>(1 << level);
  const auto clamp_index = [](double v, int n) { return std::clamp(static_cast<int>(std::floor(v)), 0, n - 1); };
  for (int y = 0; y < region.height; ++y) {
    const double wy = (region.y + y + 0.5) * to_working - cache.working.y - 0.5;
    const int y0 = clamp_index(wy, r.height), y1 = clamp_index(wy + 1.0, r.height);
    const double fy = std::clamp(wy - std::floor(wy), 0.0, 1.0);
    for (int x = 0; x < region.width; ++x) {
      const double wx = (region.x + x + 0.5) * to_working - cache.working.x - 0.5;
      const int x0 = clamp_index(wx, r.width), x1 = clamp_index(wx + 1.0, r.width);
      const double fx = std::clamp(wx - std::floor(wx), 0.0, 1.0);
      const auto at = [&](const std::vector<float>& v) {
        const auto p = [&](int xx, int yy) { return static_cast<double>(v[static_cast<std::size_t>(yy) * r.width + xx]); };
        return static_cast<float>((p(x0, y0) * (1 - fx) + p(x1, y0) * fx) * (1 - fy) +
                                  (p(x0, y1) * (1 - fx) + p(x1, y1) * fx) * fy);
      };
      float* out = &rgba[4 * (static_cast<std::size_t>(y) * region.width + x)];
      out[contract::bare_channel] = at(r.bare);
      out[contract::hair_channel] = at(r.hair);
      out[contract::shine_channel] = at(r.shine);
      out[3] = 1.0f;
    }
  }
}

}  // namespace

static void prepare(GeglOperation* operation)
{
  const Babl* space = gegl_operation_get_source_space(operation, "input");
  gegl_operation_set_format(operation, "input", babl_format_with_space("RGBA float", space));
  gegl_operation_set_format(operation, "output", babl_format_with_space("RGBA float", space));
}

static gboolean process(GeglOperation* operation, GeglBuffer* input, GeglBuffer* output, const GeglRectangle* result,
                        gint level)
{
  if (result->width <= 0 || result->height <= 0)
    return TRUE;
  try {
    Cache* cache = cache_of(operation);
    if (!cache)
      throw std::bad_alloc();
    std::lock_guard<std::mutex> guard(cache->lock);
    refresh(*cache, operation, input);
    if (cache->regions.width <= 0 || cache->regions.height <= 0) {
      smp_filters::show_failure(output, result, "black", "smp:scalp-regions: the photo is empty");
      return TRUE;
    }
    std::vector<float> rgba;
    sample(*cache, *result, level, rgba);
    gegl_buffer_set(output, result, level, gegl_operation_get_format(operation, "output"), rgba.data(),
                    GEGL_AUTO_ROWSTRIDE);
  } catch (...) {
    smp_filters::show_failure(output, result, "black",
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
  // output is not cached whole by GEGL.
  smp_filters::use_whole_input(operation_class);
  operation_class->get_cached_region = nullptr;
  filter_class->process = process;

  smp_filters::set_keys(operation_class, contract::operation, _("SMP Scalp Regions"), _("Scalp Regions..."),
                        _("What a photo of a head seen from above shows: bare scalp (red), the client's own hair "
                          "(green) and the shine on bare scalp (blue), as coverages; black is background (clothes, "
                          "walls, and skin that is not scalp). Computed from the whole photo at a bounded working "
                          "scale."));
}

#endif
