// Allocation removal (RPython's virtualize.py). `new`, `new_with_vtable`
// and `new_array` with a constant length make a *virtual*: no allocation
// is emitted; the optimizer tracks the object's fields (VirtualInfo) and
// folds getfield/setfield/getarrayitem/setarrayitem/arraylen on it. A
// virtual stays virtual until it escapes: used as an argument of an
// emitted operation (a call, a store into a real object, jump, finish,
// a label), where OptContext::force() emits the allocation and its
// non-zero fields just before that operation. A guard whose fail
// arguments hold a virtual records it as resume data (VirtualValue), so
// the executor can rebuild the object if the guard fails.
#include "runtime/jit/opt/optimizeopt.h"

namespace rpy::jit::opt {

namespace {

// Longer constant-length arrays are allocated normally.
constexpr int64_t kMaxVirtualArray = 64;

class OptVirtualize final : public Optimization {
 public:
  std::string_view name() const override { return "virtualize"; }

  void propagate(Op* op) override {
    switch (op->opcode()) {
      case Opcode::new_:
      case Opcode::new_with_vtable:
        ctx->make_virtual(op, op->descr, op->opcode(), op->struct_descr()->fields().size());
        return;
      case Opcode::new_array:
        if (const Const* n = ctx->as_const(op->args[0]); n && n->int_value() >= 0 && n->int_value() <= kMaxVirtualArray) {
          op->args[0] = const_cast<Const*>(n);
          ctx->make_virtual(op, op->descr, op->opcode(), static_cast<size_t>(n->int_value()));
          return;
        }
        next(op);
        ctx->set_known_type(op, op->descr);
        return;
      case Opcode::getfield_gc_i:
      case Opcode::getfield_gc_r:
      case Opcode::getfield_gc_f:
        if (VirtualInfo* vi = virtual_struct(op)) {
          Value* item = vi->items[field_index(op)];
          ctx->forward(op, item ? item : ctx->zero(op->kind()));
          return;
        }
        break;
      case Opcode::setfield_gc:
        if (VirtualInfo* vi = virtual_struct(op)) {
          vi->items[field_index(op)] = ctx->resolve(op->args[1]);
          return;
        }
        break;
      case Opcode::getarrayitem_gc_i:
      case Opcode::getarrayitem_gc_r:
      case Opcode::getarrayitem_gc_f:
        if (VirtualInfo* vi = virtual_array(op)) {
          if (int64_t k = const_index(op, vi); k >= 0) {
            Value* item = vi->items[k];
            ctx->forward(op, item ? item : ctx->zero(op->kind()));
            return;
          }
        }
        break;
      case Opcode::setarrayitem_gc:
        if (VirtualInfo* vi = virtual_array(op)) {
          if (int64_t k = const_index(op, vi); k >= 0) {
            vi->items[k] = ctx->resolve(op->args[2]);
            return;
          }
        }
        break;
      case Opcode::arraylen_gc:
        if (VirtualInfo* vi = virtual_array(op)) {
          ctx->forward(op, ctx->make_constant(static_cast<int64_t>(vi->items.size())));
          return;
        }
        break;
      case Opcode::guard_nonnull:
        if (ctx->vinfo(op->args[0])) return;
        break;
      case Opcode::guard_class:
      case Opcode::guard_nonnull_class:
        if (VirtualInfo* vi = ctx->vinfo(op->args[0])) {
          const Const* c = ctx->as_const(op->args[1]);
          if (c && vi->struct_descr() && c->int_value() == vi->struct_descr()->type_id()) return;
        }
        break;
      default: break;
    }
    next(op);
  }

 private:
  VirtualInfo* virtual_struct(Op* op) {
    VirtualInfo* vi = ctx->vinfo(op->args[0]);
    // A field of another struct on a virtual is undefined behaviour: leave it to run time.
    if (!vi || vi->descr != op->field_descr()->owner()) return nullptr;
    return vi;
  }
  static size_t field_index(Op* op) {
    return static_cast<size_t>((op->field_descr()->offset() - layout::kHeaderSize) / layout::kWordSize);
  }
  VirtualInfo* virtual_array(Op* op) {
    VirtualInfo* vi = ctx->vinfo(op->args[0]);
    if (!vi || vi->descr != op->descr) return nullptr;
    return vi;
  }
  int64_t const_index(Op* op, VirtualInfo* vi) {
    const Const* c = ctx->as_const(op->args[1]);
    if (!c || c->int_value() < 0 || c->int_value() >= static_cast<int64_t>(vi->items.size())) return -1;
    return c->int_value();
  }
};

}  // namespace

std::unique_ptr<Optimization> make_virtualize() { return std::make_unique<OptVirtualize>(); }

}  // namespace rpy::jit::opt
