#include "gctransform/gctransform.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "driver/log.h"
#include "rtyper/externals.h"
#include "rtyper/llop.h"
#include "rtyper/lltype.h"

namespace rpy {

namespace {

using VarSet = std::set<Variable*, bool (*)(const Variable*, const Variable*)>;
bool by_id(const Variable* a, const Variable* b) { return a->id < b->id; }
VarSet new_set() { return VarSet(by_id); }

// Only variables can move: constants of GC type are prebuilt static data.
Variable* gc_var(Value* v) {
  if (v->is_const() || !v->concretetype || !v->concretetype->is_gc_ptr()) return nullptr;
  return static_cast<Variable*>(v);
}

const FunctionGraph* callee_graph(const SpaceOperation& op) {
  if (op.opname != "direct_call") return nullptr;
  auto* fn = static_cast<const Constant*>(op.args[0]);
  return fn->llkind == Constant::Graph ? static_cast<const FunctionGraph*>(fn->llptr) : nullptr;
}

// The operations that store a value into a GC object: which argument is
// the object, which the value, and (for array items) which the index, for
// the card-marking barrier. An op storing refs that is missing here gets
// no barrier: the GC debug mode run of the programs finds it.
struct StoreRule {
  const char* opname;
  size_t object, value;
  int index;  // -1: a field
};
constexpr StoreRule kStoreRules[] = {
    {"setfield", 0, 2, -1},     // setfield(obj, fieldname, value)
    {"setarrayitem", 0, 2, 1},  // setarrayitem(array, index, value)
};

const StoreRule* store_rule(const std::string& opname) {
  for (const StoreRule& r : kStoreRules)
    if (opname == r.opname) return &r;
  return nullptr;
}

class Transformer {
 public:
  explicit Transformer(const std::vector<FunctionGraph*>& graphs) : graphs_(graphs) { find_collecting_graphs(); }

  void run(FunctionGraph* g) {
    compute_liveness(g);
    for (Block* b : g->iterblocks())
      if (!b->is_final) {
        insert_roots(b);
        insert_barriers(b);
      }
  }

  GcTransformStats stats;

  // incminimark runs __del__ inside the collection, on an object about to
  // be freed (a light finalizer, as RPython's): it must not allocate.
  // Checked here, where it is known which graphs can collect, rather than
  // found at run time.
  void check_finalizers() const {
    for (FunctionGraph* g : graphs_)
      for (Block* b : g->iterblocks())
        for (auto& op : b->operations) {
          if (op.opname != "direct_call" || op.args.size() < 3) continue;
          auto* fn = static_cast<const Constant*>(op.args[0]);
          if (fn->llkind != Constant::External ||
              static_cast<const ExternalFunc*>(fn->llptr)->name != "rpy_gc_register_finalizer")
            continue;
          auto* del = dynamic_cast<const Constant*>(op.args[2]);
          if (!del || del->llkind != Constant::Graph) continue;
          auto* dg = static_cast<const FunctionGraph*>(del->llptr);
          if (collecting_.count(dg))
            throw TranslationError(dg->pos, dg->name + " may allocate (or raise, which allocates): under "
                                   "--gc=incminimark a __del__ runs inside the collector and must not; keep it "
                                   "to updating fields and counters");
        }
  }

 private:
  const std::vector<FunctionGraph*>& graphs_;
  std::unordered_set<const FunctionGraph*> collecting_;
  std::unordered_map<const Block*, VarSet> live_in_;

  // Ignoring calls to graphs, which are settled by the fixpoint below.
  CollectKind local_kind(const SpaceOperation& op) const {
    if (op.opname == "direct_call") {
      auto* fn = static_cast<const Constant*>(op.args[0]);
      if (fn->llkind == Constant::External) return static_cast<const ExternalFunc*>(fn->llptr)->cancollect ? CollectKind::Always : CollectKind::Never;
      return CollectKind::Never;
    }
    const LLOpInfo* info = llop_info(op.opname);
    if (!info) throw TranslationError(op.pos, "internal: the GC transform does not know the operation " + op.opname);
    if (info->cancollect) return CollectKind::Always;  // indirect_call included: any target may collect
    if (info->exc) return CollectKind::OnRaise;
    return CollectKind::Never;
  }

  CollectKind kind(const SpaceOperation& op) const {
    if (const FunctionGraph* callee = callee_graph(op))
      return collecting_.count(callee) ? CollectKind::Always : CollectKind::Never;
    return local_kind(op);
  }

  // A graph can collect when one of its operations can (raising a built-in
  // exception included), or when it calls one that can: a fixpoint over
  // the call graph, from the callees that allocate up to their callers.
  void find_collecting_graphs() {
    std::unordered_map<const FunctionGraph*, std::vector<const FunctionGraph*>> callers;
    std::vector<const FunctionGraph*> work;
    for (FunctionGraph* g : graphs_) {
      bool local = false;
      for (Block* b : g->iterblocks())
        for (auto& op : b->operations) {
          if (const FunctionGraph* c = callee_graph(op)) callers[c].push_back(g);
          else if (local_kind(op) != CollectKind::Never) local = true;
        }
      if (local && collecting_.insert(g).second) work.push_back(g);
    }
    while (!work.empty()) {
      const FunctionGraph* g = work.back();
      work.pop_back();
      for (const FunctionGraph* c : callers[g])
        if (collecting_.insert(c).second) work.push_back(c);
    }
  }

  // GC refs a link needs from its block (those its target reads).
  void add_link_uses(const Link* l, VarSet& out) const {
    const Block* t = l->target;
    auto it = live_in_.find(t);
    for (size_t i = 0; i < l->args.size(); ++i) {
      Variable* v = gc_var(l->args[i]);
      if (!v || v == l->last_exc_value) continue;
      // The return and except blocks read all their inputs.
      if (t->is_final || (it != live_in_.end() && it->second.count(t->inputargs[i]))) out.insert(v);
    }
  }

  VarSet live_out(const Block* b) const {
    VarSet out = new_set();
    for (const Link* l : b->exits) add_link_uses(l, out);
    return out;
  }

  static void step_back(const SpaceOperation& op, VarSet& live) {
    if (op.result) live.erase(op.result);
    for (Value* a : op.args)
      if (Variable* v = gc_var(a)) live.insert(v);
  }

  // Backward liveness of GC refs to a fixpoint (loops).
  void compute_liveness(FunctionGraph* g) {
    live_in_.clear();
    auto blocks = g->iterblocks();
    for (bool changed = true; changed;) {
      changed = false;
      for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
        Block* b = *it;
        if (b->is_final) continue;
        VarSet live = live_out(b);
        for (auto op = b->operations.rbegin(); op != b->operations.rend(); ++op) step_back(*op, live);
        auto& cur = live_in_.try_emplace(b, new_set()).first->second;
        if (live != cur) {
          cur = std::move(live);
          changed = true;
        }
      }
    }
  }

  void insert_roots(Block* b) {
    // What the exception exit needs, for operations that only collect
    // when they raise: leaving the function needs nothing.
    VarSet exc_needs = new_set();
    if (b->canraise() && b->exits.size() >= 2) add_link_uses(b->exits.back(), exc_needs);
    else if (b->canraise() && b->exits.size() == 1) add_link_uses(b->exits[0], exc_needs);

    std::vector<VarSet> roots(b->operations.size(), new_set());
    VarSet live = live_out(b);
    for (size_t i = b->operations.size(); i-- > 0;) {
      const SpaceOperation& op = b->operations[i];
      CollectKind k = kind(op);
      if (k != CollectKind::Never) {
        VarSet r = new_set();
        for (Variable* v : live)
          if (v != op.result && (k == CollectKind::Always || exc_needs.count(v))) r.insert(v);
        roots[i] = std::move(r);
      }
      step_back(op, live);
    }

    std::vector<SpaceOperation> ops;
    ops.reserve(b->operations.size());
    for (size_t i = 0; i < b->operations.size(); ++i) {
      SpaceOperation& op = b->operations[i];
      if (roots[i].empty()) {
        ops.push_back(std::move(op));
        continue;
      }
      std::vector<Value*> vars(roots[i].begin(), roots[i].end());
      ++stats.root_sites;
      stats.roots_pushed += vars.size();
      ops.push_back(SpaceOperation{"gc_push_roots", vars, nullptr, op.pos});
      SourcePos pos = op.pos;
      ops.push_back(std::move(op));
      ops.push_back(SpaceOperation{"gc_pop_roots", vars, nullptr, pos});
    }
    b->operations = std::move(ops);
  }

  static bool is_alloc(const std::string& n) { return n == "malloc" || n == "malloc_varsize"; }

  void insert_barriers(Block* b) {
    // Objects allocated in this block since the last operation that can
    // collect: still in the nursery (or young large objects), no barrier.
    std::unordered_set<const Value*> young;
    std::vector<SpaceOperation> ops;
    ops.reserve(b->operations.size());
    for (auto& op : b->operations) {
      const std::string& n = op.opname;
      if (n == "malloc") {
        op.opname = "gc_malloc_nursery";
        ++stats.nursery_mallocs;
      }
      const StoreRule* rule = store_rule(n);
      Value* value = rule && rule->value < op.args.size() ? op.args[rule->value] : nullptr;
      if (value && value->concretetype && value->concretetype->is_gc_ptr()) {
        Value* obj = op.args[rule->object];
        // Storing a constant (NULL, or prebuilt data, which never moves and
        // is never freed) adds no ref to a young object nor to one the
        // marking could miss: no barrier, as in RPython.
        if (value->is_const() || young.count(obj)) {
          ++stats.barriers_omitted;
        } else {
          ++stats.barriers;
          std::vector<Value*> args = {obj};
          if (rule->index >= 0) args.push_back(op.args[rule->index]);
          ops.push_back(SpaceOperation{rule->index >= 0 ? "gc_write_barrier_from_array" : "gc_write_barrier",
                                       args, nullptr, op.pos});
        }
      }
      if (kind(op) == CollectKind::Always) young.clear();
      if ((is_alloc(n) || op.opname == "gc_malloc_nursery") && op.result) young.insert(op.result);
      if ((n == "cast_pointer" || n == "same_as") && op.result && young.count(op.args[0])) young.insert(op.result);
      ops.push_back(std::move(op));
    }
    b->operations = std::move(ops);
  }
};

}  // namespace

GcTransformStats gc_transform(const std::vector<FunctionGraph*>& graphs) {
  Transformer t(graphs);
  t.check_finalizers();
  for (FunctionGraph* g : graphs) t.run(g);
  log::get("gctransform")
      ->debug("{} root sites ({} roots), {} write barriers ({} omitted: young objects, constants), {} nursery mallocs",
              t.stats.root_sites, t.stats.roots_pushed, t.stats.barriers, t.stats.barriers_omitted,
              t.stats.nursery_mallocs);
  return t.stats;
}

}  // namespace rpy
