#include "fuzz_check.hpp"

#include <gegl.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sstream>

#include "hash.hpp"
#include "support/gegl_compat.hpp"

namespace smp_fuzz {
namespace {

std::mutex heard_lock;
std::vector<std::string> heard;  // what the ops or libraries said that counts as a finding

void listen(const gchar* domain, GLogLevelFlags level, const gchar* message, gpointer)
{
  const std::string text = message ? message : "";
  const bool gave_up = text.rfind("smp:", 0) == 0 && text.find("internal error") != std::string::npos;
  // GObject refusing a property value out of its range is the case working (newer GLib says so
  // as a critical, older as a warning).
  const bool refused_value = text.find("is invalid or out of range for property") != std::string::npos;
  const bool critical = (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) != 0 && !refused_value;
  if (gave_up || critical) {
    const std::lock_guard<std::mutex> hold(heard_lock);
    heard.push_back(std::string(critical ? "critical from " : "") + (domain ? domain : "") + ": " + text);
  }
}

double component(const std::string& text)
{
  if (text == "nan")
    return std::nan("");
  if (text == "inf")
    return INFINITY;
  if (text == "-inf")
    return -INFINITY;
  return std::strtod(text.c_str(), nullptr);
}

// The image's pixels as RGBA float, before they are stored in its format.
std::vector<float> pixels_of(const Image& im)
{
  std::vector<float> base(4);
  std::istringstream in(im.colour);
  std::string part;
  for (int k = 0; k < 4 && std::getline(in, part, ','); ++k)
    base[static_cast<std::size_t>(k)] = static_cast<float>(component(part));
  const std::size_t n = static_cast<std::size_t>(im.width) * static_cast<std::size_t>(im.height);
  std::vector<float> rgba(4 * n);
  const float specials[] = {NAN, INFINITY, -INFINITY, 1e30f, -1e30f, 0.0f, 1.0f, -0.5f, 2.0f};
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = smp::mix64(im.seed * 1000003u + i);
    const int x = static_cast<int>(i % static_cast<std::size_t>(im.width)), y = static_cast<int>(i / static_cast<std::size_t>(im.width));
    for (int c = 0; c < 4; ++c) {
      const double u = smp::to_unit(smp::mix64(h + static_cast<std::uint64_t>(c)));
      float v = base[static_cast<std::size_t>(c)];
      if (im.content == "noise")
        v = static_cast<float>(u);
      else if (im.content == "skin")
        v = c == 3 ? 1.0f : static_cast<float>(std::clamp(base[static_cast<std::size_t>(c)] + 0.15 * (u - 0.5), -1.0, 2.0));
      else if (im.content == "ramp")
        v = c == 3 ? 1.0f : static_cast<float>((x + y) / double(im.width + im.height));
      else if (im.content == "wild")
        v = u < 0.2 ? specials[(h >> 40) % 9] : static_cast<float>(u);
      rgba[4 * i + static_cast<std::size_t>(c)] = v;
    }
  }
  return rgba;
}

GeglColor* colour_of(const Image& im)
{
  std::vector<float> base(4, 1.0f);
  std::istringstream in(im.colour);
  std::string part;
  for (int k = 0; k < 4 && std::getline(in, part, ','); ++k)
    base[static_cast<std::size_t>(k)] = static_cast<float>(component(part));
  GeglColor* colour = gegl_color_new(nullptr);
  gegl_color_set_pixel(colour, babl_format("RGBA float"), base.data());
  return colour;
}

// The node feeding `im` to a pad, or null for none.
GeglNode* image_node(GeglNode* graph, const Image& im)
{
  if (im.kind == "none")
    return nullptr;
  if (im.kind == "buffer") {
    const GeglRectangle extent{0, 0, std::max(im.width, 0), std::max(im.height, 0)};
    const Babl* format = babl_format_exists(im.format.c_str()) ? babl_format(im.format.c_str()) : babl_format("RGBA float");
    GeglBuffer* buffer = gegl_buffer_new(&extent, format);
    if (extent.width > 0 && extent.height > 0) {
      const auto rgba = pixels_of(im);
      gegl_buffer_set(buffer, &extent, 0, babl_format("RGBA float"), rgba.data(), GEGL_AUTO_ROWSTRIDE);
    }
    GeglNode* node = gegl_node_new_child(graph, "operation", "gegl:buffer-source", "buffer", buffer, nullptr);
    g_object_unref(buffer);
    return node;
  }
  GeglColor* colour = colour_of(im);
  GeglNode* fill = gegl_node_new_child(graph, "operation", "gegl:color", "value", colour, nullptr);
  g_object_unref(colour);
  if (im.kind != "huge")
    return fill;
  GeglNode* crop = gegl_node_new_child(graph, "operation", "gegl:crop", "width", double(im.width), "height",
                                       double(im.height), nullptr);
  gegl_node_link(fill, crop);
  return crop;
}

void set_property(GeglNode* node, const std::string& op, const std::string& name, const std::string& value)
{
  GParamSpec* spec = gegl_operation_find_property(op.c_str(), name.c_str());
  if (!spec)
    return;
  GValue v = G_VALUE_INIT;
  g_value_init(&v, G_PARAM_SPEC_VALUE_TYPE(spec));
  if (G_IS_PARAM_SPEC_DOUBLE(spec))
    g_value_set_double(&v, component(value));
  else if (G_IS_PARAM_SPEC_INT(spec))
    g_value_set_int(&v, static_cast<int>(std::clamp(std::strtoll(value.c_str(), nullptr, 10), (long long)INT_MIN, (long long)INT_MAX)));
  else if (G_IS_PARAM_SPEC_UINT(spec))
    g_value_set_uint(&v, static_cast<guint>(std::strtoull(value.c_str(), nullptr, 10)));
  else if (G_IS_PARAM_SPEC_BOOLEAN(spec))
    g_value_set_boolean(&v, value == "true");
  else if (G_IS_PARAM_SPEC_ENUM(spec))
    g_value_set_enum(&v, std::atoi(value.c_str()));
  else if (G_IS_PARAM_SPEC_STRING(spec))
    g_value_set_string(&v, value.c_str());
  else if (G_IS_PARAM_SPEC_OBJECT(spec)) {
    GeglColor* colour = gegl_color_new(value.c_str());
    g_value_take_object(&v, colour);
  }
  // GLib refuses some values with a warning (the previous value stays), as it would in GIMP.
  gegl_node_set_property(node, name.c_str(), &v);
  g_value_unset(&v);
}

struct Built {
  GeglNode* graph = gegl_node_new();
  GeglNode* op = nullptr;
  GeglNode* input = nullptr;
  explicit Built(const Case& c)
  {
    op = gegl_node_new_child(graph, "operation", c.op.c_str(), nullptr);
    for (const auto& [name, value] : c.properties)
      set_property(op, c.op, name, value);
    input = image_node(graph, c.input);
    if (input)
      gegl_node_link(input, op);
    if (GeglNode* aux = image_node(graph, c.aux))
      smp::connect(aux, "output", op, "aux");
  }
  ~Built() { g_object_unref(graph); }
};

std::vector<float> render(GeglNode* node, const GeglRectangle& region, int level)
{
  std::vector<float> pixels(static_cast<std::size_t>(region.width) * region.height * 4);
  gegl_node_blit(node, 1.0 / (1 << level), &region, babl_format("RGBA float"), pixels.data(), GEGL_AUTO_ROWSTRIDE,
                 GEGL_BLIT_DEFAULT);
  return pixels;
}

// The region rendered as three pieces, put together.
std::vector<float> in_pieces(GeglNode* node, const GeglRectangle& region, int level)
{
  std::vector<float> pieces(static_cast<std::size_t>(region.width) * region.height * 4);
  const int hx = std::max(region.width / 3, 1), hy = std::max(region.height / 2, 1);
  for (const GeglRectangle p : {GeglRectangle{0, 0, hx, hy}, {hx, 0, region.width - hx, hy},
                                {0, hy, region.width, region.height - hy}}) {
    if (p.width <= 0 || p.height <= 0)
      continue;
    const auto part = render(node, {region.x + p.x, region.y + p.y, p.width, p.height}, level);
    for (int y = 0; y < p.height; ++y)
      std::memcpy(&pieces[4 * (static_cast<std::size_t>(p.y + y) * region.width + p.x)],
                  &part[4 * static_cast<std::size_t>(y) * p.width], sizeof(float) * 4 * p.width);
  }
  return pieces;
}

void use(int tile, int threads)
{
  g_object_set(gegl_config(), "tile-width", tile, "tile-height", tile, "threads", threads, nullptr);
}

// How many values differ where `compared` holds, and where the first one is; empty when none.
std::string differing(const std::vector<float>& a, const std::vector<float>& b, int width,
                      const std::vector<char>& compared)
{
  std::size_t n = 0, first = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (compared[i / 4] && std::memcmp(&a[i], &b[i], sizeof(float)) != 0 && n++ == 0)
      first = i;
  if (n == 0)
    return "";
  std::ostringstream s;
  s << n << " values differ, the first at pixel " << first / 4 % static_cast<std::size_t>(width) << ","
    << first / 4 / static_cast<std::size_t>(width) << " channel " << first % 4 << ": " << a[first] << " against "
    << b[first];
  return s.str();
}

}  // namespace

void watch_warnings()
{
  g_log_set_default_handler(listen, nullptr);
  for (const char* domain : {"GEGL", "GLib", "GLib-GObject", "babl", "Gegl"})
    g_log_set_handler(domain, static_cast<GLogLevelFlags>(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION),
                      listen, nullptr);
}

std::vector<std::string> check_case(const Case& c)
{
  std::vector<std::string> findings;
  {
    const std::lock_guard<std::mutex> hold(heard_lock);
    heard.clear();
  }
  if (!gegl_has_operation(c.op.c_str()))
    return {"no operation " + c.op};
  const GeglRectangle region{c.x, c.y, std::max(c.width, 1), std::max(c.height, 1)};
  const int level = std::clamp(c.level, 0, 7);
  g_object_set(gegl_config(), "mipmap-rendering", TRUE, nullptr);

  use(128, 2);
  std::vector<float> first, input;
  {
    Built b(c);
    first = render(b.op, region, level);
    if (b.input)
      input = render(b.input, region, level);
  }
  // What comes out: finite and within 0..1, except where the blend passes a photo's own pixels.
  const bool passes_pixels = c.op == "smp:scar-blend";
  std::size_t bad = 0, first_bad = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const float v = first[i];
    const bool ok = passes_pixels ? std::isfinite(v) || (!input.empty() && !std::isfinite(input[i]))
                                  : std::isfinite(v) && v >= -1e-5f && v <= 1.0f + 1e-5f;
    if (!ok && bad++ == 0)
      first_bad = i;
  }
  if (bad > 0) {
    std::ostringstream s;
    s << bad << " values not finite or outside 0..1, the first " << first[first_bad] << " at pixel "
      << first_bad / 4 % static_cast<std::size_t>(region.width) << "," << first_bad / 4 / static_cast<std::size_t>(region.width);
    findings.push_back(s.str());
  }

  // Zoomed out, GEGL resamples the level pixels near an image's edge according to the region
  // asked for, its own ops alike: only pixels where gegl:invert-gamma agrees with itself over the
  // same pieces are compared.
  std::vector<char> compared(first.size() / 4, 1);
  if (level > 0 && c.input.kind != "none") {
    Built b(c);
    GeglNode* own = gegl_node_new_child(b.graph, "operation", "gegl:invert-gamma", nullptr);
    gegl_node_link(b.input, own);
    const auto whole = render(own, region, level), pieces = in_pieces(own, region, level);
    for (std::size_t i = 0; i < whole.size(); ++i)
      if (std::memcmp(&whole[i], &pieces[i], sizeof(float)) != 0)
        compared[i / 4] = 0;
  }

  use(97, 1);
  {
    Built b(c);
    const std::string d = differing(first, render(b.op, region, level), region.width, compared);
    if (!d.empty())
      findings.push_back("with 97 px tiles and 1 thread " + d);
  }
  use(128, 2);
  {
    Built b(c);
    const std::string d = differing(first, in_pieces(b.op, region, level), region.width, compared);
    if (!d.empty())
      findings.push_back("rendered in three pieces, " + d);
  }
  const std::lock_guard<std::mutex> hold(heard_lock);
  for (const std::string& h : heard)
    findings.push_back(h.substr(0, 300));
  return findings;
}

}  // namespace smp_fuzz
