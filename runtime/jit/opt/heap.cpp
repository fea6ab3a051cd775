// The heap cache (RPython's heap.py), for objects that are not virtual:
//  - getfield/getarrayitem remember the value read, setfield/setarrayitem
//    the value written, so a later read of the same place is no load;
//  - a store of the value the place already holds is dropped;
//  - setfield is delayed: a second store to the same place before anything
//    can observe the first makes the first dead. Delayed stores are emitted
//    before guards, calls, overflow checks, reads that may alias them, and
//    the end of the trace or a label.
// Two different references may point to one object, so a store to field f
// forgets what was known about f of every other object; a call forgets what
// its EffectInfo says it may write (everything, unless writes= lists it).
#include <unordered_map>

#include "runtime/jit/opt/optimizeopt.h"

namespace rpy::jit::opt {

namespace {

struct Entry {
  Value* obj;
  Value* index;  // arrays: the index value (often a constant); null for fields
  Value* value;
};

class OptHeap final : public Optimization {
 public:
  std::string_view name() const override { return "heap"; }

  void reset() override {
    cache_.clear();
    pending_.clear();
  }

  void flush() override {
    std::vector<Op*> ops;
    ops.swap(pending_);
    for (Op* op : ops)
      if (op) next(op);
  }

  void propagate(Op* op) override {
    const OpInfo& info = op->info();
    switch (op->opcode()) {
      case Opcode::getfield_gc_i:
      case Opcode::getfield_gc_r:
      case Opcode::getfield_gc_f: {
        Value* obj = ctx->resolve(op->args[0]);
        if (Entry* e = find(op->descr, obj, nullptr)) {
          ctx->forward(op, e->value);
          return;
        }
        flush_descr(op->descr);  // a delayed store to an alias would be read
        next(op);
        remember(op->descr, obj, nullptr, op);
        ctx->set_known_type(obj, op->field_descr()->owner());
        return;
      }
      case Opcode::setfield_gc: {
        Value* obj = ctx->resolve(op->args[0]);
        Value* value = ctx->resolve(op->args[1]);
        Entry* e = find(op->descr, obj, nullptr);
        if (e && ctx->resolve(e->value) == value) return;  // stores what is there
        // The earlier delayed store to the same place is dead.
        for (Op*& p : pending_)
          if (p && p->descr == op->descr && ctx->resolve(p->args[0]) == obj) p = nullptr;
        invalidate(op->descr, obj, nullptr);
        remember(op->descr, obj, nullptr, value);
        ctx->set_known_type(obj, op->field_descr()->owner());
        pending_.push_back(op);
        return;
      }
      case Opcode::getarrayitem_gc_i:
      case Opcode::getarrayitem_gc_r:
      case Opcode::getarrayitem_gc_f: {
        Value* obj = ctx->resolve(op->args[0]);
        Value* index = ctx->resolve(op->args[1]);
        if (Entry* e = find(op->descr, obj, index)) {
          ctx->forward(op, e->value);
          return;
        }
        next(op);
        remember(op->descr, obj, index, op);
        ctx->set_known_type(obj, op->descr);
        return;
      }
      case Opcode::setarrayitem_gc: {
        Value* obj = ctx->resolve(op->args[0]);
        Value* index = ctx->resolve(op->args[1]);
        Value* value = ctx->resolve(op->args[2]);
        Entry* e = find(op->descr, obj, index);
        if (e && ctx->resolve(e->value) == value) return;
        next(op);  // array stores are not delayed
        invalidate(op->descr, obj, index);
        remember(op->descr, obj, index, value);
        ctx->set_known_type(obj, op->descr);
        return;
      }
      case Opcode::arraylen_gc:
        next(op);
        ctx->set_known_type(op->args[0], op->descr);
        return;
      case Opcode::new_:
      case Opcode::new_with_vtable:
      case Opcode::new_array:
        next(op);
        ctx->set_known_type(op, op->descr);
        return;
      default: break;
    }
    if (info.is_call()) {
      flush();  // the callee may read anything
      next(op);
      const EffectInfo& effects = op->call_descr()->effects();
      if (effects.is_elidable()) return;
      if (effects.writes_anything) cache_.clear();
      else
        for (const Descr* d : effects.writes) cache_.erase(d);
      return;
    }
    // Not between an ovf op or a call and the guard reading what it left.
    if ((info.is_guard() && !info.has(ReadsOverflow) && !info.has(ReadsException)) || info.is_ovf()) flush();
    next(op);
  }

  void export_short(std::vector<ShortOp>& out, const std::unordered_set<const Value*>& allowed) override {
    for (auto& [descr, entries] : cache_)
      for (const Entry& e : entries) {
        Value* obj = ctx->resolve(e.obj);
        if (!allowed.count(obj)) continue;
        Value* value = ctx->resolve(e.value);
        if (obj->is_const() || ctx->vinfo(value) || value->is_const()) continue;
        if (!e.index) {
          const FieldDescr* f = static_cast<const FieldDescr*>(descr);
          out.push_back({getfield_for(f->kind()), {obj}, const_cast<Descr*>(descr), value});
        } else if (e.index->is_const()) {
          const ArrayDescr* a = static_cast<const ArrayDescr*>(descr);
          out.push_back({getarrayitem_for(a->item_kind()), {obj, e.index}, const_cast<Descr*>(descr), value});
        }
      }
  }

  void import_short(const ShortOp& s) override {
    switch (s.opcode) {
      case Opcode::getfield_gc_i:
      case Opcode::getfield_gc_r:
      case Opcode::getfield_gc_f: remember(s.descr, s.args[0], nullptr, s.result); break;
      case Opcode::getarrayitem_gc_i:
      case Opcode::getarrayitem_gc_r:
      case Opcode::getarrayitem_gc_f: remember(s.descr, s.args[0], s.args[1], s.result); break;
      default: break;
    }
  }

 private:
  Entry* find(const Descr* d, Value* obj, Value* index) {
    auto it = cache_.find(d);
    if (it == cache_.end()) return nullptr;
    for (Entry& e : it->second)
      if (ctx->resolve(e.obj) == obj && (!index || ctx->resolve(e.index) == index)) return &e;
    return nullptr;
  }

  void remember(const Descr* d, Value* obj, Value* index, Value* value) {
    auto& entries = cache_[d];
    for (Entry& e : entries)
      if (ctx->resolve(e.obj) == obj && (!index || ctx->resolve(e.index) == index)) {
        e.value = value;
        return;
      }
    entries.push_back({obj, index, value});
  }

  // A store to (obj, index) of d: forget every entry that may be the same place.
  void invalidate(const Descr* d, Value* obj, Value* index) {
    auto it = cache_.find(d);
    if (it == cache_.end()) return;
    auto& entries = it->second;
    const Const* ci = index ? Const::cast(index) : nullptr;
    size_t keep = 0;
    for (Entry& e : entries) {
      bool same = ctx->resolve(e.obj) == obj && (!index || ctx->resolve(e.index) == index);
      bool distinct_index = ci && Const::cast(ctx->resolve(e.index)) && !(Const::cast(ctx->resolve(e.index))->same_constant(*ci));
      if (same || distinct_index) entries[keep++] = e;
    }
    entries.resize(keep);
  }

  // Emits the delayed stores to field d (a read of d on some object comes).
  void flush_descr(const Descr* d) {
    bool any = false;
    for (Op* p : pending_)
      if (p && p->descr == d) any = true;
    if (!any) return;
    std::vector<Op*> keep;
    std::vector<Op*> ops;
    ops.swap(pending_);
    for (Op* p : ops) {
      if (!p) continue;
      if (p->descr == d) next(p);
      else keep.push_back(p);
    }
    pending_.insert(pending_.begin(), keep.begin(), keep.end());
  }

  std::unordered_map<const Descr*, std::vector<Entry>> cache_;
  std::vector<Op*> pending_;  // delayed setfields, in order (null: dead)
};

}  // namespace

std::unique_ptr<Optimization> make_heap() { return std::make_unique<OptHeap>(); }

}  // namespace rpy::jit::opt
