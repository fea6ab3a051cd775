#include "runtime/jit/resume.h"

#include <cstring>
#include <unordered_map>

namespace rpy::jit {

namespace {

class Builder {
 public:
  Builder(ResumeData& data, std::vector<const Value*>* leaves) : data_(data), leaves_(leaves) {}

  ResumeRef ref(const Value* v) {
    ResumeRef r;
    r.kind = v->kind();
    if (const Const* c = Const::cast(v)) {
      r.tag = ResumeRef::Tag::Const;
      r.n = c->rt_value().i;
      return r;
    }
    if (const VirtualValue* vv = VirtualValue::cast(v)) {
      r.tag = ResumeRef::Tag::Virtual;
      if (auto it = virtual_index_.find(vv); it != virtual_index_.end()) {
        r.n = it->second;
        return r;
      }
      r.n = static_cast<int64_t>(data_.virtuals.size());
      virtual_index_[vv] = r.n;  // before the items: a cycle refers back to it
      data_.virtuals.push_back(ResumeVirtual{vv->descr, {}});
      std::vector<ResumeRef> items;
      items.reserve(vv->items.size());
      for (const Value* item : vv->items) items.push_back(ref(item));
      data_.virtuals[static_cast<size_t>(r.n)].items = std::move(items);
      return r;
    }
    r.tag = ResumeRef::Tag::Leaf;
    r.n = leaf_index(v);
    return r;
  }

  size_t leaf_count() const { return leaf_list_.size(); }

 private:
  // Guards usually have few fail arguments: a linear search, until there
  // are enough leaves for a map to pay.
  int64_t leaf_index(const Value* v) {
    if (!leaf_map_.empty()) {
      auto [it, fresh] = leaf_map_.try_emplace(v, static_cast<int64_t>(leaf_list_.size()));
      if (fresh) add_leaf(v);
      return it->second;
    }
    for (size_t k = 0; k < leaf_list_.size(); k++)
      if (leaf_list_[k] == v) return static_cast<int64_t>(k);
    add_leaf(v);
    if (leaf_list_.size() > 16)
      for (size_t k = 0; k < leaf_list_.size(); k++) leaf_map_[leaf_list_[k]] = static_cast<int64_t>(k);
    return static_cast<int64_t>(leaf_list_.size() - 1);
  }
  void add_leaf(const Value* v) {
    leaf_list_.push_back(v);
    if (leaves_) leaves_->push_back(v);
  }

  ResumeData& data_;
  std::vector<const Value*>* leaves_;
  std::vector<const Value*> leaf_list_;
  std::unordered_map<const Value*, int64_t> leaf_map_;
  std::unordered_map<const VirtualValue*, int64_t> virtual_index_;
};

}  // namespace

ResumeData ResumeData::build(std::span<Value* const> fail_args, std::vector<const Value*>* leaves) {
  ResumeData data;
  Builder b(data, leaves);
  data.fail_args.reserve(fail_args.size());
  for (const Value* v : fail_args) data.fail_args.push_back(b.ref(v));
  data.n_leaves = b.leaf_count();
  return data;
}

std::vector<RtValue> ResumeData::materialize(JitHeap& heap, std::span<const RtValue> leaves) const {
  std::vector<void*> built(virtuals.size(), nullptr);
  auto value = [&](auto& self, const ResumeRef& r) -> RtValue {
    RtValue out;
    out.kind = r.kind;
    switch (r.tag) {
      case ResumeRef::Tag::Const: out.i = r.n; return out;
      case ResumeRef::Tag::Leaf: out = leaves[static_cast<size_t>(r.n)]; out.kind = r.kind; return out;
      case ResumeRef::Tag::Virtual: break;
    }
    size_t index = static_cast<size_t>(r.n);
    if (built[index]) return RtValue::of_ref(built[index]);
    const ResumeVirtual& v = virtuals[index];
    char* obj;
    int64_t first_item;
    if (v.descr->type() == Descr::Type::Struct) {
      obj = static_cast<char*>(heap.new_struct(*static_cast<const StructDescr*>(v.descr)));
      first_item = layout::kHeaderSize;
    } else {
      const auto& a = *static_cast<const ArrayDescr*>(v.descr);
      obj = static_cast<char*>(heap.new_array(a, static_cast<int64_t>(v.items.size())));
      first_item = a.items_offset();
    }
    built[index] = obj;  // before the items: a cycle refers back to it
    for (size_t k = 0; k < v.items.size(); k++) {
      RtValue item = self(self, v.items[k]);
      std::memcpy(obj + first_item + layout::kWordSize * static_cast<int64_t>(k), &item.i, 8);
    }
    return RtValue::of_ref(obj);
  };
  std::vector<RtValue> out;
  out.reserve(fail_args.size());
  for (const ResumeRef& r : fail_args) out.push_back(value(value, r));
  return out;
}

std::vector<const Value*> resume_leaves(std::span<Value* const> fail_args) {
  std::vector<const Value*> leaves;
  ResumeData::build(fail_args, &leaves);
  return leaves;
}

}  // namespace rpy::jit
