// The JIT's logs, in PyPy's PYPYLOG format, so PyPy's log tools read them:
//
//   [2f1c5e8a0b1] {jit-log-opt-loop
//   # Loop 0 (loop) : loop with 9 ops
//   [i0, i1]
//   ...
//   [2f1c5e8a3c0] jit-log-opt-loop}
//
// Each section is one spdlog logger named after the section (so spdlog's
// sinks and levels apply), writing raw lines; the bracketed number is a
// monotonic timestamp in hex. Sections:
//
//   jit-log-noopt-loop / -bridge   a trace before optimization
//   jit-log-opt-loop / -bridge     after optimization
//   jit-backend-addr               where each loop and bridge was put
//   jit-backend-dump               its machine code (CODE_DUMP, hex)
//   jit-summary                    counts and times (JitStats)
//
// Which sections are written follows PyPy's PYPYLOG:
//
//   PYPYLOG=jit-log-opt,jit-summary:FILE   prefixes: a section is written if
//                                          its name starts with one of them
//   PYPYLOG=:FILE                          every section
//   PYPYLOG=FILE                           profiling: every section's start
//                                          and end line, without the body
//   FILE `-` (or empty) is stderr; otherwise the file is truncated first.
//
// One deviation: `jit-log-opt` also selects the jit-log-noopt sections,
// so one category shows a trace before and after optimization. RPYLOG (the
// toolchain's variable, driver/log.h) selects sections by exact name or
// prefix too, written to stderr.
//
// Separate from driver/log.h because the JIT library links no pybind and
// no toolchain code.
#pragma once
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace rpy::jit::jitlog {

// Whether `section` (e.g. "jit-log-opt-loop") is written at all.
bool enabled(std::string_view section);

// Writes `[ts] {section`, the body (unless profiling), `[ts] section}`.
// `body` should end with a newline; one is added otherwise.
void write_section(std::string_view section, std::string_view body);

// The spdlog logger of a section (its level: info when enabled, else off).
std::shared_ptr<spdlog::logger> get(std::string_view section);

// What jit-summary reports, counted by the optimizer and the backends.
struct JitStats {
  uint64_t loops_optimized = 0, bridges_optimized = 0;
  uint64_t ops_before = 0, guards_before = 0, calls_before = 0;  // input of the optimizer
  uint64_t ops_after = 0, guards_after = 0;                      // its output
  uint64_t virtual_guards = 0;   // guards of the output whose resume data has virtuals
  uint64_t loops_compiled = 0, bridges_compiled = 0;
  uint64_t code_bytes = 0;
  double optimize_seconds = 0, backend_seconds = 0;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};
JitStats& stats();

// The jit-summary section from stats(), in the layout of PyPy's jitprof.
std::string summary_text();
// Writes it if jit-summary is enabled (the driver calls this at the end).
void write_summary();

// The loop number the next jit-log-*-loop header uses.
uint64_t next_loop_number();

// PyPy's CODE_DUMP lines for jit-backend-dump: the bytes at `start` in hex.
std::string code_dump(std::string_view backend, const uint8_t* start, size_t size);

}  // namespace rpy::jit::jitlog
