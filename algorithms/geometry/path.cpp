#include "geometry/path.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace smp {
namespace {

class PathReader {
 public:
  PathReader(const std::string& data, std::size_t max_segments) : data_(data), max_segments_(max_segments) {}

  std::optional<Path> read(PathError* error)
  {
    char command = 0;
    skip_separators();
    while (pos_ < data_.size()) {
      if (std::isalpha(static_cast<unsigned char>(data_[pos_]))) {
        if (command == 0 && data_[pos_] != 'M' && data_[pos_] != 'm')
          return fail(error, "path data must start with M (moveto)");
        command = data_[pos_++];
      } else if (command == 0) {
        return fail(error, "path data must start with a command such as M");
      } else if (command == 'M' || command == 'm') {
        command = command == 'M' ? 'L' : 'l';  // numbers after a moveto are linetos
      } else if (command == 'Z' || command == 'z') {
        return fail(error, "numbers after Z: start a new subpath with M");
      }
      if (!apply(command))
        return fail(error, message_);
      if (segment_count_ > max_segments_)
        return fail(error, "more than " + std::to_string(max_segments_) + " segments");
      skip_separators();
    }
    finish_subpath(false);
    if (path_.empty())
      return fail(error, "no segments: the path needs at least M x y and one more point");
    return path_;
  }

 private:
  std::optional<Path> fail(PathError* error, const std::string& message)
  {
    if (error)
      *error = {pos_, message};
    return std::nullopt;
  }

  void skip_separators()
  {
    while (pos_ < data_.size() && (std::isspace(static_cast<unsigned char>(data_[pos_])) || data_[pos_] == ','))
      ++pos_;
  }

  bool number(double& value)
  {
    skip_separators();
    const char* begin = data_.c_str() + pos_;
    char* end = nullptr;
    value = std::strtod(begin, &end);
    if (end == begin || !std::isfinite(value) || *begin == 'n' || *begin == 'N' || *begin == 'i' || *begin == 'I') {
      message_ = "a finite number was expected";
      return false;
    }
    pos_ += static_cast<std::size_t>(end - begin);
    return true;
  }

  bool point(Point& p, bool relative)
  {
    if (!number(p.x) || !number(p.y))
      return false;
    if (relative) {
      p.x += current_.x;
      p.y += current_.y;
    }
    return within_limits(p);
  }

  bool within_limits(const Point& p)
  {
    if (std::abs(p.x) <= PathLimits::max_coordinate_px && std::abs(p.y) <= PathLimits::max_coordinate_px)
      return true;
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "the point (%.6g, %.6g) is more than %.0f px from the origin", p.x, p.y,
                  PathLimits::max_coordinate_px);
    message_ = buffer;
    return false;
  }

  void add(const Point& c1, const Point& c2, const Point& end)
  {
    if (!open_)
      start_subpath(current_);
    subpath_.segments.push_back({current_, c1, c2, end});
    ++segment_count_;
    current_ = end;
  }

  void line_to(const Point& end)
  {
    add({current_.x + (end.x - current_.x) / 3, current_.y + (end.y - current_.y) / 3},
        {current_.x + 2 * (end.x - current_.x) / 3, current_.y + 2 * (end.y - current_.y) / 3}, end);
  }

  void start_subpath(const Point& at)
  {
    finish_subpath(false);
    subpath_ = {};
    subpath_start_ = at;
    current_ = at;
    open_ = true;
  }

  void finish_subpath(bool closed)
  {
    if (open_ && !subpath_.segments.empty()) {
      subpath_.closed = closed;
      path_.subpaths.push_back(subpath_);
    }
    open_ = false;
    subpath_ = {};
  }

  // One command's arguments (one repetition of them).
  bool apply(char command)
  {
    const bool relative = std::islower(static_cast<unsigned char>(command));
    Point a, b, c;
    switch (std::toupper(static_cast<unsigned char>(command))) {
      case 'M':
        if (!point(a, relative))
          return false;
        start_subpath(a);
        last_control_ = a;
        return true;
      case 'L':
        if (!point(a, relative))
          return false;
        line_to(a);
        last_control_ = current_;
        return true;
      case 'H':
        if (!number(a.x) || !within_limits({relative ? current_.x + a.x : a.x, current_.y}))
          return false;
        line_to({relative ? current_.x + a.x : a.x, current_.y});
        last_control_ = current_;
        return true;
      case 'V':
        if (!number(a.y) || !within_limits({current_.x, relative ? current_.y + a.y : a.y}))
          return false;
        line_to({current_.x, relative ? current_.y + a.y : a.y});
        last_control_ = current_;
        return true;
      case 'C':
        if (!point(a, relative) || !point(b, relative) || !point(c, relative))
          return false;
        add(a, b, c);
        last_control_ = b;
        return true;
      case 'S':
        if (!point(b, relative) || !point(c, relative))
          return false;
        add({2 * current_.x - last_control_.x, 2 * current_.y - last_control_.y}, b, c);
        last_control_ = b;
        return true;
      case 'Q':
      case 'T': {
        Point q = {2 * current_.x - last_quadratic_.x, 2 * current_.y - last_quadratic_.y};
        if (std::toupper(static_cast<unsigned char>(command)) == 'Q' && !point(q, relative))
          return false;
        if (!point(c, relative))
          return false;
        add({current_.x + 2.0 / 3 * (q.x - current_.x), current_.y + 2.0 / 3 * (q.y - current_.y)},
            {c.x + 2.0 / 3 * (q.x - c.x), c.y + 2.0 / 3 * (q.y - c.y)}, c);
        last_quadratic_ = q;
        last_control_ = current_;
        return true;
      }
      case 'Z':
        if (open_ && (current_.x != subpath_start_.x || current_.y != subpath_start_.y))
          line_to(subpath_start_);
        finish_subpath(true);
        current_ = subpath_start_;
        last_control_ = current_;
        return true;
      case 'A':
        message_ = "arcs (A) are not supported: convert them to curves first";
        return false;
      default:
        message_ = std::string("unknown command '") + command + "'";
        return false;
    }
  }

  const std::string& data_;
  std::size_t max_segments_;
  std::size_t pos_ = 0, segment_count_ = 0;
  Path path_;
  Subpath subpath_;
  bool open_ = false;
  Point current_, subpath_start_, last_control_, last_quadratic_;
  std::string message_;
};

double distance(const Point& a, const Point& b)
{
  return std::hypot(a.x - b.x, a.y - b.y);
}

}  // namespace

std::optional<Path> parse_svg_path(const std::string& data, PathError* error, std::size_t max_segments)
{
  return PathReader(data, max_segments).read(error);
}

std::string to_svg_path(const Path& path)
{
  std::string out;
  char buffer[160];
  for (const Subpath& subpath : path.subpaths) {
    if (subpath.segments.empty())
      continue;
    const Point& s = subpath.segments.front().start;
    std::snprintf(buffer, sizeof buffer, "%sM %.3f %.3f", out.empty() ? "" : " ", s.x, s.y);
    out += buffer;
    for (const CubicSegment& c : subpath.segments) {
      std::snprintf(buffer, sizeof buffer, " C %.3f %.3f %.3f %.3f %.3f %.3f", c.control1.x, c.control1.y,
                    c.control2.x, c.control2.y, c.end.x, c.end.y);
      out += buffer;
    }
    if (subpath.closed)
      out += " Z";
  }
  return out;
}

Point point_on(const CubicSegment& c, double t)
{
  const double u = 1.0 - t;
  const double a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;
  return {a * c.start.x + b * c.control1.x + d * c.control2.x + e * c.end.x,
          a * c.start.y + b * c.control1.y + d * c.control2.y + e * c.end.y};
}

std::vector<std::vector<Point>> flatten(const Path& path, double tolerance, std::size_t max_points)
{
  tolerance = std::isfinite(tolerance) ? std::max(tolerance, 1e-3) : 0.25;
  std::vector<std::vector<Point>> lines;
  std::size_t points = 0;
  for (const Subpath& subpath : path.subpaths) {
    std::vector<Point> line;
    for (const CubicSegment& c : subpath.segments) {
      // The control polygon bounds the curve; its length sets how many chords keep within tolerance.
      const double hull = distance(c.start, c.control1) + distance(c.control1, c.control2) + distance(c.control2, c.end);
      const double budget = static_cast<double>(max_points > points ? max_points - points : 1);
      const double wanted = std::ceil(std::sqrt(hull / tolerance)) + 1.0;
      const auto steps = static_cast<std::size_t>(std::isfinite(wanted) ? std::clamp(wanted, 1.0, budget) : 1.0);
      if (line.empty())
        line.push_back(c.start);
      for (std::size_t i = 1; i <= steps; ++i)
        line.push_back(point_on(c, static_cast<double>(i) / static_cast<double>(steps)));
      points += steps;
    }
    if (line.size() >= 2)
      lines.push_back(std::move(line));
  }
  return lines;
}

Path scaled(const Path& path, double factor)
{
  Path result = path;
  auto scale = [factor](Point& p) {
    p.x *= factor;
    p.y *= factor;
  };
  for (Subpath& subpath : result.subpaths)
    for (CubicSegment& s : subpath.segments) {
      scale(s.start);
      scale(s.control1);
      scale(s.control2);
      scale(s.end);
    }
  return result;
}

}  // namespace smp
