// The x86-64 machine-code backend: a Backend (runtime/jit/backend.h) that
// compiles traces to native code in W^X executable memory. Loops and their
// bridges share one code arena, so a guard's jump can be patched to go
// straight into the bridge attached to it.
#pragma once
#include <memory>

#include "runtime/jit/backend.h"
#include "runtime/jit/execmem.h"

namespace rpy::jit {

class X86Backend final : public Backend {
 public:
  explicit X86Backend(JitHeap& heap);
  ~X86Backend() override;

  std::string_view name() const override { return "x86_64"; }
  std::unique_ptr<CompiledLoop> compile_loop(const Trace& loop) override;
  void compile_bridge(CompiledLoop& loop, const FailDescr& guard, const Trace& bridge) override;
  ExitState execute(CompiledLoop& loop, std::span<const RtValue> args) override;
  // objdump's disassembly of the loop and each bridge.
  std::string disassemble(const CompiledLoop& loop) const override;

  size_t code_bytes() const { return memory_.bytes_used(); }

 private:
  JitHeap& heap_;
  ExecMemory memory_;
};

// Disassembles raw x86-64 bytes with `objdump -D -b binary -mi386:x86-64`
// (Intel syntax when `intel`), addresses starting at `vma`. Returns the
// instruction lines, or an explanation when objdump is not available.
std::string objdump_disassemble(const uint8_t* bytes, size_t size, uint64_t vma, bool intel = true);

}  // namespace rpy::jit
