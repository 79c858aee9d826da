#define BOOST_TEST_MODULE plugin_batch
#include <boost/test/unit_test.hpp>

#include <glib/gstdio.h>

#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"
#include "synthetic/synthetic_face.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

void write_file(const std::string& path, const std::string& text)
{
  BOOST_TEST_REQUIRE(g_file_set_contents(path.c_str(), text.c_str(), -1, nullptr), "could not write " << path);
}

std::string read_file(const std::string& path)
{
  gchar* text = nullptr;
  gsize size = 0;
  if (!g_file_get_contents(path.c_str(), &text, &size, nullptr))
    return "";
  std::string s(text, size);
  g_free(text);
  return s;
}

void write_face_png(const std::string& path, const smp::SyntheticFace& face)
{
  const GeglRectangle rect{0, 0, face.width, face.height};
  GeglBuffer* buffer = gegl_buffer_new(&rect, babl_format("R'G'B' float"));
  gegl_buffer_set(buffer, &rect, 0, babl_format("R'G'B' float"), face.rgb.data(), GEGL_AUTO_ROWSTRIDE);
  GeglNode* graph = gegl_node_new();
  GeglNode* source = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
  GeglNode* save = gegl_node_new_child(graph, "operation", "gegl:png-save", "path", path.c_str(), "bitdepth", 8, nullptr);
  gegl_node_link(source, save);
  gegl_node_process(save);
  g_object_unref(graph);
  g_object_unref(buffer);
}

struct Run {
  std::string output;
  int exit_status = -1;
};

Run run_batch(const std::vector<std::string>& args)
{
  std::vector<const char*> argv;
  for (const auto& a : args)
    argv.push_back(a.c_str());
  argv.push_back(nullptr);
  gchar** env = g_environ_setenv(g_get_environ(), "SMP_GIMP3_BUILD", smp_test::env_or_fail("SMP_BUILD_DIR").c_str(), TRUE);
  gchar* out = nullptr;
  gchar* err = nullptr;
  gint status = 0;
  GError* error = nullptr;
  const gboolean ran = g_spawn_sync(nullptr, const_cast<gchar**>(argv.data()), env, G_SPAWN_SEARCH_PATH, nullptr, nullptr,
                                    &out, &err, &status, &error);
  g_strfreev(env);
  BOOST_TEST_REQUIRE(ran, "could not run " << args[0] << ": " << (error ? error->message : "?"));
  Run r{std::string(out ? out : "") + (err ? err : ""), WIFEXITED(status) ? WEXITSTATUS(status) : -1};
  g_free(out);
  g_free(err);
  return r;
}

// A folder of four photos: a top view and a front view that work, a broken file, and a photo
// without a sidecar; and what the batch made of it.
struct Batch {
  std::string dir, in, out, settings;
  std::map<std::string, std::string> inputs_before;
  Run run;

  Batch()
  {
    dir = smp_test::env_or_fail("SMP_OUTPUT_DIR") + "/plugin-batch";
    in = dir + "/photos";
    out = dir + "/results";
    settings = dir + "/settings.smp-batch";
    const std::string build = smp_test::env_or_fail("SMP_BUILD_DIR");
    const std::string source = smp_test::env_or_fail("SMP_SOURCE_DIR");
    run_batch({"rm", "-rf", in, out});
    g_mkdir_with_parents(in.c_str(), 0755);
    write_file(settings, "[batch]\npreset=norwood-4\nseed=3\nstyle=mature\n");

    // The project's synthetic top-view head, with its outline in the sidecar.
    const Run scalp = run_batch({build + "/tools/smp-synthetic-scalp", in + "/top-view.png", "1"});
    BOOST_TEST_REQUIRE(scalp.exit_status == 0, scalp.output);
    const auto head = scalp.output.find("head=");
    BOOST_TEST_REQUIRE(head != std::string::npos, scalp.output);
    const std::string head_box = scalp.output.substr(head + 5, scalp.output.find_first_of(" \n", head) - head - 5);
    write_file(in + "/top-view.smp", "[photo]\npx-per-mm=6\nhead=" + head_box + "\nclient-reference=TOP-1\n");

    // The synthetic face marked at its brows alone, as a photo cropped at them would be.
    const smp::SyntheticFaceSpec spec;
    const smp::SyntheticFace face = smp::synthetic_face_front(spec);
    write_face_png(in + "/front-view.png", face);
    char landmarks[200];
    g_snprintf(landmarks, sizeof landmarks, "%.1f,%.1f,%.1f,%.1f", face.left_brow.x, face.left_brow.y, face.right_brow.x,
               face.right_brow.y);
    write_file(in + "/front-view.png.smp", "[photo]\npx-per-mm=" + std::to_string(spec.px_per_mm) +
                                               "\nlandmarks=" + landmarks + "\neyes=brows\n");

    write_file(in + "/broken.png", "this is not a PNG");
    write_file(in + "/broken.smp", "[photo]\npx-per-mm=6\nhead=10,10,100,100\n");
    run_batch({"cp", in + "/top-view.png", in + "/no-sidecar.png"});
    run_batch({"cp", in + "/top-view.png", in + "/sideways.png"});
    write_file(in + "/sideways.smp", "[photo]\npx-per-mm=6\nhead=" + head_box + "\nfront=sideways\n");

    for (const char* name : {"top-view.png", "front-view.png", "broken.png", "no-sidecar.png", "sideways.png", "top-view.smp",
                             "front-view.png.smp", "broken.smp", "sideways.smp"})
      inputs_before[name] = read_file(in + "/" + name);
    run = run_batch({source + "/tools/smp-batch", settings, in, out});
    BOOST_TEST_MESSAGE("smp-batch printed:\n" << run.output);

    // Settings no procedure takes: each photo fails, naming the value and the choices.
    const std::string one = dir + "/one-photo";
    run_batch({"rm", "-rf", one, dir + "/bad-results"});
    g_mkdir_with_parents(one.c_str(), 0755);
    run_batch({"cp", in + "/top-view.png", in + "/top-view.smp", one});
    for (const char* bad : {"preset=norwood-44", "layout=diagonal"}) {
      write_file(dir + "/bad.smp-batch", std::string("[batch]\npreset=norwood-4\n") + bad + "\n");
      bad_settings[bad] = run_batch({source + "/tools/smp-batch", dir + "/bad.smp-batch", one, dir + "/bad-results"});
    }
  }
  std::map<std::string, Run> bad_settings;
};

const Batch& the_batch()
{
  static const Batch b;
  return b;
}

bool exists(const std::string& path)
{
  return g_file_test(path.c_str(), G_FILE_TEST_EXISTS);
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_good_photos_get_simulation_before_after_and_stencil)
{
  const auto& b = the_batch();
  for (const char* stem : {"top-view", "front-view"})
    for (const char* suffix : {"-simulation.png", "-simulation.xcf", "-before-after.png", "-stencil.pdf", "-stencil.svg"})
      BOOST_TEST(exists(b.out + "/" + stem + suffix), stem << suffix << " is missing; smp-batch printed:\n" << b.run.output);
  BOOST_TEST(b.run.output.find("[2/5] front-view.png: done") != std::string::npos, b.run.output);
  BOOST_TEST(b.run.output.find("top-view.png: done") != std::string::npos, b.run.output);
}

BOOST_AUTO_TEST_CASE(the_three_failures_are_reported_and_the_exit_status_says_so)
{
  const auto& b = the_batch();
  BOOST_TEST(b.run.exit_status == 1, "exit status " << b.run.exit_status);
  BOOST_TEST(b.run.output.find("broken.png: FAILED") != std::string::npos, b.run.output);
  BOOST_TEST(b.run.output.find("no-sidecar.png: FAILED: no sidecar") != std::string::npos, b.run.output);
  BOOST_TEST(b.run.output.find("sideways.png: FAILED: front=sideways is not one of up, down, left, right") != std::string::npos,
             b.run.output);
  BOOST_TEST(b.run.output.find("2 done, 3 failed") != std::string::npos, b.run.output);
  const std::string report = read_file(b.out + "/batch-report.ini");
  BOOST_TEST(report.find("[broken.png]\nstatus=failed") != std::string::npos, report);
  BOOST_TEST(report.find("[no-sidecar.png]\nstatus=failed") != std::string::npos, report);
  BOOST_TEST(!exists(b.out + "/broken-simulation.png"), "a failed photo left outputs");
}

BOOST_AUTO_TEST_CASE(the_inputs_are_never_written)
{
  const auto& b = the_batch();
  for (const auto& [name, content] : b.inputs_before)
    BOOST_TEST(read_file(b.in + "/" + name) == content, name << " changed");
  GDir* folder = g_dir_open(b.in.c_str(), 0, nullptr);
  int files = 0;
  while (g_dir_read_name(folder))
    ++files;
  g_dir_close(folder);
  BOOST_TEST(files == 9, files << " files in the input folder, 9 were put there");
  const Run same = run_batch({smp_test::env_or_fail("SMP_SOURCE_DIR") + "/tools/smp-batch", b.settings, b.in, b.in});
  BOOST_TEST(same.exit_status == 2, "output = input folder: exit " << same.exit_status);
  BOOST_TEST(same.output.find("no photo is overwritten") != std::string::npos, same.output);
}

BOOST_AUTO_TEST_CASE(a_setting_no_procedure_takes_fails_the_photo_and_names_the_value_and_the_choices)
{
  const auto& b = the_batch();
  for (const auto& [bad, words] : std::map<std::string, std::string>{
           {"preset=norwood-44", "preset=norwood-44 is not one of "}, {"layout=diagonal", "layout=diagonal is not one of "}}) {
    const Run& r = b.bad_settings.at(bad);
    BOOST_TEST(r.exit_status == 1, bad << ": exit status " << r.exit_status << "; it printed:\n" << r.output);
    // The preset is checked by Simulate SMP itself (the presets are read when it runs), the layout by the batch.
    BOOST_TEST(std::regex_search(r.output, std::regex("top-view.png: FAILED: (Simulate SMP: )?" + words)), bad << ": " << r.output);
    BOOST_TEST(r.output.find("0 done, 1 failed") != std::string::npos, bad << ": " << r.output);
  }
}

// The sidecar marks the face at its brows alone (eyes=brows), as a photo cropped at them.
BOOST_AUTO_TEST_CASE(the_stencil_of_the_front_view_measures_from_the_brow_line)
{
  const auto& b = the_batch();
  BOOST_TEST_REQUIRE(exists(b.out + "/front-view-stencil.pdf"));
  const Run text = run_batch({"pdftotext", b.out + "/front-view-stencil.pdf", "-"});
  // The mature style: the mid-frontal point 80 + 16 mm above the brow line, give or take the
  // design's default 2 mm irregularity.
  std::smatch found;
  BOOST_TEST_REQUIRE(std::regex_search(text.output, found, std::regex(R"(Mid-frontal point \(B\): ([0-9.]+) mm above the brow line)")),
                     text.output);
  const double mfp = std::stod(found[1].str());
  BOOST_TEST(std::abs(mfp - 96.0) <= 2.5, "mid-frontal point " << mfp << " mm above the brow line");
  BOOST_TEST(text.output.find("from the batch sidecar front-view.png.smp") != std::string::npos, text.output);
}
