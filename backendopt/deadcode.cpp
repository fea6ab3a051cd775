#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "backendopt/backendopt.h"
#include "rtyper/externals.h"
#include "rtyper/llop.h"

namespace rpy {

const ExternalFunc* called_external(const SpaceOperation& op) {
  if (op.opname != "direct_call" || op.args.empty() || !op.args[0]->is_const()) return nullptr;
  auto* fn = static_cast<const Constant*>(op.args[0]);
  if (fn->llkind != Constant::External || !fn->llptr) return nullptr;
  return static_cast<const ExternalFunc*>(fn->llptr);
}

bool op_can_raise(const SpaceOperation& op) {
  if (op.opname == "direct_call" && !op.args.empty()) {
    if (const ExternalFunc* f = called_external(op)) return f->canraise;
    return true;
  }
  const LLOpInfo* info = llop_info(op.opname);
  return !info || info->canraise;
}

size_t remove_dead_code(FunctionGraph* g) {
  size_t removed = 0;
  for (bool changed = true; changed;) {
    changed = false;
    auto blocks = g->iterblocks();
    // Liveness from the roots (operations with effects, switches, what the
    // return and except blocks receive) backwards through the operations
    // that compute them and the links that carry them: a value that only
    // goes round a loop into more removable operations is not needed.
    // Pure operations, and reads of memory (not pure: a store between two
    // reads changes the second, but an unused read has no effect).
    auto removable = [](const SpaceOperation& op) {
      if (!op.result) return false;
      if (op.opname == "getfield" || op.opname == "getarraysize" || op.opname == "getarrayitem") return true;
      const LLOpInfo* info = llop_info(op.opname);
      return info && info->pure && !info->canraise;
    };
    std::unordered_set<Value*> needed;
    std::unordered_map<Value*, const SpaceOperation*> producer;
    std::vector<Value*> work;
    auto need = [&](Value* v) {
      if (needed.insert(v).second) work.push_back(v);
    };
    std::unordered_map<Variable*, std::vector<Value*>> incoming;  // input -> link args feeding it
    for (Block* b : blocks) {
      for (auto& op : b->operations) {
        if (removable(op)) producer[op.result] = &op;
        else for (Value* a : op.args) need(a);
      }
      if (b->exitswitch) need(b->exitswitch);
      for (Link* l : b->exits)
        for (size_t i = 0; i < l->args.size(); ++i) incoming[l->target->inputargs[i]].push_back(l->args[i]);
    }
    for (Block* b : {g->returnblock, g->exceptblock})
      for (Variable* v : b->inputargs) need(v);
    while (!work.empty()) {
      Value* v = work.back();
      work.pop_back();
      if (auto it = producer.find(v); it != producer.end())
        for (Value* a : it->second->args) need(a);
      if (auto it = incoming.find(static_cast<Variable*>(v)); !v->is_const() && it != incoming.end())
        for (Value* a : it->second) need(a);
    }
    for (Block* b : blocks) {
      auto before = b->operations.size();
      std::erase_if(b->operations,
                    [&](const SpaceOperation& op) { return removable(op) && !needed.count(op.result); });
      if (b->operations.size() != before) {
        removed += before - b->operations.size();
        changed = true;
      }
      if (b == g->startblock || b->is_final) continue;
      // Drop unneeded inputs here and the matching args on incoming links.
      std::vector<size_t> drop;
      for (size_t i = 0; i < b->inputargs.size(); ++i)
        if (!needed.count(b->inputargs[i])) drop.push_back(i);
      if (drop.empty()) continue;
      for (Block* p : blocks)
        for (Link* l : p->exits)
          if (l->target == b)
            for (size_t k = drop.size(); k-- > 0;) {
              l->args.erase(l->args.begin() + drop[k]);
              if (drop[k] < l->argpos.size()) l->argpos.erase(l->argpos.begin() + drop[k]);
            }
      for (size_t k = drop.size(); k-- > 0;) b->inputargs.erase(b->inputargs.begin() + drop[k]);
      removed += drop.size();
      changed = true;
    }
  }
  return removed;
}

size_t merge_identical_inputs(FunctionGraph* g) {
  size_t merged = 0;
  for (bool changed = true; changed;) {
    changed = false;
    auto blocks = g->iterblocks();
    std::unordered_map<Block*, std::vector<Link*>> into;
    for (Block* b : blocks)
      for (Link* l : b->exits) into[l->target].push_back(l);
    for (Block* b : blocks) {
      if (b == g->startblock || b->is_final) continue;
      const std::vector<Link*>& links = into[b];
      if (links.empty()) continue;
      size_t n = b->inputargs.size();
      std::vector<bool> drop(n, false);
      std::unordered_map<Value*, Value*> subst;
      for (size_t j = 1; j < n; ++j) {
        for (size_t i = 0; i < j && !drop[j]; ++i) {
          if (drop[i] || b->inputargs[i]->concretetype != b->inputargs[j]->concretetype) continue;
          bool same = std::all_of(links.begin(), links.end(), [&](Link* l) { return l->args[i] == l->args[j]; });
          if (!same) continue;
          drop[j] = true;
          subst[b->inputargs[j]] = b->inputargs[i];
        }
      }
      if (subst.empty()) continue;
      auto S = [&](Value*& v) {
        if (auto it = subst.find(v); it != subst.end()) v = it->second;
      };
      for (auto& op : b->operations)
        for (auto& a : op.args) S(a);
      if (b->exitswitch) S(b->exitswitch);
      for (Link* l : b->exits)
        for (auto& a : l->args) S(a);
      auto keep = [&](auto& vec) {
        size_t k = 0;
        for (size_t i = 0; i < vec.size(); ++i)
          if (i >= drop.size() || !drop[i]) vec[k++] = vec[i];
        vec.resize(k);
      };
      for (Link* l : links) {
        keep(l->args);
        if (l->argpos.size() == n) keep(l->argpos);
        else l->argpos.resize(l->args.size());
      }
      keep(b->inputargs);
      merged += subst.size();
      changed = true;
    }
  }
  return merged;
}

size_t join_blocks(FunctionGraph* g) {
  size_t merged = 0;
  auto blocks = g->iterblocks();
  std::unordered_map<Block*, int> preds;
  for (Block* b : blocks)
    for (Link* l : b->exits) preds[l->target]++;
  // Merging b into a leaves every other block's predecessor count as it was
  // (a takes b's place), so one pass suffices; a keeps absorbing while it can.
  for (Block* a : blocks) {
    while (!a->is_final && !a->exitswitch && a->exits.size() == 1) {
      Link* l = a->exits[0];
      Block* b = l->target;
      if (b == a || b->is_final || b == g->startblock || preds[b] != 1) break;
      // Codegen sends every raising operation of a canraise block to its
      // exception exit: a's own raising operations must not become caught.
      if (b->canraise() && std::any_of(a->operations.begin(), a->operations.end(), op_can_raise)) break;
      std::unordered_map<Value*, Value*> subst;
      for (size_t i = 0; i < b->inputargs.size(); ++i) subst[b->inputargs[i]] = l->args[i];
      auto S = [&](Value* v) {
        auto it = subst.find(v);
        return it == subst.end() ? v : it->second;
      };
      for (auto& op : b->operations) {
        for (auto& x : op.args) x = S(x);
        a->operations.push_back(op);
      }
      a->exitswitch = b->exitswitch ? S(b->exitswitch) : nullptr;
      a->exits = b->exits;
      for (Link* bl : a->exits) {
        bl->prevblock = a;
        for (auto& x : bl->args) x = S(x);
      }
      b->exits.clear();
      b->operations.clear();
      b->exitswitch = nullptr;
      ++merged;
    }
  }
  g->remove_unreachable();
  return merged;
}

}  // namespace rpy
