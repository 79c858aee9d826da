#include "arguments.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "follicle-stipple/follicle-stipple.hpp"
#include "gimp_paths.hpp"
#include "preset_library.hpp"

namespace smp_plugin {
namespace {

enum Eyes { canthi = 0, pupils = 1 };
constexpr double landmark_eyes_min_px = 8.0;

namespace names = smp_filters::follicle_stipple::names;

}  // namespace

void add_preset_argument(GimpProcedure* procedure, const char* blurb)
{
  gimp_procedure_add_string_argument(procedure, "preset", "_Preset", blurb, default_preset_nick, G_PARAM_READWRITE);
}

const smp::Preset* chosen_preset(GimpProcedureConfig* config, const smp::PresetLibrary& library, std::string& problem)
{
  gchar* nick = nullptr;
  g_object_get(config, "preset", &nick, nullptr);
  const std::string wanted = nick ? nick : "";
  g_free(nick);
  const smp::Preset* preset = find_preset(library, wanted);
  if (!preset) {
    const auto folders = preset_folders();
    std::string nicks;
    for (const smp::Preset& p : library.presets)
      nicks += (nicks.empty() ? "" : ", ") + nick_of(p);
    problem = "preset=" + wanted + " is not one of " + (nicks.empty() ? "(none)" : nicks) + " (the presets in " +
              folders[0] + " and " + folders[1] + ")" +
              (library.errors.empty() ? "" : "; some were skipped: " + library.errors[0].message());
  }
  return preset;
}

void add_front_argument(GimpProcedure* procedure, const char* blurb)
{
  gimp_procedure_add_choice_argument(
      procedure, "front", "_Front of the head", blurb,
      gimp_choice_new_with_values("up", static_cast<int>(Facing::up), "Up", nullptr, "down",
                                  static_cast<int>(Facing::down), "Down", nullptr, "left", static_cast<int>(Facing::left),
                                  "Left", nullptr, "right", static_cast<int>(Facing::right), "Right", nullptr, nullptr),
      "up", G_PARAM_READWRITE);
}

Facing facing_of(GimpProcedureConfig* config)
{
  return static_cast<Facing>(std::clamp(gimp_procedure_config_get_choice_id(config, "front"), 0, 3));
}

double front_rad_of(Facing facing)
{
  switch (facing) {
    case Facing::up: return -std::numbers::pi / 2;
    case Facing::down: return std::numbers::pi / 2;
    case Facing::left: return std::numbers::pi;
    case Facing::right: return 0.0;
  }
  return -std::numbers::pi / 2;
}

bool applies_to_view(const char* argument, smp::View view)
{
  const std::string name = argument;
  if (name == "front")
    return view == smp::View::top;
  if (name == "landmarks" || name == "eyes")
    return view == smp::View::front;
  return true;
}

void add_landmark_arguments(GimpProcedure* procedure, const char* landmarks_blurb)
{
  gimp_procedure_add_path_argument(procedure, "landmarks", "_Landmarks", landmarks_blurb, TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument(
      procedure, "eyes", "_Eyes marked at", "Which point of each eye the landmarks mark",
      gimp_choice_new_with_values("canthi", canthi, "Lateral canthi", "The outer corners of the eyes", "pupils", pupils,
                                  "Pupils", "The centres of the pupils", nullptr),
      "canthi", G_PARAM_READWRITE);
}

GimpPath* landmarks_path(GimpImage* image, GimpProcedureConfig* config)
{
  GimpPath* path = nullptr;
  g_object_get(config, "landmarks", &path, nullptr);
  if (path) {
    g_object_unref(path);  // the image keeps it
    return path;
  }
  return gimp_image_get_path_by_name(image, "SMP landmarks");
}

bool landmarks_on(GimpPath* path, GimpProcedureConfig* config, smp::FrontLandmarks& landmarks, std::string& problem)
{
  const auto anchors = anchors_of(path);
  if (anchors.size() != 3) {
    problem = "the landmarks path has " + std::to_string(anchors.size()) +
              " anchors; it needs three: the glabella, the image-left eye, the image-right eye";
    return false;
  }
  if (anchors[1].x >= anchors[2].x) {
    problem = "the second landmark (the image-left eye) must be left of the third";
    return false;
  }
  // Every landmark on the canvas or near it: beyond, they are a mistake, not a face.
  GimpImage* image = gimp_item_get_image(GIMP_ITEM(path));
  const double w = gimp_image_get_width(image), h = gimp_image_get_height(image);
  for (const smp::Point& p : anchors)
    if (p.x < -w || p.x > 2 * w || p.y < -h || p.y > 2 * h) {
      problem = "a landmark lies far outside the image (at " + std::to_string(static_cast<long>(p.x)) + ", " +
                std::to_string(static_cast<long>(p.y)) + "): move it onto the face";
      return false;
    }
  const smp::Point g = anchors[0], l = anchors[1], r = anchors[2];
  const double eyes = std::hypot(r.x - l.x, r.y - l.y);
  if (eyes < landmark_eyes_min_px) {
    problem = "the two eye landmarks are " + std::to_string(static_cast<int>(eyes)) +
              " px apart: place them on the two eyes (at least " + std::to_string(static_cast<int>(landmark_eyes_min_px)) +
              " px apart)";
    return false;
  }
  // The glabella lies between the eyes, on or a little above their line.
  const double along = ((g.x - l.x) * (r.x - l.x) + (g.y - l.y) * (r.y - l.y)) / (eyes * eyes);
  const double off_line = std::abs((g.x - l.x) * (r.y - l.y) - (g.y - l.y) * (r.x - l.x)) / eyes;
  if (along < 0.2 || along > 0.8 || off_line > eyes) {
    problem = "the first landmark (the glabella) must lie between the eyes, on or just above their line";
    return false;
  }
  landmarks = {anchors[0], anchors[1], anchors[2], gimp_procedure_config_get_choice_id(config, "eyes") == pupils};
  return true;
}

bool landmarks_of(GimpImage* image, GimpProcedureConfig* config, smp::FrontLandmarks& landmarks, std::string& problem)
{
  GimpPath* path = landmarks_path(image, config);
  if (!path)
    path = path_argument(config, "landmarks", image, problem);
  if (!path) {
    problem += ", with three anchors in this order: the glabella, then the eye on the "
               "image's left, then the eye on its right (lateral canthi, or pupils with eyes=pupils)";
    return false;
  }
  return landmarks_on(path, config, landmarks, problem);
}

void add_seed_argument(GimpProcedure* procedure, const char* blurb)
{
  gimp_procedure_add_int_argument(procedure, names::seed, "Random s_eed", blurb, 0, G_MAXINT, 0, G_PARAM_READWRITE);
}

std::uint32_t seed_of(GimpProcedureConfig* config)
{
  int seed = 0;
  g_object_get(config, names::seed, &seed, nullptr);
  return static_cast<std::uint32_t>(seed);
}

void add_stipple_override_arguments(GimpProcedure* procedure)
{
  using L = smp::StippleLimits;
  gimp_procedure_add_int_argument(procedure, names::sessions, "Sess_ions (0 = preset's)", "Treatment passes; 0 keeps the preset's", 0,
                                  L::sessions_max, 0, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, names::density, "_Density (dots/cm², 0 = preset's)", "0 keeps the preset's", 0.0,
                                     L::density_max, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, names::strength, "S_trength (0 = preset's)",
                                     "How dark the dots are, 0..1; 0 keeps the preset's", 0.0, 1.0, 0.0,
                                     G_PARAM_READWRITE);
}

smp::StippleSettings with_overrides(GimpProcedureConfig* config, smp::StippleSettings stipple)
{
  int sessions = 0;
  double density = 0.0, strength = 0.0;
  g_object_get(config, names::sessions, &sessions, names::density, &density, names::strength, &strength, nullptr);
  if (sessions > 0)
    stipple.sessions = stipple.completed_sessions = sessions;
  if (density > 0.0)
    stipple.density_per_cm2 = density;
  if (strength > 0.0)
    stipple.strength = strength;
  return stipple;
}

std::optional<double> strength_override_of(GimpProcedureConfig* config)
{
  double strength = 0.0;
  g_object_get(config, names::strength, &strength, nullptr);
  return strength > 0.0 ? std::optional<double>(strength) : std::nullopt;
}

void add_shade_argument(GimpProcedure* procedure)
{
  GimpChoice* choice = gimp_choice_new();
  const char* const labels[] = {"Match the client's hair in the photo", "Black", "Dark brown", "Brown", "Grey", "Blond",
                                "The preset's own"};
  const char* const help[] = {"Solved so that the treated scalp has the colour and grain of the client's own hair beside "
                              "it; dark brown where the photo shows no such hair",
                              nullptr, nullptr, nullptr, nullptr, nullptr,
                              "The preset's dot size and strength, unchanged"};
  for (int i = 0; i < 7; ++i)
    gimp_choice_add(choice, shade_choice_nicks[i], i, labels[i], help[i]);
  gimp_procedure_add_choice_argument(procedure, "shade", "S_hade", "What the pigment's shade is matched to", choice,
                                     shade_choice_nicks[0], G_PARAM_READWRITE);
}

ShadeChoice shade_choice_of(GimpProcedureConfig* config)
{
  return static_cast<ShadeChoice>(std::clamp(gimp_procedure_config_get_choice_id(config, "shade"), 0, 6));
}

}  // namespace smp_plugin
