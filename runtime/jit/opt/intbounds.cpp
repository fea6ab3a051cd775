// Integer ranges (RPython's intbounds.py). Every int value gets a range
// [lo, hi]: from constants, from the arithmetic that computes it, and from
// the guards it passed (guard_true(int_lt(i, n)) bounds i by n). With the
// ranges the pass removes comparisons whose outcome they decide and
// overflow checks that cannot fail (int_add_ovf + guard_no_overflow becomes
// int_add). The ranges live in OptContext, where rewrite and unroll read them.
#include "runtime/jit/opt/optimizeopt.h"

namespace rpy::jit::opt {

namespace {

class OptIntBounds final : public Optimization {
 public:
  std::string_view name() const override { return "intbounds"; }

  void reset() override {
    drop_ovf_guard_ = false;
    last_ovf_ = nullptr;
  }

  void propagate(Op* op) override {
    switch (op->opcode()) {
      case Opcode::guard_no_overflow:
        if (drop_ovf_guard_) {  // its ovf op became plain arithmetic
          drop_ovf_guard_ = false;
          return;
        }
        next(op);
        if (last_ovf_) learn_ovf_result(last_ovf_);
        last_ovf_ = nullptr;
        return;
      case Opcode::int_add_ovf:
      case Opcode::int_sub_ovf:
      case Opcode::int_mul_ovf: {
        bool exact = false;
        arith(op->opcode(), op->args[0], op->args[1], &exact);
        const Op* after = ctx->peek_input();
        if (exact && after && after->opcode() == Opcode::guard_no_overflow) {
          Opcode plain = op->opcode() == Opcode::int_add_ovf   ? Opcode::int_add
                         : op->opcode() == Opcode::int_sub_ovf ? Opcode::int_sub
                                                               : Opcode::int_mul;
          Op* repl = ctx->make(plain, op->args);
          repl->name = op->name;
          repl->source_line = op->source_line;
          ctx->forward(op, repl);
          drop_ovf_guard_ = true;
          propagate(repl);
          return;
        }
        last_ovf_ = op;
        next(op);
        return;
      }
      case Opcode::guard_true:
      case Opcode::guard_false: {
        bool want = op->opcode() == Opcode::guard_true;
        IntBound b = ctx->bound(op->args[0]);
        if (want ? (b.lo > 0 || b.hi < 0) : b.is_const() && b.lo == 0) return;  // implied
        next(op);
        learn_bool(op->args[0], want);
        return;
      }
      default: break;
    }
    const OpInfo& info = op->info();
    if (info.is_comparison() && op->kind() == Kind::Int) {
      int decided = decide(op);
      if (decided >= 0) {
        ctx->forward(op, ctx->make_constant(decided));
        return;
      }
    }
    next(op);
    if (op->kind() == Kind::Int && op->opcode() != Opcode::int_add_ovf && op->opcode() != Opcode::int_sub_ovf &&
        op->opcode() != Opcode::int_mul_ovf)
      ctx->narrow(op, result_bound(op));
  }

 private:
  IntBound arith(Opcode opc, Value* a, Value* b, bool* exact) {
    IntBound x = ctx->bound(a), y = ctx->bound(b);
    switch (opc) {
      case Opcode::int_add:
      case Opcode::int_add_ovf: return x.add(y, exact);
      case Opcode::int_sub:
      case Opcode::int_sub_ovf: return x.sub(y, exact);
      default: return x.mul(y, exact);
    }
  }

  // The range of an ovf op's result once guard_no_overflow passed.
  void learn_ovf_result(Op* ovf) {
    bool exact = false;
    IntBound b = arith(ovf->opcode(), ovf->args[0], ovf->args[1], &exact);
    if (exact) {
      ctx->narrow(ovf, b);
      return;
    }
    // It did not overflow, so it is the exact result, clamped to int64.
    IntBound x = ctx->bound(ovf->args[0]), y = ctx->bound(ovf->args[1]);
    auto sat = [](int64_t a, int64_t b, bool add) {
      int64_t r;
      if (!(add ? __builtin_add_overflow(a, b, &r) : __builtin_sub_overflow(a, b, &r))) return r;
      return (add ? b > 0 : b < 0) ? INT64_MAX : INT64_MIN;
    };
    if (ovf->opcode() == Opcode::int_add_ovf) ctx->narrow(ovf, IntBound::range(sat(x.lo, y.lo, true), sat(x.hi, y.hi, true)));
    if (ovf->opcode() == Opcode::int_sub_ovf) ctx->narrow(ovf, IntBound::range(sat(x.lo, y.hi, false), sat(x.hi, y.lo, false)));
  }

  static int64_t mask_for(int64_t hi) {  // smallest 2^k-1 >= hi (hi >= 0)
    uint64_t m = 0;
    while (m < static_cast<uint64_t>(hi)) m = (m << 1) | 1;
    return static_cast<int64_t>(m);
  }

  IntBound result_bound(Op* op) {
    const OpInfo& info = op->info();
    if (info.is_comparison()) return IntBound::range(0, 1);
    auto arg = [&](size_t k) { return ctx->bound(op->args[k]); };
    switch (op->opcode()) {
      case Opcode::int_add:
      case Opcode::int_sub:
      case Opcode::int_mul: {
        bool exact = false;
        IntBound b = arith(op->opcode(), op->args[0], op->args[1], &exact);
        return exact ? b : IntBound{};
      }
      case Opcode::int_and: {
        IntBound x = arg(0), y = arg(1);
        if (x.nonneg() && y.nonneg()) return IntBound::range(0, std::min(x.hi, y.hi));
        if (x.nonneg()) return IntBound::range(0, x.hi);
        if (y.nonneg()) return IntBound::range(0, y.hi);
        return {};
      }
      case Opcode::int_or:
      case Opcode::int_xor: {
        IntBound x = arg(0), y = arg(1);
        if (x.nonneg() && y.nonneg()) return IntBound::range(0, mask_for(std::max(x.hi, y.hi)));
        return {};
      }
      case Opcode::int_rshift: {
        IntBound x = arg(0), c = arg(1);
        if (c.is_const() && c.lo >= 0 && c.lo <= 63) return IntBound::range(x.lo >> c.lo, x.hi >> c.lo);
        return {};
      }
      case Opcode::uint_rshift: {
        IntBound x = arg(0), c = arg(1);
        if (c.is_const() && c.lo >= 1 && c.lo <= 63) {
          if (x.nonneg()) return IntBound::range(x.lo >> c.lo, x.hi >> c.lo);
          return IntBound::range(0, static_cast<int64_t>(UINT64_MAX >> c.lo));
        }
        if (c.is_const() && c.lo == 0) return x;
        return {};
      }
      case Opcode::int_lshift: {
        IntBound x = arg(0), c = arg(1);
        if (c.is_const() && c.lo >= 0 && c.lo <= 62) {
          bool exact = false;
          IntBound b = x.mul(IntBound::exactly(int64_t{1} << c.lo), &exact);
          if (exact) return b;
        }
        return {};
      }
      case Opcode::int_neg: {
        bool exact = false;
        IntBound b = IntBound::exactly(0).sub(arg(0), &exact);
        return exact ? b : IntBound{};
      }
      case Opcode::int_invert: {
        IntBound x = arg(0);
        return IntBound::range(~x.hi, ~x.lo);
      }
      case Opcode::same_as_i: return arg(0);
      case Opcode::arraylen_gc: return IntBound::range(0, INT64_MAX);
      default: return {};
    }
  }

  // 1 or 0 when the ranges decide the comparison, -1 otherwise.
  int decide(Op* op) {
    if (op->args.empty() || op->args[0]->kind() != Kind::Int) return -1;
    IntBound x = ctx->bound(op->args[0]);
    IntBound y = op->args.size() > 1 ? ctx->bound(op->args[1]) : IntBound{};
    bool unsigned_ok = x.nonneg() && y.nonneg();
    switch (op->opcode()) {
      case Opcode::uint_lt:
        if (!unsigned_ok) return -1;
        [[fallthrough]];
      case Opcode::int_lt: return x.hi < y.lo ? 1 : x.lo >= y.hi ? 0 : -1;
      case Opcode::uint_le:
        if (!unsigned_ok) return -1;
        [[fallthrough]];
      case Opcode::int_le: return x.hi <= y.lo ? 1 : x.lo > y.hi ? 0 : -1;
      case Opcode::uint_gt:
        if (!unsigned_ok) return -1;
        [[fallthrough]];
      case Opcode::int_gt: return x.lo > y.hi ? 1 : x.hi <= y.lo ? 0 : -1;
      case Opcode::uint_ge:
        if (!unsigned_ok) return -1;
        [[fallthrough]];
      case Opcode::int_ge: return x.lo >= y.hi ? 1 : x.hi < y.lo ? 0 : -1;
      case Opcode::int_eq: return x.is_const() && y.is_const() && x.lo == y.lo ? 1 : (x.hi < y.lo || y.hi < x.lo) ? 0 : -1;
      case Opcode::int_ne: return x.is_const() && y.is_const() && x.lo == y.lo ? 0 : (x.hi < y.lo || y.hi < x.lo) ? 1 : -1;
      case Opcode::int_is_true: return !x.contains(0) ? 1 : x.is_const() ? 0 : -1;
      case Opcode::int_is_zero: return !x.contains(0) ? 0 : x.is_const() ? 1 : -1;
      default: return -1;
    }
  }

  // `v` is known to be true (nonzero) or false (zero): narrow it and, when
  // it is a comparison, the values it compared.
  void learn_bool(Value* v, bool truth) {
    // Its defining op before resolving: rewrite may already have made the
    // value the constant the guard proves.
    ValueInfo* vi = ctx->info(v);
    Op* cmp = vi ? vi->defining : nullptr;
    if (truth) {
      IntBound b = ctx->bound(v);
      if (b.lo == 0) ctx->narrow(v, IntBound::range(1, INT64_MAX));
      else if (b.hi == 0) ctx->narrow(v, IntBound::range(INT64_MIN, -1));
      if (cmp && cmp->info().is_comparison()) ctx->narrow(v, IntBound::exactly(1));
    } else {
      ctx->narrow(v, IntBound::exactly(0));
    }
    if (!cmp || cmp != v) return;
    Value* a = cmp->args.empty() ? nullptr : cmp->args[0];
    Value* b = cmp->args.size() > 1 ? cmp->args[1] : nullptr;
    if (!a || a->kind() != Kind::Int) return;
    Opcode opc = cmp->opcode();
    if (!truth) {  // not (a < b) is (a >= b), and so on
      switch (opc) {
        case Opcode::int_lt: opc = Opcode::int_ge; break;
        case Opcode::int_le: opc = Opcode::int_gt; break;
        case Opcode::int_gt: opc = Opcode::int_le; break;
        case Opcode::int_ge: opc = Opcode::int_lt; break;
        case Opcode::int_eq: opc = Opcode::int_ne; break;
        case Opcode::int_ne: opc = Opcode::int_eq; break;
        case Opcode::uint_lt: opc = Opcode::uint_ge; break;
        case Opcode::uint_ge: opc = Opcode::uint_lt; break;
        case Opcode::int_is_true: opc = Opcode::int_is_zero; break;
        case Opcode::int_is_zero: opc = Opcode::int_is_true; break;
        default: return;
      }
    }
    IntBound x = ctx->bound(a);
    IntBound y = b ? ctx->bound(b) : IntBound{};
    auto below = [](int64_t v) { return v == INT64_MIN ? v : v - 1; };
    auto above = [](int64_t v) { return v == INT64_MAX ? v : v + 1; };
    switch (opc) {
      case Opcode::int_lt:
        ctx->narrow(a, IntBound::range(INT64_MIN, below(y.hi)));
        ctx->narrow(b, IntBound::range(above(x.lo), INT64_MAX));
        break;
      case Opcode::int_le:
        ctx->narrow(a, IntBound::range(INT64_MIN, y.hi));
        ctx->narrow(b, IntBound::range(x.lo, INT64_MAX));
        break;
      case Opcode::int_gt:
        ctx->narrow(a, IntBound::range(above(y.lo), INT64_MAX));
        ctx->narrow(b, IntBound::range(INT64_MIN, below(x.hi)));
        break;
      case Opcode::int_ge:
        ctx->narrow(a, IntBound::range(y.lo, INT64_MAX));
        ctx->narrow(b, IntBound::range(INT64_MIN, x.hi));
        break;
      case Opcode::int_eq:
        ctx->narrow(a, y);
        ctx->narrow(b, x);
        break;
      case Opcode::int_ne:
        if (y.is_const() && x.lo == y.lo) ctx->narrow(a, IntBound::range(above(x.lo), INT64_MAX));
        else if (y.is_const() && x.hi == y.lo) ctx->narrow(a, IntBound::range(INT64_MIN, below(x.hi)));
        break;
      case Opcode::uint_lt:  // a <u b with b >= 0: 0 <= a < b (the bounds-check idiom)
        if (y.nonneg()) ctx->narrow(a, IntBound::range(0, below(y.hi)));
        break;
      case Opcode::uint_ge:
        break;
      case Opcode::int_is_true:
        if (x.lo == 0) ctx->narrow(a, IntBound::range(1, INT64_MAX));
        else if (x.hi == 0) ctx->narrow(a, IntBound::range(INT64_MIN, -1));
        break;
      case Opcode::int_is_zero: ctx->narrow(a, IntBound::exactly(0)); break;
      default: break;
    }
  }

  bool drop_ovf_guard_ = false;
  Op* last_ovf_ = nullptr;
};

}  // namespace

std::unique_ptr<Optimization> make_intbounds() { return std::make_unique<OptIntBounds>(); }

}  // namespace rpy::jit::opt
