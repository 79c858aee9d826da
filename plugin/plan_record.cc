#include "plan_record.hpp"

namespace smp_plugin {
namespace {

constexpr const char* plan_parasite = "smp-suggested-plan";

}  // namespace

void record_suggested_plan(GimpImage* image, const std::string& summary)
{
  GimpParasite* parasite = gimp_parasite_new(plan_parasite, GIMP_PARASITE_PERSISTENT | GIMP_PARASITE_UNDOABLE,
                                             static_cast<guint32>(summary.size()), summary.data());
  gimp_image_attach_parasite(image, parasite);
  gimp_parasite_free(parasite);
}

std::string suggested_plan_of(GimpImage* image)
{
  GimpParasite* parasite = gimp_image_get_parasite(image, plan_parasite);
  if (!parasite)
    return "";
  guint32 size = 0;
  const auto* data = static_cast<const char*>(gimp_parasite_get_data(parasite, &size));
  std::string text(data, size);
  gimp_parasite_free(parasite);
  return text;
}

}  // namespace smp_plugin
