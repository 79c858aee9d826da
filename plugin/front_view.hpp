// The face's landmarks for front-view presets in Simulate SMP: the path (glabella, image-left
// eye, image-right eye) that gives the face frame (smp::front_density_plan places the rest).
#pragma once

#include <libgimp/gimp.h>

#include <string>

#include "hairline/hairline_design.hpp"

namespace smp_plugin {

// The arguments "landmarks" (a path; default the one named "SMP landmarks", else the selected
// one) and "eyes" (canthi or pupils), named and read as SMP Design Hairline's.
void add_landmark_arguments(GimpProcedure* procedure, const char* landmarks_blurb);

// The landmarks of the path argument, or false with what is missing and what to do.
bool landmarks_of(GimpImage* image, GimpProcedureConfig* config, smp::FrontLandmarks& landmarks, std::string& problem);

}  // namespace smp_plugin
