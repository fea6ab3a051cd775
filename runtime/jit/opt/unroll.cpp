// Loop peeling (RPython's unroll.py). A trace ending in a jump to its own
// last label L is optimized twice:
//
//   [inputs] ... label(L) <preamble: the body, optimized from nothing known>
//   label(L') <peeled loop: the body again, knowing what held at the end of
//             the preamble> jump(L')
//
// The preamble falls through into L' (a label's arguments are the values
// the preamble computed, so no jump is needed). What the peeled loop may
// assume at L' is its *state*: for each value the jump carries, either a
// virtual (its fields are carried instead, so an object allocated on every
// iteration disappears) or a leaf with facts: a constant, an integer range,
// non-null, a known type. Loop-invariant work leaves the loop through the
// *short preamble*: results the preamble's pure and heap caches hold are
// handed to L' as extra arguments, so the peeled loop finds them in its
// caches; at the end of the peeled loop the same operations are replayed
// on the jump's values (usually folding to the very same value).
//
// The facts must hold on every entry to L', also from the peeled loop's own
// jump; they are checked at that jump, and any that fails is weakened (a
// range widened, then dropped; a virtual made a real object) and the peeled
// loop optimized again. After a few rounds without agreement the loop is
// left unpeeled. Bridges keep jumping to L, which is valid from any state.
#include <algorithm>
#include <unordered_set>

#include "runtime/jit/opt/optimizeopt.h"

namespace rpy::jit::opt {

namespace {

constexpr int kMaxRounds = 6;
constexpr int kMaxDepth = 4;
constexpr int kMaxLeaves = 64;

struct SlotState {
  bool is_virtual = false;
  // leaf
  Const* constant = nullptr;
  bool has_bound = false;
  IntBound bound;
  bool nonnull = false;
  const Descr* known_type = nullptr;
  int widenings = 0;
  // virtual
  Descr* descr = nullptr;
  Opcode alloc = Opcode::new_;
  std::vector<SlotState> items;

  void make_plain_leaf() {
    *this = SlotState{};
  }
};

Kind item_kind(const VirtualInfo& vi, size_t k) {
  const StructDescr* s = vi.struct_descr();
  return s ? s->fields()[k]->kind() : vi.array_descr()->item_kind();
}

// Virtuals reachable more than once (or through a cycle) from `roots`:
// they cannot be carried field by field (identity would be lost).
std::unordered_set<Value*> shared_virtuals(OptContext& c, const std::vector<Value*>& roots) {
  std::unordered_set<Value*> seen, shared;
  std::vector<Value*> work(roots.begin(), roots.end());
  while (!work.empty()) {
    Value* v = c.resolve(work.back());
    work.pop_back();
    VirtualInfo* vi = c.vinfo(v);
    if (!vi) continue;
    if (!seen.insert(v).second) {
      shared.insert(v);
      continue;
    }
    for (Value* item : vi->items)
      if (item) work.push_back(item);
  }
  return shared;
}

class Unroller {
 public:
  Unroller(const Trace& input, Trace& out, DescrTable& descrs, const OptOptions& options)
      : input_(input), out_(out), descrs_(descrs), options_(options) {}

  bool run() {
    if (input_.ops.empty() || input_.ops.back()->opcode() != Opcode::jump) return false;
    Op* jump = input_.ops.back();
    TargetToken* target = jump->target();
    if (!target || target->trace != &input_ || !target->label) return false;
    size_t label_index = input_.ops.size();
    for (size_t k = 0; k < input_.ops.size(); k++)
      if (input_.ops[k]->opcode() == Opcode::label) label_index = k;
    if (label_index == input_.ops.size() || input_.ops[label_index] != target->label) return false;
    size_t jump_index = input_.ops.size() - 1;

    // ---- the preamble
    OptContext pre(out_, descrs_, options_);
    for (InputArg* a : input_.inputargs) pre.bind(a, out_.add_inputarg(a->kind(), a->name));
    pre.run(input_, 0, jump_index);
    pre.flush_all();
    std::vector<Value*> pre_end;
    for (Value* a : jump->args) pre_end.push_back(pre.get(a));
    std::unordered_set<Value*> shared = shared_virtuals(pre, pre_end);
    int leaves = 0;
    std::vector<SlotState> state;
    for (Value* v : pre_end) state.push_back(describe(pre, v, 0, leaves, shared));
    // Everything the jump carries, virtuals' fields included: the short
    // preamble can only replay operations on those.
    std::unordered_set<const Value*> carried;
    std::vector<Value*> work(pre_end.begin(), pre_end.end());
    while (!work.empty()) {
      Value* v = pre.resolve(work.back());
      work.pop_back();
      if (v->is_const() || !carried.insert(v).second) continue;
      if (VirtualInfo* vi = pre.vinfo(v))
        for (Value* item : vi->items)
          if (item) work.push_back(item);
    }
    std::vector<ShortOp> shorts;
    for (auto& p : pre.passes()) p->export_short(shorts, carried);

    for (int round = 0; round < kMaxRounds; round++) {
      // Leaves of the state in the preamble: real, distinct variables.
      std::vector<Value*> label_args;
      for (size_t k = 0; k < state.size(); k++) preamble_leaves(pre, state[k], pre_end[k], label_args);
      std::vector<Value*> distinct;
      for (Value* v : label_args) pre.distinct_variable(v, distinct);
      label_args = distinct;
      size_t mark = out_.ops.size();
      if (peel(pre, state, label_args, shorts, label_index, jump_index, target)) return true;
      out_.ops.resize(mark);
    }
    // No agreement: an ordinary loop, jumping back to its label.
    Op* back = pre.make(Opcode::jump, pre_end, target);
    pre.emit(back);
    return true;
  }

 private:
  SlotState describe(OptContext& c, Value* v, int depth, int& leaves, const std::unordered_set<Value*>& shared) {
    SlotState s;
    v = c.resolve(v);
    VirtualInfo* vi = c.vinfo(v);
    if (vi && depth < kMaxDepth && leaves + static_cast<int>(vi->items.size()) <= kMaxLeaves && !shared.count(v)) {
      s.is_virtual = true;
      s.descr = vi->descr;
      s.alloc = vi->alloc;
      for (size_t k = 0; k < vi->items.size(); k++)
        s.items.push_back(describe(c, vi->items[k] ? vi->items[k] : c.zero(item_kind(*vi, k)), depth + 1, leaves, shared));
      return s;
    }
    leaves++;
    if (Const* k = Const::cast(v)) {
      s.constant = k;
      return s;
    }
    if (v->kind() == Kind::Int) {
      IntBound b = c.bound(v);
      if (!b.is_unbounded()) {
        s.has_bound = true;
        s.bound = b;
      }
    }
    if (v->kind() == Kind::Ref) {
      s.nonnull = c.is_nonnull(v);
      s.known_type = c.known_type(v);
    }
    return s;
  }

  void preamble_leaves(OptContext& pre, const SlotState& s, Value* v, std::vector<Value*>& out) {
    v = pre.resolve(v);
    if (s.is_virtual) {
      VirtualInfo* vi = pre.vinfo(v);
      for (size_t k = 0; k < s.items.size(); k++)
        preamble_leaves(pre, s.items[k], vi->items[k] ? vi->items[k] : pre.zero(item_kind(*vi, k)), out);
      return;
    }
    if (s.constant) return;
    pre.force(v);
    out.push_back(v);
  }

  // The value of a slot at L' in the peeled loop's context.
  Value* make_slot(OptContext& c, SlotState& s, const std::vector<Value*>& label_args, size_t& next_leaf) {
    if (s.is_virtual) {
      std::vector<Value*> args;
      if (s.alloc == Opcode::new_array) args.push_back(out_.const_int(static_cast<int64_t>(s.items.size())));
      Op* alloc = c.make(s.alloc, args, s.descr);
      VirtualInfo* vi = c.make_virtual(alloc, s.descr, s.alloc, s.items.size());
      for (size_t k = 0; k < s.items.size(); k++) vi->items[k] = make_slot(c, s.items[k], label_args, next_leaf);
      return alloc;
    }
    if (s.constant) return s.constant;
    Value* v = label_args[next_leaf++];
    apply_facts(c, s, v);
    return v;
  }

  static void apply_facts(OptContext& c, const SlotState& s, Value* v) {
    if (s.has_bound) c.narrow(v, s.bound);
    if (s.known_type) c.set_known_type(v, s.known_type);
    else if (s.nonnull) c.set_nonnull(v);
  }

  // Does `v` (the jump's value in the peeled loop) satisfy `s`? Weakens `s`
  // where not; collects the leaves the jump passes.
  bool check(OptContext& c, SlotState& s, Value* v, std::vector<Value*>& leaves,
             const std::unordered_set<Value*>& shared) {
    v = c.resolve(v);
    if (s.is_virtual) {
      VirtualInfo* vi = c.vinfo(v);
      if (!vi || vi->descr != s.descr || vi->items.size() != s.items.size() || shared.count(v)) {
        s.make_plain_leaf();
        return false;
      }
      bool ok = true;
      for (size_t k = 0; k < s.items.size(); k++)
        ok &= check(c, s.items[k], vi->items[k] ? vi->items[k] : c.zero(item_kind(*vi, k)), leaves, shared);
      return ok;
    }
    if (s.constant) {
      const Const* k = Const::cast(v);
      if (k && k->same_constant(*s.constant) && k->class_descr() == s.constant->class_descr()) return true;
      s.make_plain_leaf();
      return false;
    }
    return check_leaf(c, s, v, leaves);
  }

  bool check_leaf(OptContext& c, SlotState& s, Value* v, std::vector<Value*>& leaves) {
    c.force(v);
    bool ok = true;
    if (s.has_bound) {
      IntBound b = c.bound(v);
      if (!b.within(s.bound)) {
        ok = false;
        if (++s.widenings >= 2) s.has_bound = false;
        else s.bound = s.bound.join(b);
      }
    }
    if (s.nonnull && !c.is_nonnull(v)) {
      ok = false;
      s.nonnull = false;
    }
    if (s.known_type && c.known_type(v) != s.known_type) {
      ok = false;
      s.known_type = nullptr;
    }
    leaves.push_back(v);
    return ok;
  }

  // Is `s` safe to replay at the end of the loop on the jump's values?
  bool replayable(const ShortOp& s, const std::vector<Value*>& label_args, const std::vector<const SlotState*>& leaf_states) {
    auto leaf_index = [&](Value* v) -> int {
      auto it = std::find(label_args.begin(), label_args.end(), v);
      return it == label_args.end() ? -1 : static_cast<int>(it - label_args.begin());
    };
    for (Value* a : s.args)
      if (!a->is_const() && leaf_index(a) < 0) return false;
    const OpInfo& info = op_info(s.opcode);
    switch (s.opcode) {
      case Opcode::int_lshift:
      case Opcode::int_rshift:
      case Opcode::uint_rshift: {
        const Const* n = Const::cast(s.args[1]);
        return n && n->int_value() >= 0 && n->int_value() <= 63;
      }
      case Opcode::cast_float_to_int: return false;
      case Opcode::getarrayitem_gc_i:
      case Opcode::getarrayitem_gc_r:
      case Opcode::getarrayitem_gc_f: return false;  // the index may be out of bounds for another array
      default: break;
    }
    if (info.has(ReadsHeap)) {  // needs the object to be of the right type at every entry
      int k = leaf_index(s.args[0]);
      if (k < 0) return false;
      const Descr* want = s.descr->type() == Descr::Type::Field ? static_cast<const FieldDescr*>(s.descr)->owner() : s.descr;
      return leaf_states[k]->known_type == want;
    }
    return true;
  }

  static void collect_leaf_states(const SlotState& s, std::vector<const SlotState*>& out) {
    if (s.is_virtual) {
      for (const SlotState& item : s.items) collect_leaf_states(item, out);
      return;
    }
    if (!s.constant) out.push_back(&s);
  }

  // Values the ops use (arguments, fail arguments and the items of their
  // virtuals), marked by id: values have dense ids, and the peeled loop
  // asks this for every op of the loop.
  class UseMarks {
   public:
    explicit UseMarks(const Trace& t) : trace_(t) {}
    bool marked(const Value* v) const { return v->id() < marks_.size() && marks_[v->id()]; }
    // Returns false if it was marked already.
    bool mark(const Value* v) {
      if (v->id() >= marks_.size()) marks_.resize(std::max<size_t>(v->id() + 1, trace_.value_count()), 0);
      if (marks_[v->id()]) return false;
      marks_[v->id()] = 1;
      return true;
    }
    void uses_of(const Op* op) {
      for (const Value* a : op->args) mark(a);
      work_.assign(op->fail_args.begin(), op->fail_args.end());
      while (!work_.empty()) {
        const Value* v = work_.back();
        work_.pop_back();
        if (!mark(v)) continue;
        if (const VirtualValue* vv = VirtualValue::cast(v))
          for (const Value* item : vv->items) work_.push_back(item);
      }
    }

   private:
    const Trace& trace_;
    std::vector<char> marks_;
    std::vector<const Value*> work_;
  };

  bool peel(OptContext& pre, std::vector<SlotState>& state, const std::vector<Value*>& label_args,
            const std::vector<ShortOp>& shorts, size_t label_index, size_t jump_index, TargetToken* target) {
    std::vector<const SlotState*> leaf_states;
    for (const SlotState& s : state) collect_leaf_states(s, leaf_states);

    // What the preamble computed that is visible at its end.
    UseMarks visible(out_);
    for (size_t k = out_.ops.size(); k-- > 0;) {
      const Op* op = out_.ops[k];
      if (op->opcode() == Opcode::label) {
        for (const Value* a : op->args) visible.mark(a);
        break;
      }
      if (op->has_result()) visible.mark(op);
    }
    std::vector<const ShortOp*> imports;
    std::vector<Value*> extras;  // candidates for extra label arguments
    for (const ShortOp& s : shorts) {
      Value* r = pre.resolve(s.result);
      if (r->is_const() || pre.vinfo(r) || !visible.marked(r)) continue;
      std::vector<Value*> args;
      bool ok = true;
      for (Value* a : s.args) {
        a = pre.resolve(a);
        if (pre.vinfo(a)) ok = false;
        args.push_back(a);
      }
      if (!ok) continue;
      ShortOp resolved{s.opcode, args, s.descr, r};
      if (!replayable(resolved, label_args, leaf_states)) continue;
      resolved_shorts_.push_back(resolved);
      if (std::find(label_args.begin(), label_args.end(), r) == label_args.end() &&
          std::find(extras.begin(), extras.end(), r) == extras.end())
        extras.push_back(r);
    }
    for (const ShortOp& s : resolved_shorts_) imports.push_back(&s);
    if (extra_states_.size() != extras.size() || extra_values_ != extras) {
      extra_values_ = extras;
      extra_states_.clear();
      for (Value* r : extras) {
        int budget = 0;
        extra_states_.push_back(describe(pre, r, kMaxDepth, budget, {}));
      }
    }

    // ---- the peeled loop
    OptContext loop(out_, descrs_, options_);
    Op* label = loop.make(Opcode::label, label_args, nullptr);
    out_.ops.push_back(label);
    size_t body_start = out_.ops.size();
    size_t next_leaf = 0;
    const Op* in_label = input_.ops[label_index];
    for (size_t k = 0; k < state.size(); k++) loop.bind(in_label->args[k], make_slot(loop, state[k], label_args, next_leaf));
    for (size_t k = 0; k < extras.size(); k++) apply_facts(loop, extra_states_[k], extras[k]);
    for (const ShortOp* s : imports)
      for (auto& p : loop.passes()) p->import_short(*s);
    loop.run(input_, label_index + 1, jump_index);
    loop.flush_all();

    const Op* jump = input_.ops[jump_index];
    std::vector<Value*> end;
    for (Value* a : jump->args) end.push_back(loop.get(a));
    std::unordered_set<Value*> shared = shared_virtuals(loop, end);
    std::vector<Value*> end_leaves;
    bool ok = true;
    for (size_t k = 0; k < state.size(); k++) ok &= check(loop, state[k], end[k], end_leaves, shared);
    if (!ok) {
      resolved_shorts_.clear();
      return false;
    }

    // Extra arguments the peeled loop uses, and their values at the jump.
    std::vector<Value*> extra_end(extras.size(), nullptr);
    std::vector<bool> used(extras.size(), false);
    // Uses only grow (replays append ops), so each round scans the ops
    // added since the last one.
    UseMarks uses(out_);
    for (Value* v : end_leaves) uses.mark(v);
    size_t scanned = body_start;
    for (bool changed = true; changed;) {
      changed = false;
      for (; scanned < out_.ops.size(); scanned++) uses.uses_of(out_.ops[scanned]);
      for (Value* e : extra_end)
        if (e) uses.mark(e);
      for (size_t x = 0; x < extras.size(); x++) {
        if (used[x] || !uses.marked(extras[x])) continue;
        used[x] = changed = true;
        const ShortOp* s = nullptr;
        for (const ShortOp& c : resolved_shorts_)
          if (c.result == extras[x]) s = &c;
        std::vector<Value*> args;
        for (Value* a : s->args) {
          if (a->is_const()) args.push_back(a);
          else args.push_back(end_leaves[std::find(label_args.begin(), label_args.end(), a) - label_args.begin()]);
        }
        Op* replay = loop.make(s->opcode, args, s->descr);
        loop.send(replay);
        std::vector<Value*> dummy;
        Value* e = loop.resolve(replay);
        if (!check_leaf(loop, extra_states_[x], e, dummy)) ok = false;
        extra_end[x] = e;
      }
    }
    loop.flush_all();
    if (!ok) {
      resolved_shorts_.clear();
      return false;
    }

    // Agreement: finish L' and the jump to it.
    std::string name = target->name() + "_peeled";
    for (int n = 2; descrs_.find(name); n++) name = target->name() + "_peeled" + std::to_string(n);
    TargetToken* peeled = descrs_.target(name);
    label->descr = peeled;
    std::vector<Value*> jump_args = end_leaves;
    for (size_t x = 0; x < extras.size(); x++)
      if (used[x]) {
        label->args.push_back(extras[x]);
        jump_args.push_back(extra_end[x]);
      }
    Op* back = loop.make(Opcode::jump, jump_args, peeled);
    back->source_line = jump->source_line;
    loop.emit(back);
    return true;
  }

  const Trace& input_;
  Trace& out_;
  DescrTable& descrs_;
  const OptOptions& options_;
  std::vector<ShortOp> resolved_shorts_;
  std::vector<Value*> extra_values_;
  std::vector<SlotState> extra_states_;
};

}  // namespace

bool unroll_trace(const Trace& input, Trace& out, DescrTable& descrs, const OptOptions& options) {
  Unroller u(input, out, descrs, options);
  return u.run();
}

}  // namespace rpy::jit::opt
