// Constant folding and propagation on low-level graphs.
//
// Every folded operation must give exactly what the generated C++ would have
// computed at run time (codegen/codegen.cpp, runtime/rpy.h): Signed
// arithmetic wraps in 64 bits, int_floordiv/int_mod floor like Python, shifts
// by 64 or more saturate, float operations are IEEE (this file is C++ too, so
// evaluating them here gives the same bits). An operation whose run-time
// behaviour is undefined or raises (a plain int_floordiv by a constant zero,
// a negative plain shift) is left alone rather than guessed at.
//
// Propagation into block inputs is optimistic (as in sparse conditional
// constant propagation): an input starts unknown and only becomes varying
// when some incoming link brings a different value, so a constant passed
// unchanged around a loop is still found.
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "backendopt/backendopt.h"
#include "rtyper/llop.h"
#include "rtyper/lltype.h"

namespace rpy {

namespace {

using namespace lltypes;

bool is_number_type(const LLType* t) { return t == Signed || t == Bool || t == Float; }

// A constant the folder can read as a number: a plain Python-level value of a
// numeric low-level type.
bool numeric(const Value* v) {
  auto* c = dynamic_cast<const Constant*>(v);
  if (!c || c->llkind != Constant::Plain || !c->llrepr.empty() || !is_number_type(c->concretetype)) return false;
  auto k = c->value.kind;
  return k == ConstValue::Int || k == ConstValue::Bool || k == ConstValue::Float;
}

int64_t as_int(const Value* v) {
  const ConstValue& c = static_cast<const Constant*>(v)->value;
  if (c.kind == ConstValue::Bool) return c.b;
  if (c.kind == ConstValue::Float) return (int64_t)c.f;  // not reached: Float-typed args are read as_float
  return c.i;
}

double as_float(const Value* v) {
  const ConstValue& c = static_cast<const Constant*>(v)->value;
  if (c.kind == ConstValue::Float) return c.f;
  if (c.kind == ConstValue::Bool) return c.b;
  return (double)c.i;
}

bool as_bool(const Value* v) {
  const ConstValue& c = static_cast<const Constant*>(v)->value;
  if (c.kind == ConstValue::Bool) return c.b;
  if (c.kind == ConstValue::Float) return c.f != 0.0;
  return c.i != 0;
}

// A pointer constant whose nullness is known: None is null; a prebuilt
// string, tuple or vtable is not.
std::optional<bool> ptr_is_null(const Value* v) {
  auto* c = dynamic_cast<const Constant*>(v);
  if (!c || !c->concretetype || !c->concretetype->is_ptr()) return std::nullopt;
  if (c->llkind == Constant::Vtable) return false;
  if (c->llkind != Constant::Plain || !c->llrepr.empty()) return std::nullopt;
  if (c->value.kind == ConstValue::None) return true;
  if (c->value.kind == ConstValue::Str) return false;
  if (c->value.kind == ConstValue::Object && c->value.obj && !c->value.obj.is_none()) return false;
  return std::nullopt;
}

ConstValue int_value(int64_t i) {
  ConstValue c;
  c.kind = ConstValue::Int;
  c.i = i;
  return c;
}
ConstValue float_value(double f) {
  ConstValue c;
  c.kind = ConstValue::Float;
  c.f = f;
  return c;
}
ConstValue bool_value(bool b) {
  ConstValue c;
  c.kind = ConstValue::Bool;
  c.b = b;
  return c;
}

int64_t wrap(uint64_t u) { return (int64_t)u; }

// runtime/rpy.h, bit for bit.
int64_t floordiv(int64_t a, int64_t b) {
  if (b == -1) return wrap(0 - (uint64_t)a);
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q -= 1;
  return q;
}
int64_t mod(int64_t a, int64_t b) {
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}
int64_t lshift(int64_t a, int64_t b) { return b >= 64 ? 0 : wrap((uint64_t)a << b); }
int64_t rshift(int64_t a, int64_t b) { return b >= 64 ? (a < 0 ? -1 : 0) : (a >> b); }
int64_t range_len(int64_t start, int64_t stop, int64_t step) {
  if (step > 0) return start < stop ? wrap(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1) : 0;
  return start > stop ? wrap(((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1) : 0;
}

// The value of `name` applied to constant arguments, or nullopt when it is
// not an operation this folder knows or its result is not defined.
std::optional<ConstValue> evaluate(const std::string& n, const std::vector<Value*>& a) {
  for (Value* v : a)
    if (!numeric(v)) {
      if (n == "ptr_iszero" || n == "ptr_nonzero") {
        auto z = ptr_is_null(a[0]);
        if (!z) return std::nullopt;
        return bool_value(n == "ptr_iszero" ? *z : !*z);
      }
      if ((n == "ptr_eq" || n == "ptr_ne") && a.size() == 2) {
        auto z0 = ptr_is_null(a[0]), z1 = ptr_is_null(a[1]);
        // Two non-null prebuilt objects may or may not be the same one.
        if (!z0 || !z1 || (!*z0 && !*z1)) return std::nullopt;
        bool eq = *z0 == *z1;
        return bool_value(n == "ptr_eq" ? eq : !eq);
      }
      return std::nullopt;
    }
  auto I = [&](size_t k) { return as_int(a[k]); };
  auto F = [&](size_t k) { return as_float(a[k]); };
  size_t na = a.size();
  if (na == 2 && n.rfind("int_", 0) == 0) {
    int64_t x = I(0), y = I(1);
    uint64_t ux = (uint64_t)x, uy = (uint64_t)y;
    if (n == "int_add") return int_value(wrap(ux + uy));
    if (n == "int_sub") return int_value(wrap(ux - uy));
    if (n == "int_mul") return int_value(wrap(ux * uy));
    if (n == "int_and") return int_value(x & y);
    if (n == "int_or") return int_value(x | y);
    if (n == "int_xor") return int_value(x ^ y);
    if (n == "int_lt") return bool_value(x < y);
    if (n == "int_le") return bool_value(x <= y);
    if (n == "int_eq") return bool_value(x == y);
    if (n == "int_ne") return bool_value(x != y);
    if (n == "int_gt") return bool_value(x > y);
    if (n == "int_ge") return bool_value(x >= y);
    if (n == "int_min") return int_value(y < x ? y : x);
    if (n == "int_max") return int_value(y > x ? y : x);
    if (y == 0 && (n == "int_floordiv" || n == "int_mod" || n == "int_floordiv_zer" || n == "int_mod_zer" ||
                   n == "int_truediv_zer"))
      return std::nullopt;
    if (n == "int_floordiv" || n == "int_floordiv_zer") return int_value(floordiv(x, y));
    if (n == "int_mod" || n == "int_mod_zer") return int_value(mod(x, y));
    if (n == "int_truediv_zer") return float_value((double)x / (double)y);
    if (y < 0 && (n == "int_lshift" || n == "int_rshift" || n == "int_lshift_val" || n == "int_rshift_val"))
      return std::nullopt;
    if (n == "int_lshift" || n == "int_lshift_val") return int_value(lshift(x, y));
    if (n == "int_rshift" || n == "int_rshift_val") return int_value(rshift(x, y));
    if (n == "int_index_check" || n == "int_index_check_set") {
      int64_t i = x < 0 ? wrap(ux + uy) : x;
      if ((uint64_t)i >= uy) return std::nullopt;  // raises IndexError at run time
      return int_value(i);
    }
    return std::nullopt;
  }
  if (na == 1) {
    if (n == "int_neg") return int_value(wrap(0 - (uint64_t)I(0)));
    if (n == "int_abs") return int_value(I(0) < 0 ? wrap(0 - (uint64_t)I(0)) : I(0));
    if (n == "int_invert") return int_value(~I(0));
    if (n == "int_is_true") return bool_value(I(0) != 0);
    if (n == "float_neg") return float_value(-F(0));
    if (n == "float_abs") return float_value(std::fabs(F(0)));
    if (n == "float_is_true") return bool_value(F(0) != 0.0);
    if (n == "cast_int_to_float" || n == "cast_bool_to_float") return float_value((double)I(0));
    if (n == "cast_bool_to_int") return int_value(I(0));
    if (n == "bool_not") return bool_value(!as_bool(a[0]));
    return std::nullopt;
  }
  if (na == 2 && n.rfind("float_", 0) == 0) {
    double x = F(0), y = F(1);
    if (n == "float_add") return float_value(x + y);
    if (n == "float_sub") return float_value(x - y);
    if (n == "float_mul") return float_value(x * y);
    if (n == "float_truediv") return float_value(x / y);
    if (n == "float_truediv_zer") return y == 0.0 ? std::nullopt : std::optional(float_value(x / y));
    if (n == "float_lt") return bool_value(x < y);
    if (n == "float_le") return bool_value(x <= y);
    if (n == "float_eq") return bool_value(x == y);
    if (n == "float_ne") return bool_value(x != y);
    if (n == "float_gt") return bool_value(x > y);
    if (n == "float_ge") return bool_value(x >= y);
    if (n == "float_min") return float_value(y < x ? y : x);
    if (n == "float_max") return float_value(y > x ? y : x);
    return std::nullopt;
  }
  if (na == 3 && n == "int_range_len") {
    if (I(2) == 0) return std::nullopt;
    return int_value(range_len(I(0), I(1), I(2)));
  }
  return std::nullopt;
}

// The value as the constant of type t that codegen's C++ would hold after
// assigning it to a variable of type t.
std::optional<ConstValue> coerce(const ConstValue& v, const LLType* t) {
  if (t == Signed) {
    if (v.kind == ConstValue::Int) return v;
    if (v.kind == ConstValue::Bool) return int_value(v.b);
    return std::nullopt;
  }
  if (t == Bool) {
    if (v.kind == ConstValue::Bool) return v;
    if (v.kind == ConstValue::Int) return bool_value(v.i != 0);
    return std::nullopt;
  }
  if (t == Float) {
    if (v.kind == ConstValue::Float) return v;
    if (v.kind == ConstValue::Int) return float_value((double)v.i);
    if (v.kind == ConstValue::Bool) return float_value(v.b);
  }
  return std::nullopt;
}

// The plain operation a checking one becomes when its check is known to pass.
const char* unchecked(const std::string& n, const Value* arg) {
  if (!numeric(arg)) return nullptr;
  if (n == "int_floordiv_zer" && as_int(arg) != 0) return "int_floordiv";
  if (n == "int_mod_zer" && as_int(arg) != 0) return "int_mod";
  if (n == "float_truediv_zer" && as_float(arg) != 0.0) return "float_truediv";
  if (n == "int_lshift_val" && as_int(arg) >= 0) return "int_lshift";
  if (n == "int_rshift_val" && as_int(arg) >= 0) return "int_rshift";
  return nullptr;
}

bool same_constant(const Constant* a, const Constant* b) {
  return a == b || (a->concretetype == b->concretetype && a->llkind == b->llkind && a->llptr == b->llptr &&
                    a->llrepr == b->llrepr && a->value.same(b->value));
}

// Constants that may travel along links: run-time values codegen can spell.
bool propagatable(const Value* v) {
  auto* c = dynamic_cast<const Constant*>(v);
  if (!c || !c->concretetype || c->concretetype == Void) return false;
  if (c->llkind == Constant::Vtable) return true;
  return c->llkind == Constant::Plain && c->llrepr.empty();
}

struct Folder {
  FunctionGraph* g;
  size_t changes = 0;

  Constant* typed_const(const ConstValue& v, const LLType* t) {
    Constant* c = g->new_const(v);
    c->concretetype = t;
    return c;
  }

  // Folds the operations of one block; returns whether anything changed.
  bool fold_block(Block* b) {
    std::unordered_map<Value*, Value*> subst;
    auto S = [&](Value* v) {
      auto it = subst.find(v);
      return it == subst.end() ? v : it->second;
    };
    bool changed = false;
    std::vector<SpaceOperation> kept;
    kept.reserve(b->operations.size());
    for (auto& op : b->operations) {
      for (auto& x : op.args) x = S(x);
      if (op.args.size() == 2) {
        if (const char* plain = unchecked(op.opname, op.args[1])) {
          op.opname = plain;
          changed = true;
        }
      }
      const LLOpInfo* info = llop_info(op.opname);
      if (info && info->pure && op.result) {
        const LLType* rt = op.result->concretetype;
        if (op.opname == "same_as" && op.args.size() == 1 && op.args[0]->concretetype == rt &&
            (!op.args[0]->is_const() || propagatable(op.args[0]))) {
          subst[op.result] = op.args[0];
          changed = true;
          continue;
        }
        if (op.opname == "range_check_step" && numeric(op.args[0]) && as_int(op.args[0]) != 0 && rt == Void) {
          subst[op.result] = typed_const(ConstValue{}, Void);
          changed = true;
          continue;
        }
        if (is_number_type(rt)) {
          if (auto v = evaluate(op.opname, op.args)) {
            if (auto cv = coerce(*v, rt)) {
              subst[op.result] = typed_const(*cv, rt);
              changed = true;
              continue;
            }
          }
        }
      }
      kept.push_back(std::move(op));
    }
    b->operations = std::move(kept);
    if (b->exitswitch) b->exitswitch = S(b->exitswitch);
    for (Link* l : b->exits)
      for (auto& x : l->args) x = S(x);
    return changed;
  }

  // A two-way switch on a constant keeps the link it takes; a canraise
  // block none of whose operations can raise loses its exception exit.
  bool prune_exits(Block* b) {
    if (b->canraise()) {
      if (std::any_of(b->operations.begin(), b->operations.end(), op_can_raise) || b->exits.size() != 2) return false;
      b->exits.resize(1);
      b->exits[0]->exitcase.reset();
      b->exitswitch = nullptr;
      return true;
    }
    if (b->exitswitch && b->exitswitch->is_const() && numeric(b->exitswitch) && !b->exits.empty() &&
        is_switch_default(b->exits.back())) {
      // A multi-way switch (switch.cpp) on a constant: its case, else the default.
      int64_t v = as_int(b->exitswitch);
      Link* keep = b->exits.back();
      for (Link* l : b->exits)
        if (!is_switch_default(l) && l->exitcase->i == v) keep = l;
      keep->exitcase.reset();
      b->exits = {keep};
      b->exitswitch = nullptr;
      return true;
    }
    if (!b->exitswitch || !b->exitswitch->is_const() || b->exits.size() != 2 || !numeric(b->exitswitch)) return false;
    bool taken = as_bool(b->exitswitch);
    Link* keep = nullptr;
    for (Link* l : b->exits)
      if (l->exitcase && l->exitcase->kind == ConstValue::Bool && l->exitcase->b == taken) keep = l;
    if (!keep) return false;
    keep->exitcase.reset();
    b->exits = {keep};
    b->exitswitch = nullptr;
    return true;
  }

  // Block inputs that receive the same constant from every incoming link.
  bool propagate_inputs() {
    auto blocks = g->iterblocks();
    struct State {
      enum { Unknown, Const, Varying } kind = Unknown;
      Constant* c = nullptr;
    };
    std::unordered_map<Variable*, State> state;
    for (Block* b : blocks)
      if (b != g->startblock && !b->is_final)
        for (Variable* v : b->inputargs) state[v];
    for (bool grow = true; grow;) {
      grow = false;
      for (Block* p : blocks)
        for (Link* l : p->exits) {
          Block* t = l->target;
          if (t == g->startblock || t->is_final) continue;
          for (size_t i = 0; i < l->args.size(); ++i) {
            State& dst = state[t->inputargs[i]];
            if (dst.kind == State::Varying) continue;
            State src;
            Value* a = l->args[i];
            if (propagatable(a)) {
              src.kind = State::Const;
              src.c = static_cast<Constant*>(a);
            } else if (auto it = state.find(static_cast<Variable*>(a)); !a->is_const() && it != state.end()) {
              src = it->second;
            } else {
              src.kind = State::Varying;
            }
            if (src.kind == State::Unknown) continue;
            if (dst.kind == State::Unknown) dst = src;
            else if (src.kind == State::Varying || !same_constant(dst.c, src.c)) dst.kind = State::Varying;
            else continue;
            grow = true;
          }
        }
    }
    bool changed = false;
    for (Block* b : blocks) {
      if (b == g->startblock || b->is_final) continue;
      std::unordered_map<Value*, Value*> subst;
      std::vector<size_t> drop;
      for (size_t i = 0; i < b->inputargs.size(); ++i) {
        State& s = state[b->inputargs[i]];
        if (s.kind != State::Const) continue;
        subst[b->inputargs[i]] = s.c;
        drop.push_back(i);
      }
      if (drop.empty()) continue;
      auto S = [&](Value* v) {
        auto it = subst.find(v);
        return it == subst.end() ? v : it->second;
      };
      for (auto& op : b->operations)
        for (auto& x : op.args) x = S(x);
      if (b->exitswitch) b->exitswitch = S(b->exitswitch);
      for (Link* l : b->exits)
        for (auto& x : l->args) x = S(x);
      for (Block* p : blocks)
        for (Link* l : p->exits)
          if (l->target == b)
            for (size_t k = drop.size(); k-- > 0;) {
              l->args.erase(l->args.begin() + drop[k]);
              if (drop[k] < l->argpos.size()) l->argpos.erase(l->argpos.begin() + drop[k]);
            }
      for (size_t k = drop.size(); k-- > 0;) b->inputargs.erase(b->inputargs.begin() + drop[k]);
      changes += drop.size();
      changed = true;
    }
    return changed;
  }

  size_t run() {
    for (bool again = true; again;) {
      again = false;
      bool pruned = false;
      for (Block* b : g->iterblocks()) {
        if (b->is_final) continue;
        size_t before = b->operations.size();
        if (fold_block(b)) {
          changes += 1 + before - b->operations.size();
          again = true;
        }
        if (prune_exits(b)) {
          ++changes;
          pruned = again = true;
        }
      }
      if (pruned) g->remove_unreachable();
      if (propagate_inputs()) again = true;
    }
    return changes;
  }
};

}  // namespace

size_t constant_fold(FunctionGraph* g) {
  Folder f{g};
  return f.run();
}

}  // namespace rpy
