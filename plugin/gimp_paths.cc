#include "gimp_paths.hpp"

#include <algorithm>
#include <numbers>

#include "procedures.hpp"

namespace smp_plugin {

std::vector<smp::Point> anchors_of(GimpPath* path)
{
  std::vector<smp::Point> anchors;
  gsize n_strokes = 0;
  gint* strokes = gimp_path_get_strokes(path, &n_strokes);
  if (n_strokes > 0) {
    gsize n = 0;
    gdouble* points = nullptr;
    gboolean closed = FALSE;
    gimp_path_stroke_get_points(path, strokes[0], &n, &points, &closed);
    // Bezier strokes list (handle in, anchor, handle out) per anchor, x and y each.
    for (gsize i = 2; i + 1 < n; i += 6)
      anchors.push_back({points[i], points[i + 1]});
    g_free(points);
  }
  g_free(strokes);
  return anchors;
}

smp::Path path_of(GimpPath* path)
{
  smp::Path result;
  gsize n_strokes = 0;
  gint* strokes = gimp_path_get_strokes(path, &n_strokes);
  for (gsize k = 0; k < n_strokes; ++k) {
    gsize n = 0;
    gdouble* points = nullptr;
    gboolean closed = FALSE;
    gimp_path_stroke_get_points(path, strokes[k], &n, &points, &closed);
    // Per anchor: handle in, anchor, handle out.
    std::vector<smp::Point> in, anchor, out;
    for (gsize i = 0; i + 5 < n; i += 6) {
      in.push_back({points[i], points[i + 1]});
      anchor.push_back({points[i + 2], points[i + 3]});
      out.push_back({points[i + 4], points[i + 5]});
    }
    g_free(points);
    smp::Subpath subpath;
    subpath.closed = closed;
    const std::size_t count = anchor.size();
    for (std::size_t i = 0; i + 1 < count + (closed && count > 1 ? 1 : 0); ++i) {
      const std::size_t j = (i + 1) % count;
      subpath.segments.push_back({anchor[i], out[i], in[j], anchor[j]});
    }
    if (!subpath.segments.empty())
      result.subpaths.push_back(subpath);
  }
  g_free(strokes);
  return result;
}

GimpPath* insert_path(GimpImage* image, const smp::Path& path, const char* name)
{
  GimpPath* gimp_path = gimp_path_new(image, name);
  gimp_image_insert_path(image, gimp_path, nullptr, 0);
  for (const smp::Subpath& subpath : path.subpaths) {
    const auto& s = subpath.segments;
    if (s.empty())
      continue;
    std::vector<double> points;
    auto triplet = [&](const smp::Point& in, const smp::Point& anchor, const smp::Point& out) {
      points.insert(points.end(), {in.x, in.y, anchor.x, anchor.y, out.x, out.y});
    };
    triplet(subpath.closed ? s.back().control2 : s.front().start, s.front().start, s.front().control1);
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
      triplet(s[i].control2, s[i].end, s[i + 1].control1);
    if (!subpath.closed)
      triplet(s.back().control2, s.back().end, s.back().end);
    gimp_path_stroke_new_from_points(gimp_path, GIMP_PATH_STROKE_TYPE_BEZIER, points.size(), points.data(),
                                     subpath.closed);
  }
  return gimp_path;
}

GimpPath* path_argument(GimpProcedureConfig* config, const char* name, GimpImage* image, std::string& problem)
{
  GimpPath* path = nullptr;
  g_object_get(config, name, &path, nullptr);
  if (path) {
    g_object_unref(path);  // the image keeps it
    return path;
  }
  GimpPath** selected = gimp_image_get_selected_paths(image);
  int count = 0;
  while (selected && selected[count])
    ++count;
  if (count == 1)
    path = selected[0];
  g_free(selected);
  if (!path)
    problem = count == 0 ? formatted(_("there is no path: draw one with the Paths tool (or pass it as \"%s\")"), name)
                         : std::string(_("several paths are selected: select only the one to use"));
  return path;
}

}  // namespace smp_plugin
