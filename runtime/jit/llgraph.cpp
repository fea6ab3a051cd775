#include "runtime/jit/llgraph.h"

#include <cmath>
#include <cstring>
#include <unordered_map>

#include "runtime/jit/cfunction.h"
#include "runtime/jit/exception.h"
#include "runtime/jit/jitlog.h"
#include "runtime/jit/resume.h"

namespace rpy::jit {

namespace {

class LLGraphLoop final : public CompiledLoop {
 public:
  explicit LLGraphLoop(const Trace& loop) : loop(loop) {}
  const Trace& loop;
  std::unordered_map<const FailDescr*, const Trace*> bridges;
};

// One activation of a trace: the value of each of its Values, by id.
struct Frame {
  const Trace* trace = nullptr;
  std::vector<RtValue> env;
  void enter(const Trace& t) {
    trace = &t;
    env.assign(t.value_count(), RtValue{});
  }
};

class Interpreter {
 public:
  Interpreter(JitHeap& heap, const LLGraphLoop& compiled, uint64_t step_limit)
      : heap_(heap), compiled_(compiled), step_limit_(step_limit) {}

  ExitState run(std::span<const RtValue> args) {
    const Trace& loop = compiled_.loop;
    if (args.size() != loop.inputargs.size())
      throw ExecutionError(nullptr, "the loop takes " + std::to_string(loop.inputargs.size()) + " arguments, not " +
                                        std::to_string(args.size()));
    frame_.enter(loop);
    for (size_t k = 0; k < args.size(); k++) {
      if (args[k].kind != loop.inputargs[k]->kind())
        throw ExecutionError(nullptr, "argument " + std::to_string(k + 1) + " has the wrong kind");
      frame_.env[loop.inputargs[k]->id()] = args[k];
    }
    size_t pc = 0;
    uint64_t steps = 0;
    for (;;) {
      const Op& op = *frame_.trace->ops.at(pc);
      if (step_limit_ && ++steps > step_limit_) throw ExecutionError(&op, "step limit reached");
      pc++;
      const OpInfo& info = op.info();
      if (info.is_guard()) {
        if (guard_holds(op)) {
          if (op.opcode() == Opcode::guard_exception) frame_.env[op.id()] = RtValue::of_ref(take_exception());
          continue;
        }
        // Virtuals among the fail arguments are allocated now (resume.h).
        std::vector<RtValue> values = resume_fail_args(op.fail_args, heap_, [&](const Value* v) { return get(v); });
        auto it = compiled_.bridges.find(op.fail_descr());
        if (it == compiled_.bridges.end()) return ExitState{op.fail_descr(), std::move(values), take_exception()};
        const Trace& bridge = *it->second;
        frame_.enter(bridge);
        for (size_t k = 0; k < values.size(); k++) frame_.env[bridge.inputargs[k]->id()] = values[k];
        pc = 0;
        continue;
      }
      switch (op.opcode()) {
        case Opcode::finish: return ExitState{op.fail_descr(), gather(op.args), take_exception()};
        case Opcode::label: continue;
        case Opcode::jump: {
          const TargetToken* t = op.target();
          std::vector<RtValue> values = gather(op.args);
          if (t->trace != frame_.trace) frame_.enter(*t->trace);
          for (size_t k = 0; k < values.size(); k++) frame_.env[t->label->args[k]->id()] = values[k];
          pc = label_position(*t) + 1;
          continue;
        }
        default: break;
      }
      RtValue result = execute(op);
      if (op.has_result()) frame_.env[op.id()] = result;
    }
  }

 private:
  size_t label_position(const TargetToken& t) {
    auto it = label_pc_.find(&t);
    if (it != label_pc_.end()) return it->second;
    const auto& ops = t.trace->ops;
    for (size_t k = 0; k < ops.size(); k++)
      if (ops[k] == t.label) return label_pc_[&t] = k;
    throw ExecutionError(t.label, "label " + t.name() + " is not in its trace");
  }

  RtValue get(const Value* v) const {
    if (const Const* c = Const::cast(v)) return c->rt_value();
    return frame_.env[v->id()];
  }
  int64_t i(const Op& op, size_t k) const { return get(op.args[k]).i; }
  double f(const Op& op, size_t k) const { return get(op.args[k]).f; }
  void* r(const Op& op, size_t k) const { return get(op.args[k]).r; }

  std::vector<RtValue> gather(std::span<Value* const> values) const {
    std::vector<RtValue> out;
    out.reserve(values.size());
    for (const Value* v : values) out.push_back(get(v));
    return out;
  }

  bool guard_holds(const Op& op) {
    switch (op.opcode()) {
      case Opcode::guard_true: return i(op, 0) != 0;
      case Opcode::guard_false: return i(op, 0) == 0;
      case Opcode::guard_value: {
        // Bitwise: a float guard_value distinguishes 0.0 from -0.0 and
        // accepts a NaN equal to the constant's NaN, as the machine compare
        // of the bits does.
        RtValue a = get(op.args[0]), b = get(op.args[1]);
        return a.i == b.i;
      }
      case Opcode::guard_nonnull: return r(op, 0) != nullptr;
      case Opcode::guard_isnull: return r(op, 0) == nullptr;
      case Opcode::guard_class: {
        void* obj = r(op, 0);
        if (!obj) throw ExecutionError(&op, "guard_class on a null reference");
        return JitHeap::type_id_of(obj) == static_cast<uint32_t>(i(op, 1));
      }
      case Opcode::guard_nonnull_class: {
        void* obj = r(op, 0);
        return obj && JitHeap::type_id_of(obj) == static_cast<uint32_t>(i(op, 1));
      }
      case Opcode::guard_no_exception: return exception_state().type == 0;
      case Opcode::guard_exception: return exception_state().type != 0 && exception_state().type == i(op, 0);
      case Opcode::guard_no_overflow: return !overflow_;
      case Opcode::guard_overflow: return overflow_;
      default: throw ExecutionError(&op, "not a guard");
    }
  }

  char* object(const Op& op, uint32_t expected_type_id, const char* what) {
    void* obj = r(op, 0);
    if (!obj) throw ExecutionError(&op, std::string(op.info().name) + " on a null reference");
    if (JitHeap::type_id_of(obj) != expected_type_id)
      throw ExecutionError(&op, std::string(op.info().name) + " on an object that is not " + what);
    return static_cast<char*>(obj);
  }

  char* field_address(const Op& op) {
    const FieldDescr& fd = *op.field_descr();
    return object(op, fd.owner()->type_id(), ("a " + fd.owner()->name()).c_str()) + fd.offset();
  }

  char* item_address(const Op& op) {
    const ArrayDescr& ad = *op.array_descr();
    char* array = object(op, ad.type_id(), ("an array " + ad.name()).c_str());
    int64_t index = i(op, 1);
    int64_t length = JitHeap::array_length(array);
    if (index < 0 || index >= length)
      throw ExecutionError(&op, "index " + std::to_string(index) + " out of bounds (length " + std::to_string(length) + ")");
    return array + ad.items_offset() + index * ad.item_size();
  }

  static RtValue load(const char* address, Kind kind) {
    RtValue v;
    v.kind = kind;
    std::memcpy(&v.i, address, 8);
    return v;
  }
  static void store(char* address, const RtValue& v) { std::memcpy(address, &v.i, 8); }

  static int64_t wrap_add(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }
  static int64_t wrap_sub(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b)); }
  static int64_t wrap_mul(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b)); }

  int64_t shift_count(const Op& op) {
    int64_t n = i(op, 1);
    if (n < 0 || n > 63)
      throw ExecutionError(&op, std::string(op.info().name) + " by " + std::to_string(n) + ": shift counts are 0..63");
    return n;
  }

  RtValue execute(const Op& op) {
    using R = RtValue;
    switch (op.opcode()) {
      case Opcode::int_add: return R::of_int(wrap_add(i(op, 0), i(op, 1)));
      case Opcode::int_sub: return R::of_int(wrap_sub(i(op, 0), i(op, 1)));
      case Opcode::int_mul: return R::of_int(wrap_mul(i(op, 0), i(op, 1)));
      case Opcode::int_and: return R::of_int(i(op, 0) & i(op, 1));
      case Opcode::int_or: return R::of_int(i(op, 0) | i(op, 1));
      case Opcode::int_xor: return R::of_int(i(op, 0) ^ i(op, 1));
      case Opcode::int_lshift: return R::of_int(static_cast<int64_t>(static_cast<uint64_t>(i(op, 0)) << shift_count(op)));
      case Opcode::int_rshift: return R::of_int(i(op, 0) >> shift_count(op));
      case Opcode::uint_rshift: return R::of_int(static_cast<int64_t>(static_cast<uint64_t>(i(op, 0)) >> shift_count(op)));
      case Opcode::int_neg: return R::of_int(wrap_sub(0, i(op, 0)));
      case Opcode::int_invert: return R::of_int(~i(op, 0));
      case Opcode::int_lt: return R::of_int(i(op, 0) < i(op, 1));
      case Opcode::int_le: return R::of_int(i(op, 0) <= i(op, 1));
      case Opcode::int_eq: return R::of_int(i(op, 0) == i(op, 1));
      case Opcode::int_ne: return R::of_int(i(op, 0) != i(op, 1));
      case Opcode::int_gt: return R::of_int(i(op, 0) > i(op, 1));
      case Opcode::int_ge: return R::of_int(i(op, 0) >= i(op, 1));
      case Opcode::uint_lt: return R::of_int(static_cast<uint64_t>(i(op, 0)) < static_cast<uint64_t>(i(op, 1)));
      case Opcode::uint_le: return R::of_int(static_cast<uint64_t>(i(op, 0)) <= static_cast<uint64_t>(i(op, 1)));
      case Opcode::uint_gt: return R::of_int(static_cast<uint64_t>(i(op, 0)) > static_cast<uint64_t>(i(op, 1)));
      case Opcode::uint_ge: return R::of_int(static_cast<uint64_t>(i(op, 0)) >= static_cast<uint64_t>(i(op, 1)));
      case Opcode::int_is_true: return R::of_int(i(op, 0) != 0);
      case Opcode::int_is_zero: return R::of_int(i(op, 0) == 0);

      // On overflow the result is the wrapped value (what the machine
      // leaves in the register); only the guard after it may look at it.
      case Opcode::int_add_ovf: {
        int64_t out;
        overflow_ = __builtin_add_overflow(i(op, 0), i(op, 1), &out);
        return R::of_int(out);
      }
      case Opcode::int_sub_ovf: {
        int64_t out;
        overflow_ = __builtin_sub_overflow(i(op, 0), i(op, 1), &out);
        return R::of_int(out);
      }
      case Opcode::int_mul_ovf: {
        int64_t out;
        overflow_ = __builtin_mul_overflow(i(op, 0), i(op, 1), &out);
        return R::of_int(out);
      }

      // IEEE double, one rounding per operation: this file is built with
      // -ffp-contract=off so a*b+c never fuses.
      case Opcode::float_add: return R::of_float(f(op, 0) + f(op, 1));
      case Opcode::float_sub: return R::of_float(f(op, 0) - f(op, 1));
      case Opcode::float_mul: return R::of_float(f(op, 0) * f(op, 1));
      case Opcode::float_truediv: return R::of_float(f(op, 0) / f(op, 1));
      case Opcode::float_neg: return R::of_float(-f(op, 0));
      case Opcode::float_abs: return R::of_float(std::fabs(f(op, 0)));
      case Opcode::float_lt: return R::of_int(f(op, 0) < f(op, 1));
      case Opcode::float_le: return R::of_int(f(op, 0) <= f(op, 1));
      case Opcode::float_eq: return R::of_int(f(op, 0) == f(op, 1));
      case Opcode::float_ne: return R::of_int(f(op, 0) != f(op, 1));
      case Opcode::float_gt: return R::of_int(f(op, 0) > f(op, 1));
      case Opcode::float_ge: return R::of_int(f(op, 0) >= f(op, 1));
      case Opcode::cast_int_to_float: return R::of_float(static_cast<double>(i(op, 0)));
      case Opcode::cast_float_to_int: {
        // Truncation toward zero; outside the int64 range (and NaN) it is
        // undefined in RPython and each CPU answers differently.
        double x = f(op, 0);
        if (!(x > -9223372036854775809.0 && x < 9223372036854775808.0))
          throw ExecutionError(&op, "cast_float_to_int of " + float_repr(x) + ": out of the int range");
        return R::of_int(static_cast<int64_t>(x));
      }
      case Opcode::same_as_i:
      case Opcode::same_as_r:
      case Opcode::same_as_f: return get(op.args[0]);
      case Opcode::ptr_eq: return R::of_int(r(op, 0) == r(op, 1));
      case Opcode::ptr_ne: return R::of_int(r(op, 0) != r(op, 1));

      case Opcode::new_:
      case Opcode::new_with_vtable: return R::of_ref(heap_.new_struct(*op.struct_descr()));
      case Opcode::new_array: {
        int64_t length = i(op, 0);
        if (length < 0) throw ExecutionError(&op, "new_array of negative length " + std::to_string(length));
        return R::of_ref(heap_.new_array(*op.array_descr(), length));
      }
      case Opcode::arraylen_gc: {
        const ArrayDescr& ad = *op.array_descr();
        return R::of_int(JitHeap::array_length(object(op, ad.type_id(), ("an array " + ad.name()).c_str())));
      }
      case Opcode::getfield_gc_i:
      case Opcode::getfield_gc_r:
      case Opcode::getfield_gc_f: return load(field_address(op), op.kind());
      case Opcode::setfield_gc: store(field_address(op), get(op.args[1])); return R{};
      case Opcode::getarrayitem_gc_i:
      case Opcode::getarrayitem_gc_r:
      case Opcode::getarrayitem_gc_f: return load(item_address(op), op.kind());
      case Opcode::setarrayitem_gc: store(item_address(op), get(op.args[2])); return R{};

      case Opcode::call_i:
      case Opcode::call_r:
      case Opcode::call_f:
      case Opcode::call_n: {
        const CallDescr& cd = *op.call_descr();
        if (!cd.function() || !cd.function()->invoke)
          throw ExecutionError(&op, "no C function '" + cd.func_name() + "' to call");
        // Calling with an exception pending would lose it; machine code
        // cannot tell, so it is undefined like a null dereference.
        if (exception_state().type != 0)
          throw ExecutionError(&op, "call with an exception pending (a bridge must handle it first)");
        std::vector<RtValue> args = gather(op.args);
        RtValue result = cd.function()->invoke(args.data());
        result.kind = op.kind();
        if (exception_state().type != 0 && !cd.effects().can_raise()) {
          take_exception();
          throw ExecutionError(&op, "'" + cd.func_name() + "' raised, but its descr says effect=" +
                                        std::string(effect_name(cd.effects().extra)));
        }
        return result;
      }
      default: break;
    }
    throw ExecutionError(&op, "the reference executor cannot run " + std::string(op.info().name));
  }

  JitHeap& heap_;
  const LLGraphLoop& compiled_;
  uint64_t step_limit_;
  Frame frame_;
  bool overflow_ = false;
  std::unordered_map<const TargetToken*, size_t> label_pc_;
};

}  // namespace

std::unique_ptr<CompiledLoop> LLGraphBackend::compile_loop(const Trace& loop) {
  jitlog::stats().loops_compiled++;
  return std::make_unique<LLGraphLoop>(loop);
}

void LLGraphBackend::compile_bridge(CompiledLoop& loop, const FailDescr& guard, const Trace& bridge) {
  jitlog::stats().bridges_compiled++;
  static_cast<LLGraphLoop&>(loop).bridges[&guard] = &bridge;
}

ExitState LLGraphBackend::execute(CompiledLoop& loop, std::span<const RtValue> args) {
  Interpreter interp(heap_, static_cast<const LLGraphLoop&>(loop), step_limit_);
  take_exception();  // a run starts with none pending (an earlier one may have stopped with an error)
  return interp.run(args);
}

}  // namespace rpy::jit
