#include "presets/preset.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace smp {
namespace {

constexpr int supported_format = 1;
const std::set<std::string> categories{"norwood", "ludwig", "savin", "alopecia", "scar", "filler", "other"};

// Where each "key=" and "[group]" is in the text, for messages GLib does not place, and the
// first key or group written twice (GLib would keep the last one without a word).
class LineIndex {
 public:
  struct Repeat {
    std::string group, key;  // key empty: the group itself
    int line = 0;
  };

  explicit LineIndex(const std::string& text)
  {
    std::istringstream in(text);
    std::string line, group;
    for (int number = 1; std::getline(in, line); ++number) {
      const auto start = line.find_first_not_of(spaces);
      if (start == std::string::npos || line[start] == '#')
        continue;
      if (line[start] == '[') {
        group = line.substr(start + 1, line.find(']') - start - 1);
        note(group, "", number);
      } else if (const auto eq = line.find('='); eq != std::string::npos) {
        std::string key = line.substr(start, eq - start);
        key.erase(key.find_last_not_of(spaces) + 1);
        note(group, key, number);
      }
    }
  }
  int of(const std::string& group, const std::string& key = "") const
  {
    const auto it = lines_.find({group, key});
    return it == lines_.end() ? 0 : it->second;
  }
  const Repeat& first_repeat() const { return repeat_; }

 private:
  // What GLib trims (g_ascii_isspace): not the vertical tab, which a key then keeps.
  static constexpr const char* spaces = " \t\n\f\r";

  void note(const std::string& group, const std::string& key, int number)
  {
    auto [it, fresh] = lines_.emplace(std::pair{group, key}, number);
    if (!fresh && repeat_.line == 0)
      repeat_ = {group, key, number};
    it->second = number;
  }

  std::map<std::pair<std::string, std::string>, int> lines_;
  Repeat repeat_;
};

// A number as people write one: optional sign, decimal digits, a point, an exponent. strtod also
// takes hex floats, "inf" and "nan", which a preset has no use for.
bool decimal_number(const std::string& item)
{
  std::size_t i = item.find_first_not_of(" \t");
  const std::size_t end = item.find_last_not_of(" \t") + 1;
  if (i == std::string::npos)
    return false;
  const auto digit = [&](std::size_t k) { return k < end && item[k] >= '0' && item[k] <= '9'; };
  if (item[i] == '+' || item[i] == '-')
    ++i;
  bool digits = false;
  while (digit(i))
    digits = true, ++i;
  if (i < end && item[i] == '.') {
    ++i;
    while (digit(i))
      digits = true, ++i;
  }
  if (!digits)
    return false;
  if (i < end && (item[i] == 'e' || item[i] == 'E')) {
    ++i;
    if (i < end && (item[i] == '+' || item[i] == '-'))
      ++i;
    if (!digit(i))
      return false;
    while (digit(i))
      ++i;
  }
  return i == end;
}

// Whether two edges cross or touch (neighbouring edges, which share a corner, are not asked).
bool segments_cross(const Point& a, const Point& b, const Point& c, const Point& d)
{
  const auto side = [](const Point& p, const Point& q, const Point& r) {
    return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  };
  const double d1 = side(c, d, a), d2 = side(c, d, b), d3 = side(a, b, c), d4 = side(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return true;
  const auto on = [](const Point& p, const Point& q, const Point& r) {  // r on segment pq, collinear
    return std::min(p.x, q.x) <= r.x && r.x <= std::max(p.x, q.x) && std::min(p.y, q.y) <= r.y && r.y <= std::max(p.y, q.y);
  };
  return (d1 == 0 && on(c, d, a)) || (d2 == 0 && on(c, d, b)) || (d3 == 0 && on(a, b, c)) || (d4 == 0 && on(a, b, d));
}

struct Failure {
  PresetError error;
};

class Reader {
 public:
  Reader(GKeyFile* keys, const std::string& text, const std::string& file) : keys_(keys), lines_(text), file_(file) {}

  [[noreturn]] void fail(const std::string& group, const std::string& key, const std::string& reason) const
  {
    throw Failure{{file_, group, key, lines_.of(group, key), reason}};
  }

  // A key or group written twice: GLib keeps the last one, the writer may have meant either.
  void no_repeats() const
  {
    const LineIndex::Repeat& r = lines_.first_repeat();
    if (r.line == 0)
      return;
    throw Failure{{file_, r.group, r.key, r.line,
                   r.key.empty() ? "the group [" + r.group + "] again: write each group once"
                                 : "the key again in this group: write each key once"}};
  }

  bool has(const std::string& group, const std::string& key) const
  {
    return g_key_file_has_key(keys_, group.c_str(), key.c_str(), nullptr);
  }

  std::string text(const std::string& group, const std::string& key) const
  {
    gchar* value = g_key_file_get_string(keys_, group.c_str(), key.c_str(), nullptr);
    if (!value)
      fail(group, key, "missing: this key is required");
    std::string s = value;
    g_free(value);
    return s;
  }

  std::string choice(const std::string& group, const std::string& key, const std::set<std::string>& allowed) const
  {
    const std::string value = text(group, key);
    if (!allowed.count(value)) {
      std::string list;
      for (const auto& a : allowed)
        list += (list.empty() ? "" : ", ") + a;
      fail(group, key, "'" + value + "' is not one of: " + list);
    }
    return value;
  }

  std::vector<double> numbers(const std::string& group, const std::string& key, std::size_t at_least,
                              std::size_t at_most, double lo, double hi) const
  {
    const std::string value = text(group, key);
    std::vector<double> out;
    std::istringstream in(value);
    std::string item;
    while (std::getline(in, item, ';')) {
      if (item.find_first_not_of(" \t") == std::string::npos)
        continue;
      char* end = nullptr;
      const double v = g_ascii_strtod(item.c_str(), &end);
      if (!decimal_number(item) || end == item.c_str() || std::string(end).find_first_not_of(" \t") != std::string::npos ||
          !std::isfinite(v))
        fail(group, key, "'" + item + "' is not a number (write it with decimal digits, such as 0.25 or 1e-3)");
      if (v < lo || v > hi)
        fail(group, key, "'" + item + "' is outside " + range(lo, hi));
      out.push_back(v);
    }
    if (out.size() < at_least || out.size() > at_most)
      fail(group, key, "expected " + (at_least == at_most ? std::to_string(at_least) : std::to_string(at_least) + " to " + std::to_string(at_most)) +
                           " numbers separated by ';', got " + std::to_string(out.size()));
    return out;
  }

  double number(const std::string& group, const std::string& key, double lo, double hi, double fallback) const
  {
    return has(group, key) ? numbers(group, key, 1, 1, lo, hi)[0] : fallback;
  }

  int whole_number(const std::string& group, const std::string& key, int lo, int hi, int fallback) const
  {
    const double v = number(group, key, lo, hi, fallback);
    if (v != std::floor(v))
      fail(group, key, "'" + text(group, key) + "' is not a whole number");
    return static_cast<int>(v);
  }

  std::string name(const std::string& group, const std::string& key, long max_chars) const
  {
    const std::string value = text(group, key);
    if (g_utf8_strlen(value.c_str(), static_cast<gssize>(value.size())) > max_chars)
      fail(group, key, "longer than " + std::to_string(max_chars) + " characters");
    return value;
  }

  void only_keys(const std::string& group, const std::set<std::string>& allowed) const
  {
    gsize n = 0;
    gchar** keys = g_key_file_get_keys(keys_, group.c_str(), &n, nullptr);
    std::string unknown;
    for (gsize i = 0; i < n && unknown.empty(); ++i)
      if (!allowed.count(keys[i]))
        unknown = keys[i];
    g_strfreev(keys);
    if (!unknown.empty())
      fail(group, unknown, "unknown key (check the spelling against presets/README.md)");
  }

 private:
  static std::string range(double lo, double hi)
  {
    std::ostringstream s;
    s << lo << ".." << hi;
    return s.str();
  }

  GKeyFile* keys_;
  LineIndex lines_;
  std::string file_;
};

// The units of a zone's numbers: the normalised head seen from above, or millimetres of the
// face frame in a front view.
struct ZoneUnits {
  double coordinate, radius_min, radius_max, band_min, band_max;
};
constexpr ZoneUnits top_units{1.5, 0.01, 2.0, -1.0, 1.0};
constexpr ZoneUnits front_units{FrontViewLimits::coordinate_mm, 1.0, FrontViewLimits::radius_mm, -FrontViewLimits::coordinate_mm,
                                FrontViewLimits::coordinate_mm};

// A polygon zone must enclose an area: no corners all on a line, no edges that cross.
void check_polygon(const Reader& r, const std::string& group, const std::vector<Point>& corners, double extent)
{
  const std::size_t n = corners.size();
  double twice_area = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const Point& a = corners[i];
    const Point& b = corners[(i + 1) % n];
    twice_area += a.x * b.y - b.x * a.y;
  }
  if (std::abs(twice_area) < 1e-6 * extent * extent)
    r.fail(group, "points", "the corners enclose no area (all on one line, or repeated)");
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (j == i + 1 || (i == 0 && j == n - 1))
        continue;  // neighbours share a corner
      if (segments_cross(corners[i], corners[(i + 1) % n], corners[j], corners[(j + 1) % n]))
        r.fail(group, "points", "edges " + std::to_string(i + 1) + " and " + std::to_string(j + 1) +
                                    " cross: list the corners in order round the outline");
    }
}

Zone read_zone(const Reader& r, const std::string& group, bool front_view)
{
  Zone z;
  z.name = group.substr(5);
  if (g_utf8_strlen(z.name.c_str(), static_cast<gssize>(z.name.size())) > PresetLimits::max_name_chars)
    r.fail(group, "", "the zone's name is longer than " + std::to_string(PresetLimits::max_name_chars) + " characters");
  const std::string shape = r.choice(group, "shape", {"ellipse", "polygon", "band", "ring"});
  const ZoneUnits u = front_view ? front_units : top_units;
  std::set<std::string> keys{"shape", "density", "edge-mm"};
  if (shape == "ellipse") {
    z.shape = ZoneShape::ellipse;
    const auto c = r.numbers(group, "centre", 2, 2, -u.coordinate, u.coordinate),
               radii = r.numbers(group, "radii", 2, 2, u.radius_min, u.radius_max);
    z.centre = {c[0], c[1]};
    z.radius_x = radii[0];
    z.radius_y = radii[1];
    keys.insert({"centre", "radii"});
  } else if (shape == "polygon") {
    z.shape = ZoneShape::polygon;
    const auto p = r.numbers(group, "points", 6, 400, -u.coordinate, u.coordinate);
    if (p.size() % 2)
      r.fail(group, "points", "an odd count of numbers: give x;y pairs");
    for (std::size_t i = 0; i < p.size(); i += 2)
      z.points.push_back({p[i], p[i + 1]});
    check_polygon(r, group, z.points, u.coordinate);
    keys.insert("points");
  } else if (shape == "band") {
    z.shape = ZoneShape::band;
    const auto y = r.numbers(group, "from-to", 2, 2, u.band_min, u.band_max);
    if (y[0] >= y[1])
      r.fail(group, "from-to", front_view ? "the band must run from low to high (first height smaller)"
                                          : "the band must run from front to back (first number smaller)");
    z.from_y = y[0];
    z.to_y = y[1];
    keys.insert("from-to");
  } else {
    if (front_view)
      r.fail(group, "shape", "a ring is a top-view shape: in a front view use an ellipse, a polygon or a band");
    z.shape = ZoneShape::ring;
    const auto radii = r.numbers(group, "radii", 2, 2, 0.0, 1.2);
    if (radii[0] >= radii[1])
      r.fail(group, "radii", "the inner radius must be smaller than the outer one");
    z.inner = radii[0];
    z.outer = radii[1];
    if (r.has(group, "angles")) {
      const auto a = r.numbers(group, "angles", 2, 2, -360.0, 720.0);
      if (a[0] >= a[1] || a[1] - a[0] > 360.0)
        r.fail(group, "angles", "give a start and a larger end, at most 360 degrees apart");
      z.from_deg = a[0];
      z.to_deg = a[1];
    }
    keys.insert({"radii", "angles"});
  }
  z.share = r.number(group, "density", 0.0, 1.0, 1.0);
  z.edge_mm = r.number(group, "edge-mm", 0.0, 60.0, 8.0);
  r.only_keys(group, keys);
  return z;
}

Preset read_preset(GKeyFile* keys, const std::string& text, const std::string& file)
{
  const Reader r(keys, text, file);
  r.no_repeats();
  Preset p;
  p.file = file;
  if (!g_key_file_has_group(keys, "preset"))
    r.fail("preset", "", "missing: every preset starts with a [preset] group");
  const auto format = r.numbers("preset", "format", 1, 1, 0, 1e6)[0];
  if (format != supported_format)
    r.fail("preset", "format", "format " + std::to_string(static_cast<long>(format)) + " is not known to this version (it reads format=1)");
  p.name = r.name("preset", "name", PresetLimits::max_name_chars);
  if (p.name.empty())
    r.fail("preset", "name", "empty: give the preset a name");
  p.category = r.choice("preset", "category", categories);
  p.view = r.choice("preset", "view", {"top", "front"}) == "front" ? View::front : View::top;
  if (r.has("preset", "notes"))
    p.notes = r.name("preset", "notes", PresetLimits::max_notes_chars);
  r.only_keys("preset", {"format", "name", "category", "view", "notes"});

  gsize n = 0;
  gchar** groups = g_key_file_get_groups(keys, &n);
  std::vector<std::string> names(groups, groups + n);
  g_strfreev(groups);
  for (const std::string& group : names) {
    if (group == "preset")
      continue;
    if (group.rfind("zone:", 0) == 0 && group.size() > 5) {
      if (p.zones.size() == PresetLimits::max_zones)
        r.fail(group, "", "more than " + std::to_string(PresetLimits::max_zones) + " zones");
      p.zones.push_back(read_zone(r, group, p.view == View::front));
    } else if (group == "hairline") {
      p.hairline.present = true;
      if (!parse_hairline_style(r.text(group, "style"), p.hairline.style))
        r.fail(group, "style", "'" + r.text(group, "style") + "' is not one of: juvenile, mature, rounded, receded, widows-peak, defined");
      p.hairline.mfp_height_mm = r.number(group, "mfp-height-mm", HairlineDesignLimits::mfp_min, HairlineDesignLimits::mfp_max, 80.0);
      p.hairline.recession_mm = r.number(group, "recession-mm", 0.0, HairlineDesignLimits::recession_max, 15.0);
      r.only_keys(group, {"style", "mfp-height-mm", "recession-mm"});
    } else if (group == "stipple") {
      using L = StippleLimits;
      p.stipple.density_per_cm2 = r.number(group, "density", 0.0, L::density_max, p.stipple.density_per_cm2);
      p.stipple.dot_diameter_mm =
          r.number(group, "dot-diameter", L::dot_diameter_min, L::dot_diameter_max, p.stipple.dot_diameter_mm);
      p.stipple.strength = r.number(group, "strength", 0.0, 1.0, p.stipple.strength);
      p.stipple.sessions = r.whole_number(group, "sessions", 1, L::sessions_max, p.stipple.sessions);
      p.stipple.completed_sessions = p.stipple.sessions;
      r.only_keys(group, {"density", "dot-diameter", "strength", "sessions"});
    } else {
      r.fail(group, "", "unknown group: use [preset], [zone:NAME], [hairline] or [stipple]");
    }
  }
  if (p.zones.empty())
    r.fail("preset", "", "no [zone:NAME] group: a preset needs at least one zone");
  return p;
}

}  // namespace

std::string PresetError::message() const
{
  std::string m = file;
  if (line > 0)
    m += ":" + std::to_string(line);
  m += ": ";
  if (!group.empty())
    m += "[" + group + "] ";
  if (!key.empty())
    m += key + ": ";
  return m + reason;
}

std::variant<Preset, PresetError> parse_preset(const std::string& text, const std::string& file)
{
  if (text.size() > PresetLimits::max_file_bytes)
    return PresetError{file, "", "", 0, "larger than " + std::to_string(PresetLimits::max_file_bytes / 1024) + " KB: not a preset"};
  GKeyFile* keys = g_key_file_new();
  GError* error = nullptr;
  std::variant<Preset, PresetError> result;
  if (!g_key_file_load_from_data(keys, text.data(), text.size(), G_KEY_FILE_NONE, &error)) {
    result = PresetError{file, "", "", 0, std::string("not a key file: ") + error->message};
    g_error_free(error);
  } else {
    try {
      result = read_preset(keys, text, file);
    } catch (const Failure& f) {
      result = f.error;
    }
  }
  g_key_file_free(keys);
  return result;
}

std::variant<Preset, PresetError> load_preset_file(const std::string& path)
{
  gchar* contents = nullptr;
  gsize length = 0;
  GError* error = nullptr;
  if (!g_file_get_contents(path.c_str(), &contents, &length, &error)) {
    PresetError e{path, "", "", 0, std::string("cannot read: ") + error->message};
    g_error_free(error);
    return e;
  }
  std::string text(contents, length);
  g_free(contents);
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr))
    return PresetError{path, "", "", 0, "not UTF-8 text"};
  return parse_preset(text, path);
}

PresetLibrary load_preset_folders(const std::vector<std::string>& folders)
{
  std::map<std::string, Preset> by_name;
  PresetLibrary library;
  for (const std::string& folder : folders) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
      continue;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
      if (entry.path().extension() == ".preset")
        files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      auto loaded = load_preset_file(file);
      if (auto* preset = std::get_if<Preset>(&loaded))
        by_name[preset->name] = *preset;
      else
        library.errors.push_back(std::get<PresetError>(loaded));
    }
  }
  for (auto& [name, preset] : by_name)
    library.presets.push_back(preset);
  std::sort(library.presets.begin(), library.presets.end(),
            [](const Preset& a, const Preset& b) { return std::tie(a.category, a.name) < std::tie(b.category, b.name); });
  return library;
}

}  // namespace smp
