// The time module's clocks and sleep, on POSIX clock_gettime/nanosleep (the
// clocks CPython 3.11 uses on Linux).
#include <cerrno>
#include <cmath>
#include <ctime>

#include "runtime/rpy.h"

namespace {
Signed clock_ns(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return (Signed)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
double clock_s(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
}  // namespace

extern "C" {

double rpy_time_time(void) { return clock_s(CLOCK_REALTIME); }
double rpy_time_perf_counter(void) { return clock_s(CLOCK_MONOTONIC); }
double rpy_time_monotonic(void) { return clock_s(CLOCK_MONOTONIC); }
double rpy_time_process_time(void) { return clock_s(CLOCK_PROCESS_CPUTIME_ID); }
Signed rpy_time_time_ns(void) { return clock_ns(CLOCK_REALTIME); }
Signed rpy_time_perf_counter_ns(void) { return clock_ns(CLOCK_MONOTONIC); }
Signed rpy_time_monotonic_ns(void) { return clock_ns(CLOCK_MONOTONIC); }
Signed rpy_time_process_time_ns(void) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }

void rpy_time_sleep(double secs) {
  if (std::isnan(secs)) {
    rpy_raise_cstr(&rpy_vt_ValueError, "Invalid value NaN (not a number)");
    return;
  }
  if (secs < 0) {
    rpy_raise_cstr(&rpy_vt_ValueError, "sleep length must be non-negative");
    return;
  }
  if (secs > 9.2e9) {
    rpy_raise_cstr(&rpy_vt_OverflowError, "timestamp out of range for platform time_t");
    return;
  }
  rpy_stdout_flush();  // what was printed before the pause shows before it
  timespec ts;
  ts.tv_sec = (time_t)secs;
  ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
  // Restarted after a signal with the time left, as CPython does (PEP 475).
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

}  // extern "C"
