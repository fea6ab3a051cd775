// The call graph of direct calls between graphs: which graphs are on a
// cycle of calls (a graph calling itself included), and an order with
// callees before their callers. The inliner (bottom-up, never into a
// recursive graph) and the stack checks (at the entry of recursive graphs)
// read it.
#include <algorithm>
#include <unordered_map>

#include "backendopt/backendopt.h"

namespace rpy {

FunctionGraph* called_graph(const SpaceOperation& op) {
  if (op.opname != "direct_call" || op.args.empty()) return nullptr;
  auto* fn = dynamic_cast<Constant*>(op.args[0]);
  if (!fn || fn->llkind != Constant::Graph || !fn->llptr) return nullptr;
  return const_cast<FunctionGraph*>(static_cast<const FunctionGraph*>(fn->llptr));
}

CallGraph::CallGraph(const std::vector<FunctionGraph*>& graphs) {
  std::unordered_map<FunctionGraph*, std::vector<FunctionGraph*>> callees;
  std::unordered_set<FunctionGraph*> known(graphs.begin(), graphs.end());
  for (FunctionGraph* g : graphs)
    for (Block* b : g->iterblocks())
      for (auto& op : b->operations)
        if (FunctionGraph* c = called_graph(op); c && known.count(c)) callees[g].push_back(c);
  // Tarjan's strongly connected components, which come out callees first;
  // iterative, as call chains of large programs are deep.
  std::unordered_map<FunctionGraph*, int> index, low;
  std::unordered_set<FunctionGraph*> onstack;
  std::vector<FunctionGraph*> stack;
  int counter = 0;
  auto enter = [&](FunctionGraph* v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    onstack.insert(v);
  };
  for (FunctionGraph* root : graphs) {
    if (index.count(root)) continue;
    std::vector<std::pair<FunctionGraph*, size_t>> work{{root, 0}};  // a graph, its next callee
    enter(root);
    while (!work.empty()) {
      auto& [v, next] = work.back();
      const std::vector<FunctionGraph*>& out = callees[v];
      if (next < out.size()) {
        FunctionGraph* w = out[next++];
        if (!index.count(w)) {
          enter(w);
          work.push_back({w, 0});
        } else if (onstack.count(w)) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<FunctionGraph*> scc;
        FunctionGraph* w;
        do {
          w = stack.back();
          stack.pop_back();
          onstack.erase(w);
          scc.push_back(w);
        } while (w != v);
        bool self = std::count(out.begin(), out.end(), v) > 0;
        for (FunctionGraph* x : scc) {
          if (scc.size() > 1 || self) recursive.insert(x);
          bottom_up.push_back(x);
        }
      }
      FunctionGraph* done = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
    }
  }
}

}  // namespace rpy
