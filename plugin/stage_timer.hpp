// Each stage of a long run timed, for the speed benchmark: with SMP_TIMING set in the
// environment, "gimp-smp: STAGE S s" goes to the console when the stage ends.
#pragma once

#include <glib.h>

namespace smp_plugin {

class StageTimer {
 public:
  explicit StageTimer(const char* stage) : stage_(stage), start_(g_get_monotonic_time()) {}
  ~StageTimer()
  {
    if (g_getenv("SMP_TIMING"))
      g_printerr("gimp-smp: %s %.3f s\n", stage_, (g_get_monotonic_time() - start_) / 1e6);
  }
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  const char* stage_;
  gint64 start_;
};

}  // namespace smp_plugin
