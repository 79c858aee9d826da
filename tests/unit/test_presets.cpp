#define BOOST_TEST_MODULE presets
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "hairline/hairline_mask.hpp"
#include "hash.hpp"
#include "presets/density_plan.hpp"
#include "presets/zone_outline.hpp"
#include "presets/preset.hpp"
#include "presets/preset_writer.hpp"
#include "synthetic/synthetic_face.hpp"

namespace {

std::string shipped_folder()
{
  const char* source = std::getenv("SMP_SOURCE_DIR");
  BOOST_TEST_REQUIRE(source != nullptr, "SMP_SOURCE_DIR must name the project's source folder");
  return std::string(source) + "/presets";
}

const std::string valid = R"([preset]
format=1
name=Test crown
category=norwood
view=top

[zone:crown]
shape=ellipse
centre=0;0.4
radii=0.3;0.25
density=0.8

[stipple]
density=100
)";

smp::PresetError error_of(const std::string& text)
{
  auto result = smp::parse_preset(text, "test.preset");
  BOOST_TEST_REQUIRE(std::holds_alternative<smp::PresetError>(result), "accepted:\n" << text);
  return std::get<smp::PresetError>(result);
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_shipped_preset_loads_and_the_library_is_complete)
{
  const auto library = smp::load_preset_folders({shipped_folder()});
  for (const auto& e : library.errors)
    BOOST_TEST_ERROR(e.message());
  std::set<std::string> names;
  for (const auto& p : library.presets)
    names.insert(p.name);
  for (const char* wanted :
       {"Norwood I", "Norwood II", "Norwood IIa", "Norwood III", "Norwood IIIa", "Norwood III-vertex", "Norwood IV",
        "Norwood IVa", "Norwood V", "Norwood Va", "Norwood VI", "Norwood VII", "Ludwig I", "Ludwig II", "Ludwig III",
        "Savin I-2", "Savin I-3", "Savin I-4", "Savin II-1", "Savin II-2", "Savin III", "Savin advanced",
        "Savin frontal", "Alopecia areata (patchy)", "Alopecia ophiasis", "Alopecia sisaipho", "Alopecia totalis",
        "Alopecia universalis", "Diffuse thinning", "Scarring alopecia (frontal band)", "FUT strip scar",
        "FUE donor area", "Density filler for longer hair"})
    BOOST_TEST(names.count(wanted) == 1u, "no shipped preset named " << wanted);
  for (const char* wanted :
       {"Hairline restoration, juvenile (front)", "Hairline restoration, mature (front)",
        "Hairline restoration, receded temples (front)", "Hairline restoration, widow's peak (front)",
        "Hairline restoration, defined (front)", "Hairline restoration, rounded (female) (front)", "Norwood II (front)",
        "Norwood III (front)", "Norwood IV (front)", "Scarring alopecia (frontal band, front)",
        "Ludwig (female frontal, front)"}) {
    const auto p = std::find_if(library.presets.begin(), library.presets.end(),
                                [&](const smp::Preset& preset) { return preset.name == wanted; });
    BOOST_TEST_REQUIRE((p != library.presets.end()), "no shipped preset named " << wanted);
    BOOST_TEST((p->view == smp::View::front), wanted << " is a " << smp::view_name(p->view) << " view");
  }
  BOOST_TEST_MESSAGE(library.presets.size() << " shipped presets");
}

BOOST_AUTO_TEST_CASE(a_valid_preset_reads_as_written)
{
  auto result = smp::parse_preset(valid, "test.preset");
  const auto* error = std::get_if<smp::PresetError>(&result);
  BOOST_TEST_REQUIRE(!error, (error ? error->message() : ""));
  const auto& p = std::get<smp::Preset>(result);
  BOOST_TEST(p.name == "Test crown");
  BOOST_TEST_REQUIRE(p.zones.size() == 1u);
  BOOST_TEST(p.zones[0].name == "crown");
  BOOST_TEST(p.zones[0].centre.y == 0.4);
  BOOST_TEST(p.zones[0].share == 0.8);
  BOOST_TEST(p.zones[0].edge_mm == 8.0);
  BOOST_TEST(p.stipple.density_per_cm2 == 100.0);
  BOOST_TEST(!p.hairline.present);
}

BOOST_AUTO_TEST_CASE(each_problem_names_the_file_line_group_key_and_reason)
{
  struct Case {
    std::string text, group, key, words;
    int line;
  };
  const Case cases[] = {
      {replaced(valid, "density=0.8", "densty=0.8"), "zone:crown", "densty", "unknown key", 11},
      {replaced(valid, "density=0.8", "density=1.8"), "zone:crown", "density", "outside 0..1", 11},
      {replaced(valid, "radii=0.3;0.25", "radii=0.3"), "zone:crown", "radii", "expected 2 numbers", 10},
      {replaced(valid, "category=norwood\n", ""), "preset", "category", "missing", 0},
      {replaced(valid, "format=1", "format=2"), "preset", "format", "format=1", 2},
      {replaced(valid, "shape=ellipse", "shape=star"), "zone:crown", "shape", "not one of", 8},
      {replaced(valid, "[stipple]", "[stippel]"), "stippel", "", "unknown group", 13},
      {replaced(valid, "centre=0;0.4", "centre=0;abc"), "zone:crown", "centre", "not a number", 9},
  };
  for (const Case& c : cases) {
    const auto e = error_of(c.text);
    BOOST_TEST(e.file == "test.preset");
    BOOST_TEST(e.group == c.group, e.message());
    BOOST_TEST(e.key == c.key, e.message());
    BOOST_TEST(e.line == c.line, e.message());
    BOOST_TEST(e.message().find(c.words) != std::string::npos, e.message());
  }
  const auto broken = error_of("[preset\nformat=1\n");
  BOOST_TEST(broken.message().find("not a key file") != std::string::npos, broken.message());
  const auto empty = error_of(replaced(replaced(replaced(replaced(replaced(valid, "[zone:crown]\n", ""), "shape=ellipse\n", ""),
                                                          "centre=0;0.4\n", ""),
                                                 "radii=0.3;0.25\n", ""),
                                        "density=0.8\n", ""));
  BOOST_TEST(empty.message().find("at least one zone") != std::string::npos, empty.message());
}

BOOST_AUTO_TEST_CASE(fuzzed_presets_give_a_preset_or_a_reason_never_a_crash)
{
  const std::string alphabet = "[]=;:.-0123456789abcdefghijklmnopqrstuvwxyz \n#";
  int accepted = 0, refused = 0;
  for (std::uint64_t round = 0; round < 20000; ++round) {
    std::string text = valid;
    const std::uint64_t h = smp::mix64(round * 7 + 1);
    for (int edit = 0; edit < 1 + static_cast<int>(h % 3); ++edit) {
      const std::uint64_t e = smp::mix64(h + static_cast<std::uint64_t>(edit));
      const std::size_t at = e % text.size();
      const char c = alphabet[(e >> 24) % alphabet.size()];
      switch ((e >> 48) % 3) {
        case 0: text.insert(at, 1, c); break;
        case 1: text.erase(at, 1); break;
        default: text[at] = c;
      }
    }
    const auto result = smp::parse_preset(text, "fuzz.preset");
    if (const auto* e = std::get_if<smp::PresetError>(&result)) {
      ++refused;
      BOOST_TEST_REQUIRE(!e->reason.empty(), "no reason for:\n" << text);
    } else {
      ++accepted;
    }
  }
  BOOST_TEST_MESSAGE("fuzzed presets: " << accepted << " accepted, " << refused << " refused");
  BOOST_TEST(accepted > 100);
  BOOST_TEST(refused > 1000);
}

BOOST_AUTO_TEST_CASE(a_user_folder_adds_and_overrides_and_a_broken_file_is_skipped)
{
  const auto folder = std::filesystem::temp_directory_path() / ("smp-presets-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "mine.preset") << replaced(valid, "name=Test crown", "name=Norwood IV");
  std::ofstream(folder / "extra.preset") << valid;
  std::ofstream(folder / "broken.preset") << replaced(valid, "view=top", "view=sideways");
  const auto library = smp::load_preset_folders({shipped_folder(), folder.string()});
  std::filesystem::remove_all(folder);
  BOOST_TEST_REQUIRE(library.errors.size() == 1u);
  BOOST_TEST(library.errors[0].message().find("broken.preset:5: [preset] view") != std::string::npos,
             library.errors[0].message());
  const auto norwood4 = std::find_if(library.presets.begin(), library.presets.end(),
                                     [](const smp::Preset& p) { return p.name == "Norwood IV"; });
  BOOST_TEST_REQUIRE((norwood4 != library.presets.end()));
  BOOST_TEST(norwood4->zones.size() == 1u, "the user's Norwood IV did not replace the shipped one");
  BOOST_TEST(std::count_if(library.presets.begin(), library.presets.end(),
                           [](const smp::Preset& p) { return p.name == "Test crown"; }) == 1);
}

BOOST_AUTO_TEST_CASE(zones_become_closed_outlines_on_the_head)
{
  const smp::HeadFrame head{{500, 500}, 300, 380, -1.5707963267948966};  // face up
  smp::HairlineMaskSettings mask;
  mask.px_per_mm = 4.0;
  mask.transition_width_mm = 2.0;
  mask.micro_irregularity = 0.0;
  mask.macro_irregularity_mm = 0.0;
  auto density = [&](const smp::Zone& z, double x, double y) {
    float v = -1.0f;
    smp::HairlineMask(smp::zone_outline(z, smp::Placement::on_head(head, mask.px_per_mm)), mask, 0).render({static_cast<int>(x), static_cast<int>(y), 1, 1}, &v);
    return v;
  };
  smp::Zone crown;
  crown.centre = {0.0, 0.5};  // the back half: below the centre when the face points up
  crown.radius_x = 0.3;
  crown.radius_y = 0.2;
  BOOST_TEST(density(crown, 500, 500 + 0.5 * 380) == 1.0f);
  BOOST_TEST(density(crown, 500, 500 - 0.5 * 380) == 0.0f);
  smp::Zone ring;
  ring.shape = smp::ZoneShape::ring;
  ring.inner = 0.7;
  ring.outer = 1.0;
  BOOST_TEST(density(ring, 500, 500) == 0.0f, "the middle of a full ring");
  BOOST_TEST(density(ring, 500 + 0.85 * 300, 500) == 1.0f, "inside a full ring");
  ring.from_deg = 90.0;
  ring.to_deg = 270.0;  // the right side, the back and the left side
  BOOST_TEST(density(ring, 500, 500 - 0.85 * 380) == 0.0f, "the front is outside the ring's angles");
  BOOST_TEST(density(ring, 500, 500 + 0.85 * 380) == 1.0f, "the back is inside");
  smp::Zone band;
  band.shape = smp::ZoneShape::band;
  band.from_y = -1.0;
  band.to_y = -0.5;
  BOOST_TEST(density(band, 500, 500 - 0.8 * 380) == 1.0f);
  BOOST_TEST(density(band, 500, 500) == 0.0f);
}

BOOST_AUTO_TEST_CASE(every_shipped_preset_written_back_reads_the_same)
{
  const auto library = smp::load_preset_folders({shipped_folder()});
  BOOST_TEST_REQUIRE(!library.presets.empty());
  for (const smp::Preset& original : library.presets) {
    const std::string text = smp::preset_to_text(original);
    auto again = smp::parse_preset(text, "written.preset");
    const auto* error = std::get_if<smp::PresetError>(&again);
    BOOST_TEST_REQUIRE(!error, original.name << ": " << (error ? error->message() : "") << "\n" << text);
    const auto& p = std::get<smp::Preset>(again);
    BOOST_TEST(p.name == original.name);
    BOOST_TEST(p.category == original.category);
    BOOST_TEST(p.notes == original.notes);
    BOOST_TEST_REQUIRE(p.zones.size() == original.zones.size(), original.name);
    for (std::size_t i = 0; i < p.zones.size(); ++i) {
      BOOST_TEST(p.zones[i].name == original.zones[i].name);
      BOOST_TEST((p.zones[i].shape == original.zones[i].shape));
      BOOST_TEST(p.zones[i].centre.x == original.zones[i].centre.x);
      BOOST_TEST(p.zones[i].radius_y == original.zones[i].radius_y);
      BOOST_TEST(p.zones[i].to_deg == original.zones[i].to_deg);
      BOOST_TEST(p.zones[i].share == original.zones[i].share);
      BOOST_TEST(p.zones[i].edge_mm == original.zones[i].edge_mm);
    }
    BOOST_TEST(p.hairline.present == original.hairline.present);
    BOOST_TEST((p.hairline.style == original.hairline.style));
    BOOST_TEST(p.stipple.density_per_cm2 == original.stipple.density_per_cm2);
    BOOST_TEST(p.stipple.sessions == original.stipple.sessions);
  }
  BOOST_TEST(smp::preset_file_stem("My Norwood IV (dark)") == "my-norwood-iv-dark");
  BOOST_TEST(smp::preset_file_stem("  ") == "preset");
}

namespace {

const std::string valid_front = R"([preset]
format=1
name=Test front
category=other
view=front

[zone:forehead]
shape=polygon
points=-60;40;60;40;60;140;-60;140

[hairline]
style=juvenile
)";

}  // namespace

BOOST_AUTO_TEST_CASE(front_view_zones_are_millimetres_of_the_face_and_errors_name_the_key)
{
  auto result = smp::parse_preset(valid_front, "front.preset");
  const auto* error = std::get_if<smp::PresetError>(&result);
  BOOST_TEST_REQUIRE(!error, (error ? error->message() : ""));
  BOOST_TEST(std::get<smp::Preset>(result).zones[0].points[2].y == 140.0);
  // The same millimetres in a top-view preset are far outside its normalised head.
  const auto top = error_of(replaced(valid_front, "view=front", "view=top"));
  BOOST_TEST((top.group == "zone:forehead" && top.key == "points"), top.message());
  BOOST_TEST(top.message().find("outside -1.5..1.5") != std::string::npos, top.message());
  struct Case {
    std::string text, key, words;
    int line;
  };
  const Case cases[] = {
      {replaced(valid_front, "shape=polygon\npoints=-60;40;60;40;60;140;-60;140", "shape=ring\nradii=0.5;1"), "shape",
       "a ring is a top-view shape", 8},
      {replaced(valid_front, "points=-60;40;", "points=-600;40;"), "points", "outside -250..250", 9},
      {replaced(valid_front, "shape=polygon\npoints=-60;40;60;40;60;140;-60;140", "shape=band\nfrom-to=120;40"),
       "from-to", "from low to high", 9},
      {replaced(valid_front, "shape=polygon\npoints=-60;40;60;40;60;140;-60;140", "shape=ellipse\ncentre=0;90\nradii=0.5;30"),
       "radii", "outside 1..300", 10},
  };
  for (const Case& c : cases) {
    const auto e = error_of(c.text);
    BOOST_TEST(e.file == "test.preset");
    BOOST_TEST(e.group == "zone:forehead", e.message());
    BOOST_TEST(e.key == c.key, e.message());
    BOOST_TEST(e.line == c.line, e.message());
    BOOST_TEST(e.message().find(c.words) != std::string::npos, e.message());
  }
}

BOOST_AUTO_TEST_CASE(a_front_preset_pigments_the_head_above_its_hairline_and_nothing_below)
{
  smp::SyntheticFaceSpec spec;  // 720 x 780 px at 3.6 px/mm
  const smp::SyntheticFace face = smp::synthetic_face_front(spec);
  const smp::FrontLandmarks landmarks{face.glabella, face.left_canthus, face.right_canthus, smp::FaceMarks::lateral_canthi};
  const auto library = smp::load_preset_folders({shipped_folder()});
  int front_presets = 0;
  for (const smp::Preset& preset : library.presets) {
    if (preset.view != smp::View::front)
      continue;
    ++front_presets;
    std::vector<float> density(static_cast<std::size_t>(face.width) * face.height);
    smp::render_density(smp::density_plan(preset, smp::Placement::on_face(landmarks, spec.px_per_mm), 2),
                        {0, 0, face.width, face.height}, 0, density.data());
    const auto at_mm = [&](double x_mm, double y_mm) {  // face millimetres, y up from the glabella
      const int px = static_cast<int>(std::lround(face.glabella.x + x_mm * spec.px_per_mm));
      const int py = static_cast<int>(std::lround(face.glabella.y - y_mm * spec.px_per_mm));
      return density[static_cast<std::size_t>(py) * face.width + px];
    };
    // Below the designed line: the brows (10 mm above the glabella) and the middle of the forehead.
    float below = 0.0f;
    for (int y = 0; y <= face.glabella.y; ++y)
      for (int x = 0; x < face.width; ++x) {
        const double up_mm = (face.glabella.y - y) / spec.px_per_mm;
        if (up_mm < 30.0)
          below = std::max(below, density[static_cast<std::size_t>(y) * face.width + x]);
      }
    BOOST_TEST(below == 0.0f, preset.name << ": " << below << " of full density less than 3 cm above the glabella (brows, eyes, temples beside them)");
    BOOST_TEST(at_mm(0, 45) == 0.0f, preset.name << ": pigment in the middle of the forehead");
    // Behind the line and well inside the head, some pigment; outside the model head, none.
    BOOST_TEST(at_mm(-30, 115) > 0.3f, preset.name << ": " << at_mm(-30, 115) << " at the top of the head, image left");
    BOOST_TEST(at_mm(-75, 120) == 0.0f, preset.name << ": pigment beside the head, on the background");
    // The full zone of a hairline restoration: its density is the zone's, at full.
    if (preset.zones.size() == 1 && preset.zones[0].share == 1.0 && preset.category == "other")
      BOOST_TEST(at_mm(0, 118) == 1.0f, preset.name << ": " << at_mm(0, 118) << " behind the line at the midline");
  }
  BOOST_TEST(front_presets >= 11);
}

BOOST_AUTO_TEST_CASE(a_front_presets_hairline_sits_where_the_garg_construction_puts_it)
{
  smp::SyntheticFaceSpec spec;
  const smp::SyntheticFace face = smp::synthetic_face_front(spec);
  const smp::FrontLandmarks landmarks{face.glabella, face.left_canthus, face.right_canthus, smp::FaceMarks::lateral_canthi};
  auto loaded = smp::parse_preset(valid_front, "front.preset");
  const auto& preset = std::get<smp::Preset>(loaded);
  const smp::Path line = smp::preset_hairline(preset, smp::Placement::on_face(landmarks, spec.px_per_mm), 2);
  BOOST_TEST_REQUIRE(line.subpaths.size() == 1u);
  const auto& segments = line.subpaths[0].segments;
  BOOST_TEST_REQUIRE(segments.size() == 6u);
  const smp::Point mid = segments[3].start;
  const auto expected = smp::front_hairline_points(landmarks, spec.px_per_mm, smp::preset_hairline_design(preset, 2));
  const double off_mm = std::hypot(mid.x - expected.mid_frontal.x, mid.y - expected.mid_frontal.y) / spec.px_per_mm;
  BOOST_TEST(off_mm < 0.01, "the mid-frontal point is " << off_mm << " mm from the construction's");
  const double height_mm = (face.glabella.y - mid.y) / spec.px_per_mm;
  BOOST_TEST(std::abs(height_mm - 80.0) <= 2.0, "mid-frontal point " << height_mm << " mm above the glabella (80 asked, irregularity 2)");
  BOOST_TEST(segments.front().start.x < segments.back().end.x, "drawn right to left: the hair would be below the line");
  // Its hair side: above the line, on the model head, and beside the temporal peaks only above them.
  const smp::Path region = smp::front_hair_region(line, smp::face_frame(landmarks, spec.px_per_mm));
  smp::HairlineMaskSettings mask;
  mask.px_per_mm = spec.px_per_mm;
  mask.micro_irregularity = 0.0;
  mask.macro_irregularity_mm = 0.0;
  const auto points = smp::front_hairline_points(landmarks, spec.px_per_mm, smp::preset_hairline_design(preset, 2));
  auto hair = [&](smp::Point p, double right_mm, double up_mm) {
    float v = -1.0f;
    smp::HairlineMask(region, mask, 0).render({static_cast<int>(p.x + right_mm * spec.px_per_mm), static_cast<int>(p.y - up_mm * spec.px_per_mm), 1, 1}, &v);
    return v;
  };
  BOOST_TEST(hair(points.mid_frontal, 0, 20) == 1.0f, "20 mm above the mid-frontal point");
  BOOST_TEST(hair(points.mid_frontal, 0, -20) == 0.0f, "20 mm below the mid-frontal point");
  BOOST_TEST(hair(points.mid_frontal, -95, 20) == 0.0f, "beside the model head, on the background");
  BOOST_TEST(hair(points.temporal_peak_left, -10, -20) == 0.0f, "below and beside the left temporal peak (the temple)");
  BOOST_TEST(hair(points.temporal_peak_right, 10, -20) == 0.0f, "below and beside the right temporal peak (the temple)");
}

// Found by fuzzing 77 broken preset files: GLib's key files accept these without a word.
BOOST_AUTO_TEST_CASE(nonsense_glib_would_accept_is_refused_with_its_line)
{
  std::string many_zones = valid;
  for (int k = 0; k < 65; ++k)
    many_zones += "[zone:z" + std::to_string(k) + "]\nshape=ellipse\ncentre=0;0\nradii=0.1;0.1\n";
  struct Case {
    std::string text, group, key, words;
    int line;
  };
  const Case cases[] = {
      {replaced(valid, "density=0.8", "density=0.8\ndensity=0.2"), "zone:crown", "density", "key again", 12},
      {valid + "[preset]\nname=Renamed\n", "preset", "", "group [preset] again", 15},
      {replaced(valid, "density=100", "density=100\nsessions=2.9"), "stipple", "sessions", "not a whole number", 15},
      {replaced(valid, "radii=0.3;0.25", "radii=0x1p-2;0.25"), "zone:crown", "radii", "not a number", 10},
      {replaced(valid, "radii=0.3;0.25", "radii=inf;0.25"), "zone:crown", "radii", "not a number", 10},
      {replaced(replaced(valid, "shape=ellipse", "shape=polygon"), "centre=0;0.4\nradii=0.3;0.25",
                "points=0;0;0.5;0.5;1;1"),
       "zone:crown", "points", "enclose no area", 9},
      {replaced(replaced(valid, "shape=ellipse", "shape=polygon"), "centre=0;0.4\nradii=0.3;0.25",
                "points=0;0;1;1;1;0;0;0.5"),
       "zone:crown", "points", "cross", 9},
      {replaced(valid, "name=Test crown", "name=" + std::string(100000, 'x')), "preset", "name", "longer than 80", 3},
      {replaced(valid, "[zone:crown]", "[zone:" + std::string(81, 'z') + "]"), "zone:" + std::string(81, 'z'), "",
       "longer than 80", 7},
      {many_zones, "zone:z63", "", "more than 64 zones", 0},
  };
  for (const Case& c : cases) {
    const auto e = error_of(c.text);
    BOOST_TEST(e.group == c.group, e.message().substr(0, 200));
    BOOST_TEST(e.key == c.key, e.message().substr(0, 200));
    if (c.line > 0)
      BOOST_TEST(e.line == c.line, e.message().substr(0, 200));
    else
      BOOST_TEST(e.line > 0, e.message().substr(0, 200));
    BOOST_TEST(e.message().find(c.words) != std::string::npos, e.message().substr(0, 200));
  }
  const auto huge = error_of(valid + "# " + std::string(smp::PresetLimits::max_file_bytes, '#') + "\n");
  BOOST_TEST(huge.message().find("KB") != std::string::npos, huge.message());
}
