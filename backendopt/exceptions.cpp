// Simplification of exception edges: an exception exit that only re-raises
// what it caught is the same as no exception exit, where the operation's
// exception leaves the function by itself (codegen: the generic failure
// path). Dropping it turns the block into a plain one, which join_blocks can
// then merge with its successor, and saves the clear-and-raise-again code.
//
// The re-raising exits recognised: straight to the except block with the
// caught instance, or to a block whose only operation reads the caught
// instance's typeptr and which passes (that type, the instance) to the
// except block -- what the flow builder leaves for a handler whose
// isinstance tests were folded away, or for a `try` whose every clause
// re-raises.
#include "backendopt/backendopt.h"

namespace rpy {

namespace {

bool reraises(FunctionGraph* g, Link* el) {
  Variable* exc = el->last_exc_value;
  if (!exc) return false;
  Block* t = el->target;
  if (t == g->exceptblock) return el->args.size() == 2 && el->args[1] == exc;
  if (t->is_final || t->exitswitch || t->exits.size() != 1 || t->operations.size() != 1) return false;
  Link* out = t->exits[0];
  if (out->target != g->exceptblock || out->args.size() != 2) return false;
  // Which input of t holds the caught instance.
  Value* inst = nullptr;
  for (size_t i = 0; i < el->args.size(); ++i)
    if (el->args[i] == exc) inst = t->inputargs[i];
  if (!inst || out->args[1] != inst) return false;
  const SpaceOperation& op = t->operations[0];
  if (op.opname != "getfield" || op.args.size() != 2 || op.args[0] != inst || op.result != out->args[0]) return false;
  auto* f = dynamic_cast<const Constant*>(op.args[1]);
  return f && f->llkind == Constant::FieldName && f->llrepr == "typeptr";
}

}  // namespace

size_t simplify_exception_edges(FunctionGraph* g) {
  size_t n = 0;
  for (Block* b : g->iterblocks()) {
    if (!b->canraise() || b->exits.size() != 2) continue;
    if (!reraises(g, b->exits[1])) continue;
    b->exits.resize(1);
    b->exits[0]->exitcase.reset();
    b->exitswitch = nullptr;
    ++n;
  }
  if (n) g->remove_unreachable();
  return n;
}

}  // namespace rpy
