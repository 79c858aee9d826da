#include "preset_fuzz.hpp"

#include <glib.h>

#include <cmath>
#include <sstream>
#include <variant>

#include "hash.hpp"
#include "presets/preset.hpp"
#include "presets/density_plan.hpp"
#include "presets/preset_writer.hpp"

namespace smp_fuzz {
namespace {

class Draw {
 public:
  Draw(std::uint64_t seed, std::uint64_t index) : state_(smp::mix64(seed ^ smp::mix64(index + 0x9e5e7))) {}
  std::uint64_t next() { return state_ = smp::mix64(state_); }
  int below(std::size_t n) { return n == 0 ? 0 : static_cast<int>(next() % n); }
  bool chance(double p) { return smp::to_unit(next()) < p; }

 private:
  std::uint64_t state_;
};

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

const std::vector<std::string> odd_numbers{"2.9",  "0x10", "0x1p-2", "1e308", "1e999", "-0",   "1e-400", "nan",
                                           "inf",  " 5",   "5;",     ";",     "1,5",   "+.5",  "5e",     "\xd9\xa3",
                                           "1e6",  "-1e6", "0.5 0.5", "",     "1.5.5", "--1",  "1e+",    "0.0000001"};

std::string zone(Draw& d, int k)
{
  std::string z = "[zone:z" + std::to_string(k) + "]\n";
  switch (d.below(3)) {
    case 0: return z + "shape=ellipse\ncentre=0;0\nradii=0.2;0.2\n";
    case 1: {
      z += "shape=polygon\npoints=";
      const int corners = 3 + d.below(8);
      for (int i = 0; i < corners; ++i)
        z += std::string(i ? ";" : "") + std::to_string(d.below(300) / 100.0 - 1.5) + ";" + std::to_string(d.below(300) / 100.0 - 1.5);
      return z + "\n";
    }
    default: return z + "shape=ring\nradii=0.5;0.9\nangles=0;180\n";
  }
}

}  // namespace

std::string broken_preset(const std::vector<std::string>& shipped, std::uint64_t seed, std::uint64_t index)
{
  Draw d(seed, index);
  std::vector<std::string> lines = lines_of(shipped[static_cast<std::size_t>(d.below(shipped.size()))]);
  const int edits = 1 + d.below(3);
  for (int e = 0; e < edits && !lines.empty(); ++e) {
    const std::size_t at = static_cast<std::size_t>(d.below(lines.size()));
    switch (d.below(10)) {
      case 0: lines.insert(lines.begin() + static_cast<long>(at), lines[at]); break;  // a key or group twice
      case 1: lines.erase(lines.begin() + static_cast<long>(at)); break;
      case 2: {  // a number spelt oddly
        std::string& line = lines[at];
        const auto eq = line.find('=');
        if (eq != std::string::npos)
          line = line.substr(0, eq + 1) + odd_numbers[static_cast<std::size_t>(d.below(odd_numbers.size()))];
        break;
      }
      case 3:
        lines.insert(lines.begin() + static_cast<long>(at),
                     std::vector<std::string>{"[preset]", "[zone:x]", "[stipple]", "[hairline]", "[zone:]", "[]",
                                              "[" + std::string(200, 'g') + "]", "name=Another"}[static_cast<std::size_t>(d.below(8))]);
        break;
      case 4: {  // many zones
        const int n = 1 + d.below(200);
        std::string zones;
        for (int k = 0; k < n; ++k)
          zones += zone(d, k);
        lines.push_back(zones);
        break;
      }
      case 5: {  // a huge value
        std::string& line = lines[at];
        const auto eq = line.find('=');
        if (eq != std::string::npos)
          line = line.substr(0, eq + 1) + std::string(static_cast<std::size_t>(d.below(400000)), 'x');
        break;
      }
      case 6: {  // bytes
        std::string& line = lines[at];
        for (int k = d.below(6); k >= 0; --k) {
          const char c = static_cast<char>(d.below(256));
          if (line.empty() || d.chance(0.5))
            line.insert(static_cast<std::size_t>(d.below(line.size() + 1)), 1, c);
          else
            line[static_cast<std::size_t>(d.below(line.size()))] = c;
        }
        break;
      }
      case 7: lines.resize(at); break;  // cut short
      case 8: lines[at] += "\r"; break;
      default: lines.insert(lines.begin() + static_cast<long>(at), zone(d, 999)); break;
    }
  }
  std::string text;
  for (const std::string& line : lines)
    text += line + "\n";
  return text;
}

std::vector<std::string> check_preset(const std::string& text)
{
  std::vector<std::string> findings;
  const auto result = smp::parse_preset(text, "fuzz.preset");
  if (const auto* e = std::get_if<smp::PresetError>(&result)) {
    const std::string m = e->message();
    if (m.rfind("fuzz.preset", 0) != 0)
      findings.push_back("the message does not name the file: " + m.substr(0, 200));
    if (e->reason.empty())
      findings.push_back("no reason given: " + m.substr(0, 200));
    // A problem with a group or key that the text holds is placed on its line.
    const bool placed_in_text = !e->group.empty() && text.find("[" + e->group + "]") != std::string::npos &&
                                (e->key.empty() || text.find(e->key + "=") != std::string::npos);
    if (placed_in_text && e->line == 0 && e->reason.find("missing") == std::string::npos)
      findings.push_back("no line number: " + m.substr(0, 200));
    return findings;
  }
  const smp::Preset& p = std::get<smp::Preset>(result);
  if (p.zones.empty() || p.zones.size() > smp::PresetLimits::max_zones)
    findings.push_back("accepted with " + std::to_string(p.zones.size()) + " zones");
  if (p.name.empty() || g_utf8_strlen(p.name.c_str(), -1) > smp::PresetLimits::max_name_chars)
    findings.push_back("accepted a name of " + std::to_string(p.name.size()) + " bytes");
  if (p.stipple.sessions < 1 || p.stipple.sessions > 3 || !std::isfinite(p.stipple.density_per_cm2))
    findings.push_back("accepted stipple settings out of range");
  // Written back, it reads the same; a top view paints a density within 0..1.
  if (std::holds_alternative<smp::PresetError>(smp::parse_preset(smp::preset_to_text(p), "again.preset")))
    findings.push_back("accepted, but its text written back is refused");
  if (p.view == smp::View::top) {
    const smp::HeadFrame head{{48.0, 48.0}, 40.0, 46.0, -1.5707963267948966};
    std::vector<float> density(96 * 96);
    smp::DensityPlan plan = smp::density_plan(p, smp::Placement::on_head(head, 0.5), 0);
    plan.reach_mm = smp::reach_to_hair_mm;
    smp::render_density(plan, {0, 0, 96, 96}, 0, density.data());
    for (const float v : density)
      if (!(v >= 0.0f && v <= 1.0f)) {
        findings.push_back("painted a density of " + std::to_string(v));
        break;
      }
  }
  return findings;
}

}  // namespace smp_fuzz
