#define BOOST_TEST_MODULE plugin_preview
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include "hairline/hairline_design.hpp"
#include "plugin/gimp_batch.hpp"
#include "presets/preset.hpp"
#include "presets/density_plan.hpp"
#include "preview_render.hpp"
#include "support/gegl_session.hpp"
#include "synthetic/synthetic_scalp.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

// The photo of the GIMP case: 1600 x 2000 px at 10 px/mm, skin-toned, darker on the left, with
// a 150 x 190 mm head selected around its centre, face up.
constexpr int photo_width = 1600, photo_height = 2000;
constexpr double px_per_mm = 10.0;
const smp::HeadFrame head{{800.0, 1000.0}, 750.0, 950.0, -M_PI / 2};
constexpr unsigned seed = 2;

std::vector<float> skin_photo(int width, int height)
{
  std::vector<float> rgb(static_cast<std::size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const float v = 0.35f + 0.5f * static_cast<float>(x) / static_cast<float>(width);
      float* p = &rgb[3 * (static_cast<std::size_t>(y) * width + x)];
      p[0] = v;
      p[1] = 0.85f * v;
      p[2] = 0.75f * v;
    }
  return rgb;
}

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-preview", "preview_case.py", [](const std::string& dir) {
    smp_test::write_png(dir + "/input.png", skin_photo(photo_width, photo_height), photo_width, photo_height,
                        "R'G'B' float");
  });
  return c;
}

GeglBuffer* loaded(const std::string& path)
{
  BOOST_TEST_REQUIRE(g_file_test(path.c_str(), G_FILE_TEST_EXISTS), "no " << path);
  GeglNode* graph = gegl_node_new();
  GeglNode* load = gegl_node_new_child(graph, "operation", "gegl:load", "path", path.c_str(), nullptr);
  GeglBuffer* buffer = nullptr;
  GeglNode* sink = gegl_node_new_child(graph, "operation", "gegl:buffer-sink", "buffer", &buffer, nullptr);
  gegl_node_link(load, sink);
  gegl_node_process(sink);
  g_object_unref(graph);
  return buffer;
}

void save(GeglBuffer* buffer, const std::string& path)
{
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
  GeglNode* png = gegl_node_new_child(graph, "operation", "gegl:png-save", "path", path.c_str(), nullptr);
  gegl_node_link(source, png);
  gegl_node_process(png);
  g_object_unref(graph);
}

std::vector<float> pixels(GeglBuffer* buffer, const char* format)
{
  const GeglRectangle extent = *gegl_buffer_get_extent(buffer);
  std::vector<float> values(static_cast<std::size_t>(extent.width) * extent.height *
                            babl_format_get_n_components(babl_format(format)));
  gegl_buffer_get(buffer, &extent, 1.0, babl_format(format), values.data(), GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
  return values;
}

// Mean darkening (1 - light after / light before, linear) of square blocks of a picture.
struct BlockDarkening {
  int columns = 0, rows = 0;
  std::vector<double> mean;
};

BlockDarkening darkening(GeglBuffer* before, GeglBuffer* after, int block)
{
  const GeglRectangle extent = *gegl_buffer_get_extent(before);
  const auto light_before = pixels(before, "Y float"), light_after = pixels(after, "Y float");
  BlockDarkening result;
  result.columns = extent.width / block;
  result.rows = extent.height / block;
  result.mean.assign(static_cast<std::size_t>(result.columns) * result.rows, 0.0);
  for (int by = 0; by < result.rows; ++by)
    for (int bx = 0; bx < result.columns; ++bx) {
      double sum = 0.0;
      for (int y = by * block; y < (by + 1) * block; ++y)
        for (int x = bx * block; x < (bx + 1) * block; ++x) {
          const std::size_t i = static_cast<std::size_t>(y) * extent.width + x;
          sum += 1.0 - light_after[i] / std::max(light_before[i], 1e-6f);
        }
      result.mean[static_cast<std::size_t>(by) * result.columns + bx] = sum / (block * block);
    }
  return result;
}

smp::Preset norwood_4()
{
  auto loaded_preset = smp::load_preset_file(smp_test::env_or_fail("SMP_SOURCE_DIR") + "/presets/norwood-4.preset");
  BOOST_TEST_REQUIRE(std::holds_alternative<smp::Preset>(loaded_preset));
  return std::get<smp::Preset>(loaded_preset);
}

std::string output_dir()
{
  const std::string dir = smp_test::env_or_fail("SMP_OUTPUT_DIR") + "/plugin-preview";
  g_mkdir_with_parents(dir.c_str(), 0755);
  return dir;
}

// The preview at a quarter of the image's size against GIMP's composite shrunk the same way:
// every block of 8 mm (20 preview pixels) darkens alike, within 1% of its light.
void check_preview_against_gimp(const std::string& name, const smp::StippleSettings& stipple)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value(name.c_str(), "status") == "success", c.value(name.c_str(), "message") << "\n" << c.output);
  GeglBuffer* photo = loaded(c.dir + "/input.png");
  GeglBuffer* composite = loaded(c.dir + "/composite-" + name + ".png");
  double scale = 0.0, composite_scale = 0.0;
  GeglBuffer* small_photo = smp_plugin::shrunk_to_fit(photo, 500, scale);
  GeglBuffer* small_composite = smp_plugin::shrunk_to_fit(composite, 500, composite_scale);
  BOOST_TEST_REQUIRE(scale == 0.25);
  const smp::Preset preset = norwood_4();
  // As the run plans it: zones reaching on to the hair, pigment kept on bare scalp.
  smp_plugin::SimulationSpec spec =
      smp_plugin::simulation_spec(preset, smp::Placement::on_head(head, px_per_mm), seed, stipple);
  // As the dialog does: the scalp found once on the full-size photo, shared by preview and run.
  {
    smp_plugin::Graph graph;
    spec.scalp = smp_plugin::analysed_scalp(smp_plugin::source_node(graph, photo), spec);
  }
  GeglBuffer* preview = smp_plugin::simulation_preview(small_photo, scale, spec);
  save(preview, output_dir() + "/simulate-" + name + "-preview.png");
  constexpr int block = 20;
  const BlockDarkening in_preview = darkening(small_photo, preview, block);
  const BlockDarkening in_gimp = darkening(small_photo, small_composite, block);
  double worst = 0.0, darkest = 0.0, preview_sum = 0.0, gimp_sum = 0.0;
  std::size_t worst_block = 0;
  for (std::size_t i = 0; i < in_gimp.mean.size(); ++i) {
    const double difference = std::abs(in_preview.mean[i] - in_gimp.mean[i]);
    if (difference > worst) {
      worst = difference;
      worst_block = i;
    }
    darkest = std::max(darkest, in_gimp.mean[i]);
    preview_sum += in_preview.mean[i];
    gimp_sum += in_gimp.mean[i];
  }
  BOOST_TEST_MESSAGE(name << ": darkest block " << darkest << ", worst difference " << worst << ", mean darkening "
                          << preview_sum / in_gimp.mean.size() << " (preview) and " << gimp_sum / in_gimp.mean.size()
                          << " (GIMP)");
  BOOST_TEST(darkest > 0.02, name << ": GIMP's render darkens its darkest 8 mm block by only " << darkest);
  BOOST_TEST(worst < 0.01, name << ": the block at column " << worst_block % in_gimp.columns << ", row "
                                << worst_block / in_gimp.columns << " darkens by " << in_preview.mean[worst_block]
                                << " in the preview and by " << in_gimp.mean[worst_block] << " in GIMP");
  // GIMP's own render of the layer effect comes out a little darker than the same filter in GEGL
  // on the same density (README, "Previews"); the preview must not stray further.
  BOOST_TEST(std::abs(preview_sum - gimp_sum) < 0.1 * gimp_sum,
             name << ": the whole preview darkens " << preview_sum << " block-units, GIMP's render " << gimp_sum);
  for (GeglBuffer* b : {photo, composite, small_photo, small_composite, preview})
    g_object_unref(b);
}

}  // namespace

BOOST_AUTO_TEST_CASE(simulate_preview_at_a_quarter_scale_darkens_as_gimps_render_does)
{
  check_preview_against_gimp("preset", norwood_4().stipple);
}

BOOST_AUTO_TEST_CASE(simulate_preview_follows_the_density_shade_and_sessions_of_the_dialog)
{
  smp::StippleSettings overridden = norwood_4().stipple;
  overridden.sessions = overridden.completed_sessions = 1;
  overridden.density_per_cm2 = 60.0;
  overridden.strength = 0.5;
  check_preview_against_gimp("overrides", overridden);
}

namespace {

// A face 800 x 1000 px at 4 px/mm: the lateral canthi 90 mm apart, the glabella between them.
constexpr double face_px_per_mm = 4.0;
const smp::FrontLandmarks face{{400.0, 690.0}, {220.0, 720.0}, {580.0, 720.0}, smp::FaceMarks::lateral_canthi};

struct HairlinePreview {
  std::vector<float> rgb;  // perceptual
  int width = 0, height = 0;
  double scale = 0.0;
  smp::Point mid_frontal;  // in preview pixels
  const float* at(int x, int y) const { return &rgb[3 * (static_cast<std::size_t>(y) * width + x)]; }
};

HairlinePreview hairline_preview_of_a_face(int max_side)
{
  std::vector<float> grey(800 * 1000 * 3, 0.5f);
  GeglBuffer* photo = smp_test::buffer_from(grey, 800, 1000, "R'G'B' float");
  HairlinePreview result;
  GeglBuffer* small = smp_plugin::shrunk_to_fit(photo, max_side, result.scale);
  smp::HairlineDesign design;  // juvenile, 80 mm, no undulation of the anchors
  const smp::Path hairline = smp::front_hairline(face, face_px_per_mm, design);
  const smp::DensityPlan hair_side = smp::one_zone_plan(face_px_per_mm, {hairline, 8.0, true, 0});
  GeglBuffer* preview = smp_plugin::hairline_preview(small, result.scale, hairline, hair_side);
  save(preview, output_dir() + "/hairline-preview-" + std::to_string(max_side) + ".png");
  const GeglRectangle extent = *gegl_buffer_get_extent(preview);
  result.width = extent.width;
  result.height = extent.height;
  result.rgb = pixels(preview, "R'G'B' float");
  const smp::Point mfp = smp::front_hairline_points(face, face_px_per_mm, design).mid_frontal;
  result.mid_frontal = {mfp.x * result.scale, mfp.y * result.scale};
  for (GeglBuffer* b : {photo, small, preview})
    g_object_unref(b);
  return result;
}

bool is_line(const float* p) { return p[0] > 0.8f && p[1] > 0.6f && p[2] < 0.4f; }       // #ffd500
bool is_ramp_edge(const float* p) { return p[0] > 0.75f && p[1] > 0.75f && p[2] > 0.75f; }  // white

}  // namespace

BOOST_AUTO_TEST_CASE(hairline_preview_draws_the_designed_line_through_the_mid_frontal_point)
{
  for (const int max_side : {250, 500, 1000}) {
    const HairlinePreview p = hairline_preview_of_a_face(max_side);
    const int cx = static_cast<int>(std::lround(p.mid_frontal.x)), cy = static_cast<int>(std::lround(p.mid_frontal.y));
    BOOST_TEST_REQUIRE((cx > 2 && cy > 2 && cx < p.width - 3 && cy < p.height - 3));
    int line_pixels = 0;
    for (int y = cy - 1; y <= cy + 1; ++y)
      for (int x = cx - 1; x <= cx + 1; ++x)
        line_pixels += is_line(p.at(x, y));
    BOOST_TEST(line_pixels >= 3, "at scale " << p.scale << " only " << line_pixels
                                              << " of the 9 pixels around the mid-frontal point (" << cx << ", " << cy
                                              << ") show the hairline");
  }
}

BOOST_AUTO_TEST_CASE(hairline_preview_tints_the_hair_side_and_marks_the_ramp_a_transition_width_deep)
{
  const HairlinePreview p = hairline_preview_of_a_face(500);
  const double px_per_mm = face_px_per_mm * p.scale;
  const int cx = static_cast<int>(std::lround(p.mid_frontal.x)), cy = static_cast<int>(std::lround(p.mid_frontal.y));
  const float* above = p.at(cx, cy - static_cast<int>(20 * px_per_mm));
  const float* below = p.at(cx, cy + static_cast<int>(20 * px_per_mm));
  BOOST_TEST(above[2] - above[0] > 0.1f, "20 mm above the line (hair side) the preview is " << above[0] << ", "
                                                                                          << above[1] << ", " << above[2]);
  BOOST_TEST(std::abs(below[2] - below[0]) < 0.02f, "20 mm below the line (forehead) the preview is "
                                                        << below[0] << ", " << below[1] << ", " << below[2]);
  // The 10% and 90% edges of the 8 mm ramp, up and down the column through the mid-frontal point.
  auto nearest_edge = [&](int step) {
    for (int d = 2; d < static_cast<int>(15 * px_per_mm); ++d)
      if (is_ramp_edge(p.at(cx, cy + step * d)))
        return d;
    return -1;
  };
  const int up = nearest_edge(-1), down = nearest_edge(1);
  BOOST_TEST_REQUIRE((up > 0 && down > 0), "no ramp edge found above (" << up << ") or below (" << down << ") the line");
  const double depth_mm = (up + down) / px_per_mm;
  BOOST_TEST(std::abs(depth_mm - 8.0) < 3.0, "the ramp's edges are " << depth_mm << " mm apart; it is 8 mm wide");
}

// A wet shine on the crown (the synthetic head's highlight at 4 times a mildly oily scalp's): the
// pigment lies under the skin's surface, so where the surface reflects, the simulation darkens the
// shine far less than the bare scalp around it, and the highlight stays a highlight.
BOOST_AUTO_TEST_CASE(a_highlight_stays_on_top_of_the_pigment)
{
  smp::SyntheticScalpSpec spec;
  spec.width_px = 1000;
  spec.height_px = 1250;
  spec.px_per_mm = 5.0;
  spec.shine = 4.0;
  const smp::SyntheticScalp scalp = smp::synthetic_scalp_top_view(spec);
  GeglBuffer* photo = smp_test::buffer_from(scalp.rgb, scalp.width, scalp.height, "R'G'B' float");
  auto loaded_preset = smp::load_preset_file(smp_test::env_or_fail("SMP_SOURCE_DIR") + "/presets/alopecia-totalis.preset");
  BOOST_TEST_REQUIRE(std::holds_alternative<smp::Preset>(loaded_preset));
  const smp::Preset& preset = std::get<smp::Preset>(loaded_preset);
  const smp::HeadFrame frame{{scalp.head.centre_x, scalp.head.centre_y}, scalp.head.radius_x, scalp.head.radius_y, -M_PI / 2};
  const smp_plugin::SimulationSpec sim =
      smp_plugin::simulation_spec(preset, smp::Placement::on_head(frame, spec.px_per_mm), seed, preset.stipple);
  GeglBuffer* after = smp_plugin::simulation_preview(photo, 1.0, sim);
  save(after, output_dir() + "/wet-shine-simulation.png");
  // The highlight: the lightest bare skin (its top 3%), against the rest of the bare scalp.
  const auto before_y = pixels(photo, "Y float"), after_y = pixels(after, "Y float");
  std::vector<float> bare_light;
  for (std::size_t i = 0; i < scalp.truth.size(); ++i)
    if (scalp.truth[i] == smp::SyntheticScalp::bare_scalp)
      bare_light.push_back(before_y[i]);
  BOOST_TEST_REQUIRE(bare_light.size() > 10000u);
  std::vector<float> sorted = bare_light;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() * 97 / 100, sorted.end());
  const float shine_from = sorted[sorted.size() * 97 / 100];
  double shine_sum = 0.0, skin_sum = 0.0;
  int shine_n = 0, skin_n = 0;
  for (std::size_t i = 0; i < scalp.truth.size(); ++i) {
    if (scalp.truth[i] != smp::SyntheticScalp::bare_scalp)
      continue;
    const double darkening = 1.0 - after_y[i] / std::max(before_y[i], 1e-6f);
    if (before_y[i] >= shine_from) {
      shine_sum += darkening;
      ++shine_n;
    } else {
      skin_sum += darkening;
      ++skin_n;
    }
  }
  const double in_shine = shine_sum / std::max(shine_n, 1), on_skin = skin_sum / std::max(skin_n, 1);
  BOOST_TEST_MESSAGE("darkening: " << in_shine << " in the highlight (" << shine_n << " px), " << on_skin
                                   << " on the rest of the bare scalp");
  BOOST_TEST(on_skin > 0.05, "the bare scalp darkens by only " << on_skin);
  BOOST_TEST(in_shine < 0.5 * on_skin, "the highlight darkens by " << in_shine << ", the bare scalp around it by " << on_skin
                                                                   << ": the Multiply greys the shine");
  g_object_unref(photo);
  g_object_unref(after);
}

// The dialog keeps the preview's density between redraws: whatever changed, a redraw from what it
// kept is the picture drawn afresh, pixel for pixel; a change of the stipple alone reuses the
// kept density, and a change of the plan (the head moved) draws it again.
BOOST_AUTO_TEST_CASE(a_redraw_from_the_kept_density_is_the_picture_drawn_afresh)
{
  smp::SyntheticScalpSpec spec;
  spec.width_px = 900;
  spec.height_px = 1100;
  spec.px_per_mm = 5.0;
  spec.seed = 5;
  const smp::SyntheticScalp scalp = smp::synthetic_scalp_top_view(spec);
  GeglBuffer* photo = smp_test::buffer_from(scalp.rgb, scalp.width, scalp.height, "R'G'B' float");
  const smp::Preset preset = norwood_4();
  const smp::HeadFrame head_frame{{scalp.head.centre_x, scalp.head.centre_y}, scalp.head.radius_x, scalp.head.radius_y, -M_PI / 2};
  smp::HeadFrame moved = head_frame;
  moved.centre.y += 10 * spec.px_per_mm;
  double scale = 0.0;
  GeglBuffer* small = smp_plugin::shrunk_to_fit(photo, 480, scale);
  std::shared_ptr<const smp_plugin::ScalpAnalysis> scalp_found;
  smp_plugin::PreviewDensity kept;
  // True when the redraw from the kept density is the picture drawn afresh.
  const auto redrawn_alike = [&](const smp::HeadFrame& frame, const smp::StippleSettings& stipple) {
    smp_plugin::SimulationSpec sim =
        smp_plugin::simulation_spec(preset, smp::Placement::on_head(frame, spec.px_per_mm), seed, stipple);
    smp_plugin::Graph graph;
    sim.scalp = scalp_found = smp_plugin::analysed_scalp(smp_plugin::source_node(graph, photo), sim, scalp_found);
    GeglBuffer* afresh = smp_plugin::simulation_preview(small, scale, sim);
    GeglBuffer* from_kept = smp_plugin::simulation_preview(small, scale, sim, &kept);
    const bool alike = pixels(afresh, "RGBA float") == pixels(from_kept, "RGBA float");
    g_object_unref(afresh);
    g_object_unref(from_kept);
    return alike;
  };
  smp::StippleSettings stipple = preset.stipple;
  BOOST_TEST(redrawn_alike(head_frame, stipple), "the first picture from the kept density differs from one drawn afresh");
  BOOST_TEST(kept.drawn() == 1u);
  stipple.density_per_cm2 *= 1.5;
  stipple.sessions = stipple.sessions == 1 ? 2 : 1;
  stipple.dot_diameter_mm *= 1.2;
  BOOST_TEST(redrawn_alike(head_frame, stipple), "after a change of density, sessions and dot size the redraw differs");
  BOOST_TEST(kept.drawn() == 1u, "a change of the stipple alone planned the density again (" << kept.drawn() << " draws)");
  BOOST_TEST(redrawn_alike(moved, stipple), "after the head moved the redraw differs from one drawn afresh: a stale density");
  BOOST_TEST(kept.drawn() == 2u, "the head moved and the density was drawn " << kept.drawn() << " times");
  g_object_unref(small);
  g_object_unref(photo);
}

// SMP Stipple Layer's preview: the stipple inside the selection darkens the photo there as its
// full density does, and leaves the rest of the photo as it was.
BOOST_AUTO_TEST_CASE(stipple_layer_preview_darkens_inside_the_selection_only)
{
  constexpr int size = 600;
  const std::vector<float> skin(static_cast<std::size_t>(size) * size * 3, 0.6f);
  GeglBuffer* photo = smp_test::buffer_from(skin, size, size, "R'G'B' float");
  std::vector<float> left_half(static_cast<std::size_t>(size) * size, 0.0f);
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size / 2; ++x)
      left_half[static_cast<std::size_t>(y) * size + x] = 1.0f;
  GeglBuffer* selection = smp_test::buffer_from(left_half, size, size, "Y float");
  double scale = 0.0;
  GeglBuffer* small = smp_plugin::shrunk_to_fit(photo, 300, scale);
  smp::StippleSettings stipple;
  stipple.px_per_mm = 10.0;
  GeglBuffer* shown = smp_plugin::stipple_preview(small, scale, selection, babl_format("Y float"), stipple);
  const auto before = pixels(small, "Y float"), after = pixels(shown, "Y float");
  const int w = gegl_buffer_get_extent(small)->width, h = gegl_buffer_get_extent(small)->height;
  double inside = 0.0, outside = 0.0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      const double darkening = 1.0 - after[i] / before[i];
      // A dot's halo reaches past the selection's edge: 3 mm (15 preview pixels) either side are left out.
      if (x < w / 2 - 15)
        inside += darkening / ((w / 2 - 15) * h);
      else if (x > w / 2 + 15)
        outside = std::max(outside, std::abs(darkening));
    }
  BOOST_TEST_MESSAGE("stipple layer preview: darkening " << inside << " inside the selection, at most " << outside << " outside");
  BOOST_TEST(inside > 0.05, "the selection darkens by only " << inside);
  BOOST_TEST(outside < 1e-6, "outside the selection the photo changed by " << outside);
  for (GeglBuffer* b : {photo, selection, small, shown})
    g_object_unref(b);
}
