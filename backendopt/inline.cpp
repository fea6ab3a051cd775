// Inlining of direct_calls to graphs.
//
// Rules (what keeps exceptions right, given how codegen treats them: after
// an operation that can raise, control leaves the function -- or, in a block
// that canraise(), goes to that block's exception exit):
//
//  * A call in a block that canraise() (inside a try, or a for loop's
//    next()) is inlined with what the callee raises going where the call's
//    exception went (the block's exception exit, "the catcher"): a copied
//    block with a raising operation gets an exception exit to the catcher's
//    target (codegen sends every raising operation of such a block there;
//    a block that also branches is split after its operations), and a
//    `raise` of the callee (a link to its except block) jumps to the
//    catcher's target with the instance. When that raise's class is a
//    constant and the handler starts by testing it (isinstance_range, one
//    test per except clause), the jump goes straight to the clause that
//    matches: `raise StopIteration` in an iterator's __next__ becomes the
//    loop's exit, and the instance, now unused, is removed with its
//    allocation. The rest of the block keeps the exception exit, and so
//    does the part before the call when one of its operations can raise.
//  * Anywhere else, a raising call leaves the caller. So does a raising
//    operation of the inlined body outside the callee's own try blocks, so
//    the callee is copied as it is: its canraise blocks keep their own
//    exception exits (the handler is copied too), and its links to its
//    except block become links to the caller's except block, which raises
//    the same instance and leaves.
//  * The callee's return block becomes a link to a new block holding the
//    rest of the caller's block; the caller's variables live after the call
//    ride along every copied block as extra inputs (dead code removal drops
//    the ones a path does not need).
//
// Heuristic: callees first (so a callee is measured after its own calls are
// inlined), never a graph on a cycle of direct calls, a callee only when its
// weighted size is below the threshold, unless its Python function says
// `_always_inline_`; never when it says `_dont_inline_`. A caller stops
// growing past a fixed budget, so a big function calling many helpers does
// not explode.
#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "backendopt/backendopt.h"
#include "rtyper/lltype.h"

namespace rpy {

namespace {

// Copies in C++ are free, so they do not count against the threshold.
double op_weight(const SpaceOperation& op) {
  if (op.opname == "same_as" || op.opname == "cast_pointer") return 0;
  if (op.opname == "direct_call" || op.opname == "indirect_call") return 2;
  return 1;
}

double graph_weight(const FunctionGraph* g) {
  double w = 0;
  for (Block* b : g->iterblocks()) {
    if (b->is_final) continue;
    w += 0.5;  // a jump, and a block the C++ compiler must lay out
    for (auto& op : b->operations) w += op_weight(op);
  }
  return w;
}

bool func_flag(const FunctionGraph* g, const char* name) {
  if (!g->func || g->func.is_none()) return false;
  try {
    return py::bool_(py::getattr(g->func, name, py::bool_(false)));
  } catch (py::error_already_set&) {
    return false;
  }
}

Variable* copy_var(FunctionGraph* g, const Variable* v) {
  Variable* n = g->new_var(v->name);
  n->concretetype = v->concretetype;
  n->annotation = v->annotation;
  return n;
}

constexpr double kCallerBudget = 3000;

// Returns the continuation block, or nullptr when the call is not inlinable.
Block* inline_at(FunctionGraph* caller, Block* block, size_t index) {
  if (index >= block->operations.size() || block->is_final) return nullptr;
  SpaceOperation call = block->operations[index];
  FunctionGraph* callee = called_graph(call);
  if (!callee || callee == caller || !callee->startblock || !callee->returnblock) return nullptr;
  bool in_try = block->canraise();
  if (in_try && block->exits.size() != 2) return nullptr;
  if (in_try) {
    // The copy of the exception exit left on the part before the call can
    // only carry what that part defines.
    std::unordered_set<Value*> later;
    for (size_t i = index; i < block->operations.size(); ++i)
      if (block->operations[i].result) later.insert(block->operations[i].result);
    for (Value* a : block->exits[1]->args)
      if (later.count(a)) return nullptr;
  }
  if (call.args.size() - 1 != callee->startblock->inputargs.size()) return nullptr;
  Variable* result = call.result;
  if (result && result->concretetype != callee->returnblock->inputargs[0]->concretetype) return nullptr;
  if (!result) {
    result = caller->new_var("v");
    result->concretetype = callee->returnblock->inputargs[0]->concretetype;
  }

  // The caller's variables still needed after the call, in a stable order.
  std::unordered_set<Value*> used_after;
  for (size_t i = index + 1; i < block->operations.size(); ++i)
    for (Value* a : block->operations[i].args) used_after.insert(a);
  if (block->exitswitch) used_after.insert(block->exitswitch);
  for (Link* l : block->exits)
    for (Value* a : l->args) used_after.insert(a);
  std::vector<Variable*> live;
  for (Variable* v : block->inputargs)
    if (used_after.count(v)) live.push_back(v);
  for (size_t i = 0; i < index; ++i)
    if (Variable* r = block->operations[i].result; r && used_after.count(r)) live.push_back(r);

  // The rest of the block moves to a continuation taking (result, live...).
  Block* cont = caller->new_block({result});
  std::unordered_map<Value*, Value*> csubst;
  for (Variable* v : live) {
    Variable* n = copy_var(caller, v);
    cont->inputargs.push_back(n);
    csubst[v] = n;
  }
  auto CS = [&](Value* v) {
    auto it = csubst.find(v);
    return it == csubst.end() ? v : it->second;
  };
  for (size_t i = index + 1; i < block->operations.size(); ++i) {
    SpaceOperation op = block->operations[i];
    for (auto& a : op.args) a = CS(a);
    cont->operations.push_back(std::move(op));
  }
  cont->exitswitch = block->exitswitch ? CS(block->exitswitch) : nullptr;
  cont->exits = block->exits;
  for (Link* l : cont->exits) {
    l->prevblock = cont;
    for (auto& a : l->args) a = CS(a);
  }
  block->operations.resize(index);
  block->exitswitch = nullptr;
  block->exits.clear();
  Link* catcher = in_try ? cont->exits[1] : nullptr;

  // A copy of the callee's blocks, each also carrying `live`.
  std::unordered_map<Value*, Value*> vmap;
  std::unordered_map<Block*, Block*> bmap;
  std::unordered_map<Block*, std::vector<Value*>> extra;
  auto M = [&](Value* v) -> Value* {
    if (auto it = vmap.find(v); it != vmap.end()) return it->second;
    if (v->is_const()) {
      auto* c = static_cast<Constant*>(v);
      Constant* n = caller->new_const(c->value);
      n->concretetype = c->concretetype;
      n->llrepr = c->llrepr;
      n->llkind = c->llkind;
      n->llptr = c->llptr;
      vmap[v] = n;
      return n;
    }
    Variable* n = copy_var(caller, static_cast<Variable*>(v));
    vmap[v] = n;
    return n;
  };
  auto cblocks = callee->iterblocks();
  for (Block* cb : cblocks) {
    if (cb->is_final) continue;
    Block* nb = caller->new_block();
    for (Variable* v : cb->inputargs) nb->inputargs.push_back(static_cast<Variable*>(M(v)));
    for (Variable* v : live) {
      Variable* n = copy_var(caller, v);
      nb->inputargs.push_back(n);
      extra[cb].push_back(n);
    }
    bmap[cb] = nb;
  }
  // The catcher's arguments as seen from a copied block: the caught
  // instance is `exc`, a live variable of the caller is that block's copy.
  std::unordered_map<Value*, size_t> live_index;  // cont's input -> index in live
  for (size_t j = 0; j < live.size(); ++j) live_index[csubst.at(live[j])] = j;
  auto catcher_args = [&](Value* exc, const std::vector<Value*>& ex) {
    std::vector<Value*> args;
    for (Value* a : catcher->args) {
      if (a == catcher->last_exc_value) args.push_back(exc);
      else if (auto it = live_index.find(a); it != live_index.end()) args.push_back(ex[it->second]);
      else args.push_back(a);  // a constant
    }
    return args;
  };
  auto add_catch_exit = [&](Block* from, const std::vector<Value*>& ex) {
    Variable* exc = copy_var(caller, catcher->last_exc_value);
    Link* el = caller->new_link(from, catcher->target, catcher_args(exc, ex));
    el->last_exc_value = exc;
    el->exitcase = catcher->exitcase;
    el->pos = catcher->pos;
    el->argpos = catcher->argpos;
  };
  // The links of cb's exits, from `from` (nb, or the second half of a
  // split nb).
  auto copy_exits = [&](Block* cb, Block* from) {
    for (Link* l : cb->exits) {
      Variable* exc = l->last_exc_value ? static_cast<Variable*>(M(l->last_exc_value)) : nullptr;
      std::vector<Value*> args;
      for (Value* a : l->args) args.push_back(M(a));
      Block* target;
      if (l->target == callee->returnblock) {
        target = cont;
        args.insert(args.end(), extra[cb].begin(), extra[cb].end());
      } else if (l->target == callee->exceptblock && catcher) {
        std::tie(target, args) = route_raise(raised_class(bmap.at(cb), args[0], args[1]), catcher->target,
                                             catcher_args(args[1], extra[cb]), args[1]);
      } else if (l->target == callee->exceptblock) {
        target = caller->exceptblock;
      } else {
        target = bmap.at(l->target);
        args.insert(args.end(), extra[cb].begin(), extra[cb].end());
      }
      Link* nl = caller->new_link(from, target, std::move(args));
      nl->exitcase = l->exitcase;
      nl->pos = l->pos;
      nl->last_exc_value = exc;
      for (size_t i = 0; i < l->argpos.size() && i < nl->argpos.size(); ++i) nl->argpos[i] = l->argpos[i];
    }
  };
  for (Block* cb : cblocks) {
    if (cb->is_final) continue;
    Block* nb = bmap[cb];
    for (auto& op : cb->operations) {
      SpaceOperation n = op;
      for (auto& a : n.args) a = M(a);
      if (op.result) n.result = static_cast<Variable*>(M(op.result));
      nb->operations.push_back(std::move(n));
    }
    bool guard = catcher && !cb->canraise() && std::any_of(cb->operations.begin(), cb->operations.end(), op_can_raise);
    if (guard && cb->exitswitch) {
      // It branches too: the branching moves to a block of its own, which
      // takes what its exits read.
      Block* tail = caller->new_block();
      copy_exits(cb, tail);
      tail->exitswitch = M(cb->exitswitch);
      std::unordered_map<Value*, Value*> local;
      std::vector<Value*> pass;
      auto L = [&](Value* v) -> Value* {
        if (v->is_const()) return v;
        auto it = local.find(v);
        if (it != local.end()) return it->second;
        Variable* n = copy_var(caller, static_cast<Variable*>(v));
        tail->inputargs.push_back(n);
        pass.push_back(v);
        return local[v] = n;
      };
      tail->exitswitch = L(tail->exitswitch);
      for (Link* l : tail->exits)
        for (auto& a : l->args)
          if (a != l->last_exc_value) a = L(a);
      nb->exitswitch = caller->last_exception();
      caller->new_link(nb, tail, std::move(pass));
      add_catch_exit(nb, extra[cb]);
      continue;
    }
    if (cb->canraise() || guard) nb->exitswitch = caller->last_exception();
    else if (cb->exitswitch) nb->exitswitch = M(cb->exitswitch);
    copy_exits(cb, nb);
    if (guard) add_catch_exit(nb, extra[cb]);
  }

  std::vector<Value*> entry(call.args.begin() + 1, call.args.end());
  entry.insert(entry.end(), live.begin(), live.end());
  Link* in = caller->new_link(block, bmap.at(callee->startblock), std::move(entry));
  in->pos = call.pos;
  if (catcher && std::any_of(block->operations.begin(), block->operations.end(), op_can_raise)) {
    // The operations before the call are still caught: block keeps a copy
    // of the exception exit, in terms of its own variables.
    add_catch_exit(block, std::vector<Value*>(live.begin(), live.end()));
    block->exitswitch = caller->last_exception();
  }
  return cont;
}

}  // namespace

bool inline_call(FunctionGraph* caller, Block* block, size_t index) { return inline_at(caller, block, index) != nullptr; }

size_t inline_functions(const std::vector<FunctionGraph*>& graphs, double threshold) {
  CallGraph cg(graphs);
  std::unordered_map<FunctionGraph*, double> weight;
  auto W = [&](FunctionGraph* g) {
    auto it = weight.find(g);
    if (it != weight.end()) return it->second;
    return weight[g] = graph_weight(g);
  };
  std::unordered_map<FunctionGraph*, int> flags;  // 1: always, 2: never
  auto F = [&](FunctionGraph* g) {
    auto it = flags.find(g);
    if (it != flags.end()) return it->second;
    int f = func_flag(g, "_dont_inline_") ? 2 : func_flag(g, "_always_inline_") ? 1 : 0;
    return flags[g] = f;
  };
  size_t inlined = 0;
  for (FunctionGraph* g : cg.bottom_up) {
    double gw = W(g);
    bool changed = false;
    // Only the caller's own blocks are scanned, plus the continuations that
    // inlining creates: a copied body was already considered in its callee.
    std::vector<Block*> work = g->iterblocks();
    for (size_t wi = 0; wi < work.size(); ++wi) {
      Block* b = work[wi];
      if (b->is_final) continue;
      for (size_t i = 0; i < b->operations.size(); ++i) {
        FunctionGraph* callee = called_graph(b->operations[i]);
        if (!callee || callee == g || cg.recursive.count(callee)) continue;
        int flag = F(callee);
        if (flag == 2) continue;
        double cw = W(callee);
        if (flag != 1 && (cw >= threshold || gw + cw > kCallerBudget)) continue;
        Block* cont = inline_at(g, b, i);
        if (!cont) continue;
        ++inlined;
        gw += cw;
        changed = true;
        work.push_back(cont);  // the rest of b's operations
        break;
      }
    }
    if (changed) weight[g] = graph_weight(g);
  }
  return inlined;
}

}  // namespace rpy
