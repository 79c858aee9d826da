// An op's properties read and written by the names its contract lists (filters/<op>/<op>.hpp),
// so the filter, the plug-in, the previews and the tests never spell them again. A contract's
// each_property(visit, settings) calls visit(name, field) for every property, or
// visit(name, field, nicks) for a choice (the nicks in the enum's order). Values are converted
// to the property's own type: a seed held as uint32 goes into GEGL's int, a choice into GEGL's
// enum or into the string GIMP's filter config holds for it.
#pragma once

#include <gegl.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <type_traits>
#include <vector>

#include "stipple/stipple_settings.hpp"

namespace smp_filters {

// Sets properties on a GEGL node, or on any GObject that has them (GIMP's filter config).
class PropertyWriter {
 public:
  static PropertyWriter on_node(GeglNode* node) { return PropertyWriter(node, nullptr); }
  static PropertyWriter on_object(GObject* object) { return PropertyWriter(nullptr, object); }

  void operator()(const char* name, double v) { set_transformed(name, G_TYPE_DOUBLE, [v](GValue* g) { g_value_set_double(g, v); }); }
  void operator()(const char* name, int v) { set_transformed(name, G_TYPE_INT, [v](GValue* g) { g_value_set_int(g, v); }); }
  void operator()(const char* name, std::uint32_t v)
  {
    // GEGL keeps seeds as int: the same bits read back as the same seed.
    set_transformed(name, G_TYPE_INT, [v](GValue* g) { g_value_set_int(g, static_cast<int>(v & 0x7fffffffu)); });
  }
  void operator()(const char* name, bool v) { set_transformed(name, G_TYPE_BOOLEAN, [v](GValue* g) { g_value_set_boolean(g, v); }); }
  void operator()(const char* name, const std::string& v)
  {
    set_transformed(name, G_TYPE_STRING, [&v](GValue* g) { g_value_set_string(g, v.c_str()); });
  }
  void operator()(const char* name, const void* pointer)
  {
    set_transformed(name, G_TYPE_POINTER, [pointer](GValue* g) { g_value_set_pointer(g, const_cast<void*>(pointer)); });
  }
  void operator()(const char* name, const smp::LinearRgb& rgb)
  {
    GParamSpec* spec = find(name);
    if (!spec)
      return;
    GeglColor* colour = gegl_color_new(nullptr);
    const double pixel[3] = {rgb.r, rgb.g, rgb.b};
    gegl_color_set_pixel(colour, babl_format("RGB double"), pixel);
    GValue value = G_VALUE_INIT;
    g_value_init(&value, G_PARAM_SPEC_VALUE_TYPE(spec));
    g_value_take_object(&value, colour);
    set(name, &value);
    g_value_unset(&value);
  }
  template <typename Enum, std::size_t N>
  void operator()(const char* name, Enum v, const char* const (&nicks)[N])
  {
    const auto index = static_cast<std::size_t>(v);
    GParamSpec* spec = find(name);
    if (!spec || index >= N)
      return;
    GValue value = G_VALUE_INIT;
    g_value_init(&value, G_PARAM_SPEC_VALUE_TYPE(spec));
    if (G_IS_PARAM_SPEC_ENUM(spec)) {
      const GEnumValue* e = g_enum_get_value_by_nick(G_PARAM_SPEC_ENUM(spec)->enum_class, nicks[index]);
      if (!e) {
        g_value_unset(&value);
        return;
      }
      g_value_set_enum(&value, e->value);
    } else if (G_VALUE_HOLDS_STRING(&value)) {
      g_value_set_string(&value, nicks[index]);
    } else {
      g_value_unset(&value);
      return;
    }
    set(name, &value);
    g_value_unset(&value);
  }

 private:
  PropertyWriter(GeglNode* node, GObject* object) : node_(node), object_(object) {}

  GParamSpec* find(const char* name) const
  {
    if (node_)
      return gegl_node_find_property(node_, name);
    return object_ ? g_object_class_find_property(G_OBJECT_GET_CLASS(object_), name) : nullptr;
  }
  void set(const char* name, const GValue* value)
  {
    if (node_)
      gegl_node_set_property(node_, name, value);
    else
      g_object_set_property(object_, name, value);
  }
  template <typename Fill>
  void set_transformed(const char* name, GType type, Fill fill)
  {
    GParamSpec* spec = find(name);
    if (!spec)
      return;
    GValue source = G_VALUE_INIT, value = G_VALUE_INIT;
    g_value_init(&source, type);
    fill(&source);
    g_value_init(&value, G_PARAM_SPEC_VALUE_TYPE(spec));
    if (g_value_transform(&source, &value))
      set(name, &value);
    g_value_unset(&value);
    g_value_unset(&source);
  }

  GeglNode* node_;
  GObject* object_;
};

// Reads properties from an object that has them: an operation itself (inside the filter), or
// GIMP's filter config. Colours are read in `space` (the input's, for the filter).
class PropertyReader {
 public:
  explicit PropertyReader(GObject* object, const Babl* space = nullptr) : object_(object), space_(space) {}

  void operator()(const char* name, double& v) { get_transformed(name, G_TYPE_DOUBLE, [&v](const GValue* g) { v = g_value_get_double(g); }); }
  void operator()(const char* name, int& v) { get_transformed(name, G_TYPE_INT, [&v](const GValue* g) { v = g_value_get_int(g); }); }
  void operator()(const char* name, std::uint32_t& v)
  {
    get_transformed(name, G_TYPE_INT, [&v](const GValue* g) { v = static_cast<std::uint32_t>(g_value_get_int(g)); });
  }
  void operator()(const char* name, bool& v)
  {
    get_transformed(name, G_TYPE_BOOLEAN, [&v](const GValue* g) { v = g_value_get_boolean(g); });
  }
  void operator()(const char* name, std::string& v)
  {
    get_transformed(name, G_TYPE_STRING, [&v](const GValue* g) {
      const char* s = g_value_get_string(g);
      v = s ? s : "";
    });
  }
  void operator()(const char* name, const void*& pointer)
  {
    get_transformed(name, G_TYPE_POINTER, [&pointer](const GValue* g) { pointer = g_value_get_pointer(g); });
  }
  void operator()(const char* name, smp::LinearRgb& rgb)
  {
    GParamSpec* spec = find(name);
    if (!spec || !g_type_is_a(G_PARAM_SPEC_VALUE_TYPE(spec), GEGL_TYPE_COLOR))
      return;
    GeglColor* colour = nullptr;
    g_object_get(object_, name, &colour, nullptr);
    if (!colour)
      return;
    double pixel[3] = {rgb.r, rgb.g, rgb.b};
    gegl_color_get_pixel(colour, babl_format_with_space("RGB double", space_), pixel);
    g_object_unref(colour);
    rgb = {pixel[0], pixel[1], pixel[2]};
  }
  template <typename Enum, std::size_t N>
  void operator()(const char* name, Enum& v, const char* const (&nicks)[N])
  {
    GParamSpec* spec = find(name);
    if (!spec)
      return;
    GValue value = G_VALUE_INIT;
    g_value_init(&value, G_PARAM_SPEC_VALUE_TYPE(spec));
    g_object_get_property(object_, name, &value);
    const char* nick = nullptr;
    if (G_IS_PARAM_SPEC_ENUM(spec)) {
      if (const GEnumValue* e = g_enum_get_value(G_PARAM_SPEC_ENUM(spec)->enum_class, g_value_get_enum(&value)))
        nick = e->value_nick;
    } else if (G_VALUE_HOLDS_STRING(&value)) {
      nick = g_value_get_string(&value);
    }
    for (std::size_t i = 0; nick && i < N; ++i)
      if (g_strcmp0(nick, nicks[i]) == 0)
        v = static_cast<Enum>(i);
    g_value_unset(&value);
  }

 private:
  GParamSpec* find(const char* name) const { return g_object_class_find_property(G_OBJECT_GET_CLASS(object_), name); }
  template <typename Take>
  void get_transformed(const char* name, GType type, Take take)
  {
    GParamSpec* spec = find(name);
    if (!spec)
      return;
    GValue value = G_VALUE_INIT, wanted = G_VALUE_INIT;
    g_value_init(&value, G_PARAM_SPEC_VALUE_TYPE(spec));
    g_object_get_property(object_, name, &value);
    g_value_init(&wanted, type);
    if (g_value_transform(&value, &wanted))
      take(&wanted);
    g_value_unset(&wanted);
    g_value_unset(&value);
  }

  GObject* object_;
  const Babl* space_;
};

// The names a contract lists, in its order (for the tests that hold them against the op).
struct PropertyNames {
  std::vector<std::string> names;
  template <typename T>
  void operator()(const char* name, const T&)
  {
    names.emplace_back(name);
  }
  template <typename T, std::size_t N>
  void operator()(const char* name, const T&, const char* const (&)[N])
  {
    names.emplace_back(name);
  }
};

}  // namespace smp_filters
