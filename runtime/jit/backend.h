// The interface every backend implements: the reference executor
// (llgraph.h) now, targets/x86_64/ next, then aarch64 and ppc64le. The
// driver (rpyjit, later the meta-interpreter) only talks to this class, so
// `rpyjit run --interp` and `rpyjit run` differ in which Backend they build.
//
// Lifetime: a backend may keep pointers into the traces and descrs it
// compiled (the reference executor runs them directly), so the TraceFile
// must outlive the CompiledLoop.
#pragma once
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/jit/heap.h"
#include "runtime/jit/trace.h"

namespace rpy::jit {

// How execution left compiled code: through which guard or finish, with
// the values of its fail arguments (or finish's arguments), in order.
struct ExitState {
  const FailDescr* exit = nullptr;
  std::vector<RtValue> values;
  // The exception pending when execution left (a guard_no_exception that
  // failed, say), moved out of the exception state (exception.h), which
  // is clear again; null if none.
  void* exception = nullptr;
};

// `exit N v1 v2 ...`, plus ` exception E` when one is pending (E the name
// of its struct in `descrs`, or its type id without them): what `rpyjit
// run` prints, the same for every backend.
std::string format_exit(const ExitState& state, const DescrTable* descrs = nullptr);

// A loop as a backend compiled it; what is inside is the backend's business.
class CompiledLoop {
 public:
  virtual ~CompiledLoop() = default;
};

// The trace did something undefined (null dereference, index out of
// bounds, shift count out of range...). Only the reference executor can
// detect this; machine code would crash or compute garbage, so fuzzers must
// not generate such traces.
class ExecutionError : public std::runtime_error {
 public:
  ExecutionError(const Op* op, const std::string& message) : std::runtime_error(message), op(op) {}
  const Op* op;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string_view name() const = 0;

  // Compiles a loop: inputargs, then operations ending in jump (to one of
  // its own labels) or finish.
  virtual std::unique_ptr<CompiledLoop> compile_loop(const Trace& loop) = 0;

  // Attaches `bridge` to the guard whose exit is `guard`, so that from now
  // on a failure of that guard continues in the bridge instead of leaving.
  // The bridge's inputargs receive the guard's fail args; it ends in a jump
  // to a label of the loop or in finish.
  virtual void compile_bridge(CompiledLoop& loop, const FailDescr& guard, const Trace& bridge) = 0;

  // Runs the loop with `args` bound to its inputargs until a guard without
  // a bridge fails or a finish is reached.
  virtual ExitState execute(CompiledLoop& loop, std::span<const RtValue> args) = 0;

  // Human-readable machine code for --dump-asm; empty when there is none.
  virtual std::string disassemble(const CompiledLoop&) const { return {}; }
};

// Compiles the loop and its bridges with `backend` and runs it: what
// `rpyjit run` does after parsing (and optimizing).
ExitState run_trace_file(Backend& backend, const TraceFile& file, std::span<const RtValue> args);

}  // namespace rpy::jit
