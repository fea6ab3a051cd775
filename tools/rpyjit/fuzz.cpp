#include "tools/rpyjit/fuzz.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <random>
#include <sstream>

#include "runtime/jit/llgraph.h"
#include "runtime/jit/parser.h"
#include "targets/x86_64/backend.h"
#include "tools/rpyjit/test_functions.h"

namespace rpy::jit {

namespace {

// What the generator knows about a variable, beyond its kind.
enum class Role : uint8_t {
  Int,
  Float,
  Obj,      // a non-null S
  MaybeS,   // null or an S
  ArrI,     // a non-null AI of length 8
  ArrF,     // a non-null AF of length 8
};

char prefix(Role r) { return r == Role::Int ? 'i' : r == Role::Float ? 'f' : 'p'; }

struct Var {
  std::string name;
  Role role;
};

struct PendingGuard {
  int index;                 // its operation index: `bridge N:`
  std::vector<Var> failargs;
  int counter_pos;           // which fail arg is the loop counter, or -1
  int depth;                 // 0 for guards of the loop
  bool exception_pending = false;  // a guard_no_exception: its bridge starts with the exception pending
};

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  FuzzCase generate(uint64_t seed) {
    FuzzCase c;
    c.seed = seed;
    out_ << "# fuzz case, seed " << seed << "\n";
    out_ << "descr S = struct(a: i, b: f, c: r)\n"
            "descr AI = array(i)\n"
            "descr AF = array(f)\n"
            "descr ADD = call(c_add: i, i -> i, effect=elidable)\n"
            "descr MAX = call(c_max: i, i -> i, effect=elidable)\n"
            "descr MULADD = call(c_muladd: f, f, f -> f, effect=elidable)\n"
            "descr SCALE = call(c_scale: i, f -> f, effect=elidable)\n"
            "descr E = struct(code: i)\n"
            "descr DIV = call(c_div_or_raise: i, i, r -> i, effect=can_raise)\n"
            "descr EDIV = call(c_div_or_raise: i, i, r -> i, effect=elidable_can_raise)\n";
    // Input arguments: ints, floats, and (for loops) the counter last.
    int n_int = 1 + pick(4), n_float = pick(3);
    bool loop = chance(0.75);
    std::vector<Var> inputs;
    for (int k = 0; k < n_int; k++) {
      inputs.push_back(fresh(Role::Int));
      c.args.push_back(RtValue::of_int(random_int()));
    }
    for (int k = 0; k < n_float; k++) {
      inputs.push_back(fresh(Role::Float));
      c.args.push_back(RtValue::of_float(random_float()));
    }
    Var counter;
    if (loop) {
      counter = fresh(Role::Int);
      inputs.push_back(counter);
      c.args.push_back(RtValue::of_int(pick(12)));
    }
    out_ << "[" << join(inputs) << "]\n";
    live_ = inputs;
    if (loop) live_.pop_back();  // the counter is only for the loop header

    if (!loop) {
      body(4 + pick(30), -1, 0);
      finish();
    } else {
      // Preamble: objects and arrays the loop carries.
      int n_obj = pick(3), n_arr = pick(2), n_farr = pick(2);
      for (int k = 0; k < n_obj; k++) emit_new();
      for (int k = 0; k < n_arr; k++) emit_new_array(Role::ArrI);
      for (int k = 0; k < n_farr; k++) emit_new_array(Role::ArrF);
      body(pick(6), -1, 0);
      // The label carries the counter and a random subset of the rest
      // (every heap object, so the body has something to work on).
      std::vector<Var> carried{counter};
      for (const Var& v : live_)
        if (v.role == Role::Obj || v.role == Role::ArrI || v.role == Role::ArrF || chance(0.7)) carried.push_back(v);
      dedupe(carried);
      emit("label(" + join(carried) + ", descr=loop)");
      label_ = carried;
      live_.assign(carried.begin() + 1, carried.end());
      Var next = fresh(Role::Int);
      emit(next.name + " = int_sub(" + counter.name + ", 1)");
      Var ok = fresh(Role::Int);
      emit(ok.name + " = int_ge(" + next.name + ", 0)");
      counter_ = next;
      emit_guard("guard_true(" + ok.name + ")", 0);
      live_.push_back(next);
      body(3 + pick(25), 0, 0);
      emit_jump(next);
    }
    // Bridges, attached to some guards (bridges' guards included).
    int bridges = loop ? pick(4) : pick(3);
    for (int b = 0; b < bridges && !guards_.empty(); b++) {
      size_t g = static_cast<size_t>(pick(static_cast<int>(guards_.size())));
      PendingGuard guard = guards_[g];
      guards_.erase(guards_.begin() + static_cast<long>(g));
      if (guard.depth > 2) continue;
      out_ << "\nbridge " << guard.index << ":\n";
      std::vector<Var> in;
      live_.clear();
      for (const Var& v : guard.failargs) {
        Var nv = fresh(v.role);
        in.push_back(nv);
        live_.push_back(nv);
      }
      out_ << "[" << join(in) << "]\n";
      if (guard.exception_pending) {
        // Handle it first: a call with an exception pending is undefined.
        Var e = fresh(Role::Obj);
        emit(e.name + " = guard_exception(ConstClass(E)) [" + join(in) + "]");
        define(Role::Int, "getfield_gc_i(" + e.name + ", descr=E.code)");
      }
      bool can_jump = loop && guard.counter_pos >= 0;
      counter_ = can_jump ? in[static_cast<size_t>(guard.counter_pos)] : Var{};
      body(1 + pick(12), can_jump ? 0 : -1, guard.depth + 1);
      if (can_jump && chance(0.7)) emit_jump(counter_);
      else finish();
    }
    c.text = out_.str();
    return c;
  }

 private:
  // ---- randomness
  int pick(int n) { return n <= 0 ? 0 : static_cast<int>(rng_() % static_cast<uint64_t>(n)); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  int64_t random_int() {
    static const int64_t special[] = {0, 1, -1, 2, 7, 63, 64, 100, -100, 1ll << 31, -(1ll << 31), (1ll << 32) + 3,
                                      std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min(),
                                      std::numeric_limits<int64_t>::max() - 1, 1ll << 62};
    switch (pick(4)) {
      case 0: return special[pick(sizeof special / sizeof special[0])];
      case 1: return static_cast<int64_t>(rng_());
      default: return pick(2001) - 1000;
    }
  }
  double random_float() {
    static const double special[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1e300, -1e-300, 3.5e18, 2.5,
                                     std::numeric_limits<double>::infinity()};
    if (chance(0.3)) return special[pick(sizeof special / sizeof special[0])];
    return std::uniform_real_distribution<double>(-1000, 1000)(rng_);
  }
  std::string int_const() { return std::to_string(random_int()); }
  std::string float_const() {
    double d = random_float();
    std::string s = float_repr(d);
    return s;
  }

  // ---- variables
  Var fresh(Role r) { return Var{std::string(1, prefix(r)) + std::to_string(next_var_++), r}; }
  static std::string join(const std::vector<Var>& vs) {
    std::string s;
    for (size_t k = 0; k < vs.size(); k++) s += (k ? ", " : "") + vs[k].name;
    return s;
  }
  static void dedupe(std::vector<Var>& vs) {
    std::vector<Var> out;
    for (const Var& v : vs) {
      bool seen = false;
      for (const Var& o : out) seen |= o.name == v.name;
      if (!seen) out.push_back(v);
    }
    vs = out;
  }
  std::vector<Var> of_role(Role r) const {
    std::vector<Var> out;
    for (const Var& v : live_)
      if (v.role == r) out.push_back(v);
    return out;
  }
  bool has(Role r) const { return !of_role(r).empty(); }
  Var any(Role r) {
    auto vs = of_role(r);
    return vs[static_cast<size_t>(pick(static_cast<int>(vs.size())))];
  }
  // An int operand: a live variable or (sometimes) a constant.
  std::string int_operand() { return has(Role::Int) && !chance(0.25) ? any(Role::Int).name : int_const(); }
  std::string float_operand() { return has(Role::Float) && !chance(0.25) ? any(Role::Float).name : float_const(); }
  std::string ref_operand() {  // any S-or-null value
    if (chance(0.15)) return "NULL";
    std::vector<Var> refs = of_role(Role::Obj);
    for (const Var& v : of_role(Role::MaybeS)) refs.push_back(v);
    if (refs.empty()) return "NULL";
    return refs[static_cast<size_t>(pick(static_cast<int>(refs.size())))].name;
  }
  Var define(Role r, const std::string& rhs) {
    Var v = fresh(r);
    emit(v.name + " = " + rhs);
    live_.push_back(v);
    return v;
  }

  // ---- emission
  void emit(const std::string& line) {
    out_ << line << "\n";
    op_index_++;
  }

  std::vector<Var> random_failargs() {
    std::vector<Var> fa;
    if (counter_depth_ok()) fa.push_back(counter_);
    int n = pick(6);
    for (int k = 0; k < n && !live_.empty(); k++) fa.push_back(live_[static_cast<size_t>(pick(static_cast<int>(live_.size())))]);
    return fa;
  }
  bool counter_depth_ok() const { return !counter_.name.empty() && in_counted_; }

  void emit_guard(const std::string& head, int depth, const std::vector<Var>& also = {}, bool exception_pending = false) {
    std::vector<Var> fa = random_failargs();
    int keep_first = counter_depth_ok() ? 1 : 0;  // the counter stays fail argument 0
    for (const Var& v : also)
      fa.insert(fa.begin() + keep_first + pick(static_cast<int>(fa.size()) - keep_first + 1), v);
    int index = op_index_;
    emit(head + " [" + join(fa) + "]");
    guards_.push_back(PendingGuard{index, fa, counter_depth_ok() ? 0 : -1, depth, exception_pending});
  }

  void finish() {
    std::vector<Var> fa;
    int n = 1 + pick(6);
    for (int k = 0; k < n && !live_.empty(); k++) fa.push_back(live_[static_cast<size_t>(pick(static_cast<int>(live_.size())))]);
    std::string extra = chance(0.2) ? (fa.empty() ? "" : ", ") + int_const() : "";
    emit("finish(" + join(fa) + extra + ")");
  }

  void emit_jump(const Var& counter) {
    std::vector<Var> args{counter};
    for (size_t k = 1; k < label_.size(); k++) {
      Role r = label_[k].role;
      if (!has(r)) {
        if (r == Role::Obj) emit_new();
        else if (r == Role::ArrI || r == Role::ArrF) emit_new_array(r);
        else if (r == Role::Int) define(Role::Int, "same_as_i(" + int_const() + ")");
        else if (r == Role::Float) define(Role::Float, "same_as_f(" + float_const() + ")");
        else define(Role::MaybeS, "same_as_r(NULL)");
      }
      args.push_back(any(r));
    }
    emit("jump(" + join(args) + ", descr=loop)");
  }

  void emit_new() { define(Role::Obj, "new(descr=S)"); }
  void emit_new_array(Role r) {
    define(r, std::string("new_array(8, descr=") + (r == Role::ArrI ? "AI" : "AF") + ")");
  }

  // `depth` >= 0: guards may get bridges; the counter (if any) goes into
  // every guard's fail arguments so that a bridge can jump back.
  void body(int n, int counted, int depth) {
    in_counted_ = counted >= 0;
    for (int k = 0; k < n; k++) random_op(depth);
  }

  void random_op(int depth) {
    static const char* int_binops[] = {"int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor"};
    static const char* int_cmps[] = {"int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge",
                                     "uint_lt", "uint_le", "uint_gt", "uint_ge"};
    static const char* float_binops[] = {"float_add", "float_sub", "float_mul", "float_truediv"};
    static const char* float_cmps[] = {"float_lt", "float_le", "float_eq", "float_ne", "float_gt", "float_ge"};
    static const char* ovf_ops[] = {"int_add_ovf", "int_sub_ovf", "int_mul_ovf"};
    switch (pick(26)) {
      case 0: case 1: case 2:
        define(Role::Int, std::string(int_binops[pick(6)]) + "(" + int_operand() + ", " + int_operand() + ")");
        break;
      case 3: {
        static const char* shifts[] = {"int_lshift", "int_rshift", "uint_rshift"};
        std::string count;
        if (chance(0.5) || !has(Role::Int)) count = std::to_string(pick(64));
        else count = define(Role::Int, "int_and(" + any(Role::Int).name + ", 63)").name;
        define(Role::Int, std::string(shifts[pick(3)]) + "(" + int_operand() + ", " + count + ")");
        break;
      }
      case 4:
        define(Role::Int, std::string(chance(0.5) ? "int_neg(" : "int_invert(") + int_operand() + ")");
        break;
      case 5: case 6: {
        Var c = chance(0.8) ? define(Role::Int, std::string(int_cmps[pick(10)]) + "(" + int_operand() + ", " + int_operand() + ")")
                            : define(Role::Int, std::string(chance(0.5) ? "int_is_true(" : "int_is_zero(") + int_operand() + ")");
        if (chance(0.6)) emit_guard(std::string(chance(0.5) ? "guard_true(" : "guard_false(") + c.name + ")", depth);
        break;
      }
      case 7: {
        Var r = fresh(Role::Int);
        emit(r.name + " = " + ovf_ops[pick(3)] + "(" + int_operand() + ", " + int_operand() + ")");
        emit_guard(chance(0.9) ? "guard_no_overflow()" : "guard_overflow()", depth);
        live_.push_back(r);
        break;
      }
      case 8: case 9:
        define(Role::Float, std::string(float_binops[pick(4)]) + "(" + float_operand() + ", " + float_operand() + ")");
        break;
      case 10:
        define(Role::Float, std::string(chance(0.5) ? "float_neg(" : "float_abs(") + float_operand() + ")");
        break;
      case 11: {
        Var c = define(Role::Int, std::string(float_cmps[pick(6)]) + "(" + float_operand() + ", " + float_operand() + ")");
        if (chance(0.5)) emit_guard(std::string(chance(0.5) ? "guard_true(" : "guard_false(") + c.name + ")", depth);
        break;
      }
      case 12:
        define(Role::Float, "cast_int_to_float(" + int_operand() + ")");
        break;
      case 13: {
        if (!has(Role::Float)) break;
        Var f = any(Role::Float);
        Var a = define(Role::Float, "float_abs(" + f.name + ")");
        Var ok = define(Role::Int, "float_lt(" + a.name + ", 9e+18)");
        emit_guard("guard_true(" + ok.name + ")", depth);
        define(Role::Int, "cast_float_to_int(" + f.name + ")");
        break;
      }
      case 14: {  // fields
        if (!has(Role::Obj)) { if (chance(0.5)) emit_new(); break; }
        Var o = any(Role::Obj);
        switch (pick(6)) {
          case 0: emit("setfield_gc(" + o.name + ", " + int_operand() + ", descr=S.a)"); break;
          case 1: emit("setfield_gc(" + o.name + ", " + float_operand() + ", descr=S.b)"); break;
          case 2: emit("setfield_gc(" + o.name + ", " + ref_operand() + ", descr=S.c)"); break;
          case 3: define(Role::Int, "getfield_gc_i(" + o.name + ", descr=S.a)"); break;
          case 4: define(Role::Float, "getfield_gc_f(" + o.name + ", descr=S.b)"); break;
          default: define(Role::MaybeS, "getfield_gc_r(" + o.name + ", descr=S.c)"); break;
        }
        break;
      }
      case 15: {  // arrays
        bool ints = chance(0.5);
        Role r = ints ? Role::ArrI : Role::ArrF;
        if (!has(r)) { if (chance(0.5)) emit_new_array(r); break; }
        Var a = any(r);
        const char* d = ints ? "AI" : "AF";
        std::string index = chance(0.4) ? std::to_string(pick(8))
                                         : define(Role::Int, "int_and(" + int_operand() + ", 7)").name;
        switch (pick(3)) {
          case 0:
            emit("setarrayitem_gc(" + a.name + ", " + index + ", " + (ints ? int_operand() : float_operand()) +
                 ", descr=" + d + ")");
            break;
          case 1:
            define(ints ? Role::Int : Role::Float,
                   std::string(ints ? "getarrayitem_gc_i(" : "getarrayitem_gc_f(") + a.name + ", " + index + ", descr=" + d + ")");
            break;
          default: define(Role::Int, "arraylen_gc(" + a.name + ", descr=" + d + ")"); break;
        }
        break;
      }
      case 16: {  // refs: null checks and classes
        auto maybes = of_role(Role::MaybeS);
        if (!maybes.empty() && chance(0.6)) {
          Var m = maybes[static_cast<size_t>(pick(static_cast<int>(maybes.size())))];
          if (chance(0.5)) {
            emit_guard("guard_nonnull(" + m.name + ")", depth);
            live_.push_back(Var{m.name, Role::Obj});  // known non-null from here on
          } else if (chance(0.5)) {
            emit_guard("guard_isnull(" + m.name + ")", depth);
          } else {
            emit_guard("guard_nonnull_class(" + m.name + ", ConstClass(S))", depth);
            live_.push_back(Var{m.name, Role::Obj});
          }
        } else if (has(Role::Obj)) {
          emit_guard("guard_class(" + any(Role::Obj).name + ", ConstClass(S))", depth);
        } else {
          define(Role::Int, std::string(chance(0.5) ? "ptr_eq(" : "ptr_ne(") + ref_operand() + ", " + ref_operand() + ")");
        }
        break;
      }
      case 17: {
        if (!has(Role::Int)) break;
        Var v = any(Role::Int);
        emit_guard("guard_value(" + v.name + ", " + (chance(0.5) ? int_const() : std::to_string(pick(3))) + ")", depth);
        break;
      }
      case 18: {
        if (chance(0.5)) define(Role::Int, std::string("call_i(") + int_operand() + ", " + int_operand() + ", descr=" + (chance(0.5) ? "ADD" : "MAX") + ")");
        else if (chance(0.5)) define(Role::Float, "call_f(" + float_operand() + ", " + float_operand() + ", " + float_operand() + ", descr=MULADD)");
        else define(Role::Float, "call_f(" + int_operand() + ", " + float_operand() + ", descr=SCALE)");
        break;
      }
      case 19: {
        if (chance(0.5)) define(Role::Int, "same_as_i(" + int_operand() + ")");
        else define(Role::Float, "same_as_f(" + float_operand() + ")");
        break;
      }
      case 20: {
        auto ps = of_role(Role::MaybeS);
        if (!ps.empty() || has(Role::Obj))
          define(Role::Int, std::string(chance(0.5) ? "ptr_eq(" : "ptr_ne(") + ref_operand() + ", " + ref_operand() + ")");
        else emit_new();
        break;
      }
      case 22: case 23: {
        // Fresh objects that only guards see: the optimizer keeps them
        // virtual, so the guards' resume data must rebuild them (nested,
        // shared, and sometimes in a cycle) when they fail.
        Var o = define(Role::Obj, "new(descr=S)");
        emit("setfield_gc(" + o.name + ", " + int_operand() + ", descr=S.a)");
        if (chance(0.6)) emit("setfield_gc(" + o.name + ", " + float_operand() + ", descr=S.b)");
        std::vector<Var> cluster{o};
        if (chance(0.6)) {
          Var inner = chance(0.7) ? define(Role::Obj, "new(descr=S)") : any(Role::Obj);
          if (inner.name != o.name) {
            emit("setfield_gc(" + inner.name + ", " + int_operand() + ", descr=S.a)");
            if (chance(0.3)) emit("setfield_gc(" + inner.name + ", " + o.name + ", descr=S.c)");  // a cycle
          }
          emit("setfield_gc(" + o.name + ", " + inner.name + ", descr=S.c)");
          cluster.push_back(inner);
        } else if (chance(0.5)) {
          emit("setfield_gc(" + o.name + ", " + ref_operand() + ", descr=S.c)");
        }
        if (chance(0.5)) {
          bool ints = chance(0.5);
          Role r = ints ? Role::ArrI : Role::ArrF;
          Var a = define(r, std::string("new_array(8, descr=") + (ints ? "AI" : "AF") + ")");
          for (int k = pick(4); k > 0; k--)
            emit("setarrayitem_gc(" + a.name + ", " + std::to_string(pick(8)) + ", " +
                 (ints ? int_operand() : float_operand()) + ", descr=" + (ints ? "AI" : "AF") + ")");
          cluster.push_back(a);
        }
        Var c = define(Role::Int, std::string(int_cmps[pick(10)]) + "(" + int_operand() + ", " + int_operand() + ")");
        emit_guard(std::string(chance(0.5) ? "guard_true(" : "guard_false(") + c.name + ")", depth, cluster);
        break;
      }
      case 24: case 25: {
        // A call that may raise (the divisor is often 0), then the check:
        // guard_no_exception, or guard_exception catching it.
        Var e = fresh(Role::Obj);
        emit(e.name + " = new(descr=E)");
        emit("setfield_gc(" + e.name + ", " + int_operand() + ", descr=E.code)");
        std::string divisor = chance(0.4) ? "0" : int_operand();
        Var q = fresh(Role::Int);
        emit(q.name + " = call_i(" + int_operand() + ", " + divisor + ", " + e.name + ", descr=" +
             (chance(0.5) ? "DIV" : "EDIV") + ")");
        if (chance(0.7)) {
          emit_guard("guard_no_exception()", depth, {}, true);
        } else {
          Var caught = fresh(Role::Obj);
          emit_guard(caught.name + " = guard_exception(ConstClass(E))", depth);
          define(Role::Int, "getfield_gc_i(" + caught.name + ", descr=E.code)");
        }
        live_.push_back(q);
        break;
      }
      default: {
        // A burst of values kept alive together, to run out of registers.
        int n = 10 + pick(12);
        for (int k = 0; k < n; k++) {
          if (chance(0.5)) define(Role::Int, std::string(int_binops[pick(6)]) + "(" + int_operand() + ", " + int_operand() + ")");
          else define(Role::Float, std::string(float_binops[pick(3)]) + "(" + float_operand() + ", " + float_operand() + ")");
        }
        break;
      }
    }
  }

  std::mt19937_64 rng_;
  std::ostringstream out_;
  int next_var_ = 0;
  int op_index_ = 0;
  std::vector<Var> live_;
  std::vector<Var> label_;
  Var counter_;
  bool in_counted_ = false;
  std::vector<PendingGuard> guards_;
};

// The exit line plus the objects its refs reach, field by field: a guard
// that rebuilt a virtual wrongly differs here even when the exit line (which
// prints refs as `ref`) is the same. Objects are numbered in visit order, so
// sharing and cycles show too.
class HeapDescriber {
 public:
  explicit HeapDescriber(const DescrTable& descrs) : descrs_(descrs) {
    for (Descr* d : descrs.declared()) {
      if (d->type() == Descr::Type::Struct) by_type_id_[static_cast<StructDescr*>(d)->type_id()] = d;
      else if (d->type() == Descr::Type::Array) by_type_id_[static_cast<ArrayDescr*>(d)->type_id()] = d;
    }
  }

  std::string exit(const ExitState& state) {
    std::string out = format_exit(state, &descrs_);
    for (const RtValue& v : state.values)
      if (v.kind == Kind::Ref && v.r) out += " | " + object(v.r);
    if (state.exception) out += " | raised " + object(state.exception);
    return out;
  }

 private:
  std::string value(const char* at, Kind kind) {
    RtValue v;
    v.kind = kind;
    std::memcpy(&v.i, at, 8);
    if (kind == Kind::Ref) return v.r ? object(v.r) : "null";
    return format_rt_value(v);
  }
  std::string object(void* obj) {
    if (auto it = seen_.find(obj); it != seen_.end()) return "#" + std::to_string(it->second);
    int n = static_cast<int>(seen_.size()) + 1;
    seen_[obj] = n;
    auto d = by_type_id_.find(JitHeap::type_id_of(obj));
    if (d == by_type_id_.end()) return "?#" + std::to_string(n);
    const char* base = static_cast<const char*>(obj);
    std::string out = d->second->name() + "#" + std::to_string(n);
    if (d->second->type() == Descr::Type::Struct) {
      out += "(";
      const auto* sd = static_cast<const StructDescr*>(d->second);
      for (size_t k = 0; k < sd->fields().size(); k++) {
        const FieldDescr* f = sd->fields()[k];
        out += (k ? ", " : "") + f->field_name() + "=" + value(base + f->offset(), f->kind());
      }
      return out + ")";
    }
    const auto* ad = static_cast<const ArrayDescr*>(d->second);
    out += "[";
    for (int64_t k = 0; k < JitHeap::array_length(obj); k++)
      out += (k ? ", " : "") + value(base + ad->items_offset() + k * ad->item_size(), ad->item_kind());
    return out + "]";
  }

  const DescrTable& descrs_;
  std::unordered_map<uint32_t, const Descr*> by_type_id_;
  std::unordered_map<const void*, int> seen_;
};

}  // namespace

std::string FuzzCase::args_text() const {
  std::string s;
  for (const RtValue& v : args) {
    if (!s.empty()) s += " ";
    s += v.kind == Kind::Ref ? "null" : format_rt_value(v);
  }
  return s;
}

FuzzCase generate_fuzz_case(uint64_t seed) { return Generator(seed).generate(seed); }

FuzzOutcome run_fuzz_case(const FuzzCase& c, Optimizer* optimizer) {
  FuzzOutcome outcome;
  ParseOptions options;
  options.functions = &test_function_registry();
  ParseResult ref = parse_trace_file(c.text, "fuzz.trace", options);
  if (!ref.ok()) {
    outcome.status = FuzzOutcome::Status::Mismatch;
    outcome.note = "the generator wrote an invalid trace: " + ref.error.format();
    return outcome;
  }
  try {
    JitHeap heap;
    LLGraphBackend llgraph(heap);
    llgraph.set_step_limit(200000);
    outcome.expected = HeapDescriber(*ref.file->descrs).exit(run_trace_file(llgraph, *ref.file, c.args));
  } catch (const ExecutionError& e) {
    outcome.status = FuzzOutcome::Status::Skipped;
    outcome.note = e.what();
    return outcome;
  }
  ParseResult mine = parse_trace_file(c.text, "fuzz.trace", options);
  try {
    if (optimizer) {
      optimize_trace_file(*optimizer, *mine.file);
      // A guard the optimizer proved never fails may vanish with its bridge
      // still in the file: the bridge is unreachable, and today
      // optimize_trace_file keeps it, which verify() rejects. Count those
      // apart: they say nothing about the backend.
      for (const auto& b : mine.file->bridges)
        if (!mine.file->op_for_exit(b->guard)) {
          outcome.status = FuzzOutcome::Status::Skipped;
          outcome.note = "the optimizer removed guard " + std::to_string(b->guard->index()) + ", which has a bridge";
          return outcome;
        }
      if (auto errors = verify(*mine.file); !errors.empty()) {
        outcome.status = FuzzOutcome::Status::Mismatch;
        outcome.note = "the optimized trace is invalid: " + errors.front().message;
        return outcome;
      }
    }
    JitHeap heap;
    X86Backend x86(heap);
    outcome.actual = HeapDescriber(*mine.file->descrs).exit(run_trace_file(x86, *mine.file, c.args));
  } catch (const std::exception& e) {
    outcome.status = FuzzOutcome::Status::Mismatch;
    outcome.note = std::string("x86 backend error: ") + e.what();
    return outcome;
  }
  outcome.status = outcome.actual == outcome.expected ? FuzzOutcome::Status::Match : FuzzOutcome::Status::Mismatch;
  return outcome;
}

}  // namespace rpy::jit
