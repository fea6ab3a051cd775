// Local rewrites (RPython's rewrite.py): constant folding of pure
// operations, algebraic identities, and guards: guards implied by what is
// already known disappear, guard_value makes its value a constant for the
// rest of the trace, guard_value on a boolean becomes guard_true/false, and
// guard_nonnull directly followed by guard_class on the same value becomes
// one guard_nonnull_class (which exits through the guard_nonnull's exit, as
// in RPython: both resume the interpreter before the same operations).
#include <cmath>

#include "runtime/jit/opt/optimizeopt.h"

namespace rpy::jit::opt {

namespace {

int64_t wrap(uint64_t v) { return static_cast<int64_t>(v); }

// The value of a pure operation on constants; false when it cannot be
// computed here (undefined behaviour is left to run time).
bool fold(Opcode opc, const std::vector<const Const*>& c, RtValue& r) {
  auto I = [&](size_t k) { return c[k]->int_value(); };
  auto F = [&](size_t k) { return c[k]->float_value(); };
  auto U = [&](size_t k) { return static_cast<uint64_t>(c[k]->int_value()); };
  auto set_i = [&](int64_t v) { r = RtValue::of_int(v); return true; };
  auto set_f = [&](double v) { r = RtValue::of_float(v); return true; };
  switch (opc) {
    case Opcode::int_add: return set_i(wrap(U(0) + U(1)));
    case Opcode::int_sub: return set_i(wrap(U(0) - U(1)));
    case Opcode::int_mul: return set_i(wrap(U(0) * U(1)));
    case Opcode::int_and: return set_i(I(0) & I(1));
    case Opcode::int_or: return set_i(I(0) | I(1));
    case Opcode::int_xor: return set_i(I(0) ^ I(1));
    case Opcode::int_lshift: return I(1) >= 0 && I(1) <= 63 && set_i(wrap(U(0) << I(1)));
    case Opcode::int_rshift: return I(1) >= 0 && I(1) <= 63 && set_i(I(0) >> I(1));
    case Opcode::uint_rshift: return I(1) >= 0 && I(1) <= 63 && set_i(wrap(U(0) >> I(1)));
    case Opcode::int_neg: return set_i(wrap(0 - U(0)));
    case Opcode::int_invert: return set_i(~I(0));
    case Opcode::int_lt: return set_i(I(0) < I(1));
    case Opcode::int_le: return set_i(I(0) <= I(1));
    case Opcode::int_eq: return set_i(I(0) == I(1));
    case Opcode::int_ne: return set_i(I(0) != I(1));
    case Opcode::int_gt: return set_i(I(0) > I(1));
    case Opcode::int_ge: return set_i(I(0) >= I(1));
    case Opcode::uint_lt: return set_i(U(0) < U(1));
    case Opcode::uint_le: return set_i(U(0) <= U(1));
    case Opcode::uint_gt: return set_i(U(0) > U(1));
    case Opcode::uint_ge: return set_i(U(0) >= U(1));
    case Opcode::int_is_true: return set_i(I(0) != 0);
    case Opcode::int_is_zero: return set_i(I(0) == 0);
    case Opcode::float_add: return set_f(F(0) + F(1));
    case Opcode::float_sub: return set_f(F(0) - F(1));
    case Opcode::float_mul: return set_f(F(0) * F(1));
    case Opcode::float_truediv: return set_f(F(0) / F(1));
    case Opcode::float_neg: return set_f(-F(0));
    case Opcode::float_abs: return set_f(std::fabs(F(0)));
    case Opcode::float_lt: return set_i(F(0) < F(1));
    case Opcode::float_le: return set_i(F(0) <= F(1));
    case Opcode::float_eq: return set_i(F(0) == F(1));
    case Opcode::float_ne: return set_i(F(0) != F(1));
    case Opcode::float_gt: return set_i(F(0) > F(1));
    case Opcode::float_ge: return set_i(F(0) >= F(1));
    case Opcode::cast_int_to_float: return set_f(static_cast<double>(I(0)));
    case Opcode::cast_float_to_int: {
      double x = F(0);
      if (!(x > -9223372036854775809.0 && x < 9223372036854775808.0)) return false;
      return set_i(static_cast<int64_t>(x));
    }
    case Opcode::ptr_eq: r = RtValue::of_int(c[0]->ref_value() == c[1]->ref_value()); return true;
    case Opcode::ptr_ne: r = RtValue::of_int(c[0]->ref_value() != c[1]->ref_value()); return true;
    default: return false;
  }
}

class OptRewrite final : public Optimization {
 public:
  std::string_view name() const override { return "rewrite"; }

  void propagate(Op* op) override {
    for (Value*& a : op->args) a = ctx->resolve(a);
    const OpInfo& info = op->info();
    if (info.is_always_pure() && op->opcode() != Opcode::arraylen_gc) {
      std::vector<const Const*> consts;
      for (Value* a : op->args)
        if (const Const* c = Const::cast(a)) consts.push_back(c);
      RtValue r;
      if (consts.size() == op->args.size() && !op->args.empty() && fold(op->opcode(), consts, r)) {
        replace(op, ctx->out.constant(r));
        return;
      }
      if (Value* v = identity(op)) {
        replace(op, v);
        return;
      }
      if (Op* strength = strength_reduce(op)) {
        ctx->forward(op, strength);
        next(strength);
        return;
      }
    }
    if (info.is_guard()) {
      guard(op);
      return;
    }
    next(op);
  }

 private:
  void replace(Op* op, Value* v) { ctx->forward(op, v); }

  Op* def(Value* v) {
    ValueInfo* i = ctx->info(v);
    return i ? i->defining : nullptr;
  }
  static bool is_int(Value* v, int64_t n) {
    const Const* c = Const::cast(v);
    return c && c->kind() == Kind::Int && !c->class_descr() && c->int_value() == n;
  }

  // A value `op` is equal to, or null.
  Value* identity(Op* op) {
    Value* a = op->args.size() > 0 ? op->args[0] : nullptr;
    Value* b = op->args.size() > 1 ? op->args[1] : nullptr;
    switch (op->opcode()) {
      case Opcode::same_as_i:
      case Opcode::same_as_r:
      case Opcode::same_as_f: return a;
      case Opcode::int_add:
        if (is_int(b, 0)) return a;
        if (is_int(a, 0)) return b;
        if (Op* d = def(a); d && d->opcode() == Opcode::int_sub && d->args[1] == b) return d->args[0];  // (x - y) + y
        if (Op* d = def(b); d && d->opcode() == Opcode::int_sub && d->args[1] == a) return d->args[0];
        return nullptr;
      case Opcode::int_sub:
        if (is_int(b, 0)) return a;
        if (a == b) return ctx->make_constant(0);
        if (Op* d = def(a); d && d->opcode() == Opcode::int_add) {  // (x + y) - y
          if (d->args[1] == b) return d->args[0];
          if (d->args[0] == b) return d->args[1];
        }
        return nullptr;
      case Opcode::int_mul:
        if (is_int(b, 1)) return a;
        if (is_int(a, 1)) return b;
        if (is_int(a, 0) || is_int(b, 0)) return ctx->make_constant(0);
        return nullptr;
      case Opcode::int_and:
        if (a == b || is_int(b, -1)) return a;
        if (is_int(a, -1)) return b;
        if (is_int(a, 0) || is_int(b, 0)) return ctx->make_constant(0);
        return nullptr;
      case Opcode::int_or:
        if (a == b || is_int(b, 0)) return a;
        if (is_int(a, 0)) return b;
        if (is_int(a, -1) || is_int(b, -1)) return ctx->make_constant(-1);
        return nullptr;
      case Opcode::int_xor:
        if (is_int(b, 0)) return a;
        if (is_int(a, 0)) return b;
        if (a == b) return ctx->make_constant(0);
        return nullptr;
      case Opcode::int_lshift:
      case Opcode::int_rshift:
      case Opcode::uint_rshift:
        if (is_int(b, 0)) return a;
        if (is_int(a, 0)) return ctx->make_constant(0);
        return nullptr;
      case Opcode::int_neg:
      case Opcode::int_invert:
      case Opcode::float_neg:
        if (Op* d = def(a); d && d->opcode() == op->opcode()) return d->args[0];  // -(-x)
        return nullptr;
      case Opcode::float_mul:
        if (const Const* c = Const::cast(b); c && c->float_value() == 1.0) return a;
        if (const Const* c = Const::cast(a); c && c->float_value() == 1.0) return b;
        return nullptr;
      case Opcode::int_eq:
      case Opcode::int_le:
      case Opcode::int_ge:
      case Opcode::uint_le:
      case Opcode::uint_ge:
        if (a == b) return ctx->make_constant(1);
        return nullptr;
      case Opcode::int_ne:
      case Opcode::int_lt:
      case Opcode::int_gt:
      case Opcode::uint_lt:
      case Opcode::uint_gt:
        if (a == b) return ctx->make_constant(0);
        return nullptr;
      case Opcode::int_is_true:
        if (Op* d = def(a); d && d->info().is_comparison()) return a;  // already 0 or 1
        return nullptr;
      case Opcode::ptr_eq:
      case Opcode::ptr_ne: {
        int eq = -1;
        if (a == b) eq = 1;
        else if (ctx->vinfo(a) || ctx->vinfo(b)) eq = 0;  // a virtual is only itself
        else if ((Const::cast(b) && Const::cast(b)->is_null() && ctx->is_nonnull(a)) ||
                 (Const::cast(a) && Const::cast(a)->is_null() && ctx->is_nonnull(b)))
          eq = 0;
        if (eq < 0) return nullptr;
        return ctx->make_constant(op->opcode() == Opcode::ptr_eq ? eq : !eq);
      }
      default: return nullptr;
    }
  }

  // x * 2^k => x << k
  Op* strength_reduce(Op* op) {
    if (op->opcode() != Opcode::int_mul) return nullptr;
    Value* x = op->args[0];
    const Const* c = Const::cast(op->args[1]);
    if (!c) {
      c = Const::cast(op->args[0]);
      x = op->args[1];
    }
    if (!c || c->class_descr() || c->int_value() <= 1 || (c->int_value() & (c->int_value() - 1))) return nullptr;
    Op* shift = ctx->make(Opcode::int_lshift, {x, ctx->make_constant(__builtin_ctzll(c->int_value()))});
    shift->name = op->name;
    return shift;
  }

  const StructDescr* class_of(Value* c) {
    const Const* k = Const::cast(c);
    return k ? k->class_descr() : nullptr;
  }
  static int64_t type_id(const Descr* d) {
    if (!d) return -1;
    if (d->type() == Descr::Type::Struct) return static_cast<const StructDescr*>(d)->type_id();
    if (d->type() == Descr::Type::Array) return static_cast<const ArrayDescr*>(d)->type_id();
    return -1;
  }

  void guard(Op* op) {
    Value* a = op->args.empty() ? nullptr : op->args[0];
    switch (op->opcode()) {
      case Opcode::guard_true:
      case Opcode::guard_false: {
        bool want = op->opcode() == Opcode::guard_true;
        if (const Const* c = Const::cast(a); c && (c->int_value() != 0) == want) return;
        next(op);
        if (!want) ctx->forward(a, ctx->make_constant(0));
        else if (Op* d = def(a); d && d->info().is_comparison()) ctx->forward(a, ctx->make_constant(1));
        return;
      }
      case Opcode::guard_value: {
        Value* c = op->args[1];
        if (const Const* x = Const::cast(a)) {
          if (const Const* y = Const::cast(c); y && x->same_constant(*y)) return;
        }
        Op* d = def(a);
        if (a->kind() == Kind::Int && d && d->info().is_comparison() && (is_int(c, 0) || is_int(c, 1))) {
          Op* g = ctx->make(is_int(c, 1) ? Opcode::guard_true : Opcode::guard_false, {a}, op->descr);
          g->fail_args = op->fail_args;
          g->source_line = op->source_line;
          guard(g);
          return;
        }
        next(op);
        if (Const::cast(c)) ctx->forward(a, c);
        return;
      }
      case Opcode::guard_nonnull:
        if (ctx->is_nonnull(a)) return;
        next(op);
        ctx->set_nonnull(a);
        return;
      case Opcode::guard_isnull:
        if (const Const* c = Const::cast(a); c && c->is_null()) return;
        next(op);
        if (!ctx->is_nonnull(a)) ctx->forward(a, ctx->out.const_null());
        return;
      case Opcode::guard_class:
      case Opcode::guard_nonnull_class: {
        const StructDescr* cls = class_of(op->args[1]);
        const Descr* known = ctx->known_type(a);
        if (known && cls && known == cls) return;  // implied by an earlier guard or allocation
        if (known || (Const::cast(a))) {  // a known other type (or a constant): always fails; keep it
          next(op);
          return;
        }
        if (op->opcode() == Opcode::guard_class && !ctx->out.ops.empty()) {
          Op* last = ctx->out.ops.back();
          if (last->opcode() == Opcode::guard_nonnull && last->args[0] == a) {
            // guard_nonnull(p) + guard_class(p, C) => guard_nonnull_class(p, C)
            Op* merged = ctx->make(Opcode::guard_nonnull_class, {a, op->args[1]}, last->descr);
            merged->fail_args = last->fail_args;
            merged->source_line = last->source_line;
            ctx->out.ops.back() = merged;
            if (cls) ctx->set_known_type(a, cls);
            return;
          }
        }
        next(op);
        if (cls) ctx->set_known_type(a, cls);
        else ctx->set_nonnull(a);
        return;
      }
      default: next(op); return;
    }
  }
};

}  // namespace

std::unique_ptr<Optimization> make_rewrite() { return std::make_unique<OptRewrite>(); }

}  // namespace rpy::jit::opt
