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

#include <algorithm>
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

Variable* fresh_var(FunctionGraph* g, const Variable* v) {
  Variable* n = g->new_var(v->name);
  n->concretetype = v->concretetype;
  n->annotation = v->annotation;
  return n;
}

// A copy of `chain` (each block's exit to the next one in the chain goes to
// that block's copy; other exits keep their targets), entered by `entry`,
// which is retargeted to the first copy.
// Returns the copy of the chain's last block.
Block* copy_chain(FunctionGraph* g, const std::vector<Block*>& chain, Link* entry) {
  std::vector<Block*> copies;
  for (Block* b : chain) {
    std::unordered_map<Value*, Value*> m;
    std::vector<Variable*> in;
    for (Variable* v : b->inputargs) {
      Variable* n = fresh_var(g, v);
      m[v] = n;
      in.push_back(n);
    }
    auto M = [&](Value* v) {
      auto it = m.find(v);
      return it == m.end() ? v : it->second;
    };
    Block* c = g->new_block(in);
    c->loop_header = b->loop_header;
    for (const SpaceOperation& op : b->operations) {
      SpaceOperation n = op;
      for (auto& a : n.args) a = M(a);
      if (op.result) {
        n.result = fresh_var(g, op.result);
        m[op.result] = n.result;
      }
      c->operations.push_back(std::move(n));
    }
    c->exitswitch = b->exitswitch ? M(b->exitswitch) : nullptr;
    for (Link* l : b->exits) {
      std::vector<Value*> args;
      for (Value* a : l->args) args.push_back(M(a));
      Link* n = g->new_link(c, l->target, args);
      n->exitcase = l->exitcase;
      n->argpos = l->argpos;
      n->pos = l->pos;
    }
    copies.push_back(c);
  }
  for (size_t i = 0; i + 1 < chain.size(); ++i)
    for (Link* l : copies[i]->exits)
      if (l->target == chain[i + 1]) l->target = copies[i + 1];
  entry->target = copies[0];
  return copies.back();
}

// Blocks that may be copied into a predecessor: small, and left without
// an exception exit (whose caught variable a copy would have to redefine).
bool copyable(const Block* b) {
  return !b->is_final && !b->canraise() && b->operations.size() <= 6;
}

// Whether b can reach itself.
bool in_loop(Block* b) {
  std::unordered_set<Block*> seen;
  std::vector<Block*> todo;
  for (Link* l : b->exits) todo.push_back(l->target);
  while (!todo.empty()) {
    Block* x = todo.back();
    todo.pop_back();
    if (x == b) return true;
    if (!seen.insert(x).second) continue;
    for (Link* l : x->exits) todo.push_back(l->target);
  }
  return false;
}

}  // namespace

// Threaded dispatch: a loop around a switch (an interpreter's dispatch
// loop) compiles to one indirect jump that every opcode handler comes back
// to, and that jump's target is predicted from too little history: on
// bench/programs/bf.py gcc's jump table was 1.6-2x slower than the
// frequency-ordered if-chain. Giving each handler its own copy of the
// dispatch (the join blocks after the handler, the loop test, the fetch
// and the switch) gives each its own indirect jump, predicted from which
// handler ran last: what computed-goto interpreters do by hand.
//
// Walking back from each copy of the switch block: the chain of blocks
// with a single predecessor, up to a head that has several; the chain is
// copied for each of the head's incoming links but the first. A head that
// only jumps into the chain (the join of `pc += 1` after the if-chain) is
// then the single predecessor of each copy, so the next walk continues
// past it, while the copied operations stay within `budget`.
static size_t thread_switch(FunctionGraph* g, Block* sw, size_t budget) {
  size_t copied = 0;
  std::vector<Block*> switches = {sw};
  for (size_t k = 0; k < switches.size(); ++k) {
    for (;;) {
      std::unordered_map<Block*, std::vector<Link*>> preds;
      for (Block* b : g->iterblocks())
        for (Link* l : b->exits) preds[l->target].push_back(l);
      // The cases' targets: the handlers, which stay single.
      std::unordered_set<Block*> handlers;
      for (Block* s : switches)
        for (Link* l : s->exits) handlers.insert(l->target);
      std::vector<Block*> chain = {switches[k]};
      // Past the first join, a block that branches belongs to a handler:
      // copying it would copy the handlers, not the dispatch.
      bool joins = false;
      for (;;) {
        auto& p = preds[chain.front()];
        if (p.size() != 1) break;
        Block* prev = p[0]->prevblock;
        if (!copyable(prev) || prev == g->startblock || std::find(chain.begin(), chain.end(), prev) != chain.end())
          break;
        if ((prev->exits.size() > 1 && joins) || handlers.count(prev)) break;
        joins |= prev->exits.size() == 1;
        chain.insert(chain.begin(), prev);
      }
      const auto& incoming = preds[chain.front()];
      if (incoming.size() < 2 || chain.front() == g->startblock) break;
      size_t ops = 0;
      for (Block* b : chain) ops += b->operations.size() + 1;
      if (copied + ops * (incoming.size() - 1) > budget) break;
      for (size_t i = 1; i < incoming.size(); ++i) switches.push_back(copy_chain(g, chain, incoming[i]));
      copied += ops * (incoming.size() - 1);
    }
  }
  return copied;
}

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
  std::vector<Block*> made;
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
    made.push_back(a);
  }
  if (merged) g->remove_unreachable();
  for (Block* sw : made)
    if (sw->exits.size() >= 4 && in_loop(sw)) thread_switch(g, sw, 400);
  return merged;
}

}  // namespace rpy
