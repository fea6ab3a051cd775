// Opcodes of the trace IR and what each one is, read from opcodes.def.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "runtime/jit/kind.h"

namespace rpy::jit {

enum class Opcode : uint16_t {
#define JIT_OP(name, result, args, flags) name,
#include "runtime/jit/opcodes.def"
#undef JIT_OP
};

inline constexpr int kOpcodeCount = 0
#define JIT_OP(name, result, args, flags) +1
#include "runtime/jit/opcodes.def"
#undef JIT_OP
    ;

// Properties the optimizer and the backends dispatch on. Passes should ask
// these questions instead of listing opcodes, so a new opcode with the right
// flags is handled everywhere it can be.
enum OpFlag : uint32_t {
  Final = 1u << 0,          // jump or finish: the trace ends here
  Guard = 1u << 1,          // checks a condition, has fail arguments
  Fails = 1u << 2,          // leaves the trace: carries a FailDescr (guards, finish)
  AlwaysPure = 1u << 3,     // result depends on the arguments only: foldable, CSE-able
  NoSideEffect = 1u << 4,   // removable when unused, but not CSE-able across writes
  Ovf = 1u << 5,            // sets the overflow flag; a guard_(no_)overflow follows
  ReadsOverflow = 1u << 6,  // reads the flag the previous Ovf operation set
  Commutative = 1u << 7,    // arguments may be swapped
  BoolResult = 1u << 8,     // int result is 0 or 1
  NeedsDescr = 1u << 9,     // descr= is mandatory
  ReadsHeap = 1u << 10,
  WritesHeap = 1u << 11,
  Malloc = 1u << 12,        // allocates a fresh object
  Call = 1u << 13,          // calls a function; effects in the CallDescr
  ReadsException = 1u << 14,  // checks the pending exception (runtime/jit/exception.h)
};

struct OpInfo {
  std::string_view name;
  Kind result;
  // Argument kinds, one letter each (i, r, f, or x for "any, see verifier");
  // "*" means a variable list checked against the descr or the label.
  std::string_view arg_kinds;
  uint32_t flags;

  bool has(uint32_t f) const { return (flags & f) != 0; }
  bool is_variadic() const { return arg_kinds == "*"; }
  int arity() const { return is_variadic() ? -1 : static_cast<int>(arg_kinds.size()); }
  bool is_guard() const { return has(Guard); }
  bool is_final() const { return has(Final); }
  bool is_always_pure() const { return has(AlwaysPure); }
  bool has_no_side_effect() const { return has(AlwaysPure | NoSideEffect); }
  bool is_ovf() const { return has(Ovf); }
  bool is_call() const { return has(Call); }
  bool needs_descr() const { return has(NeedsDescr); }
  // A call's ability to raise depends on its descr; use EffectInfo for that.
  bool is_comparison() const { return has(BoolResult); }
};

const OpInfo& op_info(Opcode op);
inline std::string_view op_name(Opcode op) { return op_info(op).name; }
std::optional<Opcode> opcode_by_name(std::string_view name);

// The typed variants of an operation family, for passes that rebuild an op
// with another result kind (getfield_gc_i/r/f, call_i/r/f/n, same_as_i/r/f).
Opcode getfield_for(Kind k);
Opcode getarrayitem_for(Kind k);
Opcode call_for(Kind k);
Opcode same_as_for(Kind k);

}  // namespace rpy::jit
