#include "synthetic/synthetic_face.hpp"

#include <algorithm>
#include <cmath>

#include "hash.hpp"
#include "value_noise.hpp"

namespace smp {
namespace {

struct Rgb {
  double r, g, b;
};

Rgb mix(const Rgb& a, const Rgb& b, double t)
{
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

double coverage(double signed_px)  // 1 inside, 0 outside, anti-aliased over a pixel
{
  return std::clamp(0.5 + signed_px, 0.0, 1.0);
}

// Face geometry in millimetres from the glabella: x to the image right, y down.
constexpr double pupil_x_mm = 32.0, eye_y_mm = 9.0, eye_half_width_mm = 15.0, eye_half_height_mm = 5.5;
constexpr double iris_mm = 5.5, pupil_mm = 2.0;
// Each brow an arc over its eye, highest at its centre.
constexpr double brow_centre_x_mm = 30.0, brow_half_height_mm = 2.4;
double brow_centre_y_mm(double x_mm)
{
  const double bx = std::abs(x_mm) - brow_centre_x_mm;
  return -9.0 - 0.004 * bx * bx;
}
double brow_top_y_mm(double x_mm) { return brow_centre_y_mm(x_mm) - brow_half_height_mm; }
constexpr double head_centre_y_mm = -35.0, head_half_width_mm = 76.0, head_half_height_mm = 118.0;

}  // namespace

SyntheticFace synthetic_face_front(const SyntheticFaceSpec& s)
{
  SyntheticFace face;
  face.width = std::clamp(s.width_px, 16, 1 << 13);
  face.height = std::clamp(s.height_px, 16, 1 << 13);
  const double ppmm = std::isfinite(s.px_per_mm) && s.px_per_mm > 0.1 ? s.px_per_mm : 3.6;
  const double hairline_mm = std::isfinite(s.hairline_mm) ? std::clamp(s.hairline_mm, 30.0, 250.0) : 98.0;
  face.rgb.resize(static_cast<std::size_t>(face.width) * face.height * 3);
  const Point g{face.width / 2.0, face.height * 0.64};
  auto at = [&](double x_mm, double y_mm) { return Point{g.x + x_mm * ppmm, g.y + y_mm * ppmm}; };
  face.glabella = g;
  face.left_pupil = at(-pupil_x_mm, eye_y_mm);
  face.right_pupil = at(pupil_x_mm, eye_y_mm);
  face.left_canthus = at(-pupil_x_mm - eye_half_width_mm, eye_y_mm);
  face.right_canthus = at(pupil_x_mm + eye_half_width_mm, eye_y_mm);
  face.left_brow = at(-pupil_x_mm, brow_top_y_mm(pupil_x_mm));
  face.right_brow = at(pupil_x_mm, brow_top_y_mm(pupil_x_mm));

  const Rgb skin{0.86, 0.68, 0.58}, hair{0.13, 0.10, 0.08}, white{0.93, 0.92, 0.90}, iris{0.35, 0.24, 0.15};
  for (int py = 0; py < face.height; ++py)
    for (int px = 0; px < face.width; ++px) {
      const double x = (px + 0.5 - g.x) / ppmm, y = (py + 0.5 - g.y) / ppmm;
      Rgb c{0.78 - 0.1 * py / face.height, 0.80 - 0.1 * py / face.height, 0.84 - 0.08 * py / face.height};
      const double hx = x / head_half_width_mm, hy = (y - head_centre_y_mm) / head_half_height_mm;
      const double r = std::hypot(hx, hy);
      const double head = coverage((1.0 - r) * head_half_width_mm * ppmm);
      if (head > 0.0) {
        // Rounded lighting: brighter in the middle of the forehead, darker to the sides.
        const double light = 0.78 + 0.22 * std::sqrt(std::max(0.0, 1.0 - hx * hx)) - 0.12 * std::max(0.0, y / 80.0) +
                             0.025 * value_noise(s.seed, 1, x, y, 6.0) +
                             0.01 * (to_unit(hash_key(s.seed, px, py, 0, 2)) - 0.5);
        Rgb f{skin.r * light, skin.g * light, skin.b * light};
        // Brows: arcs over the eyes.
        for (const double side : {-1.0, 1.0}) {
          const double bx = side * x - brow_centre_x_mm, by = y - brow_centre_y_mm(side * x);
          const double brow = std::abs(bx) < 20.0 ? coverage((brow_half_height_mm - std::abs(by)) * ppmm) * (1.0 - std::abs(bx) / 26.0) : 0.0;
          f = mix(f, hair, 0.85 * brow);
        }
        // Eyes: almond shapes with iris and pupil, and an upper lid line.
        for (const double side : {-1.0, 1.0}) {
          const double ex = (x - side * pupil_x_mm) / eye_half_width_mm, ey = (y - eye_y_mm) / eye_half_height_mm;
          const double almond = std::abs(ey) - (1.0 - ex * ex);
          if (std::abs(ex) < 1.0) {
            const double eye = coverage(-almond * eye_half_height_mm * ppmm);
            const double d = std::hypot(x - side * pupil_x_mm, y - eye_y_mm);
            Rgb e = mix(white, iris, coverage((iris_mm - d) * ppmm));
            e = mix(e, {0.05, 0.04, 0.04}, coverage((pupil_mm - d) * ppmm));
            f = mix(f, e, eye);
            const double lid = ey < 0 ? coverage((0.5 - std::abs(almond) * eye_half_height_mm) * ppmm) : 0.0;
            f = mix(f, {0.25, 0.16, 0.13}, 0.8 * lid);
          }
        }
        // Nose: a soft shadow down each side of the bridge.
        const double nose = std::max(0.0, 1.0 - std::abs(std::abs(x) - 6.0 - 0.06 * y) / 3.0) *
                            std::clamp((y - 5.0) / 20.0, 0.0, 1.0) * (y < 55.0 ? 1.0 : 0.0);
        f = mix(f, {f.r * 0.8, f.g * 0.75, f.b * 0.72}, nose);
        // Hair above the receding line, with strands.
        const double line = -(hairline_mm - 22.0 * std::pow(std::min(std::abs(x) / 48.0, 1.3), 2.0) -
                              3.0 * value_noise(s.seed, 3, x, 0.0, 14.0));
        // Hair down the sides, tapering into sideburns above the ears.
        const double temples = coverage((std::abs(x) - 60.0 - 10.0 * std::clamp((y + 30.0) / 40.0, 0.0, 1.0)) * ppmm);
        const double strands = 0.1 * value_noise(s.seed, 4, x * 6.0, y * 0.7, 3.0);
        const double in_hair = std::max(coverage((line - y) * ppmm * 0.35), temples * coverage((10.0 - y) * ppmm));
        f = mix(f, {hair.r + strands, hair.g + strands, hair.b + strands}, in_hair);
        c = mix(c, f, head);
      }
      float* p = &face.rgb[3 * (static_cast<std::size_t>(py) * face.width + px)];
      p[0] = static_cast<float>(std::clamp(c.r, 0.0, 1.0));
      p[1] = static_cast<float>(std::clamp(c.g, 0.0, 1.0));
      p[2] = static_cast<float>(std::clamp(c.b, 0.0, 1.0));
    }
  return face;
}

}  // namespace smp
