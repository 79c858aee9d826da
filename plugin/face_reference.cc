#include "face_reference.hpp"

namespace smp_plugin {
namespace {

constexpr const char* face_reference_parasite = "smp-face-reference";

}  // namespace

void record_face_reference(GimpItem* item, const smp::FrontLandmarks& landmarks)
{
  const std::string text = landmarks.reference();
  GimpParasite* parasite = gimp_parasite_new(face_reference_parasite, GIMP_PARASITE_PERSISTENT | GIMP_PARASITE_UNDOABLE,
                                             static_cast<guint32>(text.size()), text.data());
  gimp_item_attach_parasite(item, parasite);
  gimp_parasite_free(parasite);
}

std::string face_reference_of(GimpItem* item)
{
  GimpParasite* parasite = gimp_item_get_parasite(item, face_reference_parasite);
  if (!parasite)
    return "";
  guint32 size = 0;
  const auto* data = static_cast<const char*>(gimp_parasite_get_data(parasite, &size));
  std::string text(data, size);
  gimp_parasite_free(parasite);
  return text;
}

}  // namespace smp_plugin
