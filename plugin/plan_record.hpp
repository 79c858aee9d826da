// The scalp analysis's suggestion, kept on the image it was made for (saved in its XCF), so that
// Simulate's dialog shows it and the before/after's metadata records the plan it suggested.
#pragma once

#include <libgimp/gimp.h>

#include <string>

namespace smp_plugin {

void record_suggested_plan(GimpImage* image, const std::string& summary);

// What record_suggested_plan kept; empty when the image was never analysed.
std::string suggested_plan_of(GimpImage* image);

}  // namespace smp_plugin
