// How every tool that runs the project's filters starts: GEGL up, the built module loaded
// from FILTERS_DIR (argv[1]), and a clear message when it is not there.
#pragma once

#include <gegl.h>

#include <cstdio>

namespace smp_tools {

// False (after saying why) when the arguments don't fit or the module lacks `operation`.
inline bool start_gegl_with_filters(int argc, char** argv, int min_args, int max_args, const char* usage,
                                    const char* operation)
{
  if (argc < min_args || argc > max_args) {
    std::fprintf(stderr, "usage: %s %s\n", argv[0], usage);
    return false;
  }
  gegl_init(nullptr, nullptr);
  gegl_load_module_directory(argv[1]);
  if (!gegl_has_operation(operation)) {
    std::fprintf(stderr, "%s not found in %s: build the project first (tools/run-tests host)\n", operation, argv[1]);
    return false;
  }
  return true;
}

}  // namespace smp_tools
