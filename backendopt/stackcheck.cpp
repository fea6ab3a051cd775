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
#include <algorithm>
#include <functional>
#include <map>

#include "backendopt/backendopt.h"
#include "rtyper/lltype.h"

namespace rpy {

size_t insert_stack_checks(const std::vector<FunctionGraph*>& graphs) {
  std::map<const FunctionGraph*, size_t> index;
  for (size_t i = 0; i < graphs.size(); ++i) index[graphs[i]] = i;
  std::vector<std::vector<size_t>> callees(graphs.size());
  std::vector<bool> marked(graphs.size(), false);
  for (size_t i = 0; i < graphs.size(); ++i) {
    for (Block* b : graphs[i]->iterblocks())
      for (auto& op : b->operations) {
        if (op.opname == "indirect_call") marked[i] = true;
        if (op.opname != "direct_call" || op.args.empty() || !op.args[0]->is_const()) continue;
        auto* c = static_cast<Constant*>(op.args[0]);
        if (c->llkind != Constant::Graph) continue;
        auto it = index.find(static_cast<const FunctionGraph*>(c->llptr));
        if (it == index.end()) continue;
        if (it->second == i) marked[i] = true;  // calls itself
        callees[i].push_back(it->second);
      }
  }
  // Tarjan's strongly connected components, iteratively (call graphs of
  // large programs are deep).
  std::vector<int> num(graphs.size(), -1), low(graphs.size(), 0);
  std::vector<bool> on_stack(graphs.size(), false);
  std::vector<size_t> stack;
  int counter = 0;
  for (size_t root = 0; root < graphs.size(); ++root) {
    if (num[root] >= 0) continue;
    std::vector<std::pair<size_t, size_t>> work{{root, 0}};
    num[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!work.empty()) {
      auto& [v, next] = work.back();
      if (next < callees[v].size()) {
        size_t w = callees[v][next++];
        if (num[w] < 0) {
          num[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          work.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], num[w]);
        }
        continue;
      }
      if (low[v] == num[v]) {
        std::vector<size_t> comp;
        size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          comp.push_back(w);
        } while (w != v);
        if (comp.size() > 1)
          for (size_t x : comp) marked[x] = true;
      }
      size_t done = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
    }
  }
  size_t n = 0;
  for (size_t i = 0; i < graphs.size(); ++i) {
    if (!marked[i]) continue;
    FunctionGraph* g = graphs[i];
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
