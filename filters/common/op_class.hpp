// What every smp: operation declares the same way: its entry in GEGL's list and GIMP's menu,
// what a region shows when it can't be rendered, and the regions of the ops that need their
// whole input to render any part of it. Include after gegl-op.h.
#pragma once

namespace smp_filters {

inline void set_keys(GeglOperationClass* operation_class, const char* name, const char* title,
                     const char* menu_label, const char* description, const char* categories = "render:smp")
{
  gegl_operation_class_set_keys(operation_class, "name", name, "title", title, "categories", categories,
                                "gimp:menu-path", "<Image>/Filters/Render/SMP", "gimp:menu-label", menu_label,
                                "description", description, NULL);
}

// After an exception (no memory, most likely): `region` shows `colour`, and GIMP's log says why.
inline void show_failure(GeglBuffer* output, const GeglRectangle* region, const char* colour, const char* message)
{
  GeglColor* fill = gegl_color_new(colour);
  gegl_buffer_set_color(output, region, fill);
  g_object_unref(fill);
  g_warning("%s", message);
}

inline GeglRectangle whole_input(GeglOperation* operation)
{
  const GeglRectangle* in = gegl_operation_source_get_bounding_box(operation, "input");
  return in ? *in : GeglRectangle{0, 0, 0, 0};
}

// Every region an op of this kind reads, keeps or redraws is its whole input, computed at once
// (so in one thread).
inline void use_whole_input(GeglOperationClass* operation_class)
{
  operation_class->threaded = FALSE;
  operation_class->get_bounding_box = [](GeglOperation* operation) { return whole_input(operation); };
  operation_class->get_required_for_output = [](GeglOperation* operation, const gchar*, const GeglRectangle*) {
    return whole_input(operation);
  };
  operation_class->get_cached_region = [](GeglOperation* operation, const GeglRectangle*) {
    return whole_input(operation);
  };
  operation_class->get_invalidated_by_change = [](GeglOperation* operation, const gchar*, const GeglRectangle*) {
    return whole_input(operation);
  };
}

}  // namespace smp_filters
