// Register allocation over a linear trace, in the style of RPython's
// x86/regalloc.py: one forward pass; each value's "longevity" is the index
// of its last use (arguments, fail arguments, jump arguments). Values live
// in registers while they can; when registers run out, the value whose last
// use is farthest is spilled to a frame slot (each value gets at most one
// slot, kept until it dies, so a value spilled twice is stored once).
// Labels fix the locations of their arguments; jumps move values there.
#include <stdexcept>

#include "targets/x86_64/assembler.h"

namespace rpy::jit::x86 {

namespace {

// Allocation order: caller-saved first (cheap to use, spilled around calls),
// then callee-saved (survive calls).
constexpr Reg kGprOrder[] = {RAX, RCX, RDX, RSI, RDI, R8, R9, R10, RBX, R12, R13, R14, R15};
constexpr uint32_t kCallerSavedGpr = (1u << RAX) | (1u << RCX) | (1u << RDX) | (1u << RSI) | (1u << RDI) |
                                     (1u << R8) | (1u << R9) | (1u << R10);
constexpr int kXmmCount = 15;  // xmm15 is scratch

char temp_marker;
const Value* const kTemp = reinterpret_cast<const Value*>(&temp_marker);

}  // namespace

void TraceAssembler::init_state(const Trace& trace) {
  trace_ = &trace;
  uint32_t n = trace.value_count();
  reg_of_.assign(n, -1);
  slot_of_.assign(n, -1);
  compute_longevity(trace);
}

void TraceAssembler::compute_longevity(const Trace& trace) {
  last_use_.assign(trace.value_count(), -1);
  virtual_leaves_.clear();
  for (size_t i = 0; i < trace.ops.size(); i++) {
    const Op* op = trace.ops[i];
    for (const Value* a : op->args)
      if (!a->is_const()) last_use_[a->id()] = static_cast<int>(i);
    bool has_virtual = false;
    for (const Value* a : op->fail_args) {
      if (!a || a->is_const()) continue;
      if (a->is_virtual()) has_virtual = true;
      else last_use_[a->id()] = static_cast<int>(i);
    }
    // The items of virtuals live until the guard too: its exit rebuilds
    // the objects from them.
    if (has_virtual) {
      std::vector<const Value*>& leaves = virtual_leaves_[op];
      leaves = resume_leaves(op->fail_args);
      for (const Value* v : leaves) last_use_[v->id()] = static_cast<int>(i);
    }
  }
}

bool TraceAssembler::dies_here(const Value* v) const {
  return !v->is_const() && last_use_[v->id()] <= static_cast<int>(pos_);
}

Loc TraceAssembler::loc(const Value* v) const {
  if (const Const* c = Const::cast(v)) return Loc::constant(c->rt_value().i);
  int r = reg_of_[v->id()];
  if (r >= 0) return v->kind() == Kind::Float ? Loc::xmm(r) : Loc::gpr(r);
  if (slot_of_[v->id()] >= 0) return Loc::stack(slot_of_[v->id()]);
  throw std::logic_error("x86 regalloc: value has no location");
}

int TraceAssembler::alloc_slot() {
  for (size_t s = 0; s < slot_used_.size(); s++)
    if (!slot_used_[s]) {
      slot_used_[s] = true;
      return static_cast<int>(s);
    }
  slot_used_.push_back(true);
  if (static_cast<int>(slot_used_.size()) > max_slots) max_slots = static_cast<int>(slot_used_.size());
  return static_cast<int>(slot_used_.size() - 1);
}

void TraceAssembler::ensure_slot(const Value* v) {
  if (slot_of_[v->id()] >= 0) return;
  int s = alloc_slot();
  slot_of_[v->id()] = s;
  int r = reg_of_[v->id()];
  if (v->kind() == Kind::Float) enc.movsd(slot_mem(s), static_cast<x86::Xmm>(r));
  else enc.mov(slot_mem(s), static_cast<Reg>(r));
}

void TraceAssembler::bind_gpr(const Value* v, Reg r) {
  gpr_owner_[r] = v;
  reg_of_[v->id()] = static_cast<int8_t>(r);
}

void TraceAssembler::bind_xmm(const Value* v, x86::Xmm r) {
  xmm_owner_[r] = v;
  reg_of_[v->id()] = static_cast<int8_t>(r);
}

void TraceAssembler::unbind_reg(const Value* v) {
  int r = reg_of_[v->id()];
  if (r < 0) return;
  if (v->kind() == Kind::Float) {
    xmm_owner_[r] = nullptr;
    locked_xmm_ &= ~(1u << r);
  } else {
    gpr_owner_[r] = nullptr;
    locked_gpr_ &= ~(1u << r);
  }
  reg_of_[v->id()] = -1;
}

void TraceAssembler::free_value(const Value* v) {
  if (v->is_const()) return;
  unbind_reg(v);
  int s = slot_of_[v->id()];
  if (s >= 0) {
    slot_used_[s] = false;
    slot_of_[v->id()] = -1;
  }
}

void TraceAssembler::spill_reg(int is_xmm, int r) {
  const Value* v = is_xmm ? xmm_owner_[r] : gpr_owner_[r];
  if (!v) return;
  if (v == kTemp) throw std::logic_error("x86 regalloc: spilling a temporary");
  ensure_slot(v);
  unbind_reg(v);
}

Reg TraceAssembler::pick_gpr(uint32_t forbidden) {
  uint32_t excluded = forbidden | locked_gpr_;
  for (Reg r : kGprOrder)
    if (!gpr_owner_[r] && !(excluded & (1u << r))) return r;
  Reg victim = NoReg;
  int farthest = -2;
  for (Reg r : kGprOrder) {
    const Value* v = gpr_owner_[r];
    if ((excluded & (1u << r)) || v == kTemp) continue;
    if (last_use_[v->id()] > farthest) {
      farthest = last_use_[v->id()];
      victim = r;
    }
  }
  if (victim == NoReg) throw std::logic_error("x86 regalloc: out of general registers");
  spill_reg(0, victim);
  return victim;
}

x86::Xmm TraceAssembler::pick_xmm() {
  for (int r = 0; r < kXmmCount; r++)
    if (!xmm_owner_[r] && !(locked_xmm_ & (1u << r))) return static_cast<x86::Xmm>(r);
  int victim = -1, farthest = -2;
  for (int r = 0; r < kXmmCount; r++) {
    const Value* v = xmm_owner_[r];
    if ((locked_xmm_ & (1u << r)) || v == kTemp) continue;
    if (last_use_[v->id()] > farthest) {
      farthest = last_use_[v->id()];
      victim = r;
    }
  }
  if (victim < 0) throw std::logic_error("x86 regalloc: out of xmm registers");
  spill_reg(1, victim);
  return static_cast<x86::Xmm>(victim);
}

Reg TraceAssembler::gpr_for(const Value* v) {
  if (v->is_const()) {
    Reg r = pick_gpr();
    gpr_owner_[r] = kTemp;
    temp_gpr_ |= 1u << r;
    locked_gpr_ |= 1u << r;
    enc.mov_imm(r, Const::cast(v)->rt_value().i);
    return r;
  }
  int have = reg_of_[v->id()];
  if (have >= 0) {
    locked_gpr_ |= 1u << have;
    return static_cast<Reg>(have);
  }
  Reg r = pick_gpr();
  enc.mov(r, slot_mem(slot_of_[v->id()]));
  bind_gpr(v, r);
  locked_gpr_ |= 1u << r;
  return r;
}

x86::Xmm TraceAssembler::xmm_for(const Value* v) {
  if (v->is_const()) {
    x86::Xmm r = pick_xmm();
    xmm_owner_[r] = kTemp;
    temp_xmm_ |= 1u << r;
    locked_xmm_ |= 1u << r;
    enc.movsd(r, mem_of(loc(v)));
    return r;
  }
  int have = reg_of_[v->id()];
  if (have >= 0) {
    locked_xmm_ |= 1u << have;
    return static_cast<x86::Xmm>(have);
  }
  x86::Xmm r = pick_xmm();
  enc.movsd(r, slot_mem(slot_of_[v->id()]));
  bind_xmm(v, r);
  locked_xmm_ |= 1u << r;
  return r;
}

Reg TraceAssembler::result_gpr(const Op* op, const Value* reuse, uint32_t forbidden) {
  if (reuse && !reuse->is_const() && reg_of_[reuse->id()] >= 0 && dies_here(reuse) &&
      !(forbidden & (1u << reg_of_[reuse->id()]))) {
    Reg r = static_cast<Reg>(reg_of_[reuse->id()]);
    free_value(reuse);
    bind_gpr(op, r);
    locked_gpr_ |= 1u << r;
    return r;
  }
  Reg r = pick_gpr(forbidden);
  if (reuse) move(loc(reuse), Loc::gpr(r));
  bind_gpr(op, r);
  locked_gpr_ |= 1u << r;
  return r;
}

x86::Xmm TraceAssembler::result_xmm(const Op* op, const Value* reuse) {
  if (reuse && !reuse->is_const() && reg_of_[reuse->id()] >= 0 && dies_here(reuse)) {
    x86::Xmm r = static_cast<x86::Xmm>(reg_of_[reuse->id()]);
    free_value(reuse);
    bind_xmm(op, r);
    locked_xmm_ |= 1u << r;
    return r;
  }
  x86::Xmm r = pick_xmm();
  if (reuse) move(loc(reuse), Loc::xmm(r));
  bind_xmm(op, r);
  locked_xmm_ |= 1u << r;
  return r;
}

void TraceAssembler::force_gpr(const Value* v, Reg r) {
  if (!v->is_const() && reg_of_[v->id()] == r) {
    locked_gpr_ |= 1u << r;
    return;
  }
  const Value* owner = gpr_owner_[r];
  if (owner == kTemp) throw std::logic_error("x86 regalloc: fixed register holds a temporary");
  if (owner) {
    // Move the owner to another free register if there is one, else spill it.
    locked_gpr_ |= 1u << r;
    Reg other = NoReg;
    for (Reg c : kGprOrder)
      if (!gpr_owner_[c] && !(locked_gpr_ & (1u << c))) { other = c; break; }
    if (other != NoReg) {
      enc.mov(other, r);
      gpr_owner_[r] = nullptr;
      bind_gpr(owner, other);
    } else {
      spill_reg(0, r);
    }
  }
  Loc from = loc(v);
  if (!v->is_const() && from.type == Loc::Gpr) unbind_reg(v);  // moves out of its old register
  move(from, Loc::gpr(r));
  if (v->is_const()) {
    gpr_owner_[r] = kTemp;
    temp_gpr_ |= 1u << r;
  } else {
    bind_gpr(v, r);
  }
  locked_gpr_ |= 1u << r;
}

void TraceAssembler::free_dying(const Op* op) {
  for (const Value* a : op->args)
    if (dies_here(a)) free_value(a);
  for_each_exit_value(op, [&](const Value* a) {
    if (dies_here(a)) free_value(a);
  });
}

void TraceAssembler::end_op(const Op* op) {
  free_dying(op);
  for (int r = 0; r < 16; r++) {
    if (temp_gpr_ & (1u << r)) gpr_owner_[r] = nullptr;
    if (temp_xmm_ & (1u << r)) xmm_owner_[r] = nullptr;
  }
  temp_gpr_ = temp_xmm_ = 0;
  locked_gpr_ = locked_xmm_ = 0;
  if (op->has_result() && last_use_[op->id()] <= static_cast<int>(pos_)) free_value(op);
}

void TraceAssembler::spill_caller_saved_live_after() {
  for (Reg r : kGprOrder) {
    const Value* v = gpr_owner_[r];
    if (!v || v == kTemp || !(kCallerSavedGpr & (1u << r))) continue;
    if (last_use_[v->id()] > static_cast<int>(pos_)) spill_reg(0, r);
  }
  for (int r = 0; r < kXmmCount; r++) {
    const Value* v = xmm_owner_[r];
    if (!v || v == kTemp) continue;
    if (last_use_[v->id()] > static_cast<int>(pos_)) spill_reg(1, r);
  }
}

void TraceAssembler::enter_label(const Op* label) {
  std::vector<Loc> locs;
  for (const Value* v : label->args) {
    if (v->is_const()) throw std::logic_error("x86: label arguments must be variables");
    if (reg_of_[v->id()] >= 0 && slot_of_[v->id()] >= 0) {
      // One location per label argument: a jump back writes only that one.
      slot_used_[slot_of_[v->id()]] = false;
      slot_of_[v->id()] = -1;
    } else if (reg_of_[v->id()] < 0 && last_use_[v->id()] > static_cast<int>(pos_)) {
      // Bring it into a free register if there is one: the loop body then
      // starts with its values in registers, and the jump back keeps them.
      bool is_float = v->kind() == Kind::Float;
      int free_reg = -1;
      if (is_float) {
        for (int r = 0; r < 15 && free_reg < 0; r++)
          if (!xmm_owner_[r]) free_reg = r;
      } else {
        for (Reg r : {RBX, R12, R13, R14, R15, RAX, RCX, RDX, RSI, RDI, R8, R9, R10})
          if (!gpr_owner_[r]) { free_reg = r; break; }
      }
      if (free_reg >= 0) {
        int s = slot_of_[v->id()];
        if (is_float) {
          enc.movsd(static_cast<x86::Xmm>(free_reg), slot_mem(s));
          bind_xmm(v, static_cast<x86::Xmm>(free_reg));
        } else {
          enc.mov(static_cast<Reg>(free_reg), slot_mem(s));
          bind_gpr(v, static_cast<Reg>(free_reg));
        }
        slot_used_[s] = false;
        slot_of_[v->id()] = -1;
      }
    }
    locs.push_back(loc(v));
  }
  labels_.push_back(PendingLabel{label->target(), enc.size(), std::move(locs)});
}

void TraceAssembler::enter_bridge(const Trace& trace, const std::vector<Loc>& entry) {
  const auto& in = trace.inputargs;
  if (in.size() != entry.size()) throw std::logic_error("x86: bridge does not match its guard");
  std::vector<bool> placed(in.size(), false);
  // First claim every register and slot the guard left values in, so that
  // copies made for duplicates below cannot overwrite one of them.
  for (size_t k = 0; k < in.size(); k++) {
    const Loc& l = entry[k];
    if (l.type == Loc::Gpr && !gpr_owner_[l.n]) { bind_gpr(in[k], static_cast<Reg>(l.n)); placed[k] = true; }
    else if (l.type == Loc::Xmm && !xmm_owner_[l.n]) { bind_xmm(in[k], static_cast<x86::Xmm>(l.n)); placed[k] = true; }
    else if (l.type == Loc::Stack) {
      if (l.n >= static_cast<int>(slot_used_.size())) slot_used_.resize(l.n + 1, false);
      if (l.n + 1 > max_slots) max_slots = l.n + 1;
      if (!slot_used_[l.n]) { slot_used_[l.n] = true; slot_of_[in[k]->id()] = l.n; placed[k] = true; }
    }
  }
  for (size_t k = 0; k < in.size(); k++) {
    if (placed[k]) continue;
    int s = alloc_slot();
    move(entry[k], Loc::stack(s));
    slot_of_[in[k]->id()] = s;
  }
  for (const InputArg* a : in)
    if (last_use_[a->id()] < 0) free_value(a);
}

// ---- moves

size_t TraceAssembler::pool_constant(int64_t lo, int64_t hi) {
  for (size_t k = 0; k < pool_.size(); k++)
    if (pool_[k].first == lo && pool_[k].second == hi) return k;
  pool_.emplace_back(lo, hi);
  return pool_.size() - 1;
}

Mem TraceAssembler::mem_of(const Loc& l) {
  if (l.type == Loc::Stack) return slot_mem(l.n);
  if (l.type == Loc::Imm) {
    pool_refs_.push_back(pool_constant(l.imm));
    return Mem::rip_relative();
  }
  throw std::logic_error("x86: not a memory location");
}

void TraceAssembler::move(const Loc& src, const Loc& dst) {
  if (src == dst) return;
  switch (dst.type) {
    case Loc::Gpr: {
      Reg d = static_cast<Reg>(dst.n);
      if (src.type == Loc::Gpr) enc.mov(d, static_cast<Reg>(src.n));
      else if (src.type == Loc::Xmm) enc.movq(d, static_cast<x86::Xmm>(src.n));
      else if (src.type == Loc::Stack) enc.mov(d, slot_mem(src.n));
      else enc.mov_imm(d, src.imm);
      return;
    }
    case Loc::Xmm: {
      x86::Xmm d = static_cast<x86::Xmm>(dst.n);
      if (src.type == Loc::Gpr) enc.movq(d, static_cast<Reg>(src.n));
      else if (src.type == Loc::Xmm) enc.movsd(d, static_cast<x86::Xmm>(src.n));
      else enc.movsd(d, mem_of(src));
      return;
    }
    case Loc::Stack: store_loc(slot_mem(dst.n), src); return;
    default: throw std::logic_error("x86: bad move destination");
  }
}

void TraceAssembler::store_loc(const Mem& dst, const Loc& src) {
  switch (src.type) {
    case Loc::Gpr: enc.mov(dst, static_cast<Reg>(src.n)); return;
    case Loc::Xmm: enc.movsd(dst, static_cast<x86::Xmm>(src.n)); return;
    case Loc::Stack:
      enc.mov(R11, slot_mem(src.n));
      enc.mov(dst, R11);
      return;
    case Loc::Imm:
      if (fits_i32(src.imm)) {
        enc.mov_imm(dst, static_cast<int32_t>(src.imm));
      } else {
        enc.mov_imm(R11, src.imm);
        enc.mov(dst, R11);
      }
      return;
    default: throw std::logic_error("x86: bad store source");
  }
}

// Moves src[k] to dst[k] for all k at once (destinations distinct). Cycles
// are broken through xmm15; r11 serves memory-to-memory moves.
void TraceAssembler::parallel_move(std::vector<Loc> src, std::vector<Loc> dst) {
  std::vector<size_t> pending;
  for (size_t k = 0; k < src.size(); k++)
    if (!(src[k] == dst[k])) pending.push_back(k);
  auto is_source = [&](const Loc& l, size_t except) {
    for (size_t k : pending)
      if (k != except && src[k].type != Loc::Imm && src[k] == l) return true;
    return false;
  };
  while (!pending.empty()) {
    bool progress = false;
    for (size_t p = 0; p < pending.size(); p++) {
      size_t k = pending[p];
      if (is_source(dst[k], k)) continue;
      move(src[k], dst[k]);
      pending.erase(pending.begin() + static_cast<long>(p));
      progress = true;
      break;
    }
    if (progress) continue;
    // Every destination is still needed as a source: a cycle. Save the
    // first destination in the scratch register and read it from there.
    size_t k = pending.front();
    Loc scratch = Loc::xmm(XMM15);
    move(dst[k], scratch);
    for (size_t j : pending)
      if (src[j] == dst[k]) src[j] = scratch;
  }
}

}  // namespace rpy::jit::x86
