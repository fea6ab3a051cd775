// The trace optimizer: a chain of passes over one forward walk of the
// trace, as RPython's optimizeopt/. Each input operation is copied (its
// arguments mapped to the output) and handed to the first pass; a pass
// drops it, replaces its result with another value (forward), rewrites it,
// or hands it on; after the last pass OptContext::emit() places it in the
// output. The passes, in RPython's order:
//
//   intbounds   integer ranges from guards and arithmetic (intbounds.cpp)
//   rewrite     constant folding, identities, guard simplification (rewrite.cpp)
//   virtualize  allocation removal, resume data for guards (virtualize.cpp)
//   pure        CSE of pure operations and elidable calls (pure.cpp)
//   heap        cached reads, delayed and dead stores (heap.cpp)
//
// and unroll.cpp, which runs the chain twice over a loop (preamble, then
// the peeled loop with the facts the preamble established). The facts
// passes share live in OptContext: per output value an integer range, a
// known type, non-nullness, a replacement, and the fields of a virtual.
#pragma once
#include <climits>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "runtime/jit/optimizer.h"

namespace rpy::jit::opt {

// A closed range [lo, hi] of int64 values.
struct IntBound {
  int64_t lo = INT64_MIN;
  int64_t hi = INT64_MAX;

  static IntBound unbounded() { return {}; }
  static IntBound exactly(int64_t v) { return {v, v}; }
  static IntBound range(int64_t lo, int64_t hi) { return {lo, hi}; }
  bool is_unbounded() const { return lo == INT64_MIN && hi == INT64_MAX; }
  bool is_const() const { return lo == hi; }
  bool contains(int64_t v) const { return lo <= v && v <= hi; }
  bool nonneg() const { return lo >= 0; }
  bool within(const IntBound& o) const { return lo >= o.lo && hi <= o.hi; }  // this ⊆ o
  bool operator==(const IntBound&) const = default;
  // Narrows to the intersection; false if it is empty (the code is dead).
  bool intersect(const IntBound& o);
  IntBound join(const IntBound& o) const { return {lo < o.lo ? lo : o.lo, hi > o.hi ? hi : o.hi}; }

  // Results of the operations; `exact` says the result cannot wrap.
  IntBound add(const IntBound& o, bool* exact = nullptr) const;
  IntBound sub(const IntBound& o, bool* exact = nullptr) const;
  IntBound mul(const IntBound& o, bool* exact = nullptr) const;
  std::string str() const;
};

// An allocation the optimizer removed. `items` are output values: one per
// field (struct) or element (array); null means "still zero".
struct VirtualInfo {
  Descr* descr = nullptr;  // StructDescr or ArrayDescr
  Opcode alloc = Opcode::new_;
  std::vector<Value*> items;
  StructDescr* struct_descr() const { return descr->type() == Descr::Type::Struct ? static_cast<StructDescr*>(descr) : nullptr; }
  ArrayDescr* array_descr() const { return descr->type() == Descr::Type::Array ? static_cast<ArrayDescr*>(descr) : nullptr; }
};

// What the optimizer knows about one output value.
struct ValueInfo {
  Value* forwarded = nullptr;  // this value is now that one (a constant, an earlier result)
  IntBound bound;              // ints
  bool nonnull = false;        // refs
  const Descr* known_type = nullptr;  // refs: StructDescr or ArrayDescr, exact
  VirtualInfo* vinfo = nullptr;       // refs: a virtual (not allocated in the output)
  Op* defining = nullptr;             // the op computing it in the output (for facts from guards)
};

// An operation a pass knows the result of at the end of the preamble, in
// terms of output values: `result == opcode(args, descr)`. Unrolling carries
// them into the peeled loop (RPython's short preamble).
struct ShortOp {
  Opcode opcode;
  std::vector<Value*> args;
  Descr* descr = nullptr;
  Value* result = nullptr;
};

class OptContext;

class Optimization {
 public:
  virtual ~Optimization() = default;
  virtual std::string_view name() const = 0;
  // `op` is an output op not yet placed, its arguments already mapped.
  virtual void propagate(Op* op) { next(op); }
  // Before a label, jump or finish (and before unrolling exports its
  // state): emit whatever the pass delayed.
  virtual void flush() {}
  // At a label: everything known so far may be false after it.
  virtual void reset() {}
  // Unrolling: what the pass knows, and learning it in the next context.
  // Only operations whose non-constant arguments are all in `allowed`.
  virtual void export_short(std::vector<ShortOp>&, const std::unordered_set<const Value*>& allowed) {}
  virtual void import_short(const ShortOp&) {}

  void next(Op* op);
  OptContext* ctx = nullptr;
  Optimization* next_pass = nullptr;
};

std::unique_ptr<Optimization> make_intbounds();
std::unique_ptr<Optimization> make_rewrite();
std::unique_ptr<Optimization> make_virtualize();
std::unique_ptr<Optimization> make_pure();
std::unique_ptr<Optimization> make_heap();

// Which passes run; "all" = every pass and unrolling.
struct OptOptions {
  bool intbounds = true, rewrite = true, virtualize = true, pure = true, heap = true, unroll = true;
  // Parses "intbounds,rewrite,..." or "all" (also "none"); false on an unknown name.
  bool parse(std::string_view spec, std::string* error = nullptr);
  std::string str() const;
};

class OptContext {
 public:
  OptContext(Trace& out, DescrTable& descrs, const OptOptions& options);
  OptContext(const OptContext&) = delete;

  Trace& out;
  DescrTable& descrs;

  // ---- values
  // The output value an input value stands for now (replacements followed).
  Value* get(Value* input);
  void bind(const Value* input, Value* output);
  Value* resolve(Value* v) const;
  // From now on `from` (an output value) means `to`.
  void forward(Value* from, Value* to);
  ValueInfo* info(Value* v);  // null for constants
  IntBound bound(Value* v);
  // Narrows; returns false if the range became empty.
  bool narrow(Value* v, const IntBound& b);
  bool is_nonnull(Value* v);
  void set_nonnull(Value* v);
  const Descr* known_type(Value* v);
  void set_known_type(Value* v, const Descr* d);
  VirtualInfo* vinfo(Value* v);
  const Const* as_const(Value* v) const { return Const::cast(resolve(v)); }
  Const* zero(Kind k);
  Value* make_constant(int64_t v) { return out.const_int(v); }

  // ---- ops
  Op* make(Opcode opcode, std::span<Value* const> args, Descr* descr = nullptr);
  Op* make(Opcode opcode, std::initializer_list<Value*> args = {}, Descr* descr = nullptr) {
    return make(opcode, std::span<Value* const>(args.begin(), args.size()), descr);
  }
  // Hands a new op to the first pass (for passes and unrolling that add work).
  void send(Op* op);
  // Places `op` in the output: forces virtual arguments, snapshots virtual
  // fail arguments into resume data.
  void emit(Op* op);
  void force(Value* v);
  VirtualInfo* make_virtual(Value* v, Descr* descr, Opcode alloc, size_t items);
  // The op after the one being optimized, in the input (lookahead for ovf pairs).
  const Op* peek_input() const { return peek_; }

  // ---- driving
  // Optimizes ops[begin, end) of `input`; stops before a final jump when
  // `stop_before_jump` (unrolling handles it), else emits it.
  void run(const Trace& input, size_t begin, size_t end);
  void flush_all();
  void reset_all();
  void emit_label(Op* label_in, const Trace& input);
  Value* distinct_variable(Value* v, std::vector<Value*>& seen_args);
  std::vector<std::unique_ptr<Optimization>>& passes() { return passes_; }

 private:
  Value* snapshot(Value* v, std::vector<std::pair<Value*, VirtualValue*>>& memo);
  Value* import_fail_arg(Value* in, std::vector<std::pair<const VirtualValue*, VirtualValue*>>& memo);
  std::vector<std::unique_ptr<Optimization>> passes_;
  std::vector<Value*> map_;        // input id -> output value
  std::vector<ValueInfo> infos_;   // output id -> facts
  std::deque<VirtualInfo> vinfos_;
  const Op* peek_ = nullptr;
};

// The optimizer rpyjit and the meta-interpreter use.
class ChainOptimizer final : public Optimizer {
 public:
  explicit ChainOptimizer(OptOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "chain"; }
  Trace optimize_loop(const Trace& loop, DescrTable& descrs) override;
  Trace optimize_bridge(const Trace& bridge, const Trace& loop, DescrTable& descrs,
                        const FailDescr* guard = nullptr) override;
  const OptOptions& options() const { return options_; }

 private:
  Trace optimize(const Trace& trace, DescrTable& descrs);
  OptOptions options_;
};

// unroll.cpp: optimizes a trace ending in a jump to its own last label as
// preamble + peeled loop. Returns false (doing nothing) for other traces.
bool unroll_trace(const Trace& input, Trace& out, DescrTable& descrs, const OptOptions& options);

}  // namespace rpy::jit::opt
