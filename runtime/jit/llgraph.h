// The reference executor: runs traces operation by operation, as RPython's
// llgraph backend does. It is the oracle the optimizer and the machine-code
// backends are tested against, so it favours obviously-right semantics and
// detects undefined behaviour (ExecutionError) instead of being fast.
#pragma once
#include "runtime/jit/backend.h"

namespace rpy::jit {

class LLGraphBackend final : public Backend {
 public:
  explicit LLGraphBackend(JitHeap& heap) : heap_(heap) {}

  std::string_view name() const override { return "llgraph"; }
  std::unique_ptr<CompiledLoop> compile_loop(const Trace& loop) override;
  void compile_bridge(CompiledLoop& loop, const FailDescr& guard, const Trace& bridge) override;
  ExitState execute(CompiledLoop& loop, std::span<const RtValue> args) override;

  // Stops a run after this many operations (0: no limit) with an
  // ExecutionError, for fuzzers that may generate endless loops.
  void set_step_limit(uint64_t steps) { step_limit_ = steps; }

 private:
  JitHeap& heap_;
  uint64_t step_limit_ = 0;
};

}  // namespace rpy::jit
