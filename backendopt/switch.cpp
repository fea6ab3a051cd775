// Merges chains of `if x == C1: ... elif x == C2: ... else: ...` on one
// Signed value into one multi-way exit, which codegen emits as a C++
// `switch`: an interpreter's dispatch loop then costs one indirect jump
// instead of a comparison per opcode tested before the right one.
//
// The chain, as the flow builder and the rtyper leave it: block A computes
// v = int_eq(x, C1) and exits on v; its false link goes to a block B whose
// only predecessor is A, whose only operation is v2 = int_eq(y, C2) where y
// is the input that A's link fills with x, and which exits on v2; and so on.
// Each B disappears; its links are re-made from A, with B's inputs replaced
// by what A passed and v2 by the constant it has on that link.
#include "backendopt/backendopt.h"

#include <unordered_map>
#include <unordered_set>

#include "rtyper/lltype.h"

namespace rpy {

namespace {

bool is_int_const(const Value* v) {
  auto* c = dynamic_cast<const Constant*>(v);
  return c && c->llkind == Constant::Plain && c->llrepr.empty() && c->concretetype == lltypes::Signed &&
         (c->value.kind == ConstValue::Int || c->value.kind == ConstValue::Bool);
}

int64_t int_of(const Value* v) {
  const ConstValue& c = static_cast<const Constant*>(v)->value;
  return c.kind == ConstValue::Bool ? c.b : c.i;
}

// The (variable, constant) of `cond = int_eq(var, const)` (either order)
// among b's operations, or nullopt.
struct Test {
  Variable* x;
  int64_t value;
};

std::optional<Test> find_test(Block* b) {
  if (!b->exitswitch || b->exitswitch->is_const() || b->canraise() || b->exits.size() != 2) return std::nullopt;
  for (auto& op : b->operations) {
    if (op.result != b->exitswitch) continue;
    if (op.opname != "int_eq" || op.args.size() != 2) return std::nullopt;
    Value* a = op.args[0];
    Value* c = op.args[1];
    if (is_int_const(a)) std::swap(a, c);
    if (a->is_const() || !is_int_const(c) || a->concretetype != lltypes::Signed) return std::nullopt;
    return Test{static_cast<Variable*>(a), int_of(c)};
  }
  return std::nullopt;
}

Link* exit_for(Block* b, bool taken) {
  for (Link* l : b->exits)
    if (l->exitcase && l->exitcase->kind == ConstValue::Bool && l->exitcase->b == taken) return l;
  return nullptr;
}

ConstValue int_case(int64_t i) {
  ConstValue c;
  c.kind = ConstValue::Int;
  c.i = i;
  return c;
}

}  // namespace

ConstValue switch_default_case() {
  ConstValue c;
  c.kind = ConstValue::Str;
  c.s = "default";
  return c;
}

bool is_switch_default(const Link* l) {
  return l->exitcase && l->exitcase->kind == ConstValue::Str && l->exitcase->s == "default";
}

size_t merge_switches(FunctionGraph* g) {
  auto blocks = g->iterblocks();
  std::unordered_map<Block*, int> preds;
  for (Block* b : blocks)
    for (Link* l : b->exits) preds[l->target]++;
  std::unordered_set<Block*> absorbed;
  size_t merged = 0;
  for (Block* a : blocks) {
    if (absorbed.count(a)) continue;
    auto first = find_test(a);
    if (!first) continue;
    Link* t = exit_for(a, true);
    Link* f = exit_for(a, false);
    if (!t || !f) continue;
    Variable* x = first->x;
    std::vector<Link*> cases = {t};
    std::vector<int64_t> values = {first->value};
    std::unordered_set<int64_t> seen = {first->value};
    Link* dflt = f;  // a link leaving a (or a block already absorbed into it)
    std::vector<Block*> chain;
    for (;;) {
      Block* b = dflt->target;
      if (b == a || b->is_final || preds[b] != 1 || absorbed.count(b) || b->operations.size() != 1) break;
      auto test = find_test(b);
      if (!test) break;
      // b's inputs, as values of block a.
      std::unordered_map<Value*, Value*> subst;
      for (size_t i = 0; i < b->inputargs.size(); ++i) subst[b->inputargs[i]] = dflt->args[i];
      if (subst[test->x] != x) break;
      Link* bt = exit_for(b, true);
      Link* bf = exit_for(b, false);
      if (!bt || !bf) break;
      auto remake = [&](Link* l, bool cond) {
        Link* n = g->new_link(nullptr, l->target, {});
        n->prevblock = a;
        n->pos = l->pos;
        for (size_t i = 0; i < l->args.size(); ++i) {
          Value* v = l->args[i];
          if (v == b->exitswitch) {
            Constant* k = g->new_const_bool(cond);
            k->concretetype = lltypes::Bool;
            v = k;
          } else if (auto it = subst.find(v); it != subst.end()) {
            v = it->second;
          }
          n->args.push_back(v);
          n->argpos.push_back(i < l->argpos.size() ? l->argpos[i] : SourcePos{});
        }
        return n;
      };
      // A value already tested cannot reach this test: its case is dead.
      if (seen.insert(test->value).second) {
        cases.push_back(remake(bt, true));
        values.push_back(test->value);
      }
      dflt = remake(bf, false);
      chain.push_back(b);
    }
    if (chain.empty()) continue;
    for (Block* b : chain) absorbed.insert(b);
    a->exitswitch = x;
    a->exits.clear();
    for (size_t i = 0; i < cases.size(); ++i) {
      cases[i]->exitcase = int_case(values[i]);
      a->exits.push_back(cases[i]);
    }
    dflt->exitcase = switch_default_case();
    a->exits.push_back(dflt);
    // The targets' predecessor counts change: a block reached by a case
    // and the default could otherwise be absorbed twice.
    for (Link* l : a->exits) preds[l->target]++;
    merged += chain.size();
  }
  if (merged) g->remove_unreachable();
  return merged;
}

}  // namespace rpy
