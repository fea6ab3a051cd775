// Lowering of trace operations to x86-64 (RPython's x86/assembler.py):
// one pass over the trace with the register allocator, guards as
// conditional jumps to out-of-line exit stubs emitted after the trace,
// SysV calls, and a constant pool (float constants, sign masks) after the
// stubs, addressed RIP-relative.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <stdexcept>

#include "runtime/jit/cfunction.h"
#include "runtime/jit/exception.h"
#include "targets/x86_64/assembler.h"

namespace rpy::jit::x86 {

namespace {

void* helper_new_struct(JitHeap* heap, const StructDescr* d) { return heap->new_struct(*d); }
void* helper_new_array(JitHeap* heap, const ArrayDescr* d, int64_t n) { return heap->new_array(*d, n); }

// Called by a bridge adapter after it stored the guard's registers in the
// frame: allocates the virtuals and leaves each in its slot.
void helper_materialize(uint64_t* frame, const GuardInfo* g) {
  std::vector<RtValue> leaves = read_leaves(frame, *g);
  std::vector<RtValue> values = g->resume.materialize(*g->heap, leaves);
  for (size_t k = 0; k < values.size(); k++)
    if (g->virtual_slots[k] >= 0) frame[kSpillBase + g->virtual_slots[k]] = reinterpret_cast<uint64_t>(values[k].r);
}

constexpr Reg kIntArgRegs[] = {RDI, RSI, RDX, RCX, R8, R9};
constexpr Reg kCalleeSaved[] = {RBP, RBX, R12, R13, R14, R15};
constexpr uint32_t kCallerSavedGpr = (1u << RAX) | (1u << RCX) | (1u << RDX) | (1u << RSI) | (1u << RDI) |
                                     (1u << R8) | (1u << R9) | (1u << R10);
constexpr int64_t kSignBit = INT64_MIN;

Cond int_cond(Opcode op) {
  switch (op) {
    case Opcode::int_lt: return L;
    case Opcode::int_le: return LE;
    case Opcode::int_eq: case Opcode::ptr_eq: return E;
    case Opcode::int_ne: case Opcode::ptr_ne: return NE;
    case Opcode::int_gt: return G;
    case Opcode::int_ge: return GE;
    case Opcode::uint_lt: return B;
    case Opcode::uint_le: return BE;
    case Opcode::uint_gt: return A;
    case Opcode::uint_ge: return AE;
    default: throw std::logic_error("not an int comparison");
  }
}

// The condition of `b OP a` given the one of `a OP b`.
Cond swap_cond(Cond c) {
  switch (c) {
    case L: return G;
    case G: return L;
    case LE: return GE;
    case GE: return LE;
    case B: return A;
    case A: return B;
    case BE: return AE;
    case AE: return BE;
    default: return c;
  }
}

bool is_int_binary(Opcode op) {
  switch (op) {
    case Opcode::int_add: case Opcode::int_sub: case Opcode::int_mul: case Opcode::int_and:
    case Opcode::int_or: case Opcode::int_xor: case Opcode::int_add_ovf: case Opcode::int_sub_ovf:
    case Opcode::int_mul_ovf: return true;
    default: return false;
  }
}

bool is_int_compare(Opcode op) {
  switch (op) {
    case Opcode::int_lt: case Opcode::int_le: case Opcode::int_eq: case Opcode::int_ne: case Opcode::int_gt:
    case Opcode::int_ge: case Opcode::uint_lt: case Opcode::uint_le: case Opcode::uint_gt: case Opcode::uint_ge:
    case Opcode::ptr_eq: case Opcode::ptr_ne: case Opcode::int_is_true: case Opcode::int_is_zero: return true;
    default: return false;
  }
}

}  // namespace

std::vector<RtValue> read_leaves(const uint64_t* frame, const GuardInfo& g) {
  std::vector<RtValue> out(g.locs.size());
  for (size_t k = 0; k < g.locs.size(); k++) {
    const Loc& loc = g.locs[k];
    RtValue& v = out[k];
    v.kind = g.kinds[k];
    switch (loc.type) {
      case Loc::Gpr: std::memcpy(&v.i, &frame[loc.n], 8); break;
      case Loc::Xmm: std::memcpy(&v.i, &frame[kXmmSaveBase + loc.n], 8); break;
      case Loc::Stack: std::memcpy(&v.i, &frame[kSpillBase + loc.n], 8); break;
      case Loc::Imm: v.i = loc.imm; break;
      default: throw std::logic_error("x86: exit value without a location");
    }
  }
  return out;
}

std::vector<Loc> fail_arg_locs(const GuardInfo& g) {
  std::vector<Loc> out;
  out.reserve(g.resume.fail_args.size());
  for (size_t k = 0; k < g.resume.fail_args.size(); k++) {
    const ResumeRef& r = g.resume.fail_args[k];
    switch (r.tag) {
      case ResumeRef::Tag::Leaf: out.push_back(g.locs[static_cast<size_t>(r.n)]); break;
      case ResumeRef::Tag::Const: out.push_back(Loc::constant(r.n)); break;
      case ResumeRef::Tag::Virtual:
        if (g.virtual_slots.empty()) throw std::logic_error("x86: virtual fail argument without a slot");
        out.push_back(Loc::stack(g.virtual_slots[k]));
        break;
    }
  }
  return out;
}

int assign_virtual_slots(GuardInfo& g) {
  int next = 0;
  for (const Loc& l : g.locs)
    if (l.type == Loc::Stack) next = std::max(next, l.n + 1);
  if (!g.resume.has_virtuals()) return next;
  if (g.virtual_slots.empty()) {
    int slot = next;
    for (const ResumeRef& r : g.resume.fail_args)
      g.virtual_slots.push_back(r.tag == ResumeRef::Tag::Virtual ? slot++ : -1);
  }
  for (int s : g.virtual_slots) next = std::max(next, s + 1);
  return next;
}

// ---- whole traces

void TraceAssembler::emit_prologue() {
  for (Reg r : kCalleeSaved) enc.push(r);
  enc.alu_imm(SUB, RSP, 8);  // 6 pushes + return address: realign to 16 for calls
  enc.mov(RBP, RDI);
}

void TraceAssembler::emit_epilogue() {
  enc.alu_imm(ADD, RSP, 8);
  for (int k = 5; k >= 0; k--) enc.pop(kCalleeSaved[k]);
  enc.ret();
}

void TraceAssembler::assemble_loop(const Trace& trace) {
  init_state(trace);
  epilogue_offset = enc.size();
  has_epilogue_ = true;
  emit_epilogue();
  entry_offset = enc.size();
  emit_prologue();
  for (size_t k = 0; k < trace.inputargs.size(); k++) {
    slot_of_[trace.inputargs[k]->id()] = alloc_slot();
  }
  for (const InputArg* a : trace.inputargs)
    if (last_use_[a->id()] < 0) free_value(a);
  assemble_ops(trace);
  emit_stubs();
  emit_pool();
}

void TraceAssembler::assemble_bridge(const Trace& trace, const std::vector<Loc>& entry) {
  init_state(trace);
  enter_bridge(trace, entry);
  assemble_ops(trace);
  emit_stubs();
  emit_pool();
}

void TraceAssembler::assemble_adapter(const GuardInfo& g, const std::vector<Loc>& to, uint8_t* target) {
  emit_materialize(g);
  std::vector<Loc> from = fail_arg_locs(g);
  std::vector<Loc> src, dst;
  for (size_t k = 0; k < from.size(); k++)
    if (to[k].type != Loc::Imm) {
      src.push_back(from[k]);
      dst.push_back(to[k]);
    }
  parallel_move(src, dst);
  rel_to_absolute(enc.jmp(), target);
  emit_pool();
}

void TraceAssembler::rel_to_absolute(size_t rel_at, uint8_t* target) {
  int64_t rel = target - (base_ + rel_at + 4);
  if (!fits_i32(rel)) throw std::runtime_error("x86: jump target out of rel32 range");
  enc.patch_i32(rel_at, static_cast<int32_t>(rel));
}

void TraceAssembler::finish_install(uint8_t* installed) {
  if (installed != base_) throw std::logic_error("x86: code installed at an unexpected address");
  for (const PendingLabel& l : labels_) loop_.labels[l.token] = LabelInfo{installed + l.offset, l.locs};
  for (const PendingExit& e : exits_)
    for (size_t j : e.jumps) e.info->jumps.push_back(installed + j);
}

void TraceAssembler::emit_pool() {
  if (pool_.empty()) return;
  while (enc.size() % 16) enc.byte(0xcc);
  size_t start = enc.size();
  for (auto [lo, hi] : pool_) {
    enc.i64(lo);
    enc.i64(hi);
  }
  if (pool_refs_.size() != enc.rip_fixups.size()) throw std::logic_error("x86: constant pool references out of step");
  for (size_t k = 0; k < pool_refs_.size(); k++) {
    size_t at = enc.rip_fixups[k];
    enc.patch_i32(at, static_cast<int32_t>(start + 16 * pool_refs_[k] - (at + 4)));
  }
}

// ---- exits

GuardInfo* TraceAssembler::begin_exit(const Op* op, std::span<Value* const> values) {
  auto info = std::make_unique<GuardInfo>();
  info->descr = op->fail_descr();
  info->heap = &heap_;
  std::vector<const Value*> leaves;
  info->resume = ResumeData::build(values, &leaves);
  info->locs.reserve(leaves.size());
  info->kinds.reserve(leaves.size());
  for (const Value* v : leaves) {
    info->locs.push_back(loc(v));
    info->kinds.push_back(v->kind());
  }
  GuardInfo* g = info.get();
  loop_.guards.push_back(std::move(info));
  if (g->descr) loop_.guards_by_descr[g->descr].push_back(g);
  return g;
}

void TraceAssembler::guard_jump(GuardInfo* g, Cond fail_if) {
  size_t at = enc.jcc(fail_if);
  if (head_armed_at_ >= 0) {
    bool position_independent = true;
    for (size_t f : enc.rip_fixups) position_independent &= f < head_start_;
    if (position_independent) {
      // The rotated loop's body starts here: align it as compilers align
      // loop heads. Run once on entry, the padding costs nothing per
      // iteration.
      size_t misalign = reinterpret_cast<uintptr_t>(base_ + enc.size()) % 16;
      if (misalign) enc.nops(16 - misalign);
      heads_.push_back(LoopHead{head_token_, head_start_, at, enc.size(), fail_if, g});
    }
    head_armed_at_ = -1;
  }
  if (exits_.empty() || exits_.back().info != g) exits_.push_back(PendingExit{g, {}});
  exits_.back().jumps.push_back(at);
}

void TraceAssembler::guard_jump_always(GuardInfo* g) {
  size_t at = enc.jmp();
  if (exits_.empty() || exits_.back().info != g) exits_.push_back(PendingExit{g, {}});
  exits_.back().jumps.push_back(at);
}

// Stores the registers holding exit values where the executor reads them,
// then leaves through the epilogue with rax = the GuardInfo.
void TraceAssembler::emit_exit_code(GuardInfo* g) {
  for (const Loc& l : g->locs) {
    if (l.type == Loc::Gpr) enc.mov(Mem::at(RBP, 8 * l.n), static_cast<Reg>(l.n));
    else if (l.type == Loc::Xmm) enc.movsd(Mem::at(RBP, 8 * (kXmmSaveBase + l.n)), static_cast<x86::Xmm>(l.n));
  }
  enc.mov_imm(RAX, reinterpret_cast<int64_t>(g));
  size_t at = enc.jmp();
  if (has_epilogue_) enc.bind(at, epilogue_offset);
  else rel_to_absolute(at, loop_.epilogue);
}

// Stores the registers holding leaves in the frame (as an exit does),
// calls helper_materialize, and reloads them: the call clobbers the
// caller-saved ones, and the bridge expects every leaf where it was.
void TraceAssembler::emit_materialize(const GuardInfo& g) {
  if (!g.resume.has_virtuals()) return;
  for (const Loc& l : g.locs) {
    if (l.type == Loc::Gpr) enc.mov(Mem::at(RBP, 8 * l.n), static_cast<Reg>(l.n));
    else if (l.type == Loc::Xmm) enc.movsd(Mem::at(RBP, 8 * (kXmmSaveBase + l.n)), static_cast<x86::Xmm>(l.n));
  }
  enc.mov(RDI, RBP);
  enc.mov_imm(RSI, reinterpret_cast<int64_t>(&g));
  enc.mov_imm(R11, reinterpret_cast<int64_t>(&helper_materialize));
  enc.call(R11);
  for (const Loc& l : g.locs) {
    if (l.type == Loc::Gpr) enc.mov(static_cast<Reg>(l.n), Mem::at(RBP, 8 * l.n));
    else if (l.type == Loc::Xmm) enc.movsd(static_cast<x86::Xmm>(l.n), Mem::at(RBP, 8 * (kXmmSaveBase + l.n)));
  }
}

void TraceAssembler::emit_stubs() {
  for (const PendingExit& e : exits_) {
    size_t stub = enc.size();
    for (size_t j : e.jumps) enc.bind(j, stub);
    emit_exit_code(e.info);
  }
}

// ---- operations

bool TraceAssembler::fuses_with_next(const Trace& trace, size_t i) const {
  if (i + 1 >= trace.ops.size()) return false;
  const Op* op = trace.ops[i];
  const Op* next = trace.ops[i + 1];
  if (next->opcode() != Opcode::guard_true && next->opcode() != Opcode::guard_false) return false;
  if (next->args[0] != op || last_use_[op->id()] != static_cast<int>(i + 1)) return false;
  bool kept_for_exit = false;
  for_each_exit_value(next, [&](const Value* v) { kept_for_exit |= v == op; });
  return !kept_for_exit;
}

void TraceAssembler::alu_value(AluOp aop, Reg dst, const Value* v) {
  Loc l = loc(v);
  if (l.type == Loc::Gpr) enc.alu(aop, dst, static_cast<Reg>(l.n));
  else if (l.type == Loc::Stack) enc.alu(aop, dst, slot_mem(l.n));
  else if (fits_i32(l.imm)) enc.alu_imm(aop, dst, static_cast<int32_t>(l.imm));
  else {
    enc.mov_imm(R11, l.imm);
    enc.alu(aop, dst, R11);
  }
}

void TraceAssembler::op_int_binary(const Op* op) {
  const Value* a = op->args[0];
  const Value* b = op->args[1];
  if (op->info().has(Commutative)) {
    bool a_reusable = !a->is_const() && reg_of_[a->id()] >= 0 && dies_here(a);
    bool b_reusable = !b->is_const() && reg_of_[b->id()] >= 0 && dies_here(b);
    if ((a->is_const() && !b->is_const()) || (b_reusable && !a_reusable)) std::swap(a, b);
  }
  Loc lb = loc(b);
  if (lb.type == Loc::Gpr) locked_gpr_ |= 1u << lb.n;
  Reg r = result_gpr(op, a);
  switch (op->opcode()) {
    case Opcode::int_mul:
    case Opcode::int_mul_ovf:
      if (lb.type == Loc::Gpr) enc.imul(r, static_cast<Reg>(lb.n));
      else if (lb.type == Loc::Stack) enc.imul(r, slot_mem(lb.n));
      else if (fits_i32(lb.imm)) enc.imul_imm(r, r, static_cast<int32_t>(lb.imm));
      else {
        enc.mov_imm(R11, lb.imm);
        enc.imul(r, R11);
      }
      return;
    default: break;
  }
  AluOp aop;
  switch (op->opcode()) {
    case Opcode::int_add: case Opcode::int_add_ovf: aop = ADD; break;
    case Opcode::int_sub: case Opcode::int_sub_ovf: aop = SUB; break;
    case Opcode::int_and: aop = AND; break;
    case Opcode::int_or: aop = OR; break;
    default: aop = XOR; break;
  }
  if (lb.type == Loc::Gpr) enc.alu(aop, r, static_cast<Reg>(lb.n));
  else if (lb.type == Loc::Stack) enc.alu(aop, r, slot_mem(lb.n));
  else if (fits_i32(lb.imm)) enc.alu_imm(aop, r, static_cast<int32_t>(lb.imm));
  else {
    enc.mov_imm(R11, lb.imm);
    enc.alu(aop, r, R11);
  }
}

void TraceAssembler::op_shift(const Op* op) {
  ShiftOp sop = op->opcode() == Opcode::int_lshift ? SHL : op->opcode() == Opcode::int_rshift ? SAR : SHR;
  const Value* a = op->args[0];
  const Value* b = op->args[1];
  if (const Const* c = Const::cast(b)) {
    Reg r = result_gpr(op, a);
    enc.shift_imm(sop, r, static_cast<uint8_t>(c->int_value() & 63));
    return;
  }
  force_gpr(b, RCX);
  Reg r = result_gpr(op, a, 1u << RCX);
  enc.shift_cl(sop, r);
}

void TraceAssembler::op_compare(const Trace& trace, size_t& i) {
  const Op* op = trace.ops[i];
  Cond c;
  if (op->opcode() == Opcode::int_is_true || op->opcode() == Opcode::int_is_zero) {
    Reg ra = gpr_for(op->args[0]);
    enc.test(ra, ra);
    c = op->opcode() == Opcode::int_is_true ? NE : E;
  } else {
    const Value* a = op->args[0];
    const Value* b = op->args[1];
    c = int_cond(op->opcode());
    if (a->is_const() && !b->is_const()) {
      std::swap(a, b);
      c = swap_cond(c);
    }
    Loc lb = loc(b);
    if (lb.type == Loc::Gpr) locked_gpr_ |= 1u << lb.n;
    Reg ra = gpr_for(a);
    alu_value(CMP, ra, b);
  }
  if (fuses_with_next(trace, i)) {
    fused_cond_ = c;
    return;
  }
  free_dying(op);
  Reg r = result_gpr(op);
  enc.setcc(c, r);
  enc.movzx8(r, r);
}

void TraceAssembler::op_float_binary(const Op* op) {
  const Value* a = op->args[0];
  const Value* b = op->args[1];
  if (op->info().has(Commutative)) {
    bool a_reusable = !a->is_const() && reg_of_[a->id()] >= 0 && dies_here(a);
    bool b_reusable = !b->is_const() && reg_of_[b->id()] >= 0 && dies_here(b);
    if ((a->is_const() && !b->is_const()) || (b_reusable && !a_reusable)) std::swap(a, b);
  }
  Loc lb = loc(b);
  if (lb.type == Loc::Xmm) locked_xmm_ |= 1u << lb.n;
  x86::Xmm r = result_xmm(op, a);
  SseOp sop = op->opcode() == Opcode::float_add ? ADDSD
              : op->opcode() == Opcode::float_sub ? SUBSD
              : op->opcode() == Opcode::float_mul ? MULSD : DIVSD;
  if (lb.type == Loc::Xmm) enc.sse(sop, r, static_cast<x86::Xmm>(lb.n));
  else enc.sse(sop, r, mem_of(lb));
}

void TraceAssembler::op_float_compare(const Trace& trace, size_t& i) {
  const Op* op = trace.ops[i];
  const Value* a = op->args[0];
  const Value* b = op->args[1];
  Cond c;
  switch (op->opcode()) {
    case Opcode::float_lt: std::swap(a, b); c = A; break;
    case Opcode::float_le: std::swap(a, b); c = AE; break;
    case Opcode::float_gt: c = A; break;
    case Opcode::float_ge: c = AE; break;
    case Opcode::float_eq: c = E; break;
    default: c = NE; break;
  }
  Loc lb = loc(b);
  if (lb.type == Loc::Xmm) locked_xmm_ |= 1u << lb.n;
  x86::Xmm xa = xmm_for(a);
  if (lb.type == Loc::Xmm) enc.ucomisd(xa, static_cast<x86::Xmm>(lb.n));
  else enc.ucomisd(xa, mem_of(lb));
  bool unordered_aware = c == E || c == NE;  // need the parity flag too
  if (!unordered_aware && fuses_with_next(trace, i)) {
    fused_cond_ = c;
    return;
  }
  free_dying(op);
  Reg r = result_gpr(op);
  enc.setcc(c, r);
  enc.movzx8(r, r);
  if (unordered_aware) {
    // eq: ZF and not PF; ne: not ZF or PF (unordered compares unequal).
    enc.setcc(c == E ? NP : P, R11);
    enc.movzx8(R11, R11);
    enc.alu(c == E ? AND : OR, r, R11);
  }
}

void TraceAssembler::op_guard(const Op* op) {
  const Opcode opc = op->opcode();
  if (fused_cond_ >= 0) {
    Cond c = static_cast<Cond>(fused_cond_);
    fused_cond_ = -1;
    GuardInfo* g = begin_exit(op, op->fail_args);
    guard_jump(g, opc == Opcode::guard_true ? invert(c) : c);
    return;
  }
  switch (opc) {
    case Opcode::guard_true:
    case Opcode::guard_false:
    case Opcode::guard_nonnull:
    case Opcode::guard_isnull: {
      bool fail_if_zero = opc == Opcode::guard_true || opc == Opcode::guard_nonnull;
      Loc l = loc(op->args[0]);
      if (l.type == Loc::Imm) {
        GuardInfo* g = begin_exit(op, op->fail_args);
        if ((l.imm == 0) == fail_if_zero) guard_jump_always(g);
        return;
      }
      if (l.type == Loc::Gpr) enc.test(static_cast<Reg>(l.n), static_cast<Reg>(l.n));
      else enc.alu_imm(CMP, slot_mem(l.n), 0);
      GuardInfo* g = begin_exit(op, op->fail_args);
      guard_jump(g, fail_if_zero ? E : NE);
      return;
    }
    case Opcode::guard_no_exception: {
      enc.mov_imm(R11, reinterpret_cast<int64_t>(&exception_state()));
      enc.alu_imm(CMP, Mem::at(R11, offsetof(ExceptionState, type)), 0);
      GuardInfo* g = begin_exit(op, op->fail_args);
      guard_jump(g, NE);
      return;
    }
    case Opcode::guard_exception: {
      // The class in a register (type ids may not fit an imm32), compared
      // with the pending type; on success the value is the result and the
      // state is cleared. A failure leaves the exception pending.
      Reg rc = gpr_for(op->args[0]);
      enc.mov_imm(R11, reinterpret_cast<int64_t>(&exception_state()));
      enc.alu(CMP, rc, Mem::at(R11, offsetof(ExceptionState, type)));
      GuardInfo* g = begin_exit(op, op->fail_args);
      guard_jump(g, NE);
      Reg r = result_gpr(op);
      enc.mov_imm(R11, reinterpret_cast<int64_t>(&exception_state()));
      enc.mov(r, Mem::at(R11, offsetof(ExceptionState, value)));
      enc.mov_imm(Mem::at(R11, offsetof(ExceptionState, type)), 0);
      enc.mov_imm(Mem::at(R11, offsetof(ExceptionState, value)), 0);
      return;
    }
    case Opcode::guard_no_overflow:
    case Opcode::guard_overflow: {
      GuardInfo* g = begin_exit(op, op->fail_args);
      guard_jump(g, opc == Opcode::guard_no_overflow ? O : NO);
      return;
    }
    case Opcode::guard_value: {
      const Value* x = op->args[0];
      const Value* c = op->args[1];
      if (x->kind() == Kind::Float) {
        // Bitwise, as the executor does: compare the 64 bits in r11.
        Loc lc = loc(c);
        if (lc.type == Loc::Xmm) {
          ensure_slot(c);
          lc = Loc::stack(slot_of_[c->id()]);
        }
        Loc lx = loc(x);
        move(lx, Loc::gpr(R11));
        if (lc.type == Loc::Stack) enc.alu(CMP, R11, slot_mem(lc.n));
        else if (fits_i32(lc.imm)) enc.alu_imm(CMP, R11, static_cast<int32_t>(lc.imm));
        else enc.alu(CMP, R11, mem_of(lc));
      } else {
        if (x->is_const() && !c->is_const()) std::swap(x, c);
        Loc lc = loc(c);
        if (lc.type == Loc::Gpr) locked_gpr_ |= 1u << lc.n;
        Reg rx = gpr_for(x);
        alu_value(CMP, rx, c);
      }
      GuardInfo* g = begin_exit(op, op->fail_args);
      guard_jump(g, NE);
      return;
    }
    case Opcode::guard_class:
    case Opcode::guard_nonnull_class: {
      const Value* cls = op->args[1];
      Loc lc = loc(cls);
      if (lc.type == Loc::Gpr) locked_gpr_ |= 1u << lc.n;
      Reg rb = gpr_for(op->args[0]);
      Reg rc = cls->is_const() ? NoReg : gpr_for(cls);
      GuardInfo* g = begin_exit(op, op->fail_args);
      if (opc == Opcode::guard_nonnull_class) {
        enc.test(rb, rb);
        guard_jump(g, E);
      }
      if (rc == NoReg) {
        enc.cmp32_imm(Mem::at(rb, static_cast<int32_t>(layout::kTypeIdOffset)), static_cast<int32_t>(lc.imm));
      } else {
        // Compare the low 32 bits (the type id) of the header word.
        enc.mov(R11, Mem::at(rb, static_cast<int32_t>(layout::kTypeIdOffset)));
        enc.alu(XOR, R11, rc);
        enc.shift_imm(SHL, R11, 32);
      }
      guard_jump(g, NE);
      return;
    }
    default: throw std::logic_error("x86: unknown guard " + std::string(op->info().name));
  }
}

void TraceAssembler::emit_call(void* address, const std::vector<CallArg>& args, const Op* result) {
  spill_caller_saved_live_after();
  std::vector<Loc> src, dst;
  std::vector<std::pair<Loc, Kind>> on_stack;
  int ni = 0, nf = 0;
  for (const CallArg& a : args) {
    Loc l = a.value ? loc(a.value) : Loc::constant(a.imm);
    Kind k = a.value ? a.value->kind() : a.kind;
    if (k == Kind::Float && nf < 8) {
      src.push_back(l);
      dst.push_back(Loc::xmm(nf++));
    } else if (k != Kind::Float && ni < 6) {
      src.push_back(l);
      dst.push_back(Loc::gpr(kIntArgRegs[ni++]));
    } else {
      on_stack.emplace_back(l, k);
    }
  }
  int32_t stack_bytes = static_cast<int32_t>((on_stack.size() * 8 + 15) / 16 * 16);
  if (stack_bytes) {
    enc.alu_imm(SUB, RSP, stack_bytes);
    for (size_t j = 0; j < on_stack.size(); j++) store_loc(Mem::at(RSP, static_cast<int32_t>(8 * j)), on_stack[j].first);
  }
  parallel_move(src, dst);
  enc.mov_imm(R11, reinterpret_cast<int64_t>(address));
  enc.call(R11);
  if (stack_bytes) enc.alu_imm(ADD, RSP, stack_bytes);
  // What is left in caller-saved registers dies here (the rest was spilled).
  for (int r = 0; r < 16; r++) {
    if ((kCallerSavedGpr & (1u << r)) && gpr_owner_[r]) {
      if (temp_gpr_ & (1u << r)) { gpr_owner_[r] = nullptr; temp_gpr_ &= ~(1u << r); }
      else unbind_reg(gpr_owner_[r]);
    }
    if (r < 15 && xmm_owner_[r]) {
      if (temp_xmm_ & (1u << r)) { xmm_owner_[r] = nullptr; temp_xmm_ &= ~(1u << r); }
      else unbind_reg(xmm_owner_[r]);
    }
  }
  if (result && result->has_result()) {
    if (result->kind() == Kind::Float) bind_xmm(result, XMM0);
    else bind_gpr(result, RAX);
  }
}

void TraceAssembler::op_call(const Op* op) {
  const CallDescr* cd = op->call_descr();
  if (!cd->function() || !cd->function()->address)
    throw std::runtime_error("x86: no C function '" + cd->func_name() + "' to call");
  std::vector<CallArg> args;
  for (const Value* v : op->args) args.push_back(CallArg{v, 0, v->kind()});
  emit_call(cd->function()->address, args, op);
}

void TraceAssembler::op_new(const Op* op) {
  std::vector<CallArg> args{CallArg{nullptr, reinterpret_cast<int64_t>(&heap_), Kind::Int},
                            CallArg{nullptr, reinterpret_cast<int64_t>(op->descr), Kind::Int}};
  if (op->opcode() == Opcode::new_array) {
    args.push_back(CallArg{op->args[0], 0, Kind::Int});
    emit_call(reinterpret_cast<void*>(&helper_new_array), args, op);
  } else {
    emit_call(reinterpret_cast<void*>(&helper_new_struct), args, op);
  }
}

void TraceAssembler::op_heap(const Op* op) {
  Opcode opc = op->opcode();
  Reg rb = gpr_for(op->args[0]);
  Mem m;
  switch (opc) {
    case Opcode::getfield_gc_i: case Opcode::getfield_gc_r: case Opcode::getfield_gc_f: case Opcode::setfield_gc:
      m = Mem::at(rb, static_cast<int32_t>(op->field_descr()->offset()));
      break;
    case Opcode::arraylen_gc:
      m = Mem::at(rb, static_cast<int32_t>(op->array_descr()->length_offset()));
      break;
    default: {
      const ArrayDescr* ad = op->array_descr();
      const Value* index = op->args[1];
      const Const* c = Const::cast(index);
      int64_t disp = c ? ad->items_offset() + c->int_value() * ad->item_size() : 0;
      if (c && fits_i32(disp)) {
        m = Mem::at(rb, static_cast<int32_t>(disp));
      } else {
        Reg ri = gpr_for(index);
        m = Mem::indexed(rb, ri, static_cast<uint8_t>(ad->item_size()), static_cast<int32_t>(ad->items_offset()));
      }
    }
  }
  if (opc == Opcode::setfield_gc || opc == Opcode::setarrayitem_gc) {
    const Value* v = op->args.back();
    store_loc(m, loc(v));
    return;
  }
  free_dying(op);
  if (op->kind() == Kind::Float) enc.movsd(result_xmm(op), m);
  else enc.mov(result_gpr(op), m);
}

void TraceAssembler::op_jump(const Op* op) {
  const TargetToken* t = op->target();
  const std::vector<Loc>* locs = nullptr;
  size_t local = SIZE_MAX;
  uint8_t* remote = nullptr;
  for (const PendingLabel& l : labels_)
    if (l.token == t) { locs = &l.locs; local = l.offset; }
  if (!locs) {
    auto it = loop_.labels.find(t);
    if (it == loop_.labels.end()) throw std::runtime_error("x86: jump to a label that is not compiled: " + t->name());
    locs = &it->second.locs;
    remote = it->second.address;
  }
  std::vector<Loc> src;
  for (const Value* v : op->args) src.push_back(loc(v));
  parallel_move(src, *locs);
  if (!remote)
    for (const LoopHead& h : heads_) {
      if (h.token != t) continue;
      // The state is now exactly the label's, so the copy computes what
      // the original does; its exit goes to the same stub (and, once
      // patched, to the same bridge).
      std::vector<uint8_t> head(enc.code.begin() + static_cast<long>(h.start),
                                enc.code.begin() + static_cast<long>(h.jcc_rel - 2));
      for (uint8_t b : head) enc.byte(b);
      enc.bind(enc.jcc(invert(h.fail_if)), h.body);
      size_t exit = enc.jmp();
      for (PendingExit& e : exits_)
        if (e.info == h.guard) e.jumps.push_back(exit);
      return;
    }
  size_t at = enc.jmp();
  if (remote) rel_to_absolute(at, remote);
  else enc.bind(at, local);
}

void TraceAssembler::op_finish(const Op* op) {
  GuardInfo* g = begin_exit(op, op->args);
  emit_exit_code(g);
}

void TraceAssembler::assemble_ops(const Trace& trace) {
  for (size_t i = 0; i < trace.ops.size(); i++) {
    pos_ = i;
    const Op* op = trace.ops[i];
    Opcode opc = op->opcode();
    const OpInfo& info = op->info();
    // Only a guard right after the label, or fused with the comparison
    // right after it, heads the loop.
    if (head_armed_at_ >= 0 && static_cast<int>(i) != head_armed_at_ + 1) head_armed_at_ = -1;
    if (info.is_guard()) {
      op_guard(op);
    } else if (is_int_binary(opc)) {
      op_int_binary(op);
    } else if (is_int_compare(opc)) {
      op_compare(trace, i);
      if (fused_cond_ >= 0) {
        end_op(op);
        pos_ = ++i;
        op_guard(trace.ops[i]);
        end_op(trace.ops[i]);
        continue;
      }
    } else {
      switch (opc) {
        case Opcode::int_lshift: case Opcode::int_rshift: case Opcode::uint_rshift: op_shift(op); break;
        case Opcode::int_neg: enc.neg(result_gpr(op, op->args[0])); break;
        case Opcode::int_invert: enc.not_(result_gpr(op, op->args[0])); break;
        case Opcode::float_add: case Opcode::float_sub: case Opcode::float_mul: case Opcode::float_truediv:
          op_float_binary(op);
          break;
        case Opcode::float_neg: {
          x86::Xmm r = result_xmm(op, op->args[0]);
          pool_refs_.push_back(pool_constant(kSignBit, 0));
          enc.xorpd(r, Mem::rip_relative());
          break;
        }
        case Opcode::float_abs: {
          x86::Xmm r = result_xmm(op, op->args[0]);
          pool_refs_.push_back(pool_constant(~kSignBit, 0));
          enc.andpd(r, Mem::rip_relative());
          break;
        }
        case Opcode::float_lt: case Opcode::float_le: case Opcode::float_eq: case Opcode::float_ne:
        case Opcode::float_gt: case Opcode::float_ge:
          op_float_compare(trace, i);
          if (fused_cond_ >= 0) {
            end_op(op);
            pos_ = ++i;
            op_guard(trace.ops[i]);
            end_op(trace.ops[i]);
            continue;
          }
          break;
        case Opcode::cast_int_to_float: {
          Reg ra = gpr_for(op->args[0]);
          free_dying(op);
          enc.cvtsi2sd(result_xmm(op), ra);
          break;
        }
        case Opcode::cast_float_to_int: {
          x86::Xmm xa = xmm_for(op->args[0]);
          free_dying(op);
          enc.cvttsd2si(result_gpr(op), xa);
          break;
        }
        case Opcode::same_as_i: case Opcode::same_as_r: result_gpr(op, op->args[0]); break;
        case Opcode::same_as_f: result_xmm(op, op->args[0]); break;
        case Opcode::getfield_gc_i: case Opcode::getfield_gc_r: case Opcode::getfield_gc_f:
        case Opcode::setfield_gc: case Opcode::getarrayitem_gc_i: case Opcode::getarrayitem_gc_r:
        case Opcode::getarrayitem_gc_f: case Opcode::setarrayitem_gc: case Opcode::arraylen_gc:
          op_heap(op);
          break;
        case Opcode::new_: case Opcode::new_with_vtable: case Opcode::new_array: op_new(op); break;
        case Opcode::call_i: case Opcode::call_r: case Opcode::call_f: case Opcode::call_n: op_call(op); break;
        case Opcode::label:
          enter_label(op);
          // Only the label this trace's own final jump goes back to.
          if (trace.ops.back()->opcode() == Opcode::jump && trace.ops.back()->target() == op->target()) {
            head_armed_at_ = static_cast<int>(i);
            head_start_ = enc.size();
            head_token_ = op->target();
          }
          break;
        case Opcode::jump: op_jump(op); break;
        case Opcode::finish: op_finish(op); break;
        default: throw std::runtime_error("x86: cannot compile " + std::string(info.name));
      }
    }
    end_op(op);
  }
}

}  // namespace rpy::jit::x86
