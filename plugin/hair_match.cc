#include "hair_match.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "analysis/hair_sample.hpp"
#include "filter_graph.hpp"

namespace smp_plugin {
namespace {

// Tone needs little resolution, grain 0.15 mm: at most this fine, and at most this many pixels.
constexpr double measure_px_per_mm_max = 6.0;
constexpr double measure_pixels_max = 2e6;
constexpr double default_grain = 0.05;  // a shaved head's stubble beyond the skin's own texture

std::vector<float> rendered(GeglNode* node, const GeglRectangle& rect, const char* format, int components)
{
  std::vector<float> pixels(static_cast<std::size_t>(rect.width) * rect.height * components);
  gegl_node_blit(node, 1.0, &rect, babl_format(format), pixels.data(), GEGL_AUTO_ROWSTRIDE, GEGL_BLIT_DEFAULT);
  return pixels;
}

std::string described(const char* what, const smp::ShadeMatch& m)
{
  char text[200];
  g_snprintf(text, sizeof text, "%s: completed, it darkens light skin by ΔL* %.1f", what,
             smp::lightness_drop_on_light_skin(m.transmittance));
  return text;
}

}  // namespace

// The photo and its segmentation at a measuring scale, and the hair found beside bare skin.
std::optional<smp::HairBesideSkin> measured_hair(GimpDrawable* photo, double px_per_mm)
{
  const int width = gimp_drawable_get_width(photo), height = gimp_drawable_get_height(photo);
  if (width <= 0 || height <= 0 || !(px_per_mm > 0.0))
    return std::nullopt;
  const double scale = std::min({1.0, measure_px_per_mm_max / px_per_mm,
                                 std::sqrt(measure_pixels_max / (static_cast<double>(width) * height))});
  Graph graph;
  GeglBuffer* photo_buffer = graph.own(gimp_drawable_get_buffer(photo));
  GeglNode* pixels = source_node(graph, photo_buffer);
  GeglNode* shrunk = graph.node("gegl:scale-ratio", "x", scale, "y", scale, "sampler", GEGL_SAMPLER_LINEAR);
  gegl_node_link(pixels, shrunk);
  const GeglRectangle rect{0, 0, std::max(1, static_cast<int>(width * scale)), std::max(1, static_cast<int>(height * scale))};
  // Shrunk once: the segmentation's ops and the colour read below would each shrink it again.
  // Kept in the photo's own colour space, which the segmentation's ops read it in.
  const Babl* format = babl_format_with_space("RGBA float", gegl_buffer_get_format(photo_buffer));
  GeglBuffer* small_buffer = graph.own(gegl_buffer_new(&rect, format));
  gegl_node_blit_buffer(shrunk, small_buffer, &rect, 0, GEGL_ABYSS_NONE);
  GeglNode* small = source_node(graph, small_buffer);
  const Segments segments = scalp_mask_segments_of(graph, small, px_per_mm * scale);
  const std::vector<float> rgb = rendered(small, rect, "RGB float", 3);
  const std::vector<float> bare = rendered(segments.bare, rect, "Y float", 1);
  const std::vector<float> hair = rendered(segments.hair, rect, "Y float", 1);
  const std::vector<float> shine = segments.shine ? rendered(segments.shine, rect, "Y float", 1) : std::vector<float>{};
  return smp::sample_hair_beside_skin({rgb.data(), bare.data(), hair.data(), shine.empty() ? nullptr : shine.data(),
                                       rect.width, rect.height, px_per_mm * scale});
}

Shaded shaded(const smp::StippleSettings& base, ShadeChoice choice, const std::optional<smp::HairBesideSkin>& hair)
{
  if (choice == ShadeChoice::preset)
    return {base, "the preset's own stipple"};
  if (choice == ShadeChoice::match && hair) {
    const smp::ShadeMatch m = smp::match_hair(base, *hair);
    switch (smp::match_bound(m.transmittance)) {
      case smp::MatchBound::lighter_than_blond: {
        const smp::ShadeMatch floor =
            smp::match_transmittance(base, smp::shade_transmittance(smp::HairShade::blond), default_grain, hair->blur_mm);
        return {floor.settings,
                described("blond, the lightest shade (the hair found beside the bare scalp is barely darker than it)", floor)};
      }
      case smp::MatchBound::darker_than_black: {
        const smp::ShadeMatch ceiling =
            smp::match_transmittance(base, smp::shade_transmittance(smp::HairShade::black), m.wanted_grain, hair->blur_mm);
        return {ceiling.settings,
                described("black, the darkest shade (the hair found beside the bare scalp is darker than stubble)", ceiling)};
      }
      case smp::MatchBound::within:
        break;
    }
    return {m.settings, described("matched to the client's own hair beside the bare scalp", m)};
  }
  const smp::HairShade shade =
      choice == ShadeChoice::match ? fallback_shade : static_cast<smp::HairShade>(static_cast<int>(choice) - 1);
  const smp::ShadeMatch m = smp::match_transmittance(base, smp::shade_transmittance(shade), default_grain,
                                                     hair ? hair->blur_mm : 0.0);
  const std::string name = smp::hair_shade_nicks[static_cast<int>(shade)];
  return {m.settings, described(choice == ShadeChoice::match
                                    ? (name + " (the photo shows no hair beside the bare scalp to match)").c_str()
                                    : name.c_str(),
                                m)};
}

}  // namespace smp_plugin
