// One hash-table lookup for a read and the later accesses of the same key:
//
//     counts[w] = counts.get(w, 0) + 1        if k in d: d[k] = d[k] + 1
//
// are two (three) lookups of `w` (`k`) as the rtyper leaves them. When the
// same dict variable and the same key reach a later read or write with
// nothing in between that may change the dict's index, the first read
// becomes rpy_dict_lookup_slot (the index slot where the key is or would
// go) plus a read at that slot, and the later accesses use the slot too
// (runtime/dict.h: get_at, getitem_at, contains_at, store_at). They stay
// direct_calls with oopspecs (SPEC rule 1), so the JIT still sees dict ops.
//
// What may change the index between the lookup and a use of its slot:
//  - a dict operation that writes (setitem on another key, del, pop, clear,
//    update...). Writes to a dict of another layout cannot alias this one,
//    but all writes stop the chain: keeping the rule simple costs nothing on
//    the patterns above;
//  - program code: a call to a graph, an indirect call, a dict operation
//    whose key's __eq__/__hash__ is user code (custom_eq layouts);
//  - a collection, when the program has finalizers: a __del__ runs at an
//    allocation and may clear the dict (under incminimark it cannot
//    allocate, so clear() is all it can do; under Boehm it may do
//    anything). Without finalizers a collection only moves objects, which
//    leaves the slot (a position in the index, not an address) valid; the
//    GC transform, later, reloads the dict and key across it.
// Runtime functions other than the dict ones never reach program code.
//
// Across blocks the slot is passed along links, as a new block input, when
// the dict and the key are passed along unchanged: to blocks with a single
// predecessor (the true branch of `if k in d:`, the normal exit of a block
// that can raise), and to joins all of whose predecessors are reached so
// (after `if old is not None: ...`). Only keys without custom __eq__/__hash__ qualify:
// their lookup runs no program code, cannot raise and cannot collect.
#include <map>
#include <unordered_map>

#include "backendopt/backendopt.h"
#include "rtyper/externals.h"
#include "rtyper/llop.h"
#include "rtyper/rdict.h"

namespace rpy {

namespace {

constexpr size_t kMaxScan = 400;

enum class Access { None, Read, Write, OtherRead, OtherWrite };

const ExternalFunc* called_external(const SpaceOperation& op) {
  if (op.opname != "direct_call" || op.args.empty() || !op.args[0]->is_const()) return nullptr;
  auto* fn = static_cast<const Constant*>(op.args[0]);
  if (fn->llkind != Constant::External || !fn->llptr) return nullptr;
  return static_cast<const ExternalFunc*>(fn->llptr);
}

// The dict layout a call to a runtime dict function works on, or null.
const DictLayout* dict_layout(const ExternalFunc* f) {
  return f && f->template_arg ? f->template_arg->dict : nullptr;
}

// What a dict function does with (d, key): a read or write of that key that
// can use a slot, or another read or write.
Access classify(const std::string& name) {
  if (name == "rpy_dict_get" || name == "rpy_dict_getitem" || name == "rpy_dict_contains") return Access::Read;
  if (name == "rpy_dict_setitem" || name == "rpy_set_add") return Access::Write;
  if (name == "rpy_dict_len" || name == "rpy_dict_entry_key" || name == "rpy_dict_entry_value" ||
      name == "rpy_dict_iter_next" || name == "rpy_dict_lookup_slot" || name == "rpy_dict_get_at" ||
      name == "rpy_dict_getitem_at" || name == "rpy_dict_contains_at")
    return Access::OtherRead;
  return Access::OtherWrite;  // setdefault, delitem, pop, clear, update, store_at...
}

bool same_value(const Value* a, const Value* b) {
  if (a == b) return true;
  if (!a->is_const() || !b->is_const()) return false;
  // Constants are separate objects per use: compare what they denote.
  auto* x = static_cast<const Constant*>(a);
  auto* y = static_cast<const Constant*>(b);
  return x->concretetype == y->concretetype && x->llkind == y->llkind && x->llptr == y->llptr &&
         x->llrepr == y->llrepr && x->value.kind == y->value.kind && x->value.repr() == y->value.repr();
}

struct Fuser {
  FunctionGraph* g;
  bool collections_run_user_code;
  std::unordered_map<Block*, size_t> preds;

  // Whether `op`, between the lookup and a use of its slot, may change the
  // index of a dict (the accesses of the chain itself are handled by the
  // caller).
  bool may_change_dicts(const SpaceOperation& op) const {
    if (op.opname == "direct_call") {
      const ExternalFunc* f = called_external(op);
      if (!f) return true;  // a graph: program code
      if (const DictLayout* L = dict_layout(f)) {
        if (L->custom_eq) return true;
        if (classify(f->name) != Access::OtherRead && classify(f->name) != Access::Read) return true;
      }
      return collections_run_user_code && f->cancollect;
    }
    const LLOpInfo* info = llop_info(op.opname);
    if (!info || op.opname == "indirect_call") return true;
    return collections_run_user_code && info->cancollect;
  }

  struct Node {
    Block* block;
    std::vector<std::pair<Link*, int>> ins;  // links from the parents (none for the root)
    Value* d;
    Value* key;
    Variable* slot = nullptr;
    bool needed = false;
  };
  struct Use {
    int node;
    size_t index;
  };

  // The slot version of the access `op` (a Read or Write of d, key).
  SpaceOperation at_slot(const SpaceOperation& op, Variable* slot) {
    const ExternalFunc* f = called_external(op);
    const std::string& n = f->name;
    std::string name = n == "rpy_dict_get"       ? "rpy_dict_get_at"
                       : n == "rpy_dict_getitem" ? "rpy_dict_getitem_at"
                       : n == "rpy_dict_contains" ? "rpy_dict_contains_at"
                                                  : "rpy_dict_store_at";
    const ExternalFunc* nf = dict_slot_external(name, f->template_arg);
    Constant* c = g->new_llconst(name, Constant::External, nf);
    c->concretetype = lltypes::Void;
    std::vector<Value*> args{c, op.args[1], slot};
    if (name != "rpy_dict_contains_at") args.insert(args.end(), op.args.begin() + 2, op.args.end());
    return SpaceOperation{"direct_call", std::move(args), op.result, op.pos};
  }

  // Follows (d, key) from the read at root->operations[i]; rewrites when
  // some later access can use its slot. Returns how many accesses did.
  size_t fuse_from(Block* root, size_t i) {
    const SpaceOperation& first = root->operations[i];
    const ExternalFunc* f = called_external(first);
    Value* root_key = first.args[2];
    std::vector<Node> nodes{{root, {}, first.args[1], first.args[2]}};
    struct Arrival {
      Link* link;
      int parent;
      Value* d;
      Value* key;
    };
    std::map<Block*, std::vector<Arrival>> arrivals;  // at blocks with several predecessors
    size_t scanned = 0;
    std::vector<Use> uses;
    for (size_t n = 0; n < nodes.size(); ++n) {
      Block* b = nodes[n].block;
      Value* d = nodes[n].d;
      Value* key = nodes[n].key;
      bool open = true;
      for (size_t j = n == 0 ? i + 1 : 0; open && j < b->operations.size(); ++j) {
        // Each read scans forward: bounded, so that a huge block full of
        // dict reads stays linear (the patterns are a few operations long).
        if (++scanned > kMaxScan) {
          open = false;
          break;
        }
        const SpaceOperation& op = b->operations[j];
        const ExternalFunc* e = called_external(op);
        if (e && e->template_arg == f->template_arg && op.args.size() >= 3 && same_value(op.args[1], d) &&
            same_value(op.args[2], key)) {
          Access a = classify(e->name);
          if (a == Access::Read || a == Access::Write) {
            uses.push_back({(int)n, j});
            // A write may insert: the slot of the next access would be stale.
            if (a == Access::Write) open = false;
            continue;
          }
        }
        if (may_change_dicts(op)) open = false;
      }
      if (!open) continue;
      for (Link* l : b->exits) {
        Block* t = l->target;
        if (t->is_final || t == root) continue;
        auto carried = [&](Value* v) -> Value* {
          if (v->is_const()) return v;
          for (size_t k = 0; k < l->args.size(); ++k)
            if (l->args[k] == v) return t->inputargs[k];
          return nullptr;
        };
        Value* td = carried(d);
        Value* tk = carried(key);
        if (!td || !tk) continue;
        if (preds.at(t) == 1) {
          nodes.push_back({t, {{l, (int)n}}, td, tk});
          continue;
        }
        // A join (after `if old is not None: ...`) when every way into it
        // comes from here with the same dict and key; never a loop header,
        // whose back edge would need the join first.
        auto& arr = arrivals[t];
        arr.push_back({l, (int)n, td, tk});
        if (arr.size() < preds.at(t)) continue;
        bool same = true;
        for (auto& a : arr) same = same && same_value(a.d, td) && same_value(a.key, tk);
        if (!same) continue;
        Node join{t, {}, td, tk};
        for (auto& a : arr) join.ins.push_back({a.link, a.parent});
        nodes.push_back(std::move(join));
      }
    }
    if (uses.empty()) return 0;
    std::vector<int> work;
    for (const Use& u : uses) work.push_back(u.node);
    while (!work.empty()) {
      int n = work.back();
      work.pop_back();
      if (nodes[n].needed) continue;
      nodes[n].needed = true;
      for (auto& [l, parent] : nodes[n].ins) work.push_back(parent);
    }
    nodes[0].slot = g->new_var("slot");
    nodes[0].slot->concretetype = lltypes::Signed;
    for (size_t n = 1; n < nodes.size(); ++n) {
      if (!nodes[n].needed) continue;
      Variable* s = g->new_var("slot");
      s->concretetype = lltypes::Signed;
      nodes[n].block->inputargs.push_back(s);
      for (auto& [l, parent] : nodes[n].ins) {
        l->args.push_back(nodes[parent].slot);
        if (!l->argpos.empty()) l->argpos.push_back(l->argpos.back());
      }
      nodes[n].slot = s;
    }
    // Uses first: the lookup's insertion shifts the root block's indexes.
    for (const Use& u : uses) {
      SpaceOperation& op = nodes[u.node].block->operations[u.index];
      op = at_slot(op, nodes[u.node].slot);
    }
    SpaceOperation& r = root->operations[i];
    r = at_slot(r, nodes[0].slot);
    Constant* c = g->new_llconst("rpy_dict_lookup_slot", Constant::External,
                                 dict_slot_external("rpy_dict_lookup_slot", f->template_arg));
    c->concretetype = lltypes::Void;
    SpaceOperation lookup{"direct_call", {c, r.args[1], root_key}, nodes[0].slot, r.pos};
    root->operations.insert(root->operations.begin() + i, std::move(lookup));
    return uses.size();
  }

  size_t run() {
    for (Block* b : g->iterblocks())
      for (Link* l : b->exits) ++preds[l->target];
    size_t fused = 0;
    for (Block* b : g->iterblocks()) {
      for (size_t i = 0; i < b->operations.size(); ++i) {
        const ExternalFunc* f = called_external(b->operations[i]);
        const DictLayout* L = dict_layout(f);
        if (!L || L->custom_eq || classify(f->name) != Access::Read || b->operations[i].args.size() < 3) continue;
        size_t n = fuse_from(b, i);
        fused += n;
        if (n) ++i;  // past the inserted lookup
      }
    }
    return fused;
  }
};

}  // namespace

bool program_has_finalizers(const std::vector<FunctionGraph*>& graphs) {
  for (FunctionGraph* g : graphs)
    for (Block* b : g->iterblocks())
      for (auto& op : b->operations)
        if (const ExternalFunc* f = called_external(op); f && f->name == "rpy_gc_register_finalizer") return true;
  return false;
}

size_t fuse_dict_lookups(FunctionGraph* g, bool collections_run_user_code) {
  return Fuser{g, collections_run_user_code, {}}.run();
}

}  // namespace rpy
