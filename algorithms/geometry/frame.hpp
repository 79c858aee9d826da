// Frames that put numbers onto a photo: an affine map from a frame's own units to image pixels,
// and the two views built on it, a head seen from above and a face seen from the front.
#pragma once

#include <cmath>

#include "geometry/path.hpp"

namespace smp {

// image = origin + x * x_axis + y * y_axis (pixels; the axes are one unit long in the frame).
struct Frame {
  Point origin, x_axis, y_axis;

  Point to_image(double x, double y) const
  {
    return {origin.x + x * x_axis.x + y * y_axis.x, origin.y + x * x_axis.y + y * y_axis.y};
  }
  Point to_image(const Point& p) const { return to_image(p.x, p.y); }
  // The frame's coordinates of an image point; the origin's own for a degenerate frame.
  Point from_image(const Point& image) const
  {
    const double det = x_axis.x * y_axis.y - x_axis.y * y_axis.x;
    if (!(std::abs(det) > 0.0))
      return {0.0, 0.0};
    const double dx = image.x - origin.x, dy = image.y - origin.y;
    return {(dx * y_axis.y - dy * y_axis.x) / det, (x_axis.x * dy - x_axis.y * dx) / det};
  }
};

// Top view: the head as an ellipse; `front_rad` is the image direction the face points to
// (0 = image right, pi/2 = image bottom, -pi/2 = image top).
struct HeadFrame {
  Point centre;
  double half_width_px = 1.0, half_length_px = 1.0;  // across the head, and front to back
  double front_rad = 0.0;

  Point forward() const { return {std::cos(front_rad), std::sin(front_rad)}; }
  // Across the head: image-left when the face points up.
  Point across() const { return {-std::sin(front_rad), std::cos(front_rad)}; }

  // x across the head (-1..1), y from the front (-1) to the back (1): the outline is the unit
  // circle. Top-view preset zones are written in it.
  Frame normalised() const
  {
    const Point f = forward(), a = across();
    return {centre, {a.x * half_width_px, a.y * half_width_px}, {-f.x * half_length_px, -f.y * half_length_px}};
  }
  // The same axes in millimetres from the head's centre.
  Frame in_mm(double px_per_mm) const
  {
    const Point f = forward(), a = across();
    return {centre, {a.x * px_per_mm, a.y * px_per_mm}, {-f.x * px_per_mm, -f.y * px_per_mm}};
  }
};

// Which points of the face the front-view landmarks mark. The face frame's origin and its
// across-the-face axis come from them, and the eyes' own points set where the temples turn.
// Photos cropped at the brows are marked at the brows: the hairline's heights are then
// measured from the brow line, 8-10 mm above the glabella (DOMAIN.md), and the results say so.
enum class FaceMarks { lateral_canthi, pupils, brows };

// Front view as seen in the photo: the glabella and a point on each side, image-left and
// image-right (the lateral canthi, the pupils, or the brows' upper edge above the pupils).
// Marked at the brows, `glabella` may be the brows' midpoint when only the brow line is drawn.
struct FrontLandmarks {
  Point glabella;
  Point left, right;
  FaceMarks marks = FaceMarks::lateral_canthi;

  bool from_brow_line() const { return marks == FaceMarks::brows; }
  // What heights on the face are measured from, in a user's words.
  const char* reference() const { return from_brow_line() ? "the brow line" : "the glabella"; }
};

// The face frame of a front view: millimetres from the glabella (or, marked at the brows, from
// the point of the brow line level with it), x towards the image-right side, y up the face. Hairlines and front-view preset zones are placed in it.
struct FaceFrame {
  Point origin, right, up;  // image pixels; unit directions on screen
  double px_per_mm = 1.0;

  Frame in_mm() const
  {
    return {origin, {right.x * px_per_mm, right.y * px_per_mm}, {up.x * px_per_mm, up.y * px_per_mm}};
  }
  Point to_image(double x_mm, double y_mm) const
  {
    return {origin.x + (x_mm * right.x + y_mm * up.x) * px_per_mm, origin.y + (x_mm * right.y + y_mm * up.y) * px_per_mm};
  }
  // mm across the face, and up it (right and up are unit and square to each other)
  double x_of(const Point& p) const { return ((p.x - origin.x) * right.x + (p.y - origin.y) * right.y) / px_per_mm; }
  double y_of(const Point& p) const { return ((p.x - origin.x) * up.x + (p.y - origin.y) * up.y) / px_per_mm; }
};

FaceFrame face_frame(const FrontLandmarks& landmarks, double px_per_mm);

// An adult head seen from the front, in face millimetres: an ellipse around the forehead and the
// top of the skull, a little narrower than most heads at the temples so that pigment stays off
// the background. In GIMP a selection around the head narrows it further.
struct FrontHeadModel {
  static constexpr double centre_y_mm = 35.0, half_width_mm = 70.0, half_height_mm = 115.0;
};

}  // namespace smp
