// Stack overflow detection: a translated program that recurses without
// bound (an interpreter running a runaway recursive user program) raises
// RecursionError, as CPython does, instead of crashing on the guard page.
//
// The check is a comparison of the frame address with a limit the runtime
// sets at startup (runtime/io.cpp). It goes at the entry of every function
// that can take part in a cycle of calls: those in a cycle of direct calls,
// and those that make an indirect call (a cycle through a function pointer
// or a method slot passes through its caller). The check sits in a block of
// its own before the old start block, so that a try at the start of the
// function does not catch it: the error belongs to the caller, as the
// call's own failure.
#include "backendopt/backendopt.h"
#include "rtyper/lltype.h"

namespace rpy {

size_t insert_stack_checks(const std::vector<FunctionGraph*>& graphs) {
  CallGraph cg(graphs);
  auto makes_indirect_call = [](FunctionGraph* g) {
    for (Block* b : g->iterblocks())
      for (auto& op : b->operations)
        if (op.opname == "indirect_call") return true;
    return false;
  };
  size_t n = 0;
  for (FunctionGraph* g : graphs) {
    if (!cg.recursive.count(g) && !makes_indirect_call(g)) continue;
    Block* old = g->startblock;
    std::vector<Variable*> params;
    std::vector<Value*> args;
    for (Variable* v : old->inputargs) {
      Variable* p = g->new_var(v->name);
      p->concretetype = v->concretetype;
      p->annotation = v->annotation;
      params.push_back(p);
      args.push_back(p);
    }
    Block* entry = g->new_block(params);
    SpaceOperation op;
    op.opname = "stack_check";
    op.result = g->new_var("sc");
    op.result->concretetype = lltypes::Void;
    op.pos = g->pos;
    entry->operations.push_back(op);
    g->new_link(entry, old, args);
    g->startblock = entry;
    ++n;
  }
  return n;
}

}  // namespace rpy
