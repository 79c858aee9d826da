#include "text_parasite.hpp"

namespace smp_plugin {
namespace {

GimpParasite* parasite_of(const char* name, const std::string& text)
{
  return gimp_parasite_new(name, GIMP_PARASITE_PERSISTENT | GIMP_PARASITE_UNDOABLE, static_cast<guint32>(text.size()),
                           text.data());
}

std::string text_in(GimpParasite* parasite)
{
  if (!parasite)
    return "";
  guint32 size = 0;
  const auto* data = static_cast<const char*>(gimp_parasite_get_data(parasite, &size));
  std::string text(data, size);
  gimp_parasite_free(parasite);
  return text;
}

}  // namespace

void attach_text(GimpImage* image, const char* name, const std::string& text)
{
  GimpParasite* parasite = parasite_of(name, text);
  gimp_image_attach_parasite(image, parasite);
  gimp_parasite_free(parasite);
}

void attach_text(GimpItem* item, const char* name, const std::string& text)
{
  GimpParasite* parasite = parasite_of(name, text);
  gimp_item_attach_parasite(item, parasite);
  gimp_parasite_free(parasite);
}

std::string attached_text(GimpImage* image, const char* name) { return text_in(gimp_image_get_parasite(image, name)); }

std::string attached_text(GimpItem* item, const char* name) { return text_in(gimp_item_get_parasite(item, name)); }

}  // namespace smp_plugin
