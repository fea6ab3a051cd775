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
//
// A loop over a dict needs no lookup at all for its own key:
//
//     for k in d:                   ix = rpy_dict_iter_next(it); k = rpy_dict_entry_key(it.dict, ix)
//         n = d[k]                  n = rpy_dict_entry_value(d, ix)
//
// (d.get(k) likewise; `k in d` is True) when d is the dict the iterator
// walks (IterDicts below: the dict stored into it at iter(), or read back
// from it) and nothing in between may change the dict, by the rules above:
// the entry then still holds k. The same walk follows (d, k) from the
// entry_key to the reads, passing the entry index along instead of a slot.
// The entry the iterator is at is in the cache; the index probed by a
// lookup mostly is not (best() of bench/programs/strdict.py).
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "backendopt/backendopt.h"
#include "rtyper/externals.h"
#include "rtyper/llop.h"
#include "rtyper/rdict.h"

namespace rpy {

namespace {

constexpr size_t kMaxScan = 400;

enum class Access { None, Read, Write, OtherRead, OtherWrite };

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

// Which dict each dict iterator walks: per block, pairs (it, d) known to
// have it.dict == d there. The rtyper writes an iterator's `dict` once,
// right after its malloc (rdict.cpp, iter()), so a pair found holds as long
// as both values exist; across links it holds at a block when every way in
// carries both values (a forward must-analysis, optimistic at loop headers:
// the back edge of `for k in d` passes the iterator and d unchanged).
class IterDicts {
  struct Fact {
    Value* it;
    Value* d;
  };
  std::unordered_map<Block*, std::vector<Fact>> facts_;

 public:
  explicit IterDicts(FunctionGraph* g) {
    std::set<const LLType*> iters;  // the iterator structs rpy_dict_iter_next walks
    for (Block* b : g->iterblocks())
      for (auto& op : b->operations)
        if (const ExternalFunc* f = called_external(op); f && f->name == "rpy_dict_iter_next")
          iters.insert(f->template_arg);
    if (iters.empty()) return;
    auto dict_field = [&](const SpaceOperation& op) {
      if ((op.opname != "getfield" && op.opname != "setfield") || op.args.size() < 2) return false;
      const LLType* t = op.args[0]->concretetype;
      auto* name = static_cast<const Constant*>(op.args[1]);
      return t && t->item && iters.count(t->item) && name->llrepr == "dict";
    };
    // The pairs a block makes: the dict stored into the iterator it just
    // allocated, the dict read back from an iterator.
    std::unordered_map<Block*, std::vector<Fact>> made;
    for (Block* b : g->iterblocks()) {
      std::set<Value*> fresh;
      for (auto& op : b->operations) {
        if (op.opname == "malloc") fresh.insert(op.result);
        if (!dict_field(op)) continue;
        if (op.opname == "getfield") {
          made[b].push_back({op.args[0], op.result});
        } else if (fresh.count(op.args[0])) {
          made[b].push_back({op.args[0], op.args[2]});
        } else {
          return;  // an iterator changing dicts: no pairs at all
        }
      }
    }
    // The pairs at each block's entry, over its inputs (and constant
    // dicts); absent: not reached yet, anything holds.
    std::unordered_map<Block*, std::vector<Fact>> in;
    in[g->startblock];
    std::vector<Block*> work{g->startblock};
    while (!work.empty()) {
      Block* b = work.back();
      work.pop_back();
      std::vector<Fact> out = in.at(b);
      out.insert(out.end(), made[b].begin(), made[b].end());
      for (Link* l : b->exits) {
        Block* t = l->target;
        if (t->is_final) continue;
        std::vector<Fact> p;
        for (auto& [it, d] : out)
          for (size_t i = 0; i < l->args.size(); ++i) {
            if (l->args[i] != it) continue;
            if (d->is_const()) p.push_back({t->inputargs[i], d});
            for (size_t j = 0; j < l->args.size(); ++j)
              if (l->args[j] == d) p.push_back({t->inputargs[i], t->inputargs[j]});
          }
        auto found = in.find(t);
        if (found == in.end()) {
          in[t] = std::move(p);
          work.push_back(t);
          continue;
        }
        auto gone = [&](const Fact& f) {
          for (auto& q : p)
            if (q.it == f.it && same_value(q.d, f.d)) return false;
          return true;
        };
        auto& known = found->second;
        size_t before = known.size();
        known.erase(std::remove_if(known.begin(), known.end(), gone), known.end());
        if (known.size() != before) work.push_back(t);
      }
    }
    for (auto& [b, f] : in) {
      facts_[b] = f;
      facts_[b].insert(facts_[b].end(), made[b].begin(), made[b].end());
    }
  }

  // `ds` and the other values that are the same dict in `b`: the dicts of
  // the iterators that walk one of them.
  void widen(Block* b, std::vector<Value*>& ds) const {
    auto f = facts_.find(b);
    if (f == facts_.end()) return;
    auto has = [&](Value* v) {
      for (Value* d : ds)
        if (same_value(d, v)) return true;
      return false;
    };
    for (bool grew = true; grew;) {
      grew = false;
      for (auto& [it, d] : f->second) {
        if (!has(d)) continue;
        for (auto& [it2, d2] : f->second)
          if (it2 == it && !has(d2)) {
            ds.push_back(d2);
            grew = true;
          }
      }
    }
  }
};

struct Fuser {
  FunctionGraph* g;
  bool collections_run_user_code;
  std::unordered_map<Block*, size_t> preds;
  const IterDicts* iter_dicts = nullptr;  // for the entry reads: which dicts are the same

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
    std::vector<Value*> ds;                  // the dict, by every name it has in this block
    Value* key;
    Value* carried = nullptr;  // the slot or entry index, in this block
    bool needed = false;
  };
  struct Use {
    int node;
    size_t index;
  };
  struct Chain {
    std::vector<Node> nodes;
    std::vector<Use> uses;
  };

  static bool among(const std::vector<Value*>& ds, const Value* v) {
    for (Value* d : ds)
      if (same_value(d, v)) return true;
    return false;
  }

  Node node(Block* b, std::vector<Value*> ds, Value* key) {
    if (iter_dicts) iter_dicts->widen(b, ds);
    return Node{b, {}, std::move(ds), key};
  }

  // Follows the dict `ds` and `key` from after root->operations[i]: the
  // later Reads (and Writes, when `writes`: a write then ends the chain) of
  // that key in that dict of the dict struct `family`, as long as nothing in
  // between may change the dict, in the root and in the blocks the dict and
  // the key are passed to.
  Chain follow(Block* root, size_t i, const LLType* family, std::vector<Value*> ds, Value* key, bool writes) {
    Chain c;
    std::vector<Node>& nodes = c.nodes;
    nodes.push_back(node(root, std::move(ds), key));
    struct Arrival {
      Link* link;
      int parent;
      std::vector<Value*> ds;
      Value* key;
    };
    std::map<Block*, std::vector<Arrival>> arrivals;  // at blocks with several predecessors
    size_t scanned = 0;
    for (size_t n = 0; n < nodes.size(); ++n) {
      Block* b = nodes[n].block;
      const std::vector<Value*> d = nodes[n].ds;
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
        if (e && e->template_arg == family && op.args.size() >= 3 && among(d, op.args[1]) &&
            same_value(op.args[2], key)) {
          Access a = classify(e->name);
          if (a == Access::Read || (a == Access::Write && writes)) {
            c.uses.push_back({(int)n, j});
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
        std::vector<Value*> td;
        for (Value* v : d)
          if (Value* w = carried(v)) td.push_back(w);
        Value* tk = carried(key);
        if (td.empty() || !tk) continue;
        if (preds.at(t) == 1) {
          nodes.push_back(node(t, std::move(td), tk));
          nodes.back().ins = {{l, (int)n}};
          continue;
        }
        // A join (after `if old is not None: ...`) when every way into it
        // comes from here with the same dict and key; never a loop header,
        // whose back edge would need the join first.
        auto& arr = arrivals[t];
        arr.push_back({l, (int)n, td, tk});
        if (arr.size() < preds.at(t)) continue;
        std::vector<Value*> common;
        for (Value* v : td) {
          bool everywhere = true;
          for (auto& a : arr) everywhere = everywhere && among(a.ds, v);
          if (everywhere) common.push_back(v);
        }
        bool same = !common.empty();
        for (auto& a : arr) same = same && same_value(a.key, tk);
        if (!same) continue;
        Node join = node(t, std::move(common), tk);
        for (auto& a : arr) join.ins.push_back({a.link, a.parent});
        nodes.push_back(std::move(join));
      }
    }
    return c;
  }

  // Makes `v`, known in the root, known in every block on the way to a use
  // (new block inputs, passed along the links), as `carried`.
  void carry(Chain& c, Value* v, const char* hint) {
    std::vector<Node>& nodes = c.nodes;
    std::vector<int> work;
    for (const Use& u : c.uses) work.push_back(u.node);
    while (!work.empty()) {
      int n = work.back();
      work.pop_back();
      if (nodes[n].needed) continue;
      nodes[n].needed = true;
      for (auto& [l, parent] : nodes[n].ins) work.push_back(parent);
    }
    nodes[0].carried = v;
    for (size_t n = 1; n < nodes.size(); ++n) {
      if (!nodes[n].needed) continue;
      Variable* s = g->new_var(hint);
      s->concretetype = v->concretetype;
      nodes[n].block->inputargs.push_back(s);
      for (auto& [l, parent] : nodes[n].ins) {
        l->args.push_back(nodes[parent].carried);
        if (!l->argpos.empty()) l->argpos.push_back(l->argpos.back());
      }
      nodes[n].carried = s;
    }
  }

  Constant* runtime_fn(const std::string& name, const LLType* family) {
    Constant* c = g->new_llconst(name, Constant::External, dict_slot_external(name, family));
    c->concretetype = lltypes::Void;
    return c;
  }

  // The slot version of the access `op` (a Read or Write of d, key).
  SpaceOperation at_slot(const SpaceOperation& op, Value* slot) {
    const ExternalFunc* f = called_external(op);
    const std::string& n = f->name;
    std::string name = n == "rpy_dict_get"       ? "rpy_dict_get_at"
                       : n == "rpy_dict_getitem" ? "rpy_dict_getitem_at"
                       : n == "rpy_dict_contains" ? "rpy_dict_contains_at"
                                                  : "rpy_dict_store_at";
    std::vector<Value*> args{runtime_fn(name, f->template_arg), op.args[1], slot};
    if (name != "rpy_dict_contains_at") args.insert(args.end(), op.args.begin() + 2, op.args.end());
    return SpaceOperation{"direct_call", std::move(args), op.result, op.pos};
  }

  // Follows (d, key) from the read at root->operations[i]; rewrites when
  // some later access can use its slot. Returns how many accesses did.
  size_t fuse_from(Block* root, size_t i) {
    const SpaceOperation& first = root->operations[i];
    const LLType* family = called_external(first)->template_arg;
    Value* d = first.args[1];
    Value* key = first.args[2];
    Chain c = follow(root, i, family, {d}, key, true);
    if (c.uses.empty()) return 0;
    Variable* slot = g->new_var("slot");
    slot->concretetype = lltypes::Signed;
    carry(c, slot, "slot");
    // Uses first: the lookup's insertion shifts the root block's indexes.
    for (const Use& u : c.uses) {
      SpaceOperation& op = c.nodes[u.node].block->operations[u.index];
      op = at_slot(op, c.nodes[u.node].carried);
    }
    SpaceOperation& r = root->operations[i];
    r = at_slot(r, slot);
    SpaceOperation lookup{"direct_call", {runtime_fn("rpy_dict_lookup_slot", family), d, key}, slot, r.pos};
    root->operations.insert(root->operations.begin() + i, std::move(lookup));
    return c.uses.size();
  }

  // From `k = rpy_dict_entry_key(d, ix)` at root->operations[i]: the later
  // reads of k in d read the entry at ix. The rtyper reads an entry's key
  // only at a live index (rpy_dict_iter_next, popitem_index), and while no
  // write intervenes that entry stays there and holds the only key equal
  // to k. Returns how many reads went.
  size_t read_entry_from(Block* root, size_t i) {
    const SpaceOperation& ek = root->operations[i];
    const LLType* family = called_external(ek)->template_arg;
    Value* ix = ek.args[2];
    Chain c = follow(root, i, family, {ek.args[1]}, ek.result, false);
    if (c.uses.empty()) return 0;
    carry(c, ix, "ix");
    for (const Use& u : c.uses) {
      SpaceOperation& op = c.nodes[u.node].block->operations[u.index];
      if (called_external(op)->name == "rpy_dict_contains") {
        Constant* yes = g->new_const_bool(true);
        yes->concretetype = lltypes::Bool;
        op = SpaceOperation{"same_as", {yes}, op.result, op.pos};
      } else {
        op = SpaceOperation{"direct_call", {runtime_fn("rpy_dict_entry_value", family), op.args[1],
                                            c.nodes[u.node].carried}, op.result, op.pos};
      }
    }
    return c.uses.size();
  }

  void count_preds() {
    for (Block* b : g->iterblocks())
      for (Link* l : b->exits) ++preds[l->target];
  }

  size_t run() {
    count_preds();
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

  size_t run_entry_reads() {
    IterDicts dicts(g);
    iter_dicts = &dicts;
    count_preds();
    size_t fused = 0;
    for (Block* b : g->iterblocks()) {
      for (size_t i = 0; i < b->operations.size(); ++i) {
        const SpaceOperation& op = b->operations[i];
        const ExternalFunc* f = called_external(op);
        const DictLayout* L = dict_layout(f);
        if (!L || L->custom_eq || f->name != "rpy_dict_entry_key" || op.args.size() < 3 || !op.result) continue;
        fused += read_entry_from(b, i);
      }
    }
    iter_dicts = nullptr;
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

size_t read_iterated_entries(FunctionGraph* g, bool collections_run_user_code) {
  return Fuser{g, collections_run_user_code, {}}.run_entry_reads();
}

}  // namespace rpy
