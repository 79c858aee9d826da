#define BOOST_TEST_MODULE plugin_stencil
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "hairline/hairline_design.hpp"
#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"
#include "support/png_pixels.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

constexpr double dpi = 300.0;
constexpr double px_per_mm_print = dpi / 25.4;

const smp_test::GimpCase& the_case()
{
  static const smp_test::GimpCase c("plugin-stencil", "stencil_case.py");
  return c;
}

std::string run_tool(const std::vector<std::string>& args)
{
  std::vector<const char*> argv;
  for (const auto& a : args)
    argv.push_back(a.c_str());
  argv.push_back(nullptr);
  gchar* out = nullptr;
  gint status = 0;
  GError* error = nullptr;
  const gboolean ran = g_spawn_sync(nullptr, const_cast<gchar**>(argv.data()), nullptr, G_SPAWN_SEARCH_PATH, nullptr,
                                    nullptr, &out, nullptr, &status, &error);
  BOOST_TEST_REQUIRE(ran, "could not run " << args[0] << ": " << (error ? error->message : "?"));
  BOOST_TEST_REQUIRE(g_spawn_check_wait_status(status, nullptr), args[0] << " failed on " << args.back());
  std::string s = out ? out : "";
  g_free(out);
  return s;
}

// The PDF's pages rendered at 300 dpi, as a printer would put them on paper.
std::vector<smp_test::Rgba8> rendered_pages(const std::string& pdf, int pages)
{
  const std::string prefix = pdf.substr(0, pdf.size() - 4) + "-300dpi";
  run_tool({"pdftoppm", "-r", "300", "-png", pdf, prefix});
  std::vector<smp_test::Rgba8> images;
  for (int i = 1; i <= pages; ++i) {
    const std::string number = pages >= 10 && i < 10 ? "0" + std::to_string(i) : std::to_string(i);
    images.push_back(smp_test::load_png(prefix + "-" + number + ".png"));
  }
  return images;
}

bool dark(const smp_test::Rgba8& page, int x, int y, int below = 128)
{
  return page.at(x, y)[0] < below && page.at(x, y)[1] < below && page.at(x, y)[2] < below;
}

// The length of the longest solid horizontal bar on the page (over 1.5 mm thick: not a frame
// line), in mm: its ink summed along its middle row, so that anti-aliased ends count by coverage.
double scale_bar_mm(const smp_test::Rgba8& page)
{
  const int half_thickness = int(0.75 * px_per_mm_print);
  int best_run = 0, best_y = 0, best_x = 0;
  for (int y = half_thickness; y + half_thickness < page.height; ++y)
    for (int x = 0, run = 0; x < page.width; ++x) {
      run = dark(page, x, y) && dark(page, x, y - half_thickness) && dark(page, x, y + half_thickness) ? run + 1 : 0;
      if (run > best_run) {
        best_run = run;
        best_y = y;
        best_x = x - run + 1;
      }
    }
  double ink = 0.0;
  for (int x = std::max(0, best_x - 4); x < std::min(page.width, best_x + best_run + 4); ++x)
    ink += (255.0 - page.at(x, best_y)[0]) / 255.0;
  return ink / px_per_mm_print;
}

std::string text_of(const std::string& pdf)
{
  return run_tool({"pdftotext", "-layout", pdf, "-"});
}

std::string mm(double value)
{
  char text[32];
  g_snprintf(text, sizeof text, "%.1f", value);
  return text;
}

// Where each word lies on each page (pdftotext -bbox), in 300-dpi pixels: word -> page -> (x, y).
struct WordBox {
  double x_min, y_max;
};
std::map<std::string, std::map<int, WordBox>> word_boxes(const std::string& pdf)
{
  const std::string html = run_tool({"pdftotext", "-bbox", pdf, "-"});
  std::map<std::string, std::map<int, WordBox>> words;
  const std::regex page_or_word(R"re(<page |<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  int page = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), page_or_word); it != std::sregex_iterator(); ++it) {
    if ((*it)[0].str() == "<page ") {
      ++page;
      continue;
    }
    // The highest occurrence: a mark's name is also in the title block's page note below the drawing.
    const WordBox box{std::stod((*it)[1].str()) / 72.0 * dpi, std::stod((*it)[4].str()) / 72.0 * dpi};
    auto& on_page = words[(*it)[5].str()];
    if (!on_page.count(page) || box.y_max < on_page[page].y_max)
      on_page[page] = box;
  }
  return words;
}

struct Centre {
  double x, y;
};

// The centre of an alignment mark's filled disc, starting from a guess within a millimetre.
Centre mark_centre(const smp_test::Rgba8& page, Centre guess)
{
  const double radius = 1.8 * px_per_mm_print;
  for (int iteration = 0; iteration < 6; ++iteration) {
    double sx = 0.0, sy = 0.0, n = 0.0;
    for (int y = int(guess.y - radius); y <= int(guess.y + radius); ++y)
      for (int x = int(guess.x - radius); x <= int(guess.x + radius); ++x)
        if (x >= 0 && y >= 0 && x < page.width && y < page.height && std::hypot(x - guess.x, y - guess.y) <= radius) {
          const double ink = (255.0 - page.at(x, y)[0]) / 255.0;
          sx += ink * x;
          sy += ink * y;
          n += ink;
        }
    if (n > 0)
      guess = {sx / n, sy / n};
  }
  return guess;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_scale_bar_prints_100_mm_long)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("single", "status") == "success", c.value("single", "message") << "\n" << c.output);
  BOOST_TEST_REQUIRE(c.value("single", "pages") == "1");
  const auto pages = rendered_pages(c.dir + "/single.pdf", 1);
  // A4 at 300 dpi: 2480 x 3508 pixels, the page at its true size.
  BOOST_TEST(std::abs(pages[0].width / px_per_mm_print - 210.0) < 0.2, pages[0].width << " px wide");
  const double bar = scale_bar_mm(pages[0]);
  BOOST_TEST_MESSAGE("single page: the scale bar prints " << bar << " mm long");
  BOOST_TEST(std::abs(bar - 100.0) < 0.3, "the 100 mm scale bar prints " << bar << " mm long");
  BOOST_TEST(g_file_test((c.dir + "/single.svg").c_str(), G_FILE_TEST_EXISTS), "no SVG beside the PDF");
}

BOOST_AUTO_TEST_CASE(the_text_holds_the_construction_measurements)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("single", "status") == "success", c.value("single", "message"));
  const std::string text = text_of(c.dir + "/single.pdf");
  BOOST_TEST_MESSAGE("stencil text:\n" << text);
  // The designed mid-frontal point: 80 mm above the glabella (the juvenile line's own).
  BOOST_TEST(text.find("Mid-frontal point (B): 80.0 mm above the glabella") != std::string::npos, text);
  BOOST_TEST(text.find("CASE-single") != std::string::npos);
  BOOST_TEST(text.find("2026-11-22") != std::string::npos);
  BOOST_TEST(text.find("SMP Calibrate Scale") != std::string::npos, "the title block does not say how the scale was set");

  // The temple points where the hairline construction puts them, from the same landmarks.
  GKeyFile* report = g_key_file_new();
  g_key_file_load_from_file(report, (c.dir + "/report.ini").c_str(), G_KEY_FILE_NONE, nullptr);
  gsize n = 0;
  gdouble* l = g_key_file_get_double_list(report, "single", "landmarks", &n, nullptr);
  const double px_per_mm = g_key_file_get_double(report, "single", "px-per-mm", nullptr);
  g_key_file_free(report);
  BOOST_TEST_REQUIRE(n == 6u);
  const smp::FrontLandmarks landmarks{{l[0], l[1]}, {l[2], l[3]}, {l[4], l[5]}, smp::FaceMarks::lateral_canthi};
  g_free(l);
  const auto points = smp::front_hairline_points(landmarks, px_per_mm, smp::HairlineDesign{});
  for (const smp::Point& p : {points.frontotemporal_left, points.frontotemporal_right}) {
    const smp::Point f = smp::face_point_mm(landmarks, px_per_mm, p);
    const std::string expected = mm(std::abs(f.x)) + " mm lateral, " + mm(f.y) + " mm up";
    BOOST_TEST(text.find(expected) != std::string::npos, "missing \"" << expected << "\" in\n" << text);
  }
}

// A photo cropped at the brows: marked at the brows, the stencil measures from the brow line and
// says so, and the hairline path keeps which reference it was designed from.
BOOST_AUTO_TEST_CASE(marked_at_the_brows_the_stencil_measures_from_the_brow_line)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("design-brows", "status") == "success", c.value("design-brows", "message"));
  BOOST_TEST(c.value("design-brows", "reference") == "the brow line");
  BOOST_TEST(c.value("design-canthi", "reference") == "the glabella");
  BOOST_TEST_REQUIRE(c.value("brows", "status") == "success", c.value("brows", "message"));
  const std::string text = text_of(c.dir + "/brows.pdf");
  BOOST_TEST(text.find("Mid-frontal point (B): 80.0 mm above the brow line (A)") != std::string::npos, text);
  BOOST_TEST(text.find("A brow line") != std::string::npos, "the origin's tick does not name the brow line:\n" << text);
  BOOST_TEST(text.find("glabella") == std::string::npos, "a stencil from the brows names the glabella:\n" << text);
}

BOOST_AUTO_TEST_CASE(a_top_view_with_the_face_down_gives_the_same_upright_stencil_as_face_up)
{
  const auto& c = the_case();
  for (const char* section : {"design-up", "design-down", "top-up", "top-down"})
    BOOST_TEST_REQUIRE(c.value(section, "status") == "success", section << ": " << c.value(section, "message"));
  const auto measurements = [](const std::string& text) {
    std::string lines;
    for (const char* start : {"Mid-frontal point (B): ", "Temple points: ", "Temporal peaks: "}) {
      const auto at = text.find(start);
      lines += at == std::string::npos ? std::string("(no ") + start + ")\n" : text.substr(at, text.find('\n', at) - at) + "\n";
    }
    return lines;
  };
  const std::string up = measurements(text_of(c.dir + "/top-up.pdf")), down = measurements(text_of(c.dir + "/top-down.pdf"));
  BOOST_TEST_MESSAGE("face up:\n" << up << "face down:\n" << down);
  BOOST_TEST(up == down, "the face-down stencil differs:\n" << down << "from the face-up one:\n" << up);
  // Seen from above a mature hairline's middle lies ahead of its temple corners: on a sheet that
  // reads upright (the top of the head up), below the line joining its ends.
  BOOST_TEST(up.find(" mm below the line joining") != std::string::npos, up);
  BOOST_TEST(up.find(" -") == std::string::npos, "a signed distance in words: " << up);
}

BOOST_AUTO_TEST_CASE(a_wide_drawing_is_tiled_and_its_marks_line_the_pages_up)
{
  const auto& c = the_case();
  BOOST_TEST_REQUIRE(c.value("tiled", "status") == "success", c.value("tiled", "message") << "\n" << c.output);
  const int count = std::stoi(c.value("tiled", "pages"));
  BOOST_TEST_REQUIRE(count >= 2, "a drawing about 30 cm wide fits one Letter page: " << count);
  const auto pages = rendered_pages(c.dir + "/tiled.pdf", count);
  // Letter at 300 dpi.
  BOOST_TEST(std::abs(pages[0].width / px_per_mm_print - 215.9) < 0.2, pages[0].width << " px wide");
  for (int i = 0; i < count; ++i) {
    const double bar = scale_bar_mm(pages[i]);
    BOOST_TEST_MESSAGE("tiled page " << i + 1 << ": the scale bar prints " << bar << " mm long");
    BOOST_TEST(std::abs(bar - 100.0) < 0.3, "page " << i + 1 << ": the scale bar prints " << bar << " mm");
  }

  const auto words = word_boxes(c.dir + "/tiled.pdf");
  int shared_marks = 0;
  for (const auto& [word, on_pages] : words) {
    if (!std::regex_match(word, std::regex("M[0-9]+")))
      continue;
    BOOST_TEST_REQUIRE(on_pages.size() == 2u, word << " is on " << on_pages.size() << " pages, not on the two it joins");
    const auto first = on_pages.begin(), second = std::next(first);
    // The label sits 5.5 mm right of the mark and 3.5 mm above it.
    auto centre_on = [&](int page, const WordBox& b) {
      return mark_centre(pages[page - 1], {b.x_min - 5.5 * px_per_mm_print, b.y_max + 2.8 * px_per_mm_print});
    };
    const Centre a = centre_on(first->first, first->second), b = centre_on(second->first, second->second);
    // Laid over each other with these marks coinciding, the drawing of both pages must agree.
    const smp_test::Rgba8& page_a = pages[first->first - 1];
    const smp_test::Rgba8& page_b = pages[second->first - 1];
    const int dx = int(std::lround(a.x - b.x)), dy = int(std::lround(a.y - b.y));
    const int reach = int(8 * px_per_mm_print), height = int(100 * px_per_mm_print);
    int ink_b = 0, matched = 0;
    for (int y = int(b.y) - height; y <= int(b.y) + height; ++y)
      for (int x = int(b.x) - reach; x <= int(b.x) + reach; ++x) {
        if (y < 0 || y >= page_b.height || x < 0 || x >= page_b.width || !dark(page_b, x, y, 100))
          continue;
        const int ax = x + dx, ay = y + dy;
        if (ax < 1 || ay < 1 || ax + 1 >= page_a.width || ay + 1 >= page_a.height)
          continue;
        ++ink_b;
        bool found = false;
        for (int oy = -1; oy <= 1 && !found; ++oy)
          for (int ox = -1; ox <= 1 && !found; ++ox)
            found = dark(page_a, ax + ox, ay + oy, 160);
        matched += found;
      }
    BOOST_TEST_MESSAGE(word << ": pages " << first->first << " and " << second->first << " offset by (" << dx << ", "
                            << dy << ") px; " << matched << " of " << ink_b << " drawn pixels meet");
    BOOST_TEST(ink_b > 200, word << ": little drawing around the mark to compare (" << ink_b << " px)");
    BOOST_TEST(matched >= 0.97 * ink_b, word << ": laid over each other at the marks, " << matched << " of " << ink_b
                                             << " drawn pixels of page " << second->first << " meet page "
                                             << first->first << "'s drawing");
    ++shared_marks;
  }
  BOOST_TEST(shared_marks >= 1, "no alignment marks on the tiled stencil");
}

BOOST_AUTO_TEST_CASE(an_uncalibrated_image_is_refused_with_how_to_calibrate)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("uncalibrated", "status") == "calling-error");
  const std::string message = c.value("uncalibrated", "message");
  BOOST_TEST(message.find("not calibrated") != std::string::npos, message);
  BOOST_TEST(message.find("SMP Calibrate Scale") != std::string::npos, message);
  BOOST_TEST(!g_file_test((c.dir + "/uncalibrated.pdf").c_str(), G_FILE_TEST_EXISTS), "a PDF was written anyway");
  // Told to trust the resolution, it draws and says so in the title block.
  BOOST_TEST_REQUIRE(c.value("from-resolution", "status") == "success", c.value("from-resolution", "message"));
  BOOST_TEST(text_of(c.dir + "/from-resolution.pdf").find("not calibrated in SMP") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_drawing_metres_wide_is_refused_as_a_wrong_scale)
{
  const auto& c = the_case();
  BOOST_TEST(c.value("wrong-scale", "status") == "execution-error");
  const std::string message = c.value("wrong-scale", "message");
  BOOST_TEST(message.find("check the image's scale") != std::string::npos, message);
}
