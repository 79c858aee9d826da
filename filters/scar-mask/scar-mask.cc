// smp:scar-mask: a soft mask of scar tissue on a photo of the scalp (paler, less coloured,
// smoother and without follicles compared with the scalp around it), at the photo's physical
// scale; an optional rough region on the aux pad limits where scars are looked for.
#include <glib/gi18n-lib.h>

#include "scar/scar_mask.hpp"

#define SMP_DEFAULT(member) (smp::ScarMaskSettings{}.member)
#define SMP_LIMIT(name) (smp::ScarMaskLimits::name)

#ifdef GEGL_PROPERTIES

enum_start (smp_scar_kind)
  enum_value (SMP_SCAR_ANY, "any", N_("Any"))
  enum_value (SMP_SCAR_LINEAR, "linear", N_("Linear (FUT strip)"))
  enum_value (SMP_SCAR_DOTS, "dots", N_("Dots (FUE punches)"))
  enum_value (SMP_SCAR_AREA, "area", N_("Area (burn, surgery, scarring alopecia)"))
enum_end (SmpScarKind)

property_double (px_per_mm, _("Scale (pixels per mm)"), SMP_DEFAULT(px_per_mm))
  description (_("Image pixels per millimetre on the scalp; the plug-in takes it from the image resolution"))
  value_range (SMP_LIMIT(px_per_mm_min), SMP_LIMIT(px_per_mm_max))
  ui_range (2.0, 60.0)

property_enum (kind, _("Scar kind"), SmpScarKind, smp_scar_kind, SMP_SCAR_ANY)
  description (_("Linear: a FUT strip 1-15 mm wide and at least 1 cm long; dots: round FUE punches 0.6-1.2 mm; area: patches from burns, surgery or scarring alopecia; any: all of them"))

property_double (sensitivity, _("Sensitivity"), SMP_DEFAULT(sensitivity))
  description (_("0 finds only the clearest scars, 1 fainter ones too (and more false ones)"))
  value_range (0.0, 1.0)

property_double (feather, _("Feather (mm)"), SMP_DEFAULT(feather_mm))
  description (_("Width of the mask's soft edge outside the scar, in millimetres"))
  value_range (0.0, SMP_LIMIT(feather_max))
  ui_range (0.0, 3.0)

#else

#define GEGL_OP_COMPOSER
#define GEGL_OP_NAME     scar_mask
#define GEGL_OP_C_SOURCE scar-mask.cc

#include "gegl-op.h"

#include "common/regions.hpp"
#include "common/op_class.hpp"
#include "common/pixels.hpp"
#include "common/whole_input.hpp"
#include "scar-mask.hpp"

#include <algorithm>
#include <vector>

namespace {

constexpr double max_pixels = smp::ScarMaskLimits::max_photo_pixels;
// Rows read or written at once: a strip of GEGL tiles.
constexpr int strip_rows = 64;
smp_filters::RefusalLog refusals;

smp::ScarMaskSettings settings_of(GeglOperation* operation, int level)
{
  smp::ScarMaskSettings s = smp_filters::scar_mask::settings_of(G_OBJECT(operation));
  s.px_per_mm *= smp_filters::level_scale(level);
  return s;
}

const Babl* mask_format(GeglOperation* operation)
{
  return babl_format_with_space("Y'A float", gegl_operation_get_source_space(operation, "input"));
}

// The photo and the region read from GEGL's buffers at the render's level, and the mask written
// to the output, a strip of rows at a time.
class BufferRows final : public smp::ScarMaskRows {
 public:
  BufferRows(GeglOperation* operation, GeglBuffer* input, GeglBuffer* aux, GeglBuffer* output,
             const GeglRectangle& area, int level)
      : input_(input), aux_(aux), output_(output), area_(area), level_(level),
        lab_format_(gegl_operation_get_format(operation, "input")), mask_format_(mask_format(operation))
  {
  }

  void read(int y, float* lab_alpha, float* region) override
  {
    const auto w = static_cast<std::size_t>(area_.width);
    if (lab_alpha) {
      load(lab_rows_, lab_first_, y, input_, lab_format_, 4);
      std::copy_n(&lab_rows_[4 * w * static_cast<std::size_t>(y - lab_first_)], 4 * w, lab_alpha);
    }
    if (region) {
      load(region_rows_, region_first_, y, aux_, mask_format_, 2);
      const float* grey_alpha = &region_rows_[2 * w * static_cast<std::size_t>(y - region_first_)];
      for (std::size_t x = 0; x < w; ++x)
        region[x] = grey_alpha[2 * x] * grey_alpha[2 * x + 1];
    }
  }

  void write(int y, const float* mask) override
  {
    const auto w = static_cast<std::size_t>(area_.width);
    if (out_rows_.empty())
      out_rows_.resize(2 * w * strip_rows);
    float* grey_alpha = &out_rows_[2 * w * static_cast<std::size_t>(y % strip_rows)];
    for (std::size_t x = 0; x < w; ++x) {
      grey_alpha[2 * x] = mask[x];
      grey_alpha[2 * x + 1] = 1.0f;
    }
    if ((y + 1) % strip_rows == 0 || y + 1 == area_.height) {
      const int first = y / strip_rows * strip_rows;
      const GeglRectangle strip{area_.x, area_.y + first, area_.width, y + 1 - first};
      gegl_buffer_set(output_, &strip, level_, mask_format_, out_rows_.data(), GEGL_AUTO_ROWSTRIDE);
    }
  }

 private:
  void load(std::vector<float>& rows, int& first, int y, GeglBuffer* buffer, const Babl* format, int components)
  {
    if (!rows.empty() && y >= first && y < first + strip_rows)
      return;
    first = y;
    const GeglRectangle strip{area_.x, area_.y + y, area_.width, std::min(strip_rows, area_.height - y)};
    rows.resize(static_cast<std::size_t>(components) * area_.width * strip_rows);
    smp_filters::read_pixels(buffer, strip, level_, format, rows.data(), native_);
  }

  GeglBuffer *input_, *aux_, *output_;
  GeglRectangle area_;
  int level_;
  const Babl *lab_format_, *mask_format_;
  std::vector<float> lab_rows_, region_rows_, out_rows_;
  std::vector<unsigned char> native_;
  int lab_first_ = 0, region_first_ = 0;
};

}  // namespace

static void prepare(GeglOperation* operation)
{
  const Babl* space = gegl_operation_get_source_space(operation, "input");
  gegl_operation_set_format(operation, "input", babl_format_with_space("CIE Lab alpha float", space));
  gegl_operation_set_format(operation, "aux", mask_format(operation));
  gegl_operation_set_format(operation, "output", mask_format(operation));
}

static gboolean process(GeglOperation* operation, GeglBuffer* input, GeglBuffer* aux, GeglBuffer* output,
                        const GeglRectangle* result, gint level)
{
  level = smp_filters::clamped_level(level);
  const GeglRectangle area = smp_filters::region_at_level(*result, level);
  if (area.width <= 0 || area.height <= 0)
    return TRUE;
  const GeglRectangle extent = smp_filters::input_extent(operation);
  if (!smp_filters::fits(extent, max_pixels)) {
    smp_filters::warn_too_large(refusals, "smp:scar-mask", extent, max_pixels, "No scar is marked.");
    smp_filters::fill(output, area, level, "black");
    return TRUE;
  }
  try {
    BufferRows rows(operation, input, aux, output, area, level);
    smp::scar_mask(area.width, area.height, aux != nullptr, rows, settings_of(operation, level));
  } catch (...) {
    smp_filters::show_failure(output, area, level, "black",
                              "smp:scar-mask: out of memory or internal error; no scar is marked");
  }
  return TRUE;
}

static void gegl_op_class_init(GeglOpClass* klass)
{
  GeglOperationClass* operation_class = GEGL_OPERATION_CLASS(klass);
  GeglOperationComposerClass* composer_class = GEGL_OPERATION_COMPOSER_CLASS(klass);

  operation_class->prepare = prepare;
  // The mask at any pixel depends on the whole photo (a scar's shape decides whether it is kept):
  // the op computes the whole input at once, bounded by the detector's own working scale.
  smp_filters::use_whole_input<max_pixels>(operation_class);
  composer_class->process = process;

  smp_filters::set_keys(operation_class, smp_filters::scar_mask::operation, _("SMP Scar Mask"), _("Scar Mask..."),
                        _("Finds scar tissue on a photo of the scalp: skin paler, less coloured, smoother and without "
                          "follicles compared with the scalp around it, at the photo's physical scale. White where there "
                          "is scar, with a soft edge. The aux input, if given, is a rough region to look in."));
}

#endif
