#include "fuzz_case.hpp"

#include <gegl.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "hash.hpp"

namespace smp_fuzz {
namespace {

// A stream of random numbers from (seed, index): the same case whatever else ran before.
class Draw {
 public:
  Draw(std::uint64_t seed, std::uint64_t index) : state_(smp::mix64(seed ^ smp::mix64(index + 0x5eed))) {}
  std::uint64_t next() { return state_ = smp::mix64(state_); }
  double unit() { return smp::to_unit(next()); }
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(double p) { return unit() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& from) { return from[static_cast<std::size_t>(below(static_cast<int>(from.size())))]; }

 private:
  std::uint64_t state_;
};

std::string number(double v)
{
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

// Values at and beyond the ends of a range, the non-numbers, and ordinary ones.
std::string wild_double(Draw& d, double lo, double hi)
{
  switch (d.below(12)) {
    case 0: return "nan";
    case 1: return "inf";
    case 2: return "-inf";
    case 3: return number(lo);
    case 4: return number(hi);
    case 5: return "0";
    case 6: return "1e-300";
    case 7: return d.chance(0.5) ? "1e300" : "-1e300";
    case 8: return number(lo - (hi - lo) * d.unit());
    default: return number(lo + (hi - lo) * d.unit());
  }
}

std::string wild_int(Draw& d, int lo, int hi)
{
  switch (d.below(7)) {
    case 0: return std::to_string(lo);
    case 1: return std::to_string(hi);
    case 2: return std::to_string(INT_MIN);
    case 3: return std::to_string(INT_MAX);
    case 4: return "0";
    default: return std::to_string(lo + d.below(std::max(1, hi - lo + 1)));
  }
}

std::string coordinate(Draw& d)
{
  switch (d.below(8)) {
    case 0: return d.pick(std::vector<std::string>{"1e306", "-1e306", "1e6", "1000001", "-1e7", "1e-320", "nan", "inf"});
    default: return number(std::round((d.unit() * 1400.0 - 100.0) * 10.0) / 10.0);
  }
}

// Path data: curves, scribbles, many subpaths, runaway relative moves, garbage.
std::string wild_path(Draw& d)
{
  std::string p;
  switch (d.below(8)) {
    case 0: {  // curves over the image
      p = "M " + coordinate(d) + " " + coordinate(d);
      for (int k = d.below(6); k >= 0; --k)
        p += " C " + coordinate(d) + " " + coordinate(d) + " " + coordinate(d) + " " + coordinate(d) + " " +
             coordinate(d) + " " + coordinate(d);
      if (d.chance(0.3))
        p += " Z";
      return p;
    }
    case 1: {  // a zig-zag scribble of thousands of edges
      const int n = 100 + d.below(20000);
      p = "M 0 100";
      for (int i = 0; i < n; ++i)
        p += " L " + number(i * 0.05) + (i % 2 ? " 60" : " 140");
      return p;
    }
    case 2: {  // many long subpaths
      const int n = 1 + d.below(20001);
      for (int k = 0; k < n; ++k)
        p += "M 0 " + std::to_string(k) + " L " + coordinate(d) + " " + coordinate(d) + " ";
      return p;
    }
    case 3: {  // relative moves that add up
      p = "m 0 0";
      for (int k = d.below(500); k >= 0; --k)
        p += " l " + coordinate(d) + " " + coordinate(d);
      return p;
    }
    case 4: {  // the path alphabet at random
      const std::string alphabet = "MmLlHhVvCcSsQqTtZzAa0123456789.-+eE, \t\n";
      for (int k = d.below(300); k >= 0; --k)
        p += alphabet[static_cast<std::size_t>(d.below(static_cast<int>(alphabet.size())))];
      return p;
    }
    case 5: {  // bytes
      for (int k = d.below(200); k >= 0; --k)
        p += static_cast<char>(1 + d.below(255));
      return p;
    }
    case 6: return std::string(static_cast<std::size_t>(d.below(200000)), d.chance(0.5) ? ' ' : ',');
    default: return d.pick(std::vector<std::string>{"", "M", "M 1 2", "M 0 0 L 10 10", "M 0 0 A 1 1 0 0 0 1 1",
                                                    "M 1e306 1e306 l 1e306 1e306", "Z", "M 0 0 L nan 3"});
  }
}

std::string wild_colour(Draw& d)
{
  return d.pick(std::vector<std::string>{"#333333", "white", "black", "transparent", "rgb(nan,1,1)",
                                         "rgba(1e30,-5,0.5,2)", "rgb(inf,-inf,0)", "not a colour", "",
                                         "rgba(0.2,0.3,0.4,0)", "#zzzzzz"});
}

std::optional<std::string> wild_value(Draw& d, GParamSpec* spec)
{
  if (G_IS_PARAM_SPEC_DOUBLE(spec)) {
    const auto* p = G_PARAM_SPEC_DOUBLE(spec);
    return wild_double(d, p->minimum, p->maximum);
  }
  if (G_IS_PARAM_SPEC_INT(spec)) {
    const auto* p = G_PARAM_SPEC_INT(spec);
    return wild_int(d, p->minimum, p->maximum);
  }
  if (G_IS_PARAM_SPEC_UINT(spec))
    return std::to_string(d.next() % 4294967296ull);
  if (G_IS_PARAM_SPEC_BOOLEAN(spec))
    return d.chance(0.5) ? std::string("true") : std::string("false");
  if (G_IS_PARAM_SPEC_ENUM(spec)) {
    const GEnumClass* values = G_PARAM_SPEC_ENUM(spec)->enum_class;
    if (d.chance(0.1))
      return std::to_string(d.chance(0.5) ? 99 : -1);
    return std::to_string(values->values[d.below(static_cast<int>(values->n_values))].value);
  }
  if (G_IS_PARAM_SPEC_STRING(spec))
    return wild_path(d);
  if (G_IS_PARAM_SPEC_OBJECT(spec) && g_type_is_a(G_PARAM_SPEC_VALUE_TYPE(spec), GEGL_TYPE_COLOR))
    return wild_colour(d);
  return std::nullopt;
}

const std::vector<std::string> formats{"R'G'B'A u8", "R'G'B' u8", "R'G'B'A half", "RGBA half", "RGBA float",
                                       "R'G'B'A float", "Y' u8", "Y'A u16", "Y half", "Y float", "Y'A float"};

Image wild_image(Draw& d, bool photo)
{
  Image im;
  const int kind = d.below(10);
  if (kind == 0) {
    im.kind = "unbounded";
  } else if (kind == 1) {
    im.kind = "huge";
    im.width = d.chance(0.5) ? 100000 : 20000 + d.below(1000000);
    im.height = d.chance(0.5) ? 100000 : 20000 + d.below(1000000);
  } else {
    im.kind = "buffer";
    im.format = d.pick(formats);
    const int size = d.below(4);
    im.width = size == 0 ? d.below(2) : size == 1 ? 1 + d.below(8) : 1 + d.below(400);
    im.height = size == 0 ? d.below(2) : size == 1 ? 1 + d.below(8) : 1 + d.below(400);
    im.content = d.pick(std::vector<std::string>{"constant", "noise", photo ? "skin" : "ramp", "ramp", "wild"});
  }
  im.seed = d.next() % 1000000;
  const std::vector<std::string> components{"0", "1", "0.5", "0.8", "nan", "inf", "-inf", "1e30", "-1"};
  im.colour = d.chance(0.6) ? (photo ? "0.8,0.6,0.5,1" : "1,1,1,1")
                            : d.pick(components) + "," + d.pick(components) + "," + d.pick(components) + "," +
                                  d.pick(components);
  return im;
}

// Percent-encoding of what a one-line description cannot hold.
std::string encoded(const std::string& text)
{
  std::string out;
  for (const unsigned char c : text) {
    if (c <= ' ' || c == '%' || c == '=' || c >= 127) {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string decoded(const std::string& text)
{
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::strtol(text.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string describe_image(const Image& im)
{
  if (im.kind == "none")
    return "-";
  return encoded(im.kind + ":" + im.format + ":" + std::to_string(im.width) + "x" + std::to_string(im.height) + ":" +
                 im.content + ":" + std::to_string(im.seed) + ":" + im.colour);
}

std::optional<Image> parse_image(const std::string& text)
{
  Image im;
  if (text == "-")
    return im;
  std::vector<std::string> parts;
  std::istringstream in(decoded(text));
  for (std::string part; std::getline(in, part, ':');)
    parts.push_back(part);
  if (parts.size() != 6)
    return std::nullopt;
  im.kind = parts[0];
  im.format = parts[1];
  if (std::sscanf(parts[2].c_str(), "%dx%d", &im.width, &im.height) != 2)
    return std::nullopt;
  im.content = parts[3];
  im.seed = std::strtoull(parts[4].c_str(), nullptr, 10);
  im.colour = parts[5];
  return im;
}

}  // namespace

const std::vector<std::string>& operations()
{
  static const std::vector<std::string> ops{"smp:follicle-stipple", "smp:hairline-mask", "smp:scalp-mask",
                                            "smp:scar-mask", "smp:scar-blend", "smp:scalp-regions"};
  return ops;
}

Case random_case(std::uint64_t seed, std::uint64_t index)
{
  Draw d(seed, index);
  Case c;
  c.op = operations()[index % operations().size()];
  guint n = 0;
  GParamSpec** specs = gegl_operation_list_properties(c.op.c_str(), &n);
  for (guint i = 0; i < n; ++i) {
    // Most properties keep a usual value, so each case tries a few at their extremes.
    if (d.chance(0.65))
      continue;
    if (const auto value = wild_value(d, specs[i]))
      c.properties.emplace_back(specs[i]->name, *value);
  }
  g_free(specs);
  if (c.op != "smp:hairline-mask")
    c.input = wild_image(d, c.op != "smp:follicle-stipple");
  if ((c.op == "smp:scar-mask" || c.op == "smp:scar-blend") && d.chance(0.7)) {
    c.aux = wild_image(d, false);
    if (c.aux.kind == "buffer" && c.input.kind == "buffer" && d.chance(0.7)) {
      c.aux.width = c.input.width;
      c.aux.height = c.input.height;
    }
  }
  c.level = d.chance(0.55) ? 0 : 1 + d.below(7);
  const int extent_w = c.input.kind == "buffer" ? c.input.width : 400, extent_h = c.input.kind == "buffer" ? c.input.height : 400;
  const int far = c.input.kind == "huge" ? std::min(c.input.width, c.input.height) / 2 : 0;
  c.width = 1 + d.below(d.chance(0.3) ? 8 : 200);
  c.height = 1 + d.below(d.chance(0.3) ? 8 : 200);
  // Zoomed out, GEGL itself reads a region that starts left of or above the origin a pixel off.
  const int before = c.level > 0 ? 0 : 20;
  c.x = ((far > 0 && d.chance(0.7) ? far : 0) + d.below(extent_w + 40) - before) >> c.level;
  c.y = ((far > 0 && d.chance(0.7) ? far : 0) + d.below(extent_h + 40) - before) >> c.level;
  return c;
}

std::string describe(const Case& c)
{
  std::string line = "op=" + c.op + " level=" + std::to_string(c.level) + " region=" + std::to_string(c.x) + "," +
                     std::to_string(c.y) + "," + std::to_string(c.width) + "," + std::to_string(c.height) +
                     " input=" + describe_image(c.input) + " aux=" + describe_image(c.aux);
  for (const auto& [name, value] : c.properties)
    line += " " + name + "=" + encoded(value);
  return line;
}

std::optional<Case> parse_case(const std::string& line, std::string* error)
{
  Case c;
  std::istringstream in(line);
  for (std::string token; in >> token;) {
    const auto eq = token.find('=');
    if (eq == std::string::npos) {
      if (error)
        *error = "'" + token + "' is not name=value";
      return std::nullopt;
    }
    const std::string name = token.substr(0, eq), value = token.substr(eq + 1);
    if (name == "op") {
      c.op = value;
    } else if (name == "level") {
      c.level = std::atoi(value.c_str());
    } else if (name == "region") {
      if (std::sscanf(value.c_str(), "%d,%d,%d,%d", &c.x, &c.y, &c.width, &c.height) != 4) {
        if (error)
          *error = "region=" + value + " is not x,y,width,height";
        return std::nullopt;
      }
    } else if (name == "input" || name == "aux") {
      const auto image = parse_image(value);
      if (!image) {
        if (error)
          *error = name + "=" + value + " is not kind:format:WxH:content:seed:colour";
        return std::nullopt;
      }
      (name == "input" ? c.input : c.aux) = *image;
    } else {
      c.properties.emplace_back(name, decoded(value));
    }
  }
  if (c.op.empty()) {
    if (error)
      *error = "no op=";
    return std::nullopt;
  }
  return c;
}

}  // namespace smp_fuzz
