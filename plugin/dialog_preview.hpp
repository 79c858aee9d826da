// Live previews in the procedures' dialogs: the dialog built from the procedure's arguments,
// beside a picture of what the procedure would make of the image and a line of text, redrawn
// a moment after any argument changes. The pictures come from preview_render.hpp.
#pragma once

#include <libgimp/gimp.h>

#include <functional>
#include <string>

namespace smp_plugin {

// What the preview shows for the arguments of the moment: a picture the size of the shrunk
// photo (nullptr: the photo as it is) and a note (what the run will do, or what is missing).
struct PreviewContent {
  GeglBuffer* picture = nullptr;  // the dialog takes it
  std::string note;
};

// `photo` is the image's composite shrunk to the preview, `scale` its size over the image's.
using PreviewRenderer = std::function<PreviewContent(GimpProcedureConfig* config, GeglBuffer* photo, double scale)>;

enum class PreviewKind { picture_and_note, note_only };

// Whether an argument applies with the config's other values as they are (false: greyed out).
using ArgumentApplies = std::function<bool(GimpProcedureConfig* config, const char* argument)>;

// The preview is drawn this long after the last change: a dragged slider redraws once it pauses.
inline constexpr guint preview_redraw_delay_ms = 60;

// In interactive runs: the procedure's dialog with the preview of `image`; false if cancelled.
// `applies` (when given) greys out the arguments that do not apply, again whenever a value changes.
bool confirmed_with_preview(GimpProcedure* procedure, GimpProcedureConfig* config, const char* title, GimpImage* image,
                            const PreviewRenderer& render, PreviewKind kind = PreviewKind::picture_and_note,
                            const ArgumentApplies& applies = {});

}  // namespace smp_plugin
