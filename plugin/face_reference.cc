#include "face_reference.hpp"

#include "text_parasite.hpp"

namespace smp_plugin {
namespace {

constexpr const char* face_reference_parasite = "smp-face-reference";

}  // namespace

void record_face_reference(GimpItem* item, const smp::FrontLandmarks& landmarks)
{
  attach_text(item, face_reference_parasite, landmarks.reference());
}

std::string face_reference_of(GimpItem* item) { return attached_text(item, face_reference_parasite); }

}  // namespace smp_plugin
