// The interface of the trace optimizer: trace in, trace out. The passes
// (intbounds, rewrite, pure, heap, virtualize, unroll; RPython's order)
// will implement it; rpyjit and the meta-interpreter only see this class.
//
// Contract for every implementation:
//  - The output is a new Trace; the input is left as it was.
//  - Guards in the output carry the FailDescr of the guard they came from
//    (a guard copied into several places shares it), so exit numbers and
//    bridge attachment survive optimization. A guard the optimizer invents
//    gets DescrTable::new_fail_descr with the number of the guard it was
//    derived from.
//  - Descrs are shared with the input through the DescrTable; labels of the
//    output keep their TargetTokens, and optimize_trace_file() rebinds them
//    (bind_labels) to the new label ops.
//  - The output passes verify().
#pragma once
#include <string_view>

#include "runtime/jit/trace.h"

namespace rpy::jit {

class Optimizer {
 public:
  virtual ~Optimizer() = default;
  virtual std::string_view name() const = 0;

  virtual Trace optimize_loop(const Trace& loop, DescrTable& descrs) = 0;
  // `loop` is the already optimized loop the bridge will jump into: its
  // labels say what the bridge must pass (and, after unrolling, which
  // facts the peeled loop assumes). `guard` is the exit the bridge leaves
  // from, when known (for logs).
  virtual Trace optimize_bridge(const Trace& bridge, const Trace& loop, DescrTable& descrs,
                                const FailDescr* guard = nullptr) = 0;
};

// Copies a trace value for value (new Values, same descrs, same names). The
// identity optimizer, and a start for passes that rewrite as they copy.
Trace copy_trace(const Trace& trace);

class NoOptimizer final : public Optimizer {
 public:
  std::string_view name() const override { return "none"; }
  Trace optimize_loop(const Trace& loop, DescrTable&) override { return copy_trace(loop); }
  Trace optimize_bridge(const Trace& bridge, const Trace&, DescrTable&, const FailDescr* = nullptr) override {
    return copy_trace(bridge);
  }
};

// Optimizes the loop, then every bridge, in place, and rebinds labels.
void optimize_trace_file(Optimizer& optimizer, TraceFile& file);

}  // namespace rpy::jit
