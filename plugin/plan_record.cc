#include "plan_record.hpp"

#include "text_parasite.hpp"

namespace smp_plugin {
namespace {

constexpr const char* plan_parasite = "smp-suggested-plan";

}  // namespace

void record_suggested_plan(GimpImage* image, const std::string& summary) { attach_text(image, plan_parasite, summary); }

std::string suggested_plan_of(GimpImage* image) { return attached_text(image, plan_parasite); }

}  // namespace smp_plugin
