// smp-fuzz: the project's fuzz driver.
//   smp-fuzz run FILTERS_DIR PRESETS_DIR [--seed N] [--seconds N] [--memory-mb N] [--timeout N] [--found FILE]
//       filter cases for three quarters of the time and broken presets for the rest, each in a
//       worker process under a memory limit; a crash, a hang (no answer within --timeout
//       seconds), a memory overrun or a check that fails is a finding, printed with the case's
//       one-line description (appended to FILE). Exit status 1 when anything was found.
//   smp-fuzz case FILTERS_DIR LINE...   replays filter cases here and prints what they find
//   smp-fuzz preset PRESETS_DIR SEED INDEX   prints a broken preset the run made, to keep it
//   smp-fuzz worker filters|presets DIR SEED FIRST MEMORY_MB   (the driver's own workers)
#include <gegl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_case.hpp"
#include "fuzz_check.hpp"
#include "preset_fuzz.hpp"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool under_asan = true;
#else
constexpr bool under_asan = false;
#endif

void say(const std::string& line)
{
  std::fputs((line + "\n").c_str(), stdout);
  std::fflush(stdout);
}

std::string one_line(std::string text)
{
  for (char& c : text)
    if (c == '\n' || c == '\r')
      c = ' ';
  return text;
}

// Without AddressSanitizer the address space is the limit; with it (its shadow memory takes
// terabytes of address space) the driver gives the worker ASan's own resident-memory limit.
void limit_memory(long memory_mb)
{
  if (under_asan || memory_mb <= 0)
    return;
  const rlimit limit{static_cast<rlim_t>(memory_mb) << 20, static_cast<rlim_t>(memory_mb) << 20};
  setrlimit(RLIMIT_AS, &limit);
}

int filter_worker(const char* filters, std::uint64_t seed, std::uint64_t first, long memory_mb)
{
  limit_memory(memory_mb);
  gegl_init(nullptr, nullptr);
  gegl_load_module_directory(filters);
  smp_fuzz::watch_warnings();
  for (std::uint64_t k = first;; ++k) {
    const smp_fuzz::Case c = smp_fuzz::random_case(seed, k);
    say("case " + std::to_string(k) + " " + smp_fuzz::describe(c));
    for (const std::string& f : smp_fuzz::check_case(c))
      say("finding " + std::to_string(k) + " " + one_line(f));
    say("done " + std::to_string(k));
  }
}

// In name order, so that a seed breaks the same files on every machine.
std::vector<std::string> shipped_presets(const char* folder)
{
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".preset")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return texts;
}

int preset_worker(const char* folder, std::uint64_t seed, std::uint64_t first, long memory_mb)
{
  limit_memory(memory_mb);
  const auto shipped = shipped_presets(folder);
  if (shipped.empty()) {
    std::fprintf(stderr, "smp-fuzz: no .preset files in %s\n", folder);
    return 2;
  }
  for (std::uint64_t k = first;; ++k) {
    const std::string text = smp_fuzz::broken_preset(shipped, seed, k);
    say("case " + std::to_string(k) + " preset seed=" + std::to_string(seed) + " index=" + std::to_string(k));
    for (const std::string& f : smp_fuzz::check_preset(text))
      say("finding " + std::to_string(k) + " " + one_line(f));
    say("done " + std::to_string(k));
  }
}

struct Worker {
  pid_t pid = -1;
  int out = -1;
  std::string buffered;
};

Worker spawn(const char* self, const std::string& kind, const char* dir, std::uint64_t seed, std::uint64_t first,
             long memory_mb, const std::string& log)
{
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0)
    return {};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    if (FILE* err = std::fopen(log.c_str(), "a"))
      dup2(fileno(err), STDERR_FILENO);
    if (under_asan) {
      std::string options = std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "";
      options += (options.empty() ? "" : ":") + std::string("detect_leaks=0:allocator_may_return_null=1:hard_rss_limit_mb=") +
                 std::to_string(memory_mb);
      setenv("ASAN_OPTIONS", options.c_str(), 1);
    }
    const std::string seed_text = std::to_string(seed), first_text = std::to_string(first),
                      memory_text = std::to_string(memory_mb);
    execl("/proc/self/exe", self, "worker", kind.c_str(), dir, seed_text.c_str(), first_text.c_str(), memory_text.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  return {pid, pipe_fds[0], ""};
}

// One line from the worker, or nothing after `timeout_ms` (or when it has gone).
enum class Heard { line, silence, gone };
Heard next_line(Worker& w, int timeout_ms, std::string& line)
{
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto newline = w.buffered.find('\n');
    if (newline != std::string::npos) {
      line = w.buffered.substr(0, newline);
      w.buffered.erase(0, newline + 1);
      return Heard::line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0)
      return Heard::silence;
    pollfd p{w.out, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0)
      continue;
    char chunk[65536];
    const ssize_t n = read(w.out, chunk, sizeof chunk);
    if (n <= 0)
      return Heard::gone;
    w.buffered.append(chunk, static_cast<std::size_t>(n));
  }
}

std::string how_it_ended(pid_t pid)
{
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status))
    return std::string("crashed: ") + strsignal(WTERMSIG(status));
  if (WIFEXITED(status))
    return "exited with status " + std::to_string(WEXITSTATUS(status)) + " (a sanitizer or the memory limit)";
  return "ended";
}

std::string log_tail(const std::string& log)
{
  std::ifstream in(log);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (line.find("ERROR") != std::string::npos || line.find("runtime error") != std::string::npos ||
        line.find("Assertion") != std::string::npos || line.find("#0 ") != std::string::npos ||
        line.find("#1 ") != std::string::npos || line.find("#2 ") != std::string::npos ||
        line.find("SUMMARY") != std::string::npos || line.find("terminate") != std::string::npos)
      lines.push_back(line);
  std::string tail;
  for (std::size_t i = lines.size() > 8 ? lines.size() - 8 : 0; i < lines.size(); ++i)
    tail += "\n      " + lines[i].substr(0, 200);
  return tail;
}

struct Totals {
  std::uint64_t cases = 0, findings = 0;
};

// Runs one kind of case for `seconds`, restarting the worker after a crash or a hang.
Totals fuzz(const char* self, const std::string& kind, const char* dir, std::uint64_t seed, double seconds,
            long memory_mb, int timeout_s, const std::string& found_file, const std::string& log)
{
  Totals totals;
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  std::uint64_t next = 0;
  std::map<std::uint64_t, std::string> described;
  std::ofstream found(found_file, std::ios::app);
  const auto report = [&](std::uint64_t k, const std::string& what) {
    ++totals.findings;
    const std::string text = kind + " case " + std::to_string(k) + ": " + what + "\n    " + described[k];
    std::printf("FOUND %s\n", text.c_str());
    std::fflush(stdout);
    found << kind << " seed=" << seed << " index=" << k << ": " << one_line(what) << "\n  " << described[k] << "\n";
    found.flush();
  };
  while (std::chrono::steady_clock::now() < end) {
    Worker w = spawn(self, kind, dir, seed, next, memory_mb, log);
    if (w.pid < 0)
      break;
    std::uint64_t current = next;
    bool started = false;
    for (;;) {
      if (std::chrono::steady_clock::now() >= end) {
        kill(w.pid, SIGKILL);
        waitpid(w.pid, nullptr, 0);
        close(w.out);
        return totals;
      }
      std::string line;
      const Heard heard = next_line(w, started ? timeout_s * 1000 : 120000, line);
      if (heard == Heard::line) {
        std::istringstream in(line);
        std::string word;
        std::uint64_t k = 0;
        in >> word >> k;
        std::string rest;
        std::getline(in, rest);
        if (!rest.empty() && rest[0] == ' ')
          rest.erase(0, 1);
        if (word == "case") {
          current = k;
          started = true;
          described[k] = rest;
        } else if (word == "finding") {
          report(k, rest);
        } else if (word == "done") {
          ++totals.cases;
          described.erase(k);
          next = k + 1;
          started = false;
        }
        continue;
      }
      if (heard == Heard::silence) {
        kill(w.pid, SIGKILL);
        waitpid(w.pid, nullptr, 0);
        report(current, "hang: no answer within " + std::to_string(timeout_s) + " s");
      } else {
        report(current, how_it_ended(w.pid) + log_tail(log));
      }
      close(w.out);
      ++totals.cases;
      next = current + 1;
      break;
    }
  }
  return totals;
}

int run(int argc, char** argv)
{
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s run FILTERS_DIR PRESETS_DIR [--seed N] [--seconds N] [--memory-mb N] [--timeout N] [--found FILE]\n", argv[0]);
    return 2;
  }
  std::uint64_t seed = 1;
  double seconds = 60;
  long memory_mb = 4096;
  int timeout_s = 60;
  std::string found = "fuzz-found.txt";
  for (int i = 4; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seed")
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--seconds")
      seconds = std::atof(argv[i + 1]);
    else if (flag == "--memory-mb")
      memory_mb = std::atol(argv[i + 1]);
    else if (flag == "--timeout")
      timeout_s = std::atoi(argv[i + 1]);
    else if (flag == "--found")
      found = argv[i + 1];
  }
  const std::string log = found + ".worker-log";
  std::remove(log.c_str());
  std::remove(found.c_str());
  std::printf("smp-fuzz: seed %llu, %.0f s, %ld MB per worker, %d s per case%s\n", static_cast<unsigned long long>(seed),
              seconds, memory_mb, timeout_s, under_asan ? ", AddressSanitizer and UBSan" : "");
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const Totals filters = fuzz(argv[0], "filters", argv[2], seed, 0.75 * seconds, memory_mb, timeout_s, found, log);
  const Totals presets = fuzz(argv[0], "presets", argv[3], seed, 0.25 * seconds, memory_mb, timeout_s, found, log);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("smp-fuzz: %llu filter cases, %llu broken presets in %.0f s: %llu findings%s\n",
              static_cast<unsigned long long>(filters.cases), static_cast<unsigned long long>(presets.cases), took,
              static_cast<unsigned long long>(filters.findings + presets.findings),
              filters.findings + presets.findings ? (" (listed in " + found + ")").c_str() : "");
  return filters.findings + presets.findings > 0 ? 1 : 0;
}

int replay(int argc, char** argv)
{
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s case FILTERS_DIR LINE...\n", argv[0]);
    return 2;
  }
  gegl_init(nullptr, nullptr);
  gegl_load_module_directory(argv[2]);
  smp_fuzz::watch_warnings();
  int failed = 0;
  for (int i = 3; i < argc; ++i) {
    std::string error;
    const auto c = smp_fuzz::parse_case(argv[i], &error);
    if (!c) {
      std::printf("not a case (%s): %s\n", error.c_str(), argv[i]);
      ++failed;
      continue;
    }
    const auto findings = smp_fuzz::check_case(*c);
    std::printf("%s: %s\n", findings.empty() ? "passes" : "FAILS", argv[i]);
    for (const std::string& f : findings)
      std::printf("    %s\n", f.c_str());
    failed += !findings.empty();
  }
  gegl_exit();
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv)
{
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "run")
    return run(argc, argv);
  if (mode == "case")
    return replay(argc, argv);
  if (mode == "preset" && argc == 5) {
    const auto shipped = shipped_presets(argv[2]);
    if (shipped.empty())
      return 2;
    const std::string text = smp_fuzz::broken_preset(shipped, std::strtoull(argv[3], nullptr, 10), std::strtoull(argv[4], nullptr, 10));
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  if (mode == "worker" && argc == 7) {
    const std::uint64_t seed = std::strtoull(argv[4], nullptr, 10), first = std::strtoull(argv[5], nullptr, 10);
    const long memory_mb = std::atol(argv[6]);
    return std::string(argv[2]) == "filters" ? filter_worker(argv[3], seed, first, memory_mb)
                                             : preset_worker(argv[3], seed, first, memory_mb);
  }
  std::fprintf(stderr, "usage: %s run FILTERS_DIR PRESETS_DIR [options] | case FILTERS_DIR LINE...\n", argv[0]);
  return 2;
}
