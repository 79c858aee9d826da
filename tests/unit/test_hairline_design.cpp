#define BOOST_TEST_MODULE hairline_design
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "geometry/path.hpp"
#include "hairline/hairline_design.hpp"
#include "hairline/hairline_mask.hpp"

namespace {

constexpr double px_per_mm = 12.0;

// A face tilted by 8 degrees: glabella, and lateral canthi 47 mm to either side.
struct Face {
  smp::FrontLandmarks landmarks;
  smp::Point right, up;
  Face()
  {
    const double tilt = 8.0 * std::numbers::pi / 180.0;
    right = {std::cos(tilt), std::sin(tilt)};
    up = {right.y, -right.x};
    const smp::Point g{700.0, 1200.0};
    landmarks = {g, {g.x - 47 * px_per_mm * right.x, g.y - 47 * px_per_mm * right.y},
                 {g.x + 47 * px_per_mm * right.x, g.y + 47 * px_per_mm * right.y}, smp::FaceMarks::lateral_canthi};
  }
  // Face millimetres (x right, y up from the glabella) of an image point.
  smp::Point face_mm(const smp::Point& p) const
  {
    const double dx = p.x - landmarks.glabella.x, dy = p.y - landmarks.glabella.y;
    return {(dx * right.x + dy * right.y) / px_per_mm, (dx * up.x + dy * up.y) / px_per_mm};
  }
};

std::vector<smp::Point> curve_mm(const Face& face, const smp::Path& path)
{
  std::vector<smp::Point> points;
  for (const auto& line : smp::flatten(path, 0.05))
    for (const auto& p : line)
      points.push_back(face.face_mm(p));
  return points;
}

// Height of the curve where it crosses the face's midline.
double midline_height(const Face& face, const smp::Path& path)
{
  const auto c = curve_mm(face, path);
  for (std::size_t i = 1; i < c.size(); ++i)
    if ((c[i - 1].x < 0) != (c[i].x < 0))
      return c[i - 1].y + (c[i].y - c[i - 1].y) * (0 - c[i - 1].x) / (c[i].x - c[i - 1].x);
  return NAN;
}

smp::HairlineDesign styled(smp::HairlineStyle style)
{
  smp::HairlineDesign d;
  d.style = style;
  return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_mid_frontal_point_sits_at_the_requested_height)
{
  const Face face;
  for (const double height : {70.0, 80.0, 100.0}) {
    smp::HairlineDesign d;
    d.mfp_height_mm = height;
    const double measured = midline_height(face, smp::front_hairline(face.landmarks, px_per_mm, d));
    BOOST_TEST(std::abs(measured - height) <= 0.5, "asked " << height << " mm above the glabella, got " << measured);
  }
}

BOOST_AUTO_TEST_CASE(without_asymmetry_the_line_is_its_own_mirror_image)
{
  const Face face;
  for (const auto style : {smp::HairlineStyle::juvenile, smp::HairlineStyle::mature, smp::HairlineStyle::widows_peak}) {
    const auto c = curve_mm(face, smp::front_hairline(face.landmarks, px_per_mm, styled(style)));
    double worst = 0.0;
    for (const auto& p : c) {
      double nearest = 1e9;
      for (const auto& q : c)
        nearest = std::min(nearest, std::hypot(-p.x - q.x, p.y - q.y));
      worst = std::max(worst, nearest);
    }
    BOOST_TEST(worst < 0.3, "style " << static_cast<int>(style) << ": mirrored points lie up to " << worst
                                    << " mm off the line");
  }
  smp::HairlineDesign tilted;
  tilted.asymmetry_mm = 6.0;
  const auto p = smp::front_hairline_points(face.landmarks, px_per_mm, tilted);
  const double difference = face.face_mm(p.frontotemporal_left).y - face.face_mm(p.frontotemporal_right).y;
  BOOST_TEST(std::abs(difference - 6.0) < 0.5, "asymmetry 6 mm gives corners " << difference << " mm apart");
}

BOOST_AUTO_TEST_CASE(a_mature_line_is_higher_by_the_clinical_figures)
{
  const Face face;
  const auto young = smp::front_hairline(face.landmarks, px_per_mm, styled(smp::HairlineStyle::juvenile));
  const auto mature = smp::front_hairline(face.landmarks, px_per_mm, styled(smp::HairlineStyle::mature));
  const double midline = midline_height(face, mature) - midline_height(face, young);
  BOOST_TEST((midline >= 13.0 - 1.0 && midline <= 19.0 + 1.0), "midline " << midline << " mm higher");
  const auto y = smp::front_hairline_points(face.landmarks, px_per_mm, styled(smp::HairlineStyle::juvenile));
  const auto m = smp::front_hairline_points(face.landmarks, px_per_mm, styled(smp::HairlineStyle::mature));
  for (const auto& [young_corner, mature_corner] :
       {std::pair{y.frontotemporal_left, m.frontotemporal_left}, {y.frontotemporal_right, m.frontotemporal_right}}) {
    const double corner = face.face_mm(mature_corner).y - face.face_mm(young_corner).y;
    BOOST_TEST(std::abs(corner - 25.0) <= 1.0, "corner " << corner << " mm higher");
  }
  // And the centre is lower than the temple points, as in every natural hairline but the female one.
  BOOST_TEST(face.face_mm(y.mid_frontal).y < face.face_mm(y.frontotemporal_left).y);
}

BOOST_AUTO_TEST_CASE(each_style_moves_the_line_as_its_name_says)
{
  const Face face;
  auto points = [&](smp::HairlineDesign d) { return smp::front_hairline_points(face.landmarks, px_per_mm, d); };
  const auto young = points(styled(smp::HairlineStyle::juvenile));
  smp::HairlineDesign receded = styled(smp::HairlineStyle::receded);
  receded.recession_mm = 20.0;
  const double raised = face.face_mm(points(receded).frontotemporal_right).y - face.face_mm(young.frontotemporal_right).y;
  BOOST_TEST(std::abs(raised - 20.0) < 1.0, "receded corners rise " << raised);
  smp::HairlineDesign peak = styled(smp::HairlineStyle::widows_peak);
  peak.peak_depth_mm = 10.0;
  const double dip = midline_height(face, smp::front_hairline(face.landmarks, px_per_mm, peak));
  BOOST_TEST(std::abs(dip - (80.0 - 10.0)) < 0.5, "the widow's peak reaches " << dip);
  const auto round = points(styled(smp::HairlineStyle::rounded));
  BOOST_TEST(face.face_mm(round.frontotemporal_left).y < face.face_mm(round.mid_frontal).y,
             "a rounded line keeps its corners below its centre");
}

BOOST_AUTO_TEST_CASE(svg_round_trip_and_determinism_by_seed)
{
  const Face face;
  smp::HairlineDesign d;
  d.irregularity_mm = 3.0;
  d.seed = 9;
  const auto path = smp::front_hairline(face.landmarks, px_per_mm, d);
  const std::string svg = smp::to_svg_path(path);
  const auto again = smp::parse_svg_path(svg);
  BOOST_TEST_REQUIRE(again.has_value());
  BOOST_TEST(smp::to_svg_path(*again) == svg);
  BOOST_TEST(path.subpaths.front().segments.size() <= 8u, "a person edits this by hand: keep the anchors few");
  BOOST_TEST(smp::to_svg_path(smp::front_hairline(face.landmarks, px_per_mm, d)) == svg);
  d.seed = 10;
  BOOST_TEST(smp::to_svg_path(smp::front_hairline(face.landmarks, px_per_mm, d)) != svg);
  d.irregularity_mm = 0.0;
  const std::string plain = smp::to_svg_path(smp::front_hairline(face.landmarks, px_per_mm, d));
  d.seed = 11;
  BOOST_TEST(smp::to_svg_path(smp::front_hairline(face.landmarks, px_per_mm, d)) == plain);
}

BOOST_AUTO_TEST_CASE(hair_lies_above_a_front_line_and_behind_a_top_line)
{
  const Face face;
  smp::HairlineMaskSettings mask;
  mask.px_per_mm = px_per_mm;
  mask.micro_irregularity = 0.0;
  mask.macro_irregularity_mm = 0.0;
  auto density_at = [&](const smp::Path& path, smp::Point p) {
    float v = -1.0f;
    smp::HairlineMask(path, mask, 0).render({static_cast<int>(p.x), static_cast<int>(p.y), 1, 1}, &v);
    return v;
  };
  const auto front = smp::front_hairline(face.landmarks, px_per_mm, smp::HairlineDesign{});
  const auto g = face.landmarks.glabella;
  BOOST_TEST(density_at(front, {g.x + 120 * px_per_mm * face.up.x, g.y + 120 * px_per_mm * face.up.y}) == 1.0f);
  BOOST_TEST(density_at(front, g) == 0.0f);

  const smp::HeadFrame head{{900, 900}, 75 * px_per_mm, 95 * px_per_mm, -std::numbers::pi / 2};  // face up
  const auto top = smp::top_hairline(head, px_per_mm, smp::HairlineDesign{});
  BOOST_TEST(density_at(top, head.centre) == 1.0f, "the crown is not on the hair side");
  BOOST_TEST(density_at(top, {900, 900 - 93 * px_per_mm}) == 0.0f, "the front edge of the head is on the hair side");
}

// Marked at the brows (eyes out of frame), heights count from the brow line, not the glabella:
// the same design lies higher on the face by the brows' height, and which reference was used is
// said. The brow line alone (its midpoint standing in for the glabella) gives the same line.
BOOST_AUTO_TEST_CASE(marked_at_the_brows_heights_count_from_the_brow_line)
{
  const Face face;
  const auto at = [&](double x_mm, double y_mm) {
    const smp::Point g = face.landmarks.glabella;
    return smp::Point{g.x + (x_mm * face.right.x + y_mm * face.up.x) * px_per_mm,
                      g.y + (x_mm * face.right.y + y_mm * face.up.y) * px_per_mm};
  };
  for (const double brows_above_mm : {6.0, 9.0, 12.0}) {
    // Brow points above the pupils (31 mm out), the glabella a little off their midpoint.
    const smp::FrontLandmarks brows{face.landmarks.glabella, at(-31.0, brows_above_mm), at(31.0, brows_above_mm),
                                    smp::FaceMarks::brows};
    const smp::FrontLandmarks brow_line{at(0.0, brows_above_mm), at(-31.0, brows_above_mm), at(31.0, brows_above_mm),
                                        smp::FaceMarks::brows};
    BOOST_TEST(std::string(brows.reference()) == "the brow line");
    for (const double height : {70.0, 80.0, 100.0}) {
      smp::HairlineDesign d;
      d.mfp_height_mm = height;
      const double above_glabella = midline_height(face, smp::front_hairline(brows, px_per_mm, d));
      BOOST_TEST(std::abs(above_glabella - (height + brows_above_mm)) <= 0.5,
                 height << " mm above brows " << brows_above_mm << " mm up: the line crosses the midline "
                        << above_glabella << " mm above the glabella");
      const double from_line_alone = midline_height(face, smp::front_hairline(brow_line, px_per_mm, d));
      BOOST_TEST(std::abs(from_line_alone - above_glabella) <= 0.5,
                 "the brow line alone: " << from_line_alone << " mm, with the glabella: " << above_glabella);
    }
    // The temples turn on the lateral canthus line: brows above the pupils reach as far out as
    // the canthi 47 mm out do.
    const auto from_brows = smp::front_hairline_points(brows, px_per_mm, smp::HairlineDesign{});
    const auto from_eyes = smp::front_hairline_points(face.landmarks, px_per_mm, smp::HairlineDesign{});
    const double brow_corner_x = face.face_mm(from_brows.frontotemporal_left).x;
    const double eye_corner_x = face.face_mm(from_eyes.frontotemporal_left).x;
    BOOST_TEST(std::abs(brow_corner_x - eye_corner_x) <= 1.0,
               "frontotemporal point " << brow_corner_x << " mm across from the brows, " << eye_corner_x << " from the canthi");
  }
  BOOST_TEST(std::string(face.landmarks.reference()) == "the glabella");
}
