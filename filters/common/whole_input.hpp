// The ops that need their whole input to render any part of it (a scar's shape decides whether
// it is kept; the skin ring reaches a centimetre around it): their regions, the size they take
// on, and what they say about a larger one. Include after gegl-op.h.
#pragma once

namespace smp_filters {

inline GeglRectangle input_extent(GeglOperation* operation)
{
  const GeglRectangle* in = gegl_operation_source_get_bounding_box(operation, "input");
  return in ? *in : GeglRectangle{0, 0, 0, 0};
}

// Unbounded inputs (a colour fill) and huge ones are refused, whatever the level: the op's result
// is then the same zoomed in or out.
inline bool fits(const GeglRectangle& extent, double max_pixels)
{
  return extent.width > 0 && extent.height > 0 &&
         static_cast<double>(extent.width) * static_cast<double>(extent.height) <= max_pixels;
}

// Every region such an op reads, keeps or redraws is its whole input, computed at once (so in
// one thread); an input too large for it is not read at all and each region stands alone.
template <double max_pixels>
void use_whole_input(GeglOperationClass* operation_class)
{
  operation_class->threaded = FALSE;
  operation_class->get_bounding_box = [](GeglOperation* operation) { return input_extent(operation); };
  operation_class->get_required_for_output = [](GeglOperation* operation, const gchar*, const GeglRectangle* roi) {
    const GeglRectangle extent = input_extent(operation);
    return fits(extent, max_pixels) ? extent : *roi;
  };
  operation_class->get_cached_region = [](GeglOperation* operation, const GeglRectangle* roi) {
    const GeglRectangle extent = input_extent(operation);
    return fits(extent, max_pixels) ? extent : *roi;
  };
  operation_class->get_invalidated_by_change = [](GeglOperation* operation, const gchar*, const GeglRectangle* roi) {
    const GeglRectangle extent = input_extent(operation);
    return fits(extent, max_pixels) ? extent : *roi;
  };
}

// Which input size an op last refused: it says why once per size (GEGL asks region by region).
struct RefusalLog {
  GMutex lock;
  GeglRectangle extent{0, 0, 0, 0};
};

inline void warn_too_large(RefusalLog& log, const char* op, const GeglRectangle& extent, double max_pixels,
                           const char* outcome)
{
  g_mutex_lock(&log.lock);
  const bool again = gegl_rectangle_equal(&log.extent, &extent);
  log.extent = extent;
  g_mutex_unlock(&log.lock);
  if (again)
    return;
  if (gegl_rectangle_is_infinite_plane(&extent))
    g_warning("%s: the input has no bounds (an unbounded fill or pattern); crop it to the photo. %s", op, outcome);
  else
    g_warning("%s: the input is %d x %d px, more than the %.0f megapixels it reads at once; crop it or work on a "
              "part of the photo. %s",
              op, extent.width, extent.height, max_pixels / 1e6, outcome);
}

}  // namespace smp_filters
