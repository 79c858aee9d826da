// Each stage of a long run named on GIMP's progress bar as it starts (the user sees what is
// being done, not a hung GIMP) and timed for the speed benchmark: with SMP_TIMING set in the
// environment, "gimp-smp: STAGE S s" goes to the console when the stage ends, and the run's
// peak memory with print_peak_memory. A silent stage leaves the progress alone: any progress
// call starts it again, and with it GIMP's Cancel.
//
// SMP_KILL_AT_STAGE=STAGE kills the plug-in as that stage starts, as GIMP's Cancel does (it
// kills the plug-in's process): the tests check what a cancel leaves of the image.
#pragma once

#include <libgimp/gimp.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace smp_plugin {

class StageTimer {
 public:
  enum Shown { on_progress, silent };
  explicit StageTimer(const char* stage, Shown shown = on_progress) : stage_(stage), start_(g_get_monotonic_time())
  {
    if (const char* kill_at = g_getenv("SMP_KILL_AT_STAGE"); kill_at && std::string(kill_at) == stage)
      kill(getpid(), SIGKILL);
    if (shown == silent)
      return;
    gimp_progress_set_text_printf("Simulate SMP: %s", stage);
    gimp_progress_pulse();
  }
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

// "gimp-smp: peak memory N KiB": this process's resident peak (its VmHWM) so far.
inline void print_peak_memory()
{
  if (!g_getenv("SMP_TIMING"))
    return;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0)
      g_printerr("gimp-smp: peak memory %ld KiB\n", std::atol(line.c_str() + 6));
}

}  // namespace smp_plugin
