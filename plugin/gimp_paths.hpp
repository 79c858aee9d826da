// GIMP paths to and from the algorithms' Bezier paths.
#pragma once

#include <libgimp/gimp.h>

#include <string>
#include <vector>

#include "geometry/path.hpp"

namespace smp_plugin {

// The anchors of the path's first stroke, in image pixels (empty when it has no stroke).
std::vector<smp::Point> anchors_of(GimpPath* path);

// Every stroke of the path as the algorithms' Bezier path, in image pixels.
smp::Path path_of(GimpPath* path);

// A new path named `name` holding `path`'s subpaths as Bezier strokes, inserted in `image`.
GimpPath* insert_path(GimpImage* image, const smp::Path& path, const char* name);

// The path argument `name` of `config`, or else the image's one selected path; nullptr and a
// message saying what to do when there is neither.
GimpPath* path_argument(GimpProcedureConfig* config, const char* name, GimpImage* image, std::string& problem);

}  // namespace smp_plugin
