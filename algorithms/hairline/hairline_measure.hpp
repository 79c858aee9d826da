// What a technician measures on a front hairline before drawing it on the client: where the
// curve crosses the midline (the mid-frontal point) and its temple points, in millimetres in
// the face frame of the landmarks (x towards the image-right eye, y up the face from the
// glabella).
#pragma once

#include <vector>

#include "geometry/path.hpp"
#include "hairline/hairline_design.hpp"

namespace smp {

struct FrontHairlineMeasures {
  bool crosses_midline = false;
  Point mid_frontal_mm;  // on the midline: its y is the MFP height above the glabella
  // The path's anchors in the order front_hairline draws them: temporal peak, frontotemporal
  // point, ..., frontotemporal point, temporal peak; present when the path has 5 anchors or more.
  bool has_temple_points = false;
  Point frontotemporal_left_mm, frontotemporal_right_mm;
  Point temporal_peak_left_mm, temporal_peak_right_mm;
};

// `hairline` in image pixels, as drawn or edited in GIMP (its first subpath).
FrontHairlineMeasures measure_front_hairline(const FrontLandmarks& landmarks, const Path& hairline, double px_per_mm);

// Polylines of `path` (image pixels) in face millimetres.
std::vector<std::vector<Point>> face_polylines_mm(const FrontLandmarks& landmarks, const Path& path, double px_per_mm);

// The two edges of the transition zone: each polyline moved `half_width` to either side along
// its normals (first the left side of the drawing direction, then the right).
std::vector<std::vector<Point>> offset_edges(const std::vector<std::vector<Point>>& lines, double half_width);

}  // namespace smp
