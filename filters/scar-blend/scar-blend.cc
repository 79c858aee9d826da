// smp:scar-blend: the photo with the scar (the aux mask) toned to the skin around it: its
// local colour mean and spread in L*a*b* matched to a ring of skin outside the mask, its fine
// texture kept, its edge feathered inwards. Where the mask is 0 the input passes bit for bit.
#include <glib/gi18n-lib.h>

#include "scar/scar_blend.hpp"

#define SMP_DEFAULT(member) (smp::ScarBlendSettings{}.member)
#define SMP_LIMIT(name) (smp::ScarBlendLimits::name)

#ifdef GEGL_PROPERTIES

property_double (px_per_mm, _("Scale (pixels per mm)"), SMP_DEFAULT(px_per_mm))
  description (_("Image pixels per millimetre on the scalp; the plug-in takes it from the image resolution"))
  value_range (SMP_LIMIT(px_per_mm_min), SMP_LIMIT(px_per_mm_max))
  ui_range (2.0, 60.0)

property_double (ring_width, _("Skin ring (mm)"), SMP_DEFAULT(ring_width_mm))
  description (_("How far out from the scar the skin taken as reference reaches, in millimetres"))
  value_range (SMP_LIMIT(ring_min), SMP_LIMIT(ring_max))
  ui_range (0.5, 10.0)

property_double (feather, _("Feather (mm)"), SMP_DEFAULT(feather_mm))
  description (_("The blend fades in over this distance inside the mask's edge, in millimetres"))
  value_range (0.0, SMP_LIMIT(feather_max))
  ui_range (0.0, 3.0)

property_double (texture, _("Texture"), SMP_DEFAULT(texture))
  description (_("1 gives the scar the fine contrast of the skin around it, 0 a flat tone"))
  value_range (0.0, 1.0)

#else

#define GEGL_OP_COMPOSER
#define GEGL_OP_NAME     scar_blend
#define GEGL_OP_C_SOURCE scar-blend.cc

#include "gegl-op.h"

#include "common/regions.hpp"
#include "common/op_class.hpp"
#include "common/pixels.hpp"
#include "common/whole_input.hpp"
#include "scar-blend.hpp"

#include <algorithm>
#include <vector>

namespace {

constexpr double max_pixels = smp::ScarBlendLimits::max_photo_pixels;
// Rows read or written at once: a strip of GEGL tiles.
constexpr int strip_rows = 64;
smp_filters::RefusalLog refusals;

smp::ScarBlendSettings settings_of(GeglOperation* operation, int level)
{
  smp::ScarBlendSettings s = smp_filters::scar_blend::settings_of(G_OBJECT(operation));
  s.px_per_mm *= smp_filters::level_scale(level);
  return s;
}

const Babl* pixel_format(GeglOperation* operation)
{
  return babl_format_with_space("RGBA float", gegl_operation_get_source_space(operation, "input"));
}

// A strip of rows of a buffer at the render's level, read when a row outside it is asked for;
// `as_is` keeps the input's own values (the photo passed through), else they are read as the
// blend works on them (pixels.hpp).
class Strip {
 public:
  Strip(GeglBuffer* buffer, const GeglRectangle& area, int level, const Babl* format, int components, bool as_is)
      : buffer_(buffer), area_(area), level_(level), format_(format), components_(components), as_is_(as_is)
  {
  }
  float* row(int y)
  {
    if (pixels_.empty() || y < first_ || y >= first_ + strip_rows) {
      first_ = y;
      const GeglRectangle strip{area_.x, area_.y + y, area_.width, std::min(strip_rows, area_.height - y)};
      pixels_.resize(static_cast<std::size_t>(components_) * area_.width * strip_rows);
      if (as_is_)
        gegl_buffer_get(buffer_, &strip, smp_filters::level_scale(level_), format_, pixels_.data(), GEGL_AUTO_ROWSTRIDE,
                        GEGL_ABYSS_NONE);
      else
        smp_filters::read_pixels(buffer_, strip, level_, format_, pixels_.data(), native_);
    }
    return &pixels_[static_cast<std::size_t>(components_) * area_.width * static_cast<std::size_t>(y - first_)];
  }

 private:
  GeglBuffer* buffer_;
  GeglRectangle area_;
  int level_;
  const Babl* format_;
  int components_, first_ = 0;
  bool as_is_;
  std::vector<float> pixels_;
  std::vector<unsigned char> native_;
};

// The photo (in L*a*b*) and the mask read from GEGL's buffers, and the toned photo written to
// the output, a strip of rows at a time; where the blend did not reach, the input's own bits.
class BufferRows final : public smp::ScarBlendRows {
 public:
  BufferRows(GeglOperation* operation, GeglBuffer* input, GeglBuffer* aux, GeglBuffer* output,
             const GeglRectangle& area, int level)
      : rgba_format_(pixel_format(operation)), lab_format_(babl_format("CIE Lab alpha float")),
        to_rgba_(babl_fish(lab_format_, rgba_format_)),
        photo_(input, area, level, rgba_format_, 4, false),
        mask_(aux, area, level, gegl_operation_get_format(operation, "aux"), 2, false),
        original_(input, area, level, rgba_format_, 4, true), output_(output), area_(area), level_(level)
  {
  }

  void read(int y, float* lab_alpha, float* mask) override
  {
    auto* rgba = reinterpret_cast<unsigned char*>(photo_.row(y));
    smp_filters::convert(rgba_format_, rgba, static_cast<std::size_t>(area_.width), lab_format_, lab_alpha);
    const float* grey_alpha = mask_.row(y);
    for (int x = 0; x < area_.width; ++x)
      mask[x] = grey_alpha[2 * x] * grey_alpha[2 * x + 1];
  }

  void write(int y, const float* lab_alpha, const float* applied) override
  {
    const auto w = static_cast<std::size_t>(area_.width);
    if (out_rows_.empty())
      out_rows_.resize(4 * w * strip_rows);
    float* rgba = &out_rows_[4 * w * static_cast<std::size_t>(y % strip_rows)];
    std::copy_n(original_.row(y), 4 * w, rgba);
    for (std::size_t x = 0; x < w; ++x)
      if (applied[x] > 0.0f) {  // elsewhere the input's own bits stay
        const float alpha = rgba[4 * x + 3];
        babl_process(to_rgba_, &lab_alpha[4 * x], &rgba[4 * x], 1);
        rgba[4 * x + 3] = alpha;
      }
    if ((y + 1) % strip_rows == 0 || y + 1 == area_.height) {
      const int first = y / strip_rows * strip_rows;
      const GeglRectangle strip{area_.x, area_.y + first, area_.width, y + 1 - first};
      gegl_buffer_set(output_, &strip, level_, rgba_format_, out_rows_.data(), GEGL_AUTO_ROWSTRIDE);
    }
  }

 private:
  const Babl *rgba_format_, *lab_format_, *to_rgba_;
  Strip photo_, mask_, original_;
  GeglBuffer* output_;
  GeglRectangle area_;
  int level_;
  std::vector<float> out_rows_;
};

}  // namespace

static void prepare(GeglOperation* operation)
{
  const Babl* space = gegl_operation_get_source_space(operation, "input");
  gegl_operation_set_format(operation, "input", pixel_format(operation));
  gegl_operation_set_format(operation, "aux", babl_format_with_space("Y'A float", space));
  gegl_operation_set_format(operation, "output", pixel_format(operation));
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
    smp_filters::warn_too_large(refusals, "smp:scar-blend", extent, max_pixels, "The photo passes unchanged.");
    smp_filters::pass_through(input, output, area, level);
    return TRUE;
  }
  if (!aux) {
    smp_filters::pass_through(input, output, area, level);
    return TRUE;
  }
  try {
    BufferRows rows(operation, input, aux, output, area, level);
    smp::scar_blend(area.width, area.height, rows, settings_of(operation, level));
  } catch (...) {
    g_warning("smp:scar-blend: out of memory or internal error; the photo passes unchanged");
    smp_filters::pass_through(input, output, area, level);
  }
  return TRUE;
}

static void gegl_op_class_init(GeglOpClass* klass)
{
  GeglOperationClass* operation_class = GEGL_OPERATION_CLASS(klass);
  GeglOperationComposerClass* composer_class = GEGL_OPERATION_COMPOSER_CLASS(klass);

  operation_class->prepare = prepare;
  // The ring statistics reach a centimetre or more around each scar: the op works on the whole
  // input at once, row by row, with its statistics on a coarse grid.
  smp_filters::use_whole_input<max_pixels>(operation_class);
  composer_class->process = process;

  smp_filters::set_keys(operation_class, smp_filters::scar_blend::operation, _("SMP Scar Blend"), _("Scar Blend..."),
                        _("Tones a scar to the skin around it: the aux input is the scar mask (white is scar). Inside it "
                          "the colour's local mean and spread in L*a*b* are matched to a ring of skin just outside, the "
                          "fine texture is kept and the edge feathered. Where the mask is black the photo is unchanged."),
                        "enhance:smp");
}

#endif
