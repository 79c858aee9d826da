#include "arguments.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "follicle-stipple/follicle-stipple.hpp"
#include "gimp_paths.hpp"
#include "preset_library.hpp"
#include "procedures.hpp"

namespace smp_plugin {
namespace {

enum Marks { canthi = 0, pupils = 1, brows = 2 };
constexpr double landmark_sides_min_px = 8.0;

namespace names = smp_filters::follicle_stipple::names;

}  // namespace

void add_preset_argument(GimpProcedure* procedure, const char* blurb)
{
  gimp_procedure_add_string_argument(procedure, "preset", _("_Preset"), blurb, default_preset_nick, G_PARAM_READWRITE);
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
    problem = formatted(_("preset=%s is not one of %s (the presets in %s and %s)"), wanted.c_str(),
                        nicks.empty() ? _("(none)") : nicks.c_str(), folders[0].c_str(), folders[1].c_str());
    if (!library.errors.empty())
      problem += formatted(_("; some were skipped: %s"), library.errors[0].message().c_str());
  }
  return preset;
}

void add_front_argument(GimpProcedure* procedure, const char* blurb)
{
  gimp_procedure_add_choice_argument(
      procedure, "front", _("_Front of the head"), blurb,
      gimp_choice_new_with_values("up", static_cast<int>(Facing::up), _("Up"), nullptr, "down",
                                  static_cast<int>(Facing::down), _("Down"), nullptr, "left", static_cast<int>(Facing::left),
                                  _("Left"), nullptr, "right", static_cast<int>(Facing::right), _("Right"), nullptr, nullptr),
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
  gimp_procedure_add_path_argument(procedure, "landmarks", _("_Landmarks"), landmarks_blurb, TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument(
      procedure, "eyes", _("_Landmarks mark"),
      _("Which point of each eye the landmarks mark, or the brows when the eyes are out of frame"),
      gimp_choice_new_with_values("canthi", canthi, _("Lateral canthi"), _("The outer corners of the eyes"), "pupils", pupils,
                                  _("Pupils"), _("The centres of the pupils"), "brows", brows,
                                  _("Brows (eyes out of frame)"),
                                  _("The brows' upper edge above each pupil, after the glabella or alone; heights are "
                                    "then measured from the brow line, 8-10 mm above the glabella"),
                                  nullptr),
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
  const bool at_brows = gimp_procedure_config_get_choice_id(config, "eyes") == brows;
  auto anchors = anchors_of(path);
  const bool brow_line_alone = at_brows && anchors.size() == 2;
  if (brow_line_alone)  // the brow line alone: heights from its middle
    anchors.insert(anchors.begin(), {0.5 * (anchors[0].x + anchors[1].x), 0.5 * (anchors[0].y + anchors[1].y)});
  else if (anchors.size() != 3) {
    const int count = static_cast<int>(anchors.size());
    problem = at_brows ? formatted(_("the landmarks path has %d anchors; it needs three: the glabella, the image-left "
                                     "brow, the image-right brow (or only the two brows)"), count)
                       : formatted(_("the landmarks path has %d anchors; it needs three: the glabella, the image-left "
                                     "eye, the image-right eye"), count);
    return false;
  }
  if (anchors[1].x >= anchors[2].x) {
    problem = brow_line_alone ? _("the first landmark (the image-left brow) must be left of the second")
              : at_brows      ? _("the second landmark (the image-left brow) must be left of the third")
                              : _("the second landmark (the image-left eye) must be left of the third");
    return false;
  }
  // Every landmark on the canvas or near it: beyond, they are a mistake, not a face. Brows may
  // lie a little past the edge of a photo cropped at them.
  GimpImage* image = gimp_item_get_image(GIMP_ITEM(path));
  const double w = gimp_image_get_width(image), h = gimp_image_get_height(image);
  for (const smp::Point& p : anchors)
    if (p.x < -w || p.x > 2 * w || p.y < -h || p.y > 2 * h) {
      problem = formatted(_("a landmark lies far outside the image (at %ld, %ld): move it onto the face"),
                          static_cast<long>(p.x), static_cast<long>(p.y));
      return false;
    }
  const smp::Point g = anchors[0], l = anchors[1], r = anchors[2];
  const double apart = std::hypot(r.x - l.x, r.y - l.y);
  if (apart < landmark_sides_min_px) {
    const int px = static_cast<int>(apart), min_px = static_cast<int>(landmark_sides_min_px);
    problem = at_brows
                  ? formatted(_("the two brow landmarks are %d px apart: place them on the two brows (at least %d px apart)"),
                              px, min_px)
                  : formatted(_("the two eye landmarks are %d px apart: place them on the two eyes (at least %d px apart)"),
                              px, min_px);
    return false;
  }
  // The glabella lies between the eyes, on or a little above their line (below the brows' line).
  const double along = ((g.x - l.x) * (r.x - l.x) + (g.y - l.y) * (r.y - l.y)) / (apart * apart);
  const double off_line = std::abs((g.x - l.x) * (r.y - l.y) - (g.y - l.y) * (r.x - l.x)) / apart;
  if (along < 0.2 || along > 0.8 || off_line > apart) {
    problem = at_brows ? _("the first landmark (the glabella) must lie between the brows, on or just below their line")
                       : _("the first landmark (the glabella) must lie between the eyes, on or just above their line");
    return false;
  }
  const smp::FaceMarks marks = at_brows ? smp::FaceMarks::brows
                               : gimp_procedure_config_get_choice_id(config, "eyes") == pupils ? smp::FaceMarks::pupils
                                                                                                : smp::FaceMarks::lateral_canthi;
  landmarks = {g, l, r, marks};
  return true;
}

bool landmarks_of(GimpImage* image, GimpProcedureConfig* config, smp::FrontLandmarks& landmarks, std::string& problem)
{
  GimpPath* path = landmarks_path(image, config);
  if (!path)
    path = path_argument(config, "landmarks", image, problem);
  if (!path) {
    problem += _(", with three anchors in this order: the glabella, then the eye on the "
                 "image's left, then the eye on its right (lateral canthi, or pupils with eyes=pupils); or, when the "
                 "eyes are out of frame, the glabella and the brows (or the brows alone) with eyes=brows");
    return false;
  }
  return landmarks_on(path, config, landmarks, problem);
}

void add_seed_argument(GimpProcedure* procedure, const char* blurb)
{
  gimp_procedure_add_int_argument(procedure, names::seed, _("Random s_eed"), blurb, 0, G_MAXINT, 0, G_PARAM_READWRITE);
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
  gimp_procedure_add_int_argument(procedure, names::sessions, _("Sess_ions (0 = preset's)"), _("Treatment passes; 0 keeps the preset's"), 0,
                                  L::sessions_max, 0, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, names::density, _("_Density (dots/cm², 0 = preset's)"), _("0 keeps the preset's"), 0.0,
                                     L::density_max, 0.0, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument(procedure, names::strength, _("S_trength (0 = preset's)"),
                                     _("How dark the dots are, 0..1; 0 keeps the preset's"), 0.0, 1.0, 0.0,
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
  const char* const labels[] = {N_("Match the client's hair in the photo"), N_("Black"), N_("Dark brown"), N_("Brown"),
                                N_("Grey"), N_("Blond"), N_("The preset's own")};
  const char* const help[] = {N_("Solved so that the treated scalp has the colour and grain of the client's own hair "
                                 "beside it; dark brown where the photo shows no such hair"),
                              nullptr, nullptr, nullptr, nullptr, nullptr,
                              N_("The preset's dot size and strength, unchanged")};
  for (int i = 0; i < 7; ++i)
    gimp_choice_add(choice, shade_choice_nicks[i], i, _(labels[i]), help[i] ? _(help[i]) : nullptr);
  gimp_procedure_add_choice_argument(procedure, "shade", _("S_hade"), _("What the pigment's shade is matched to"), choice,
                                     shade_choice_nicks[0], G_PARAM_READWRITE);
}

ShadeChoice shade_choice_of(GimpProcedureConfig* config)
{
  return static_cast<ShadeChoice>(std::clamp(gimp_procedure_config_get_choice_id(config, "shade"), 0, 6));
}

}  // namespace smp_plugin
