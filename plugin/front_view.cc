#include "front_view.hpp"

#include "gimp_paths.hpp"

namespace smp_plugin {
namespace {

enum Eyes { canthi = 0, pupils = 1 };

}  // namespace

void add_landmark_arguments(GimpProcedure* procedure, const char* landmarks_blurb)
{
  gimp_procedure_add_path_argument(procedure, "landmarks", "_Landmarks", landmarks_blurb, TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument(
      procedure, "eyes", "_Eyes marked at", "Which point of each eye the landmarks mark",
      gimp_choice_new_with_values("canthi", canthi, "Lateral canthi", "The outer corners of the eyes", "pupils", pupils,
                                  "Pupils", "The centres of the pupils", nullptr),
      "canthi", G_PARAM_READWRITE);
}

bool landmarks_of(GimpImage* image, GimpProcedureConfig* config, smp::FrontLandmarks& landmarks, std::string& problem)
{
  // As Export Stencil: the path given, else the one named "SMP landmarks", else the selected one.
  GimpPath* path = nullptr;
  g_object_get(config, "landmarks", &path, nullptr);
  if (path)
    g_object_unref(path);  // the image keeps it
  else
    path = gimp_image_get_path_by_name(image, "SMP landmarks");
  if (!path)
    path = path_argument(config, "landmarks", image, problem);
  if (!path) {
    problem += ", with three anchors in this order: the glabella, then the eye on the "
              "image's left, then the eye on its right (lateral canthi, or pupils with eyes=pupils)";
    return false;
  }
  const auto anchors = anchors_of(path);
  if (anchors.size() != 3) {
    problem = "the landmarks path has " + std::to_string(anchors.size()) +
              " anchors; it needs three: the glabella, the image-left eye, the image-right eye";
    return false;
  }
  if (anchors[1].x >= anchors[2].x) {
    problem = "the second landmark (the image-left eye) must be left of the third";
    return false;
  }
  landmarks = {anchors[0], anchors[1], anchors[2], gimp_procedure_config_get_choice_id(config, "eyes") == pupils};
  return true;
}

}  // namespace smp_plugin
