// Every case the fuzzer found, kept: filter cases in tests/fuzz/regressions.txt (one line each,
// as smp-fuzz prints them), broken presets in tests/fuzz/presets/ (each must be refused, on its
// line). Each must now pass the checks it failed.
#define BOOST_TEST_MODULE fuzz_regressions
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_case.hpp"
#include "fuzz_check.hpp"
#include "presets/preset.hpp"
#include "preset_fuzz.hpp"
#include "support/gegl_session.hpp"

namespace {

struct Session : smp_test::GeglSession {
  Session() { smp_fuzz::watch_warnings(); }
};

std::string fuzz_folder()
{
  const char* source = std::getenv("SMP_SOURCE_DIR");
  BOOST_TEST_REQUIRE(source != nullptr, "SMP_SOURCE_DIR must name the project's source folder");
  return std::string(source) + "/tests/fuzz";
}

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(Session);

BOOST_AUTO_TEST_CASE(every_filter_case_found_passes)
{
  std::ifstream in(fuzz_folder() + "/regressions.txt");
  BOOST_TEST_REQUIRE(in.good(), "no tests/fuzz/regressions.txt");
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    std::string error;
    const auto c = smp_fuzz::parse_case(line, &error);
    BOOST_TEST_REQUIRE(c.has_value(), error << ": " << line);
    ++cases;
    for (const std::string& finding : smp_fuzz::check_case(*c))
      BOOST_TEST(false, finding << "\n    " << line.substr(0, 400));
  }
  BOOST_TEST_MESSAGE(cases << " filter cases replayed");
  BOOST_TEST(cases > 0);
}

BOOST_AUTO_TEST_CASE(every_broken_preset_kept_is_refused_with_its_file_and_line)
{
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fuzz_folder() + "/presets")) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ++files;
    for (const std::string& finding : smp_fuzz::check_preset(text))
      BOOST_TEST(false, entry.path().filename().string() << ": " << finding);
    const auto read = smp::parse_preset(text, entry.path().filename().string());
    const auto* error = std::get_if<smp::PresetError>(&read);
    BOOST_TEST((error && error->line > 0), entry.path().filename().string() << " was accepted or refused without a line");
  }
  BOOST_TEST_MESSAGE(files << " broken presets read");
  BOOST_TEST(files > 0);
}
