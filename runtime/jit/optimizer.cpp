#include "runtime/jit/optimizer.h"

#include <functional>
#include <unordered_map>

namespace rpy::jit {

Trace copy_trace(const Trace& trace) {
  Trace out;
  std::unordered_map<const Value*, Value*> map;
  std::function<Value*(Value*)> mapped = [&](Value* v) -> Value* {
    if (const Const* c = Const::cast(v))
      return c->class_descr() ? out.const_class(c->class_descr()) : out.constant(c->rt_value());
    auto it = map.find(v);
    if (it != map.end()) return it->second;
    if (const VirtualValue* vv = VirtualValue::cast(v)) {  // resume data: copied deeply, sharing kept
      VirtualValue* copy = out.make_virtual(vv->descr);
      copy->name = vv->name;
      map[v] = copy;
      for (Value* item : vv->items) copy->items.push_back(mapped(item));
      return copy;
    }
    return v;  // unknown values stay; verify() reports them
  };
  for (const InputArg* a : trace.inputargs) map[a] = out.add_inputarg(a->kind(), a->name);
  for (const Op* op : trace.ops) {
    std::vector<Value*> args;
    args.reserve(op->args.size());
    for (Value* v : op->args) args.push_back(mapped(v));
    Op* copy = out.append(op->opcode(), std::move(args), op->descr);
    for (Value* v : op->fail_args) copy->fail_args.push_back(mapped(v));
    copy->name = op->name;
    copy->source_line = op->source_line;
    map[op] = copy;
  }
  return out;
}

void optimize_trace_file(Optimizer& optimizer, TraceFile& file) {
  file.loop = optimizer.optimize_loop(file.loop, *file.descrs);
  bind_labels(file.loop);
  for (auto& bridge : file.bridges) {
    bridge->trace = optimizer.optimize_bridge(bridge->trace, file.loop, *file.descrs, bridge->guard);
    bind_labels(bridge->trace);
  }
  // A guard the optimizer proved always true is gone; the bridges attached
  // to it (and to guards only inside those) can never run: drop them.
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = 0; k < file.bridges.size(); k++)
      if (!file.op_for_exit(file.bridges[k]->guard)) {
        file.bridges.erase(file.bridges.begin() + static_cast<long>(k));
        changed = true;
        break;
      }
  }
}

}  // namespace rpy::jit
