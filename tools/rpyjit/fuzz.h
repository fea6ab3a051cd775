// A random trace generator checking a backend against the reference
// executor, in the spirit of RPython's backend/test/test_random.py. Each
// seed gives one trace file (a loop or a straight trace, bridges attached
// to some of its guards) plus input values; the case passes when the
// backend prints the same `exit ...` line as LLGraphBackend.
//
// Generated traces only do what the executor defines: dereferences only of
// objects known non-null (fresh from `new`, or after guard_nonnull), array
// indices masked into range, shift counts 0..63, cast_float_to_int only
// after a guard that the value is in range. Loops count a counter down and
// bridges that jump back pass the decremented counter, so every case ends.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/jit/backend.h"
#include "runtime/jit/optimizer.h"

namespace rpy::jit {

struct FuzzCase {
  uint64_t seed = 0;
  std::string text;            // the trace file
  std::vector<RtValue> args;   // inputs of the loop
  std::string args_text() const;  // as `rpyjit run` takes them
};

FuzzCase generate_fuzz_case(uint64_t seed);

struct FuzzOutcome {
  enum class Status { Match, Mismatch, Skipped } status = Status::Skipped;
  std::string expected;  // the reference executor's exit line
  std::string actual;    // the backend's
  std::string note;      // why skipped, or the backend's error
};

// Runs `c` on the reference executor and on the x86-64 backend, the latter
// after `optimizer` when one is given.
FuzzOutcome run_fuzz_case(const FuzzCase& c, Optimizer* optimizer = nullptr);

}  // namespace rpy::jit
