// Private to targets/x86_64/: the state shared by the register allocator
// (regalloc.cpp) and the operation lowering (assembler.cpp) while one trace
// (a loop or a bridge) is turned into machine code.
//
// Frame: rbp points at an array of 8-byte words the executor owns.
//   frame[0..16)   general registers, stored there by exit stubs
//   frame[16..32)  xmm registers, stored there by exit stubs
//   frame[32 + s]  spill slot s; a loop's input argument k starts in slot k
// An exit leaves through the loop's epilogue with rax = its GuardInfo*, which
// says where each fail argument is (register, slot or constant); a bridge
// starts with its input arguments exactly there.
// Registers: r11 and xmm15 are scratch and never hold a value; rsp and rbp
// are reserved. Values live in the other 13 general and 15 xmm registers.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/jit/backend.h"
#include "runtime/jit/execmem.h"
#include "runtime/jit/resume.h"
#include "targets/x86_64/encoder.h"

namespace rpy::jit::x86 {

inline constexpr int kXmmSaveBase = 16;
inline constexpr int kSpillBase = 32;
inline Mem slot_mem(int slot) { return Mem::at(RBP, 8 * (kSpillBase + slot)); }

// Where a value is: a register, a frame slot, or (for constants) its bits.
struct Loc {
  enum Type : uint8_t { None, Gpr, Xmm, Stack, Imm } type = None;
  int32_t n = 0;    // register number or slot
  int64_t imm = 0;  // Imm: the 64 bits (int, pointer or double)
  static Loc gpr(int r) { Loc l; l.type = Gpr; l.n = r; return l; }
  static Loc xmm(int r) { Loc l; l.type = Xmm; l.n = r; return l; }
  static Loc stack(int s) { Loc l; l.type = Stack; l.n = s; return l; }
  static Loc constant(int64_t bits) { Loc l; l.type = Imm; l.imm = bits; return l; }
  bool operator==(const Loc& o) const { return type == o.type && (type == Imm ? imm == o.imm : n == o.n); }
  bool is_reg() const { return type == Gpr || type == Xmm; }
};

// One exit (a guard or a finish) of compiled code. Its fail arguments are
// described by `resume` (runtime/jit/resume.h) in terms of leaves: the
// values the code keeps for the exit, at `locs`. Virtuals among them are
// allocated when the exit is taken: by execute() when leaving, by the
// bridge's entry adapter (helper_materialize) when a bridge is attached.
struct GuardInfo {
  const FailDescr* descr = nullptr;
  std::vector<Loc> locs;    // where each leaf is when the exit is taken
  std::vector<Kind> kinds;  // the kind of each leaf
  ResumeData resume;
  // Per fail argument: the frame slot where a bridge finds the virtual
  // materialized for it, or -1. Assigned when a bridge is attached.
  std::vector<int> virtual_slots;
  JitHeap* heap = nullptr;      // where virtuals are allocated
  std::vector<uint8_t*> jumps;  // rel32 fields of the jumps to the stub (patched for a bridge)
};

// The leaves of `g` read from a frame the exit code stored its registers in.
std::vector<RtValue> read_leaves(const uint64_t* frame, const GuardInfo& g);
// Where each fail argument of `g` is when its bridge starts (leaves where
// the guard keeps them, constants as immediates, virtuals in their slots).
std::vector<Loc> fail_arg_locs(const GuardInfo& g);
// Gives each virtual fail argument a frame slot above every slot the
// guard's leaves use; returns the number of slots the frame then needs.
int assign_virtual_slots(GuardInfo& g);

struct LabelInfo {
  uint8_t* address = nullptr;
  std::vector<Loc> locs;
};

// Code of one trace as installed, for --dump-asm.
struct CodePiece {
  std::string title;
  uint8_t* start = nullptr;
  size_t size = 0;
};

class X86Loop final : public CompiledLoop {
 public:
  uint8_t* entry = nullptr;     // GuardInfo* entry(uint64_t* frame)
  uint8_t* epilogue = nullptr;  // where exits jump, with rax = GuardInfo*
  size_t n_inputargs = 0;
  int frame_words = kSpillBase;
  std::vector<std::unique_ptr<GuardInfo>> guards;
  std::unordered_map<const FailDescr*, std::vector<GuardInfo*>> guards_by_descr;
  std::unordered_map<const TargetToken*, LabelInfo> labels;
  std::vector<CodePiece> pieces;
};

// Assembles one trace. Used once per compile_loop / compile_bridge.
class TraceAssembler {
 public:
  TraceAssembler(X86Loop& loop, JitHeap& heap, uint8_t* base) : loop_(loop), heap_(heap), base_(base) {}

  // Loop: prologue + epilogue + the trace; inputarg k starts in slot k.
  void assemble_loop(const Trace& trace);
  // Bridge: inputarg k starts at entry[k] (the guard's fail locations).
  void assemble_bridge(const Trace& trace, const std::vector<Loc>& entry);
  // The way from a failing guard into its bridge when the guard does not
  // leave the fail arguments exactly where the bridge expects them:
  // materializes the guard's virtuals (if any), moves the fail arguments
  // from fail_arg_locs(from) to `to` and jumps to the absolute address
  // `target`.
  void assemble_adapter(const GuardInfo& from, const std::vector<Loc>& to, uint8_t* target);

  // After install: turn buffer offsets into addresses.
  void finish_install(uint8_t* installed);

  Encoder enc;
  int max_slots = 0;
  size_t entry_offset = 0;     // loops: where the entry function starts
  size_t epilogue_offset = 0;  // loops: the shared exit path

 private:
  // ---- register allocation (regalloc.cpp)
  void init_state(const Trace& trace);
  void compute_longevity(const Trace& trace);
  Loc loc(const Value* v) const;
  Reg gpr_for(const Value* v);         // value (or constant) in a general register, locked for this op
  x86::Xmm xmm_for(const Value* v);    // same for floats
  Reg result_gpr(const Op* op, const Value* reuse = nullptr, uint32_t forbidden = 0);
  x86::Xmm result_xmm(const Op* op, const Value* reuse = nullptr);
  Reg pick_gpr(uint32_t forbidden = 0);
  x86::Xmm pick_xmm();
  void bind_gpr(const Value* v, Reg r);
  void bind_xmm(const Value* v, x86::Xmm r);
  void unbind_reg(const Value* v);
  void spill_reg(int is_xmm, int r);   // stores the owner if needed and frees the register
  int alloc_slot();
  void ensure_slot(const Value* v);    // v has a stack copy
  void force_gpr(const Value* v, Reg r);  // v in exactly r (evicting its owner)
  void free_dying(const Op* op);       // values whose last use is this op
  void free_value(const Value* v);
  void end_op(const Op* op);
  bool dies_here(const Value* v) const;
  void spill_caller_saved_live_after();
  void enter_label(const Op* label);
  void enter_bridge(const Trace& trace, const std::vector<Loc>& entry);

  // ---- moves (regalloc.cpp)
  void move(const Loc& src, const Loc& dst);
  void parallel_move(std::vector<Loc> src, std::vector<Loc> dst);
  Mem mem_of(const Loc& l);  // Stack or Imm (constant pool) as a memory operand
  size_t pool_constant(int64_t lo, int64_t hi = 0);  // index into pool_

  // ---- lowering (assembler.cpp)
  void assemble_ops(const Trace& trace);
  void emit_prologue();
  void emit_epilogue();
  void emit_stubs();
  void emit_exit_code(GuardInfo* g);
  void emit_materialize(const GuardInfo& g);
  // The values an exit needs: its fail arguments, or the leaves of its
  // virtuals (compute_longevity records those for guards that have some).
  template <class F>
  void for_each_exit_value(const Op* op, F&& f) const {
    for (const Value* v : op->fail_args)
      if (v && !v->is_const() && !v->is_virtual()) f(v);
    if (!virtual_leaves_.empty())
      if (auto it = virtual_leaves_.find(op); it != virtual_leaves_.end())
        for (const Value* v : it->second) f(v);
  }
  void alu_value(AluOp op, Reg dst, const Value* v);
  void emit_pool();
  bool fuses_with_next(const Trace& trace, size_t i) const;
  void op_int_binary(const Op* op);
  void op_shift(const Op* op);
  void op_compare(const Trace& trace, size_t& i);
  void op_float_binary(const Op* op);
  void op_float_compare(const Trace& trace, size_t& i);
  void op_guard(const Op* op);
  void op_call(const Op* op);
  void op_heap(const Op* op);
  void op_new(const Op* op);
  void op_jump(const Op* op);
  void op_finish(const Op* op);
  struct CallArg {
    const Value* value = nullptr;  // or, when null, the immediate:
    int64_t imm = 0;
    Kind kind = Kind::Int;
  };
  void emit_call(void* address, const std::vector<CallArg>& args, const Op* result);
  void store_loc(const Mem& dst, const Loc& src);
  // Guards: the exit record, then one or more conditional jumps to its stub.
  GuardInfo* begin_exit(const Op* op, std::span<Value* const> values);
  void guard_jump(GuardInfo* g, Cond fail_if);
  void guard_jump_always(GuardInfo* g);
  void rel_to_absolute(size_t rel_at, uint8_t* target);

  struct PendingExit {
    GuardInfo* info;
    std::vector<size_t> jumps;  // buffer offsets of rel32 fields
  };
  struct PendingLabel {
    const TargetToken* token;
    size_t offset;
    std::vector<Loc> locs;
  };

  X86Loop& loop_;
  JitHeap& heap_;
  uint8_t* base_;  // where the buffer will be installed
  const Trace* trace_ = nullptr;
  size_t pos_ = 0;
  std::vector<int> last_use_;
  std::unordered_map<const Op*, std::vector<const Value*>> virtual_leaves_;
  std::vector<int8_t> reg_of_;   // -1 or register number, by value id
  std::vector<int> slot_of_;     // -1 or slot
  const Value* gpr_owner_[16] = {};
  const Value* xmm_owner_[16] = {};
  uint32_t locked_gpr_ = 0, locked_xmm_ = 0;
  uint32_t temp_gpr_ = 0, temp_xmm_ = 0;  // hold constants for this op only
  std::vector<bool> slot_used_;
  std::vector<PendingExit> exits_;
  std::vector<PendingLabel> labels_;
  std::vector<size_t> pool_refs_;  // pool index of each enc.rip_fixups entry, in order
  std::vector<std::pair<int64_t, int64_t>> pool_;
  bool has_epilogue_ = false;
  // Loop rotation: a jump back to a label of this trace re-executes the
  // code between the label and the first guard's jcc (copied, when it is
  // position independent) and jumps into the body when the guard passes,
  // so an iteration takes one branch, not a guard plus a jump.
  struct LoopHead {
    const TargetToken* token = nullptr;
    size_t start = 0;       // label offset
    size_t jcc_rel = 0;     // rel32 field of the guard's first jcc
    size_t body = 0;        // where the loop continues when that guard passes
    Cond fail_if = O;
    GuardInfo* guard = nullptr;
  };
  int head_armed_at_ = -1;  // op index of the label whose head is being recorded, or -1
  size_t head_start_ = 0;
  const TargetToken* head_token_ = nullptr;
  std::vector<LoopHead> heads_;
  int fused_cond_ = -1;  // a comparison left its condition in the flags for the next guard
};

}  // namespace rpy::jit::x86
