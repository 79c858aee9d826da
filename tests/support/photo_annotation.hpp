// One development photo's annotation (tests/photo-annotations/<name>.ini, format in its
// README.md): what a person drew on it by eye, as numbers, read with GLib's key file.
#pragma once

#include <glib.h>

#include <optional>
#include <string>
#include <vector>

#include "geometry/path.hpp"
#include "scalp/scalp_regions.hpp"

namespace smp_test {

using Polygon = std::vector<smp::Point>;

struct PhotoAnnotation {
  std::string name, file, view;  // view: top, top-front, front (or a pair such as top/back)
  int width = 0, height = 0;
  smp::Facing front = smp::Facing::up;
  double px_per_mm = 0.0;
  Polygon outline;  // the whole head with its fringe
  std::vector<Polygon> bare, hair, background;

  bool seen_from_the_front() const { return view.rfind("front", 0) == 0; }
};

inline Polygon polygon_of(const char* text)
{
  Polygon p;
  if (!text)
    return p;
  gchar** parts = g_strsplit(text, ";", -1);
  std::vector<double> v;
  for (gchar** s = parts; *s; ++s)
    v.push_back(g_ascii_strtod(*s, nullptr));
  g_strfreev(parts);
  for (std::size_t i = 0; i + 1 < v.size(); i += 2)
    p.push_back({v[i], v[i + 1]});
  return p;
}

inline std::vector<Polygon> polygons_of(GKeyFile* file, const char* group)
{
  std::vector<Polygon> out;
  gsize n = 0;
  gchar** keys = g_key_file_get_keys(file, group, &n, nullptr);
  for (gsize i = 0; keys && i < n; ++i)
    if (g_str_has_prefix(keys[i], "polygon") || (g_str_equal(group, "head") && g_str_equal(keys[i], "outline"))) {
      gchar* value = g_key_file_get_string(file, group, keys[i], nullptr);
      Polygon p = polygon_of(value);
      g_free(value);
      if (p.size() >= 3)
        out.push_back(std::move(p));
    }
  g_strfreev(keys);
  return out;
}

// Nothing (and `error` says why) when the file can't be read or lacks the photo or its head.
inline std::optional<PhotoAnnotation> read_annotation(const std::string& path, std::string& error)
{
  GKeyFile* file = g_key_file_new();
  GError* failure = nullptr;
  if (!g_key_file_load_from_file(file, path.c_str(), G_KEY_FILE_NONE, &failure)) {
    error = path + ": " + (failure ? failure->message : "unreadable");
    g_clear_error(&failure);
    g_key_file_free(file);
    return std::nullopt;
  }
  PhotoAnnotation a;
  gchar* base = g_path_get_basename(path.c_str());
  a.name = base;
  g_free(base);
  if (a.name.size() > 4)
    a.name.resize(a.name.size() - 4);
  const auto text = [&](const char* group, const char* key) {
    gchar* v = g_key_file_get_string(file, group, key, nullptr);
    std::string s = v ? v : "";
    g_free(v);
    return s;
  };
  a.file = text("photo", "file");
  a.view = text("photo", "view");
  a.width = g_key_file_get_integer(file, "photo", "width", nullptr);
  a.height = g_key_file_get_integer(file, "photo", "height", nullptr);
  a.px_per_mm = g_ascii_strtod(text("photo", "px-per-mm").c_str(), nullptr);
  const std::string front = text("photo", "front");
  a.front = front == "down" ? smp::Facing::down : front == "left" ? smp::Facing::left
          : front == "right" ? smp::Facing::right : smp::Facing::up;
  const auto outline = polygons_of(file, "head");
  if (!outline.empty())
    a.outline = outline.front();
  a.bare = polygons_of(file, "bare");
  a.hair = polygons_of(file, "hair");
  a.background = polygons_of(file, "background");
  g_key_file_free(file);
  if (a.file.empty() || a.width <= 0 || a.height <= 0 || !(a.px_per_mm > 0.0) || a.outline.size() < 3) {
    error = path + ": needs [photo] file, width, height, px-per-mm and a [head] outline";
    return std::nullopt;
  }
  return a;
}

}  // namespace smp_test
