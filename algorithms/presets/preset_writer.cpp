#include "presets/preset_writer.hpp"

#include <glib.h>

#include <cctype>

namespace smp {
namespace {

// Six significant digits: the file stays readable, and every figure a person typed comes back.
std::string number(double v)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  return g_ascii_formatd(buffer, sizeof buffer, "%.6g", v);
}

std::string pair(double a, double b)
{
  return number(a) + ";" + number(b);
}

}  // namespace

std::string preset_to_text(const Preset& p)
{
  GKeyFile* keys = g_key_file_new();
  g_key_file_set_string(keys, "preset", "format", "1");
  g_key_file_set_string(keys, "preset", "name", p.name.c_str());
  g_key_file_set_string(keys, "preset", "category", p.category.c_str());
  g_key_file_set_string(keys, "preset", "view", view_name(p.view));
  if (!p.notes.empty())
    g_key_file_set_string(keys, "preset", "notes", p.notes.c_str());
  for (const Zone& z : p.zones) {
    const std::string group = "zone:" + z.name;
    auto set = [&](const char* key, const std::string& value) {
      g_key_file_set_string(keys, group.c_str(), key, value.c_str());
    };
    switch (z.shape) {
      case ZoneShape::ellipse:
        set("shape", "ellipse");
        set("centre", pair(z.centre.x, z.centre.y));
        set("radii", pair(z.radius_x, z.radius_y));
        break;
      case ZoneShape::polygon: {
        set("shape", "polygon");
        std::string points;
        for (const Point& q : z.points)
          points += (points.empty() ? "" : ";") + pair(q.x, q.y);
        set("points", points);
        break;
      }
      case ZoneShape::band:
        set("shape", "band");
        set("from-to", pair(z.from_y, z.to_y));
        break;
      case ZoneShape::ring:
        set("shape", "ring");
        set("radii", pair(z.inner, z.outer));
        set("angles", pair(z.from_deg, z.to_deg));
        break;
    }
    set("density", number(z.share));
    set("edge-mm", number(z.edge_mm));
  }
  if (p.hairline.present) {
    g_key_file_set_string(keys, "hairline", "style", hairline_style_name(p.hairline.style));
    g_key_file_set_string(keys, "hairline", "mfp-height-mm", number(p.hairline.mfp_height_mm).c_str());
    g_key_file_set_string(keys, "hairline", "recession-mm", number(p.hairline.recession_mm).c_str());
  }
  g_key_file_set_string(keys, "stipple", "density", number(p.stipple.density_per_cm2).c_str());
  g_key_file_set_string(keys, "stipple", "dot-diameter", number(p.stipple.dot_diameter_mm).c_str());
  g_key_file_set_string(keys, "stipple", "strength", number(p.stipple.strength).c_str());
  g_key_file_set_string(keys, "stipple", "sessions", std::to_string(p.stipple.sessions).c_str());
  gchar* text = g_key_file_to_data(keys, nullptr, nullptr);
  std::string out = text;
  g_free(text);
  g_key_file_free(keys);
  return out;
}

std::string preset_file_stem(const std::string& name)
{
  std::string stem;
  for (const unsigned char c : name) {
    if (std::isalnum(c))
      stem += static_cast<char>(std::tolower(c));
    else if (!stem.empty() && stem.back() != '-')
      stem += '-';
  }
  while (!stem.empty() && stem.back() == '-')
    stem.pop_back();
  return stem.empty() ? "preset" : stem;
}

}  // namespace smp
