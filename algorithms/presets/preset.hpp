// Presets: a named pattern of hair loss (zones and their densities on a normalised head), a
// hairline style and stipple settings, read from GLib key files (format=1, presets/README.md).
// Every problem is reported with the file, the group and key (and line) and the reason.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "geometry/path.hpp"
#include "hairline/hairline_design.hpp"
#include "stipple/stipple_settings.hpp"

namespace smp {

enum class ZoneShape { ellipse, polygon, band, ring };

// What the photo shows: the head from above, or the face from the front.
enum class View { top, front };
inline const char* view_name(View view) { return view == View::front ? "front" : "top"; }

// A zone in the normalised head frame seen from above: x across (-1 image left .. 1 right when
// the face points up), y from the front (-1) to the back (1); the head's outline is the unit
// circle. Angles start at the front and turn clockwise seen from above. In a front-view preset
// the same numbers are millimetres of the face frame (FaceFrame: x across from the glabella,
// y up the face), a band is between two heights, and there are no rings.
struct Zone {
  std::string name;
  ZoneShape shape = ZoneShape::ellipse;
  Point centre{0.0, 0.0};
  double radius_x = 0.5, radius_y = 0.5;  // ellipse
  std::vector<Point> points;              // polygon
  double from_y = -1.0, to_y = 1.0;       // band: the part of the head between these
  double inner = 0.8, outer = 1.0;        // ring: between these radii of the head
  double from_deg = 0.0, to_deg = 360.0;  // ring: and between these angles
  double share = 1.0;                     // share of the stipple's density inside (the key "density")
  double edge_mm = 8.0;                   // soft edge (10-90%)
};

// What a preset file may hold: enough for any pattern of hair loss, little enough that no file
// takes long to read or to paint.
struct PresetLimits {
  static constexpr std::size_t max_file_bytes = 256 * 1024;
  static constexpr long max_name_chars = 80;  // the preset's and each zone's, in characters
  static constexpr long max_notes_chars = 2000;
  static constexpr std::size_t max_zones = 64;
};

struct FrontViewLimits {
  static constexpr double coordinate_mm = 250.0, radius_mm = 300.0;
};

struct PresetHairline {
  bool present = false;
  HairlineStyle style = HairlineStyle::juvenile;
  double mfp_height_mm = 80.0;
  double recession_mm = 15.0;
};

struct Preset {
  std::string file, name, category, notes;
  View view = View::top;
  std::vector<Zone> zones;
  PresetHairline hairline;
  // A preset sets the density, dot diameter, strength and sessions; the rest keep the stipple's
  // defaults (px_per_mm and the seed come from the image and the run).
  StippleSettings stipple;
};

struct PresetError {
  std::string file, group, key;
  int line = 0;  // 0 when unknown
  std::string reason;
  std::string message() const;  // "file:line: [group] key: reason"
};

std::variant<Preset, PresetError> parse_preset(const std::string& text, const std::string& file);
std::variant<Preset, PresetError> load_preset_file(const std::string& path);

struct PresetLibrary {
  std::vector<Preset> presets;     // sorted by category, then name
  std::vector<PresetError> errors; // one per file that could not be used
};

// Every *.preset file of the folders; a preset in a later folder replaces one of the same name.
PresetLibrary load_preset_folders(const std::vector<std::string>& folders);

}  // namespace smp
