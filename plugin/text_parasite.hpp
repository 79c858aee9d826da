// Text the plug-in keeps on an image or an item (persistent: saved in the XCF; undoable), for
// the records it leaves: how the scale was set, which face reference a hairline used, the plan.
#pragma once

#include <libgimp/gimp.h>

#include <string>

namespace smp_plugin {

void attach_text(GimpImage* image, const char* name, const std::string& text);
void attach_text(GimpItem* item, const char* name, const std::string& text);

// The text attached under `name`; empty when there is none.
std::string attached_text(GimpImage* image, const char* name);
std::string attached_text(GimpItem* item, const char* name);

}  // namespace smp_plugin
