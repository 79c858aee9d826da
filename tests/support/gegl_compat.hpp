// What differs between the GEGL versions the project supports (0.4.42 and later).
#pragma once

#include <gegl.h>

namespace smp {

// Newer GEGL deprecates gegl_node_connect_to for gegl_node_connect, which 0.4.42 lacks
// (meson finds out which this GEGL has).
inline void connect(GeglNode* source, const char* output_pad, GeglNode* sink, const char* input_pad)
{
#ifdef SMP_HAVE_GEGL_NODE_CONNECT
  gegl_node_connect(source, output_pad, sink, input_pad);
#else
  gegl_node_connect_to(source, output_pad, sink, input_pad);
#endif
}

}  // namespace smp
