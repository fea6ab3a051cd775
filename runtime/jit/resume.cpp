#include "runtime/jit/resume.h"

#include <cstring>
#include <unordered_map>
#include <unordered_set>

namespace rpy::jit {

std::vector<const Value*> resume_leaves(const std::vector<Value*>& fail_args) {
  std::vector<const Value*> out;
  std::unordered_set<const Value*> seen;
  std::function<void(const Value*)> walk = [&](const Value* v) {
    if (v->is_const() || !seen.insert(v).second) return;
    if (const VirtualValue* vv = VirtualValue::cast(v)) {
      for (const Value* item : vv->items) walk(item);
      return;
    }
    out.push_back(v);
  };
  for (const Value* v : fail_args) walk(v);
  return out;
}

std::vector<RtValue> resume_fail_args(const std::vector<Value*>& fail_args, JitHeap& heap,
                                      const std::function<RtValue(const Value*)>& read) {
  std::unordered_map<const VirtualValue*, void*> built;
  std::function<RtValue(const Value*)> value = [&](const Value* v) -> RtValue {
    if (const Const* c = Const::cast(v)) return c->rt_value();
    const VirtualValue* vv = VirtualValue::cast(v);
    if (!vv) return read(v);
    if (auto it = built.find(vv); it != built.end()) return RtValue::of_ref(it->second);
    char* obj;
    int64_t first_item;
    if (const StructDescr* s = vv->struct_descr()) {
      obj = static_cast<char*>(heap.new_struct(*s));
      first_item = layout::kHeaderSize;
    } else {
      const ArrayDescr& a = *vv->array_descr();
      obj = static_cast<char*>(heap.new_array(a, static_cast<int64_t>(vv->items.size())));
      first_item = a.items_offset();
    }
    built[vv] = obj;  // before the items: a cycle refers back to it
    for (size_t k = 0; k < vv->items.size(); k++) {
      RtValue item = value(vv->items[k]);
      std::memcpy(obj + first_item + layout::kWordSize * static_cast<int64_t>(k), &item.i, 8);
    }
    return RtValue::of_ref(obj);
  };
  std::vector<RtValue> out;
  out.reserve(fail_args.size());
  for (const Value* v : fail_args) out.push_back(value(v));
  return out;
}

}  // namespace rpy::jit
