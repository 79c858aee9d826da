// Paths as GIMP and SVG know them: subpaths of cubic Bezier segments, open or closed, in
// pixels. SVG path data ("d") in and out, and flattening to polylines for distance maps.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace smp {

struct Point {
  double x = 0.0, y = 0.0;
  friend bool operator==(const Point&, const Point&) = default;
};

struct CubicSegment {
  Point start, control1, control2, end;
  friend bool operator==(const CubicSegment&, const CubicSegment&) = default;
};

struct Subpath {
  std::vector<CubicSegment> segments;
  bool closed = false;
  friend bool operator==(const Subpath&, const Subpath&) = default;
};

struct Path {
  std::vector<Subpath> subpaths;
  bool empty() const { return subpaths.empty(); }
  friend bool operator==(const Path&, const Path&) = default;
};

// What any path data may hold, so that no paste can allocate or compute without bound. GIMP's
// largest image is 524288 px across; a hairline needs a dozen segments.
struct PathLimits {
  static constexpr double max_coordinate_px = 1e6;
  static constexpr std::size_t max_segments = 20000;
  static constexpr std::size_t max_flattened_points = 50000;  // all subpaths together
};

// Why path data was refused: the offending character's position and what was expected.
struct PathError {
  std::size_t position = 0;
  std::string message;
};

// Parses SVG path data (M, L, H, V, C, S, Q, T, Z, upper and lower case; arcs A are refused).
// Lines and quadratics become cubic segments. At most `max_segments` segments are read, and
// every point (relative ones once added up) lies within PathLimits::max_coordinate_px of the
// origin, so that no input can allocate or compute without bound.
std::optional<Path> parse_svg_path(const std::string& data, PathError* error = nullptr,
                                   std::size_t max_segments = PathLimits::max_segments);

// SVG path data with absolute M, C and Z commands; numbers with 3 decimals.
std::string to_svg_path(const Path& path);

// Polylines within `tolerance` pixels of the curves (each subpath one polyline; a closed
// one ends where it starts). At most `max_points` points in all besides each subpath's first, one
// more per segment past that.
std::vector<std::vector<Point>> flatten(const Path& path, double tolerance, std::size_t max_points = 1000000);

Point point_on(const CubicSegment& segment, double t);

// Every point of the path scaled about the origin (an image path onto the image scaled by `factor`).
Path scaled(const Path& path, double factor);

}  // namespace smp
