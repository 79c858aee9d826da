#include "analysis/photo_annotation.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <sstream>

namespace smp {
namespace {

struct Failure {
  AnnotationError error;
};

class Reader {
 public:
  Reader(GKeyFile* keys, const std::string& file) : keys_(keys), file_(file) {}

  [[noreturn]] void fail(const std::string& group, const std::string& key, const std::string& reason) const
  {
    throw Failure{{file_, group, key, reason}};
  }

  bool has(const std::string& group, const std::string& key) const
  {
    return g_key_file_has_key(keys_, group.c_str(), key.c_str(), nullptr);
  }

  std::string text(const std::string& group, const std::string& key) const
  {
    g_autofree gchar* value = g_key_file_get_string(keys_, group.c_str(), key.c_str(), nullptr);
    if (!value)
      fail(group, key, "missing: this key is required");
    return value;
  }

  std::string text_or(const std::string& group, const std::string& key, const std::string& fallback) const
  {
    return has(group, key) ? text(group, key) : fallback;
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

  std::vector<double> numbers(const std::string& group, const std::string& key) const
  {
    std::vector<double> out;
    std::istringstream in(text(group, key));
    std::string item;
    while (std::getline(in, item, ';')) {
      if (item.find_first_not_of(" \t") == std::string::npos)
        continue;
      char* end = nullptr;
      const double v = g_ascii_strtod(item.c_str(), &end);
      if (end == item.c_str() || std::string(end).find_first_not_of(" \t") != std::string::npos || !std::isfinite(v))
        fail(group, key, "'" + item + "' is not a number");
      out.push_back(v);
    }
    return out;
  }

  double number(const std::string& group, const std::string& key, double lo, double hi) const
  {
    const auto values = numbers(group, key);
    if (values.size() != 1)
      fail(group, key, "expected one number, got " + std::to_string(values.size()));
    if (values[0] < lo || values[0] > hi)
      fail(group, key, "'" + std::to_string(values[0]) + "' is outside " + std::to_string(lo) + " to " + std::to_string(hi));
    return values[0];
  }

  std::vector<Point> points(const std::string& group, const std::string& key, std::size_t at_least,
                            std::size_t at_most) const
  {
    const auto values = numbers(group, key);
    if (values.size() % 2 != 0)
      fail(group, key, "an odd count of numbers (" + std::to_string(values.size()) + "): expected x;y pairs");
    if (values.size() / 2 < at_least || values.size() / 2 > at_most)
      fail(group, key, "expected " + (at_least == at_most ? std::to_string(at_least) : "at least " + std::to_string(at_least)) +
                           " points, got " + std::to_string(values.size() / 2));
    std::vector<Point> out;
    for (std::size_t i = 0; i < values.size(); i += 2)
      out.push_back({values[i], values[i + 1]});
    return out;
  }

  Polygon polygon(const std::string& group, const std::string& key) const { return points(group, key, 3, 1000000); }

  // Every polygon-N of a region group, in the file's order; none when the group is absent.
  std::vector<Polygon> region(const std::string& group) const
  {
    std::vector<Polygon> out;
    for (const std::string& key : keys(group)) {
      if (key.rfind("polygon-", 0) != 0)
        fail(group, key, "unknown key: a region holds polygon-1, polygon-2, ...");
      out.push_back(polygon(group, key));
    }
    return out;
  }

  std::vector<std::string> keys(const std::string& group) const
  {
    std::vector<std::string> out;
    if (!g_key_file_has_group(keys_, group.c_str()))
      return out;
    g_auto(GStrv) names = g_key_file_get_keys(keys_, group.c_str(), nullptr, nullptr);
    for (gchar** k = names; k && *k; ++k)
      out.emplace_back(*k);
    return out;
  }

  std::vector<std::string> groups() const
  {
    std::vector<std::string> out;
    g_auto(GStrv) names = g_key_file_get_groups(keys_, nullptr);
    for (gchar** g = names; g && *g; ++g)
      out.emplace_back(*g);
    return out;
  }

 private:
  GKeyFile* keys_;
  std::string file_;
};

PhotoAnnotation read(const Reader& in, const std::string& file)
{
  PhotoAnnotation a;
  a.source = file;
  a.file = in.text("photo", "file");
  a.width = static_cast<int>(in.number("photo", "width", 1, 100000));
  a.height = static_cast<int>(in.number("photo", "height", 1, 100000));
  a.view = in.choice("photo", "view", {"top", "top-front", "front"});
  a.front = in.choice("photo", "front", {"up", "down", "left", "right"});
  a.preset = in.text("photo", "preset");
  a.px_per_mm = in.number("photo", "px-per-mm", 0.01, 200.0);
  a.hair_colour = in.text_or("photo", "hair-colour", "");
  a.skin_tone = static_cast<int>(in.number("photo", "skin-tone", 1, 6));
  a.notes = in.text_or("photo", "notes", "");
  a.head_outline = in.polygon("head", "outline");
  const auto box = in.numbers("head", "ellipse");
  if (box.size() != 4 || !(box[2] > 0.0) || !(box[3] > 0.0))
    in.fail("head", "ellipse", "expected left;top;width;height with a positive width and height");
  a.head_ellipse = {box[0], box[1], box[2], box[3]};
  a.bare = in.region("bare");
  a.hair = in.region("hair");
  a.background = in.region("background");
  for (const std::string& group : in.groups()) {
    if (group.rfind("seam-", 0) == 0)
      a.seams.push_back({group, in.polygon(group, "hair"), in.polygon(group, "bare")});
    else if (group != "photo" && group != "head" && group != "bare" && group != "hair" && group != "background" &&
             group != "landmarks")
      in.fail(group, "", "unknown group");
  }
  const std::set<std::string> landmark_names{"glabella", "pupil-left", "pupil-right", "brow-left", "brow-right"};
  for (const std::string& key : in.keys("landmarks")) {
    if (!landmark_names.count(key))
      in.fail("landmarks", key, "unknown landmark: glabella, pupil-left, pupil-right, brow-left or brow-right");
    a.landmarks[key] = in.points("landmarks", key, 1, 1)[0];
  }
  return a;
}

}  // namespace

double PhotoAnnotation::front_rad() const
{
  if (front == "up")
    return -std::numbers::pi / 2;
  if (front == "down")
    return std::numbers::pi / 2;
  return front == "left" ? std::numbers::pi : 0.0;
}

std::string AnnotationError::message() const
{
  return file + ": [" + group + "]" + (key.empty() ? "" : " " + key) + ": " + reason;
}

std::variant<PhotoAnnotation, AnnotationError> parse_photo_annotation(const std::string& text, const std::string& file)
{
  g_autoptr(GKeyFile) keys = g_key_file_new();
  g_autoptr(GError) error = nullptr;
  if (!g_key_file_load_from_data(keys, text.data(), text.size(), G_KEY_FILE_NONE, &error))
    return AnnotationError{file, "", "", error->message};
  try {
    return read(Reader(keys, file), file);
  } catch (const Failure& failure) {
    return failure.error;
  }
}

std::variant<PhotoAnnotation, AnnotationError> load_photo_annotation(const std::string& path)
{
  g_autofree gchar* contents = nullptr;
  gsize length = 0;
  g_autoptr(GError) error = nullptr;
  if (!g_file_get_contents(path.c_str(), &contents, &length, &error))
    return AnnotationError{path, "", "", error->message};
  return parse_photo_annotation(std::string(contents, length), path);
}

PhotoAnnotation scaled_to(const PhotoAnnotation& annotation, int width, int height)
{
  PhotoAnnotation out = annotation;
  const double fx = static_cast<double>(width) / annotation.width, fy = static_cast<double>(height) / annotation.height;
  auto scale = [&](Point& p) { p = {p.x * fx, p.y * fy}; };
  auto scale_all = [&](Polygon& polygon) { std::for_each(polygon.begin(), polygon.end(), scale); };
  out.width = width;
  out.height = height;
  out.px_per_mm = annotation.px_per_mm * 0.5 * (fx + fy);
  scale_all(out.head_outline);
  out.head_ellipse = {annotation.head_ellipse.left * fx, annotation.head_ellipse.top * fy,
                      annotation.head_ellipse.width * fx, annotation.head_ellipse.height * fy};
  for (auto* region : {&out.bare, &out.hair, &out.background})
    std::for_each(region->begin(), region->end(), scale_all);
  for (Seam& seam : out.seams) {
    scale_all(seam.hair);
    scale_all(seam.bare);
  }
  for (auto& [name, point] : out.landmarks)
    scale(point);
  return out;
}

std::vector<Region> annotated_regions(const PhotoAnnotation& annotation)
{
  const int w = annotation.width, h = annotation.height;
  std::vector<Region> regions(static_cast<std::size_t>(w) * h, Region::unscored);
  // Lowest precedence first, so bare scalp is painted last and wins.
  const std::pair<const std::vector<Polygon>*, Region> layers[] = {
      {&annotation.background, Region::background}, {&annotation.hair, Region::hair}, {&annotation.bare, Region::bare}};
  for (const auto& [polygons, region] : layers)
    for (const Polygon& polygon : *polygons)
      for (const PixelSpan& span : polygon_spans(polygon, w, h))
        std::fill(regions.begin() + static_cast<std::ptrdiff_t>(span.y) * w + span.x_begin,
                  regions.begin() + static_cast<std::ptrdiff_t>(span.y) * w + span.x_end, region);
  return regions;
}

}  // namespace smp
