// Removes bounds checks that cannot fail: `int_index_check(i, n)` (or
// int_index_check_set, the check of a store) where
// 0 <= i and i < n hold on every path, as in
//
//     for i in range(len(l)):      # n = len(l) before the loop, i < n
//         total += l[i]            # l[i] re-reads len(l): the same n
//
// PyPy gets the same from the annotator (SomeInteger(nonneg=True) picks
// ll_getitem_nonneg); here the facts come from the low-level graph itself,
// so they also hold after inlining, and the upper bound too is proven.
//
// A forward dataflow over facts about each block's own variables (a
// variable belongs to one block: facts move along links with the values):
//   nonneg(v), pos(v) 0 <= v, 0 < v
//   lt(v, B), le(v, B) v < B, v <= B, where B is a value or "the length of
//                    list l" (from tests like `n <= len(l)`, or x - c <= x)
//   eqlen(v, l)      v == length of list l (or of a fixed-size list)
//   cnt(i, left, B)  left > 0 implies i + left <= B: the counter of a range
//                    loop. The rtyper lowers `for i in range(a, b)` to
//                    `left = int_range_len(a, b, 1)`, i = a, and a loop
//                    testing `left > 0` that does `i += 1; left -= 1`: the
//                    fact holds at entry (B: b, len(l) when b is one, or any
//                    B with b <= B), survives the step, and on the
//                    `left > 0` link gives i < B.
// The same facts about strings (immutable: their lengths never die) turn
// `s[i]` (rpy_str_getitem) into rpy_str_getitem_nonneg, which cannot raise:
// `for c in s` iterates with an index below len(s).
// Facts about a list's length die at anything that may resize a list (a
// call, a setfield of `length`, list_append...): only operations known to
// leave memory alone, array item reads and writes and allocations keep
// them; a fixed-size list's (GcArray) length never changes. A block's
// entry facts are those of every incoming link (intersection), computed
// optimistically to the greatest fixpoint: a loop counter stays
// non-negative because `i + 1` with `i < n` cannot overflow.
#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <set>
#include <unordered_map>

#include "backendopt/backendopt.h"
#include "rtyper/externals.h"
#include "rtyper/lltype.h"
#include "rtyper/llop.h"

namespace rpy {

namespace {

// The second member of an lt fact: a value, or the length of the list `v`.
struct Bound {
  Value* v;
  bool len;
  auto operator<=>(const Bound&) const = default;
};

struct Facts {
  bool top = true;  // not computed yet: every fact (the optimistic start)
  std::set<Value*> nonneg;
  std::set<Value*> pos;  // 0 < v
  std::set<std::pair<Value*, Bound>> lt;
  std::set<std::pair<Value*, Bound>> le;  // v <= bound
  std::map<Value*, Value*> eqlen;  // v -> l, v == len(l)
  // A range loop's counter (rtyper: `left = int_range_len(start, stop, 1)`,
  // i from start, `i += 1; left -= 1` while `left > 0`):
  // (i, left, B) states `left > 0 implies i + left <= B`.
  std::set<std::tuple<Value*, Value*, Bound>> cnt;

  bool operator==(const Facts& o) const {
    return top == o.top && nonneg == o.nonneg && pos == o.pos && lt == o.lt && le == o.le && eqlen == o.eqlen && cnt == o.cnt;
  }
  void intersect(const Facts& o) {
    if (o.top) return;
    if (top) {
      *this = o;
      return;
    }
    std::set<Value*> n;
    std::set_intersection(nonneg.begin(), nonneg.end(), o.nonneg.begin(), o.nonneg.end(), std::inserter(n, n.end()));
    nonneg = std::move(n);
    std::set<Value*> p;
    std::set_intersection(pos.begin(), pos.end(), o.pos.begin(), o.pos.end(), std::inserter(p, p.end()));
    pos = std::move(p);
    std::set<std::pair<Value*, Bound>> l;
    std::set_intersection(lt.begin(), lt.end(), o.lt.begin(), o.lt.end(), std::inserter(l, l.end()));
    lt = std::move(l);
    std::set<std::pair<Value*, Bound>> le2;
    std::set_intersection(le.begin(), le.end(), o.le.begin(), o.le.end(), std::inserter(le2, le2.end()));
    le = std::move(le2);
    std::set<std::tuple<Value*, Value*, Bound>> c2;
    std::set_intersection(cnt.begin(), cnt.end(), o.cnt.begin(), o.cnt.end(), std::inserter(c2, c2.end()));
    cnt = std::move(c2);
    std::map<Value*, Value*> e;
    for (auto& [v, lst] : eqlen)
      if (auto it = o.eqlen.find(v); it != o.eqlen.end() && it->second == lst) e[v] = lst;
    eqlen = std::move(e);
  }
  // A list's length may change; a fixed-size list's (GcArray) cannot.
  void kill_lengths();
};

bool is_array(const Value* v) {
  const LLType* t = v->concretetype;
  return t && t->kind == LLType::Ptr && t->item && t->item->kind == LLType::Array;
}

bool is_string(const Value* v) {
  const LLType* t = v->concretetype;
  return t && t->kind == LLType::Ptr && t->item && t->item->kind == LLType::Struct && t->item->struct_name == "rpy_string";
}

// Whether the length of v never changes: a fixed-size list, a string.
bool fixed_length(const Value* v) { return is_array(v) || is_string(v); }

void Facts::kill_lengths() {
  auto mutable_len = [](const Bound& b) { return b.len && !fixed_length(b.v); };
  std::erase_if(eqlen, [](const auto& e) { return !fixed_length(e.second); });
  std::erase_if(lt, [&](const auto& f) { return mutable_len(f.second); });
  std::erase_if(le, [&](const auto& f) { return mutable_len(f.second); });
  std::erase_if(cnt, [&](const auto& f) { return mutable_len(std::get<2>(f)); });
}

const ConstValue* int_const(const Value* v) {
  auto* c = dynamic_cast<const Constant*>(v);
  if (!c || c->llkind != Constant::Plain || !c->llrepr.empty() || c->concretetype != lltypes::Signed) return nullptr;
  return c->value.kind == ConstValue::Int && !c->value.is_unsigned ? &c->value : nullptr;
}

bool is_nonneg(const Facts& f, Value* v) {
  if (auto* c = int_const(v)) return c->i >= 0;
  return f.nonneg.count(v) > 0;
}

// Whether v is a list (GcStruct {length, items}): the only struct whose
// `length` field another operation than setfield may change (resizing).
bool is_list(const Value* v) {
  const LLType* t = v->concretetype;
  return t && t->kind == LLType::Ptr && t->item && t->item->fields.size() == 2 && t->item->fields[0].first == "length" &&
         t->item->fields[1].first == "items";
}

bool is_field(const Value* v, const char* name) {
  auto* c = dynamic_cast<const Constant*>(v);
  return c && c->llkind == Constant::FieldName && c->llrepr == name;
}

// The bounds B known to satisfy v <= B: v itself, the length v equals, and
// the `le` facts about v.
std::vector<Bound> bounds_ge(const Facts& f, Value* v) {
  std::vector<Bound> out{Bound{v, false}};
  if (auto it = f.eqlen.find(v); it != f.eqlen.end()) out.push_back(Bound{it->second, true});
  for (auto it = f.le.lower_bound({v, Bound{nullptr, false}}); it != f.le.end() && it->first == v; ++it)
    out.push_back(it->second);
  return out;
}

bool proves_lt(const Facts& f, Value* i, Value* n) {
  if (f.lt.count({i, Bound{n, false}})) return true;
  if (auto it = f.eqlen.find(n); it != f.eqlen.end() && f.lt.count({i, Bound{it->second, true}})) return true;
  // i < w <= n (or <= len(l) with n == len(l)).
  Bound target = Bound{n, false};
  std::optional<Bound> tlen;
  if (auto it = f.eqlen.find(n); it != f.eqlen.end()) tlen = Bound{it->second, true};
  for (auto it = f.lt.lower_bound({i, Bound{nullptr, false}}); it != f.lt.end() && it->first == i; ++it) {
    if (it->second.len) continue;
    for (auto& b : bounds_ge(f, it->second.v))
      if (b == target || (tlen && b == *tlen)) return true;
  }
  auto* ci = int_const(i);
  auto* cn = int_const(n);
  return ci && cn && ci->i < cn->i;
}

// Any upper bound known for v (v < something): then v + 1 does not overflow.
bool bounded(const Facts& f, Value* v) {
  auto it = f.lt.lower_bound({v, Bound{nullptr, false}});
  return it != f.lt.end() && it->first == v;
}

void add_lt(Facts& f, Value* a, Value* b) {
  if (a->is_const() && !int_const(a)) return;
  f.lt.insert({a, Bound{b, false}});
  if (auto it = f.eqlen.find(b); it != f.eqlen.end()) f.lt.insert({a, Bound{it->second, true}});
}

// Ops that may not change any list's length. Pure ones read nothing either.
bool keeps_lengths(const SpaceOperation& op) {
  const LLOpInfo* info = llop_info(op.opname);
  if (info && info->pure) return true;
  static const std::set<std::string> memory = {"getfield",      "getarrayitem", "setarrayitem",    "getarraysize",
                                               "malloc",        "malloc_varsize", "isinstance_range", "same_as"};
  if (memory.count(op.opname)) return true;
  return op.opname == "setfield" && op.args.size() == 3 && !is_field(op.args[1], "length");
}

// After i2 = i + 1 and left2 = left - 1 (left >= 0): from (i, left, B),
// (i2, left2, B): if left2 > 0 then left > 0, so i2 + left2 == i + left <= B.
void cnt_step(Facts& f, const std::unordered_map<Value*, Value*>& incs,
              const std::unordered_map<Value*, Value*>& decs) {
  std::vector<std::tuple<Value*, Value*, Bound>> add;
  for (auto& [i, left, b] : f.cnt) {
    auto ii = incs.find(i);
    auto dl = decs.find(left);
    if (ii != incs.end() && dl != decs.end()) add.push_back({ii->second, dl->second, b});
  }
  f.cnt.insert(add.begin(), add.end());
}

struct Compare {
  Value* a;
  Value* b;
  std::string op;  // int_lt, int_le, int_gt, int_ge
};

// Runs the block's operations over `f` (its entry facts); with `rewrite`,
// drops the checks it proves and reuses known lengths. Returns the facts
// at the exit, and the comparisons that produced Bool variables.
// i < len(s) for a string constant s: a fact about the length of an
// equal constant (each use of a constant is its own Value), or i < n for a
// constant n no greater than that length.
bool below_literal_length(const Facts& f, Value* i, Value* s) {
  auto* c = dynamic_cast<const Constant*>(s);
  if (!c || c->llkind != Constant::Plain || c->value.kind != ConstValue::Str) return false;
  int64_t len = 0;
  for (unsigned char ch : c->value.s) len += (ch & 0xC0) != 0x80;  // code points
  for (auto it = f.lt.lower_bound({i, Bound{nullptr, false}}); it != f.lt.end() && it->first == i; ++it) {
    if (it->second.len) {
      auto* o = dynamic_cast<const Constant*>(it->second.v);
      if (o && o->llkind == Constant::Plain && o->value.kind == ConstValue::Str && o->value.s == c->value.s) return true;
    } else if (auto* b = int_const(it->second.v); b && b->i <= len) {
      return true;
    }
  }
  return false;
}

Facts flow_block(Block* b, Facts f, bool rewrite, size_t* removed, std::unordered_map<Value*, Compare>* cmps,
                 Constant* nonneg_getitem) {
  std::unordered_map<Value*, Value*> subst;
  auto S = [&](Value* v) {
    auto it = subst.find(v);
    return it == subst.end() ? v : it->second;
  };
  std::vector<SpaceOperation> kept;
  // r = v + 1 / r = v - 1 in this block: v -> r.
  std::unordered_map<Value*, Value*> incs, decs;
  const SpaceOperation* guarded = b->canraise() && !b->operations.empty() ? &b->operations.back() : nullptr;
  for (auto& op : b->operations) {
    if (rewrite)
      for (auto& a : op.args) a = S(a);
    bool drop = false;
    const auto& a = op.args;
    Value* r = op.result;
    if ((op.opname == "int_index_check" || op.opname == "int_index_check_set") && a.size() == 2 && r) {
      if (is_nonneg(f, a[0]) && proves_lt(f, a[0], a[1]) && &op != guarded) {
        drop = true;
        if (rewrite) subst[r] = a[0];
        ++*removed;
      }
      f.nonneg.insert(r);
      add_lt(f, r, a[1]);
      if (drop && !a[0]->is_const()) {
        // r is a[0]: what is known of one is known of the other.
        f.nonneg.insert(a[0]);
        add_lt(f, a[0], a[1]);
      }
    } else if (op.opname == "getfield" && a.size() == 2 && r && is_field(a[1], "length") &&
               (is_list(a[0]) || is_string(a[0]))) {
      f.nonneg.insert(r);
      f.eqlen[r] = a[0];
    } else if (const ExternalFunc* ext = called_external(op);
               ext && ext->name == "rpy_str_getitem" && a.size() == 3 && is_nonneg(f, a[2]) &&
               (f.lt.count({a[2], Bound{a[1], true}}) || below_literal_length(f, a[2], a[1]))) {
      if (rewrite) op.args[0] = nonneg_getitem;
      ++*removed;
    } else if (op.opname == "getarraysize" && a.size() == 1 && r) {
      f.nonneg.insert(r);
      if (is_array(a[0])) f.eqlen[r] = a[0];
    } else if (op.opname == "int_range_len" && a.size() == 3 && r) {
      f.nonneg.insert(r);
      // left > 0 implies start + left == stop (step 1).
      if (auto* st = int_const(a[2]); st && st->i == 1)
        for (auto& b : bounds_ge(f, a[1])) f.cnt.insert({a[0], r, b});
    } else if (op.opname == "int_add" && a.size() == 2 && r) {
      for (int k = 0; k < 2; ++k) {
        auto* c = int_const(a[1 - k]);
        if (c && c->i == 1 && is_nonneg(f, a[k]) && bounded(f, a[k])) f.nonneg.insert(r);
        if (c && c->i == 1 && !a[k]->is_const()) incs[a[k]] = r;
      }
      cnt_step(f, incs, decs);
    } else if (op.opname == "int_sub" && a.size() == 2 && r && !a[0]->is_const()) {
      auto* c = int_const(a[1]);
      // x - c <= x for x, c >= 0 (no wrap-around).
      if (c && c->i >= 0 && is_nonneg(f, a[0]))
        for (auto& b : bounds_ge(f, a[0])) f.le.insert({r, b});
      if (c && c->i == 1) {
        if (f.pos.count(a[0])) f.nonneg.insert(r);
        // left - 1 with left >= 0 cannot wrap.
        if (is_nonneg(f, a[0])) decs[a[0]] = r;
      }
      cnt_step(f, incs, decs);
    } else if ((op.opname == "int_lt" || op.opname == "int_le" || op.opname == "int_gt" || op.opname == "int_ge") &&
               a.size() == 2 && r && cmps) {
      (*cmps)[r] = Compare{a[0], a[1], op.opname};
    } else if (op.opname == "same_as" && a.size() == 1 && r) {
      if (is_nonneg(f, a[0])) f.nonneg.insert(r);
    }
    if (!keeps_lengths(op)) f.kill_lengths();
    if (rewrite && !drop) kept.push_back(std::move(op));
  }
  if (rewrite) {
    b->operations = std::move(kept);
    if (b->exitswitch) b->exitswitch = S(b->exitswitch);
    for (Link* l : b->exits)
      for (auto& v : l->args) v = S(v);
  }
  return f;
}

// The facts on link l, given the exit facts of its block, in terms of the
// target's input variables.
Facts along(const Link* l, Facts f, const std::unordered_map<Value*, Compare>& cmps) {
  Block* b = l->prevblock;
  if (b->exitswitch && !b->exitswitch->is_const() && l->exitcase && l->exitcase->kind == ConstValue::Bool) {
    if (auto it = cmps.find(b->exitswitch); it != cmps.end()) {
      Compare c = it->second;
      bool taken = l->exitcase->b;
      // As "x < y" (strict) or "x <= y", holding on this link.
      bool less = c.op == "int_lt" || c.op == "int_le";  // a < b or a <= b when taken
      bool strict_when_taken = c.op == "int_lt" || c.op == "int_gt";
      bool forward = less == taken;  // x = a, y = b
      Value* x = forward ? c.a : c.b;
      Value* y = forward ? c.b : c.a;
      bool strict = taken ? strict_when_taken : !strict_when_taken;
      if (strict) add_lt(f, x, y);
      else if (!(x->is_const() && !int_const(x))) {
        f.le.insert({x, Bound{y, false}});
        if (auto it = f.eqlen.find(y); it != f.eqlen.end()) f.le.insert({x, Bound{it->second, true}});
      }
      if (is_nonneg(f, x) && !y->is_const()) f.nonneg.insert(y);
      // 0 < y (or 1 <= y): a counter with left == y has i < its bound.
      auto* cx = int_const(x);
      if (!y->is_const() && cx && (strict ? cx->i >= 0 : cx->i >= 1)) {
        f.pos.insert(y);
        f.nonneg.insert(y);
        for (auto& [i, left, bound] : f.cnt)
          if (left == y) {
            if (bound.len) f.lt.insert({i, bound});
            else add_lt(f, i, bound.v);
          }
      }
    }
  }
  // Rename: a value passed as several args gives facts to each.
  std::unordered_map<Value*, std::vector<Value*>> to;
  for (size_t i = 0; i < l->args.size(); ++i) to[l->args[i]].push_back(l->target->inputargs[i]);
  auto names = [&](Value* v) -> std::vector<Value*> {
    if (v->is_const() && !int_const(v)) return {v};  // a string constant: facts about its length
    if (auto* c = int_const(v)) {
      // A constant stays itself, and names the inputs it is passed as.
      std::vector<Value*> out{v};
      for (size_t k = 0; k < l->args.size(); ++k)
        if (auto* ck = int_const(l->args[k]); ck && ck->i == c->i) out.push_back(l->target->inputargs[k]);
      return out;
    }
    auto it = to.find(v);
    return it == to.end() ? std::vector<Value*>{} : it->second;
  };
  Facts out;
  out.top = false;
  for (size_t i = 0; i < l->args.size(); ++i) {
    if (is_nonneg(f, l->args[i])) out.nonneg.insert(l->target->inputargs[i]);
    if (f.pos.count(l->args[i])) out.pos.insert(l->target->inputargs[i]);
  }
  for (auto& [v, bound] : f.le)
    for (Value* nv : names(v))
      for (Value* nb : names(bound.v))
        if (!nv->is_const() || !nb->is_const()) out.le.insert({nv, Bound{nb, bound.len}});
  for (auto& [v, left, bound] : f.cnt)
    for (Value* nv : names(v))
      for (Value* nl : names(left))
        for (Value* nb : names(bound.v))
          if (!nl->is_const()) out.cnt.insert({nv, nl, Bound{nb, bound.len}});
  for (auto& [v, bound] : f.lt)
    for (Value* nv : names(v))
      for (Value* nb : names(bound.v))
        if (!nv->is_const() || !nb->is_const()) out.lt.insert({nv, Bound{nb, bound.len}});
  for (auto& [v, lst] : f.eqlen)
    for (Value* nv : names(v))
      for (Value* nl : names(lst))
        if (!nv->is_const()) out.eqlen[nv] = nl;
  return out;
}

}  // namespace

size_t remove_bounds_checks(FunctionGraph* g) {
  auto blocks = g->iterblocks();
  std::unordered_map<Block*, Facts> entry;
  entry[g->startblock].top = false;
  std::unordered_map<Block*, std::vector<Link*>> preds;
  for (Block* b : blocks)
    for (Link* l : b->exits) preds[l->target].push_back(l);
  std::unordered_map<Block*, Facts> exit_facts;
  std::unordered_map<Value*, Compare> cmps;
  size_t ignored = 0;
  // Iterate to the fixpoint: entry facts only shrink once computed. Facts
  // short of the fixpoint may not hold: then nothing is removed.
  bool converged = false;
  for (int round = 0; round < 100 && !converged; ++round) {
    bool changed = false;
    for (Block* b : blocks) {
      if (b->is_final) continue;
      Facts in;
      if (b == g->startblock) in.top = false;
      for (Link* l : preds[b])
        if (auto it = exit_facts.find(l->prevblock); it != exit_facts.end())
          in.intersect(along(l, it->second, cmps));
      if (b == g->startblock && !preds[b].empty()) {
        // The start block's inputs come from the caller: nothing known.
        in = Facts{};
        in.top = false;
      }
      if (in.top) continue;
      auto it = entry.find(b);
      if (it != entry.end() && it->second == in && exit_facts.count(b)) continue;
      entry[b] = in;
      exit_facts[b] = flow_block(b, in, false, &ignored, &cmps, nullptr);
      changed = true;
    }
    converged = !changed;
  }
  if (!converged) return 0;
  size_t removed = 0;
  Constant* nonneg_getitem =
      g->new_llconst("rpy_str_getitem_nonneg", Constant::External, external("rpy_str_getitem_nonneg"));
  nonneg_getitem->concretetype = lltypes::Void;
  for (Block* b : blocks)
    if (!b->is_final && entry.count(b)) flow_block(b, entry[b], true, &removed, nullptr, nonneg_getitem);
  return removed;
}

}  // namespace rpy
