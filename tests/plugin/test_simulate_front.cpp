#define BOOST_TEST_MODULE plugin_simulate_front
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "plugin/gimp_batch.hpp"
#include "presets/density_plan.hpp"
#include "presets/preset.hpp"
#include "support/dot_centres.hpp"
#include "support/gegl_session.hpp"
#include "support/png_pixels.hpp"
#include "synthetic/synthetic_face.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// The synthetic face at 10 px/mm: 160 x 180 mm, the glabella 64% down.
smp::SyntheticFaceSpec face_spec()
{
  smp::SyntheticFaceSpec spec;
  spec.width_px = 1600;
  spec.height_px = 1800;
  spec.px_per_mm = 10.0;
  return spec;
}

const smp::SyntheticFace& face()
{
  static const smp::SyntheticFace f = smp::synthetic_face_front(face_spec());
  return f;
}

smp::FrontLandmarks landmarks() { return {face().glabella, face().left_canthus, face().right_canthus, smp::FaceMarks::lateral_canthi}; }

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-simulate-front", "simulate_front_case.py", [](const std::string& dir) {
    const auto& f = face();
    smp_test::write_png(dir + "/input.png", f.rgb, f.width, f.height, "R'G'B' float", 8);
    const std::string marks = std::to_string(f.glabella.x) + "," + std::to_string(f.glabella.y) + "," +
                              std::to_string(f.left_canthus.x) + "," + std::to_string(f.left_canthus.y) + "," +
                              std::to_string(f.right_canthus.x) + "," + std::to_string(f.right_canthus.y);
    g_setenv("SMP_LANDMARKS", marks.c_str(), TRUE);
    const std::string brows = std::to_string(f.glabella.x) + "," + std::to_string(f.glabella.y) + "," +
                              std::to_string(f.left_brow.x) + "," + std::to_string(f.left_brow.y) + "," +
                              std::to_string(f.right_brow.x) + "," + std::to_string(f.right_brow.y);
    g_setenv("SMP_BROWS", brows.c_str(), TRUE);
  });
  return c;
}

smp::Preset shipped(const std::string& nick)
{
  auto loaded = smp::load_preset_file(smp_test::env_or_fail("SMP_SOURCE_DIR") + "/presets/" + nick + ".preset");
  BOOST_TEST_REQUIRE(std::holds_alternative<smp::Preset>(loaded), nick);
  return std::get<smp::Preset>(loaded);
}

// Dots of an exported pigment layer, as the top-view test finds them.
std::vector<std::pair<double, double>> dots(const smp_test::Rgba8& image)
{
  // Darker than the 25 px around them (2.5-5 mm at these scales) by 12 of 255: dots, not the
  // smooth shadow between them.
  const int window = 12;
  return smp_test::dots_against_surroundings(image.width, image.height, [&](int x, int y) { return double(image.at(x, y)[0]); },
                                             window, 12.0);
}

// Millimetres up the face from the glabella, and across it, of an image point (the synthetic
// face's eyes are level).
double up_mm(double y) { return (face().glabella.y - y) / face_spec().px_per_mm; }
double across_mm(double x) { return (x - face().glabella.x) / face_spec().px_per_mm; }

const char* const front_presets[] = {"hairline-juvenile-front", "ludwig-frontal-front"};

}  // namespace

BOOST_AUTO_TEST_CASE(a_front_view_preset_builds_the_group_the_hairline_and_the_live_stipple)
{
  const auto& c = the_case();
  for (const char* nick : front_presets) {
    BOOST_TEST_REQUIRE(c.value(nick, "status") == "success", nick << ": " << c.value(nick, "message") << "\n" << c.output);
    const std::string name = shipped(nick).name;
    BOOST_TEST(c.value(nick, "group") == "SMP simulation - " + name);
    BOOST_TEST(c.value(nick, "top-layers") == "SMP simulation - " + name + ";photo;");
    BOOST_TEST(c.value(nick, "group-mode") == "pass-through");
    BOOST_TEST(c.value(nick, "children") == "SMP pigment;");
    BOOST_TEST(c.value(nick, "pigment-mode") == "multiply");
    BOOST_TEST(c.value(nick, "pigment-filters") == "smp:follicle-stipple;");
    BOOST_TEST(c.value(nick, "paths") == "SMP hairline;landmarks;");
    BOOST_TEST(c.value(nick, "channels") == "SMP hairline density;", nick << ": working channels were left behind");
    BOOST_TEST(c.value(nick, "selected") == "photo;");
  }
}

BOOST_AUTO_TEST_CASE(the_mid_frontal_point_is_where_the_garg_construction_puts_it)
{
  const auto& c = the_case();
  const char* nick = "hairline-juvenile-front";
  BOOST_TEST_REQUIRE(c.value(nick, "status") == "success", c.value(nick, "message"));
  BOOST_TEST(c.value(nick, "anchors") == "7");
  const double x = std::stod(c.value(nick, "mid-anchor-x")), y = std::stod(c.value(nick, "mid-anchor-y"));
  const smp::Preset preset = shipped(nick);
  const auto expected = smp::front_hairline_points(landmarks(), face_spec().px_per_mm, smp::preset_hairline_design(preset, 2));
  const double off_mm = std::hypot(x - expected.mid_frontal.x, y - expected.mid_frontal.y) / face_spec().px_per_mm;
  BOOST_TEST_MESSAGE("mid-frontal point " << off_mm << " mm from the construction's, " << up_mm(y)
                                            << " mm above the glabella");
  BOOST_TEST(off_mm <= 1.0, "the mid-frontal point is " << off_mm << " mm from where the construction puts it");
  // The construction: 80 mm above the glabella on the midline, moved at most 2 mm by the line's irregularity.
  BOOST_TEST(std::abs(across_mm(x)) <= 1.0, "mid-frontal point " << across_mm(x) << " mm off the midline");
  BOOST_TEST(std::abs(up_mm(y) - preset.hairline.mfp_height_mm) <= 2.0,
             "mid-frontal point " << up_mm(y) << " mm above the glabella, the preset asks " << preset.hairline.mfp_height_mm);
}

// A face cropped at the brows is marked at them: the construction then counts from the brow line,
// which on this face lies 11.4 mm above the glabella, and the results say which reference it used.
BOOST_AUTO_TEST_CASE(marked_at_the_brows_the_hairline_is_measured_from_the_brow_line_and_says_so)
{
  const auto& c = the_case();
  const char* nick = "hairline-juvenile-front";
  const smp::Preset preset = shipped(nick);
  const double brows_up_mm = up_mm(face().left_brow.y);
  for (const char* section : {"brows", "brow-line"}) {
    BOOST_TEST_REQUIRE(c.value(section, "status") == "success", section << ": " << c.value(section, "message"));
    const double x = std::stod(c.value(section, "mid-anchor-x")), y = std::stod(c.value(section, "mid-anchor-y"));
    BOOST_TEST_MESSAGE(section << ": mid-frontal point " << up_mm(y) << " mm above the glabella, brows " << brows_up_mm
                               << " mm up");
    BOOST_TEST(std::abs(across_mm(x)) <= 1.0, section << ": mid-frontal point " << across_mm(x) << " mm off the midline");
    BOOST_TEST(std::abs(up_mm(y) - brows_up_mm - preset.hairline.mfp_height_mm) <= 2.0,
               section << ": mid-frontal point " << up_mm(y) - brows_up_mm << " mm above the brow line, the preset asks "
                       << preset.hairline.mfp_height_mm);
    BOOST_TEST(c.value(section, "group-reference") == "the brow line");
    BOOST_TEST(c.value(section, "hairline-reference") == "the brow line");
    BOOST_TEST(c.value(section, "before-after-comment").find("(heights from the brow line)") != std::string::npos,
               section << ": " << c.value(section, "before-after-comment"));
  }
  BOOST_TEST(c.value("canthi", "group-reference") == "the glabella");
  BOOST_TEST(c.value("one-brow", "status") == "calling-error");
  BOOST_TEST(c.value("one-brow", "message").find("the glabella, the image-left brow, the image-right brow (or only the two brows)") !=
                 std::string::npos,
             c.value("one-brow", "message"));
}

BOOST_AUTO_TEST_CASE(pigment_only_above_the_designed_hairline_never_on_brows_eyes_or_background)
{
  const auto& c = the_case();
  const auto& f = face();
  for (const char* nick : front_presets) {
    BOOST_TEST_REQUIRE(c.value(nick, "status") == "success", c.value(nick, "message"));
    const auto pigment = smp_test::load_png(c.dir + "/pigment-" + std::string(nick) + ".png");
    BOOST_TEST_REQUIRE((pigment.width == f.width && pigment.height == f.height));
    // Generous: every soft edge 12 mm wider than the preset's, and a dot's own reach.
    std::vector<float> allowed(static_cast<std::size_t>(f.width) * f.height);
    smp::render_density(smp::density_plan(shipped(nick), smp::Placement::on_face(landmarks(), face_spec().px_per_mm), 2),
                        {0, 0, f.width, f.height}, 0, allowed.data(), 12.0);
    int inside = 0, outside = 0, below_brows = 0;
    double lowest_mm = 1e9;
    for (const auto& [x, y] : dots(pigment)) {
      (allowed[static_cast<std::size_t>(y) * f.width + static_cast<std::size_t>(x)] > 0.0f ? inside : outside)++;
      below_brows += up_mm(y) < 10.0;  // the brows arch about 9 mm above the eyes, at the glabella's height
      lowest_mm = std::min(lowest_mm, up_mm(y));
    }
    BOOST_TEST(below_brows == 0, nick << ": " << below_brows << " dots below the eyebrows");
    BOOST_TEST(outside == 0, nick << ": " << outside << " dots where the preset puts no pigment (" << inside << " inside)");
    BOOST_TEST(inside > 1000, nick << ": only " << inside << " dots");
    BOOST_TEST_MESSAGE(nick << ": " << inside << " dots, the lowest " << lowest_mm << " mm above the glabella");
  }
}

BOOST_AUTO_TEST_CASE(a_full_zone_behind_the_line_has_the_presets_density)
{
  const auto& c = the_case();
  const char* nick = "hairline-juvenile-front";
  BOOST_TEST_REQUIRE(c.value(nick, "status") == "success", c.value(nick, "message"));
  const auto pigment = smp_test::load_png(c.dir + "/pigment-" + std::string(nick) + ".png");
  // 70 x 17 mm behind the 80 mm line (past its 8 mm ramp and 2 mm undulation), inside the model
  // head and the image (which reaches 115 mm above the glabella): full density.
  constexpr double x0 = -35, x1 = 35, y0 = 95, y1 = 112;
  int count = 0;
  for (const auto& [x, y] : dots(pigment))
    count += across_mm(x) >= x0 && across_mm(x) < x1 && up_mm(y) >= y0 && up_mm(y) < y1;
  const double expected = shipped(nick).stipple.density_per_cm2 * (x1 - x0) * (y1 - y0) / 100.0;
  BOOST_TEST_MESSAGE(count << " dots behind the line where the preset asks for " << expected);
  BOOST_TEST(std::abs(count - expected) <= 0.05 * expected,
             count << " dots in " << (x1 - x0) * (y1 - y0) / 100.0 << " cm2 behind the line, the preset asks for " << expected);
}

BOOST_AUTO_TEST_CASE(a_selection_round_the_head_keeps_the_pigment_inside_it)
{
  const auto& c = the_case();
  // No landmarks argument: the path named "SMP landmarks" is used.
  BOOST_TEST_REQUIRE(c.value("selection", "status") == "success", c.output);
  BOOST_TEST(c.value("selection", "kept") == "true", "the user's selection was not left as it was");
  BOOST_TEST(c.value("selection", "channels") == "SMP hairline density;", "working channels were left behind");
  const auto pigment = smp_test::load_png(c.dir + "/pigment-selection.png");
  int inside = 0, outside = 0;
  for (const auto& [x, y] : dots(pigment))
    (x >= 498 && x < 1102 ? inside : outside)++;  // the selected columns 500..1099, and a dot's reach
  BOOST_TEST(outside == 0, outside << " dots outside the selection (" << inside << " inside)");
  BOOST_TEST(inside > 1000, "only " << inside << " dots inside the selection");
}

BOOST_AUTO_TEST_CASE(simulate_says_what_is_missing_for_each_view)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("front-no-landmarks", "status") == "calling-error");
  const std::string no_landmarks = c.value("front-no-landmarks", "message");
  for (const char* words : {"front-view preset", "landmarks", "glabella", "Ellipse Select"})
    BOOST_TEST(no_landmarks.find(words) != std::string::npos, "no '" << words << "' in: " << no_landmarks);
  BOOST_TEST(c.value("front-two-anchors", "status") == "calling-error");
  BOOST_TEST(c.value("front-two-anchors", "message").find("has 2 anchors") != std::string::npos,
             c.value("front-two-anchors", "message"));
  BOOST_TEST(c.value("top-no-ellipse", "status") == "calling-error");
  BOOST_TEST(c.value("top-no-ellipse", "message").find("Ellipse Select") != std::string::npos,
             c.value("top-no-ellipse", "message"));
  BOOST_TEST(c.value("refusals", "layers") == "photo;", "a refused run left layers behind");
  BOOST_TEST(c.value("top-no-ellipse", "layers") == "photo;", "a refused top view left layers behind");
}

BOOST_AUTO_TEST_CASE(landmarks_that_cannot_be_a_face_are_refused_with_which_and_what_to_do)
{
  const auto& c = the_case();
  const std::pair<const char*, const char*> cases[] = {
      {"eyes-together", "px apart"}, {"glabella-below", "between the eyes"}, {"landmark-far-off", "outside the image"}};
  for (const auto& [name, words] : cases) {
    BOOST_TEST(c.value(name, "status") == "calling-error", name << ": " << c.value(name, "status"));
    BOOST_TEST(c.value(name, "message").find(words) != std::string::npos, name << ": no '" << words << "' in: " << c.value(name, "message"));
  }
  BOOST_TEST(c.value("refusals", "layers") == "photo;", "a refused run left layers behind");
}

BOOST_AUTO_TEST_CASE(an_image_that_cannot_hold_a_simulation_is_refused_before_anything_is_added)
{
  const auto& c = the_case();
  const std::tuple<const char*, const char*, const char*> cases[] = {
      {"tiny-image", "12 x 12 px", "photo;"},
      {"bad-resolution", "Calibrate Scale", "photo;"},
      {"no-photo", "no layer with the client's photo", "none;"}};
  for (const auto& [name, words, layers] : cases) {
    BOOST_TEST(c.value(name, "status") == "calling-error", name << ": " << c.value(name, "status") << ": " << c.value(name, "message"));
    BOOST_TEST(c.value(name, "message").find(words) != std::string::npos, name << ": no '" << words << "' in: " << c.value(name, "message"));
    BOOST_TEST(c.value(name, "layers") == layers, name << " left layers: " << c.value(name, "layers"));
  }
}
