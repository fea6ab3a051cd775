// Common subexpression elimination inside each block: a pure operation
// (rtyper/llop.cpp: no effects, no memory dependency) on the
// same arguments as an earlier one reuses its result; a getfield of a
// field already read or written (setfield forwards the stored value) reuses
// that value until something may change it; getarraysize of an array
// already measured reuses the size (a GC array never changes length).
//
// What may change a remembered field: a setfield of the same field name on
// any object (it may alias), and any call or container operation that is
// not known pure (it may write anything). An allocation writes no existing
// object, so it keeps what is known. Reusing a GC pointer across a
// collection point is safe: the GC transform runs afterwards and roots
// every pointer live across one.
#include <string>
#include <unordered_map>

#include "backendopt/backendopt.h"
#include "rtyper/llop.h"

namespace rpy {

namespace {

std::string value_key(const Value* v) {
  if (!v->is_const()) return "v" + std::to_string(reinterpret_cast<uintptr_t>(v));
  auto* c = static_cast<const Constant*>(v);
  // Constants are separate objects per use: compare what they denote.
  return "c" + std::to_string(reinterpret_cast<uintptr_t>(c->concretetype)) + ":" + std::to_string(c->llkind) + ":" +
         std::to_string(reinterpret_cast<uintptr_t>(c->llptr)) + ":" + c->llrepr + ":" + c->value.repr() + ":" +
         std::to_string(c->value.kind);
}

std::string op_key(const std::string& name, const std::vector<Value*>& args, size_t n) {
  std::string k = name;
  for (size_t i = 0; i < n && i < args.size(); ++i) k += "|" + value_key(args[i]);
  return k;
}

bool keeps_memory(const std::string& name) {
  return name == "malloc" || name == "malloc_varsize" || name == "getfield" || name == "getarrayitem" ||
         name == "getarraysize" || name == "isinstance_range";
}

}  // namespace

size_t common_subexpressions(FunctionGraph* g) {
  size_t replaced = 0;
  for (Block* b : g->iterblocks()) {
    std::unordered_map<std::string, Value*> pure;    // op key -> result
    std::unordered_map<std::string, Value*> fields;  // getfield key -> value
    std::unordered_map<std::string, std::vector<std::string>> by_field;  // field -> keys in `fields`
    std::unordered_map<Value*, Value*> subst;
    auto S = [&](Value* v) {
      auto it = subst.find(v);
      return it == subst.end() ? v : it->second;
    };
    std::vector<SpaceOperation> kept;
    kept.reserve(b->operations.size());
    // The operation whose exception the exception exit catches stays: the
    // exits would have to change with it.
    const SpaceOperation* guarded = b->canraise() && !b->operations.empty() ? &b->operations.back() : nullptr;
    for (auto& op : b->operations) {
      for (auto& a : op.args) a = S(a);
      const LLOpInfo* info = llop_info(op.opname);
      // A pure operation that can raise (int_index_check, the _ovf and _zer
      // arithmetic) raises on the same arguments every time: when an
      // earlier one did not, this one does not either. That removes the
      // second bounds check of `l[i] = l[i] + 1` (a load's and a store's
      // check test the same condition; only their messages differ).
      if (info && info->pure && op.result && (!info->canraise || &op != guarded)) {
        const std::string& kname = op.opname == "int_index_check_set" ? std::string("int_index_check") : op.opname;
        std::string k = op_key(kname, op.args, op.args.size());
        auto [it, fresh] = pure.emplace(k, op.result);
        if (!fresh && it->second->concretetype == op.result->concretetype) {
          subst[op.result] = it->second;
          ++replaced;
          continue;
        }
      } else if (op.opname == "getfield" && op.args.size() == 2 && op.result) {
        std::string field = value_key(op.args[1]);
        std::string k = op_key("getfield", op.args, 2);
        if (auto it = fields.find(k); it != fields.end() && it->second->concretetype == op.result->concretetype) {
          subst[op.result] = it->second;
          ++replaced;
          continue;
        }
        fields[k] = op.result;
        by_field[field].push_back(k);
      } else if (op.opname == "getarraysize" && op.args.size() == 1 && op.result) {
        std::string k = op_key("getarraysize", op.args, 1);
        auto [it, fresh] = pure.emplace(k, op.result);
        if (!fresh) {
          subst[op.result] = it->second;
          ++replaced;
          continue;
        }
      } else if (op.opname == "malloc_varsize" && op.args.size() == 2 && op.result) {
        // The size of a new array is its length argument (a fixed-size
        // list's len(), and bounds checks constant folding then drops).
        pure[op_key("getarraysize", {op.result}, 1)] = op.args[1];
      } else if (op.opname == "setfield" && op.args.size() == 3) {
        std::string field = value_key(op.args[1]);
        for (auto& k : by_field[field]) fields.erase(k);
        by_field[field].clear();
        // What the next read of this very field gets, unless the stored
        // value's low-level type differs from the field's (then re-read).
        std::string k = op_key("getfield", op.args, 2);
        fields[k] = op.args[2];
        by_field[field].push_back(k);
      } else if (!keeps_memory(op.opname)) {
        fields.clear();
        by_field.clear();
      }
      kept.push_back(std::move(op));
    }
    b->operations = std::move(kept);
    if (subst.empty()) continue;
    if (b->exitswitch) b->exitswitch = S(b->exitswitch);
    for (Link* l : b->exits)
      for (auto& a : l->args) a = S(a);
  }
  return replaced;
}

}  // namespace rpy
