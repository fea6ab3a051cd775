// Simplification of exception edges: an exception exit that only re-raises
// what it caught is the same as no exception exit, where the operation's
// exception leaves the function by itself (codegen: the generic failure
// path). Dropping it turns the block into a plain one, which join_blocks can
// then merge with its successor, and saves the clear-and-raise-again code.
//
// The re-raising exits recognised: straight to the except block with the
// caught instance, or to blocks that only look at its type (isinstance
// tests, the typeptr read) and all of whose ways out raise it again: what
// the flow builder leaves for `except E: raise`, or for a `try` whose
// clauses cannot match.
//
// Also here: a raise whose class is known where it happens (`raise E(...)`
// in a try, or in a function inlined into one) skips the handler's class
// tests, which are decided at translation time, and jumps to the clause
// that matches; the instance, if that clause does not use it, is then
// removed with its allocation by malloc removal.
#include "backendopt/backendopt.h"

#include <algorithm>
#include <unordered_set>

#include "annotator/classdef.h"
#include "rtyper/lltype.h"

namespace rpy {

namespace {

bool is_field(const Value* v, const char* name) {
  auto* f = dynamic_cast<const Constant*>(v);
  return f && f->llkind == Constant::FieldName && f->llrepr == name;
}

// Whether following link l, which carries the exception instance `inst`
// (a value of l's source block), always raises `inst` again: l goes to the
// except block with it, or to a block that only reads its type (typeptr,
// isinstance_range) and whose every exit does so in turn. That is what a
// handler whose clauses all re-raise (or that matched nothing) looks like.
bool reraises(FunctionGraph* g, Link* l, Value* inst, int depth) {
  Block* t = l->target;
  if (t == g->exceptblock) return l->args.size() == 2 && l->args[1] == inst;
  if (t->is_final || t->canraise() || t->exits.empty() || depth > 4) return false;
  Value* in = nullptr;  // the instance, as t's input
  for (size_t i = 0; i < l->args.size(); ++i)
    if (l->args[i] == inst) in = t->inputargs[i];
  if (!in) return false;
  // The instance under its other static types (cast_pointer after an
  // isinstance narrowed it), and reads of its type.
  std::unordered_set<Value*> same = {in}, types;
  for (auto& op : t->operations) {
    if (op.args.empty() || !same.count(op.args[0])) return false;
    if (op.opname == "getfield" && op.args.size() == 2 && is_field(op.args[1], "typeptr")) types.insert(op.result);
    else if (op.opname == "cast_pointer") same.insert(op.result);
    else if (op.opname != "isinstance_range") return false;
  }
  for (Link* out : t->exits) {
    if (out->target == g->exceptblock) {
      if (out->args.size() != 2 || !same.count(out->args[1]) || !types.count(out->args[0])) return false;
    } else if (!reraises(g, out, in, depth + 1)) {
      return false;
    }
  }
  return true;
}

bool is_typeptr_field(const Value* v) { return is_field(v, "typeptr"); }

}  // namespace

const ClassDef* raised_class(const Block* block, Value* etype, Value* evalue) {
  if (auto* c = dynamic_cast<Constant*>(etype))
    return c->llkind == Constant::Vtable && c->llptr ? static_cast<const ClassDef*>(c->llptr) : nullptr;
  // The instance, under its static types (cast_pointer between an
  // exception class and its bases), from the end of the block backwards.
  std::unordered_set<const Value*> inst = {evalue};
  const auto& ops = block->operations;
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    if (etype && it->result == etype && it->opname == "getfield" && it->args.size() == 2 &&
        is_typeptr_field(it->args[1]))
      inst.insert(it->args[0]);
    else if (it->opname == "cast_pointer" && inst.count(it->result))
      inst.insert(it->args[0]);
    else if (it->opname == "setfield" && it->args.size() == 3 && inst.count(it->args[0]) &&
             is_typeptr_field(it->args[1]))
      return it->args[2]->is_const() ? raised_class(block, it->args[2], nullptr) : nullptr;
  }
  return nullptr;
}

std::pair<Block*, std::vector<Value*>> route_raise(const ClassDef* cd, Block* target, std::vector<Value*> args,
                                                   Value* evalue) {
  // The values that `l`, leaving `target`, passes on, in terms of `args`;
  // false when it passes something `target` computes.
  auto through = [&](Link* l, std::vector<Value*>& next) {
    for (Value* a : l->args) {
      auto i = std::find(target->inputargs.begin(), target->inputargs.end(), a);
      if (i != target->inputargs.end()) next.push_back(args[i - target->inputargs.begin()]);
      else if (a->is_const()) next.push_back(a);
      else return false;
    }
    return true;
  };
  for (int depth = 0; cd && depth < 16; ++depth) {
    if (target->is_final || target->canraise()) break;
    if (target->operations.empty() && !target->exitswitch && target->exits.size() == 1) {
      // A block that only forwards (where two ways into a handler join).
      std::vector<Value*> next;
      if (!through(target->exits[0], next)) break;
      target = target->exits[0]->target;
      args = std::move(next);
      continue;
    }
    if (target->operations.size() != 1 || target->exits.size() != 2) break;
    const SpaceOperation& test = target->operations[0];
    if (test.opname != "isinstance_range" || test.args.size() != 3 || target->exitswitch != test.result) break;
    auto* lo = dynamic_cast<Constant*>(test.args[1]);
    auto* hi = dynamic_cast<Constant*>(test.args[2]);
    auto in = std::find(target->inputargs.begin(), target->inputargs.end(), test.args[0]);
    if (!lo || !hi || in == target->inputargs.end() || args[in - target->inputargs.begin()] != evalue) break;
    bool match = lo->value.i <= cd->subclassrange_min && cd->subclassrange_min < hi->value.i;
    Link* taken = nullptr;
    for (Link* l : target->exits)
      if (l->exitcase && l->exitcase->kind == ConstValue::Bool && l->exitcase->b == match) taken = l;
    if (!taken) break;
    std::vector<Value*> next;
    if (!through(taken, next)) break;  // it passes the test's result on
    target = taken->target;
    args = std::move(next);
  }
  return {target, std::move(args)};
}

size_t route_known_raises(FunctionGraph* g) {
  size_t n = 0;
  for (Block* b : g->iterblocks()) {
    if (b->is_final) continue;
    for (Link* l : b->exits) {
      if (l->last_exc_value || l->target->is_final) continue;  // a caught exception: its class is not known
      // An instance that b allocated and typed, going to a block that
      // tests its class.
      for (Value* a : l->args) {
        if (a->is_const() || !a->concretetype || !a->concretetype->is_gc_ptr()) continue;
        const ClassDef* cd = raised_class(b, nullptr, a);
        if (!cd) continue;
        auto [target, args] = route_raise(cd, l->target, l->args, a);
        if (target == l->target) continue;
        l->target = target;
        l->args = std::move(args);
        l->argpos.assign(l->args.size(), SourcePos{});
        ++n;
        break;
      }
    }
  }
  if (n) g->remove_unreachable();
  return n;
}

size_t simplify_exception_edges(FunctionGraph* g) {
  size_t n = 0;
  for (Block* b : g->iterblocks()) {
    if (!b->canraise() || b->exits.size() != 2) continue;
    Link* el = b->exits[1];
    if (!el->last_exc_value || !reraises(g, el, el->last_exc_value, 0)) continue;
    b->exits.resize(1);
    b->exits[0]->exitcase.reset();
    b->exitswitch = nullptr;
    ++n;
  }
  if (n) g->remove_unreachable();
  return n;
}

}  // namespace rpy
