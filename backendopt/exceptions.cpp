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
#include "backendopt/backendopt.h"

#include <unordered_set>

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

}  // namespace

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
