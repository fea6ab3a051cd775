#include "runtime/jit/trace.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <new>
#include <unordered_set>

namespace rpy::jit {

template <class T, class... A>
T* Trace::create(A&&... a) {
  void* at = memory_->allocate(sizeof(T), alignof(T));
  T* v = new (at) T(std::forward<A>(a)...);
  values_.push_back(v);
  return v;
}

void Trace::release() {
  for (Value* v : values_) v->~Value();
  values_.clear();
  if (memory_) memory_->release();
}

Trace::~Trace() { release(); }

Trace& Trace::operator=(Trace&& o) noexcept {
  if (this == &o) return *this;
  release();
  inputargs = std::move(o.inputargs);
  ops = std::move(o.ops);
  consts_ = std::move(o.consts_);
  values_ = std::move(o.values_);
  memory_ = std::move(o.memory_);
  o.memory_ = std::make_unique<std::pmr::monotonic_buffer_resource>(1024);
  o.values_.clear();
  o.inputargs.clear();
  o.ops.clear();
  o.consts_.clear();
  return *this;
}

InputArg* Trace::add_inputarg(Kind kind, std::string name) {
  InputArg* arg = create<InputArg>(kind, value_count());
  arg->name = std::move(name);
  inputargs.push_back(arg);
  return arg;
}

Op* Trace::make_op(Opcode opcode, std::span<Value* const> args, Descr* descr) {
  Op* op = create<Op>(opcode, value_count(), memory_.get());
  op->args.assign(args.begin(), args.end());
  op->descr = descr;
  return op;
}

VirtualValue* Trace::make_virtual(Descr* descr) {
  return create<VirtualValue>(descr, value_count());
}

Op* Trace::append(Opcode opcode, std::span<Value* const> args, Descr* descr) {
  Op* op = make_op(opcode, args, descr);
  ops.push_back(op);
  return op;
}

Const* Trace::intern(RtValue v, const StructDescr* class_descr) {
  ConstKey key{v.kind, v.i, class_descr};
  if (auto it = consts_.find(key); it != consts_.end()) return it->second;
  Const* raw = create<Const>(v, class_descr, value_count());
  consts_.emplace(key, raw);
  return raw;
}

Const* Trace::const_int(int64_t v) { return intern(RtValue::of_int(v), nullptr); }
Const* Trace::const_float(double v) { return intern(RtValue::of_float(v), nullptr); }
Const* Trace::const_ref(void* p) { return intern(RtValue::of_ref(p), nullptr); }
Const* Trace::const_class(const StructDescr* s) { return intern(RtValue::of_int(s->type_id()), s); }
Const* Trace::constant(const RtValue& v) { return intern(v, nullptr); }

const Bridge* TraceFile::bridge_for(const FailDescr* guard) const {
  for (const auto& b : bridges)
    if (b->guard == guard) return b.get();
  return nullptr;
}

const Op* TraceFile::op_for_exit(const FailDescr* exit) const {
  auto search = [&](const Trace& t) -> const Op* {
    for (const Op* op : t.ops)
      if (op->descr == exit) return op;
    return nullptr;
  };
  if (const Op* op = search(loop)) return op;
  for (const auto& b : bridges)
    if (const Op* op = search(b->trace)) return op;
  return nullptr;
}

void bind_labels(const Trace& trace) {
  for (Op* op : trace.ops)
    if (op->opcode() == Opcode::label)
      if (TargetToken* t = op->target()) {
        t->label = op;
        t->trace = &trace;
      }
}

namespace {

std::string kind_word(Kind k) {
  switch (k) {
    case Kind::Int: return "int";
    case Kind::Ref: return "ref";
    case Kind::Float: return "float";
    case Kind::Void: return "void";
  }
  return "?";
}

class Verifier {
 public:
  Verifier(const TraceFile& file, std::vector<VerifyError>& errors) : file_(file), errors_(errors) {}

  void verify_trace(const Trace& trace) {
    visible_.clear();
    for (const InputArg* a : trace.inputargs) {
      if (a->kind() == Kind::Void) error(nullptr, -1, "an input argument cannot be void");
      visible_.insert(a);
    }
    if (trace.ops.empty()) {
      error(nullptr, -1, "a trace needs at least one operation (it must end with jump or finish)");
      return;
    }
    for (size_t i = 0; i < trace.ops.size(); i++) {
      const Op* op = trace.ops[i];
      const Op* prev = i > 0 ? trace.ops[i - 1] : nullptr;
      const Op* next = i + 1 < trace.ops.size() ? trace.ops[i + 1] : nullptr;
      verify_op(trace, *op, prev, next);
      if (op->info().is_final() && next) error(next, -1, "operation after the end of the trace (" + std::string(op->info().name) + ")");
      if (!op->info().is_final() && !next) error(op, -1, "a trace must end with jump or finish");
      if (op->opcode() == Opcode::label) {
        visible_.clear();  // past a label only what it passes is live
        for (const Value* a : op->args) visible_.insert(a);
      }
      if (op->has_result()) visible_.insert(op);
    }
  }

  void verify_bridges() {
    std::unordered_set<const FailDescr*> seen;
    for (const auto& bridge : file_.bridges) {
      const Op* guard = bridge->guard ? file_.op_for_exit(bridge->guard) : nullptr;
      const Op* first = bridge->trace.ops.empty() ? nullptr : bridge->trace.ops.front();
      if (!guard || !guard->info().is_guard()) {
        error(first, -1, "a bridge must be attached to a guard");
        continue;
      }
      if (!seen.insert(bridge->guard).second) error(first, -1, "a second bridge for the same guard");
      const auto& inputs = bridge->trace.inputargs;
      if (inputs.size() != guard->fail_args.size()) {
        error(first, -1, "the bridge has " + std::to_string(inputs.size()) + " input arguments but its guard has " +
                             std::to_string(guard->fail_args.size()) + " fail arguments");
        continue;
      }
      for (size_t k = 0; k < inputs.size(); k++)
        if (inputs[k]->kind() != guard->fail_args[k]->kind())
          error(first, -1, "bridge input argument " + std::to_string(k) + " is " + kind_word(inputs[k]->kind()) +
                               " but the guard's fail argument is " + kind_word(guard->fail_args[k]->kind()));
    }
  }

 private:
  void error(const Op* op, int arg, std::string message) { errors_.push_back({op, arg, std::move(message)}); }

  void expect_kind(const Op& op, size_t index, Kind kind, const std::string& why = {}) {
    if (index < op.args.size() && op.args[index]->kind() != kind)
      error(&op, static_cast<int>(index),
            "argument " + std::to_string(index + 1) + " of " + std::string(op.info().name) + " must be " +
                kind_word(kind) + (why.empty() ? "" : " (" + why + ")") + ", not " +
                kind_word(op.args[index]->kind()));
  }

  void check_use(const Op& op, const Value* v, int index, bool in_fail_args) {
    if (!v) {
      error(&op, index, "missing value");
      return;
    }
    if (v->is_const()) return;
    if (const VirtualValue* vv = VirtualValue::cast(v)) {
      if (!in_fail_args) {
        error(&op, index, "a virtual can only be a fail argument");
        return;
      }
      check_virtual(op, vv);
      return;
    }
    if (!visible_.count(v)) {
      std::string what = in_fail_args ? "fail argument" : "argument";
      std::string name = v->name.empty() ? "a value" : "'" + v->name + "'";
      error(&op, in_fail_args ? -1 : index,
            what + " " + name + " is not defined here (values used after a label must be its arguments)");
    }
  }

  void check_virtual(const Op& op, const VirtualValue* vv) {
    if (!checked_virtuals_.insert(vv).second) return;
    size_t expected = 0;
    if (const StructDescr* s = vv->struct_descr()) {
      expected = s->fields().size();
      for (size_t k = 0; k < vv->items.size() && k < expected; k++)
        if (vv->items[k] && vv->items[k]->kind() != s->fields()[k]->kind())
          error(&op, -1, "virtual " + s->name() + ": field " + s->fields()[k]->field_name() + " is " +
                             kind_word(s->fields()[k]->kind()));
    } else if (const ArrayDescr* a = vv->array_descr()) {
      expected = vv->items.size();
      for (const Value* item : vv->items)
        if (item && item->kind() != a->item_kind()) error(&op, -1, "virtual " + a->name() + ": items are " + kind_word(a->item_kind()));
    } else {
      error(&op, -1, "a virtual needs a struct or array descr");
      return;
    }
    if (vv->items.size() != expected) error(&op, -1, "virtual " + vv->descr->name() + " has the wrong number of fields");
    for (const Value* item : vv->items) check_use(op, item, -1, true);
  }

  void verify_op(const Trace& trace, const Op& op, const Op* prev, const Op* next) {
    const OpInfo& info = op.info();
    for (size_t k = 0; k < op.args.size(); k++) check_use(op, op.args[k], static_cast<int>(k), false);
    for (const Value* v : op.fail_args) check_use(op, v, -1, true);

    if (!info.is_variadic() && static_cast<int>(op.args.size()) != info.arity()) {
      error(&op, -1, std::string(info.name) + " takes " + std::to_string(info.arity()) + " argument" +
                         (info.arity() == 1 ? "" : "s") + ", not " + std::to_string(op.args.size()));
      return;
    }
    if (!info.is_variadic())
      for (size_t k = 0; k < op.args.size(); k++) {
        char c = info.arg_kinds[k];
        if (c == 'i') expect_kind(op, k, Kind::Int);
        if (c == 'r') expect_kind(op, k, Kind::Ref);
        if (c == 'f') expect_kind(op, k, Kind::Float);
      }
    for (size_t k = 0; k < op.args.size(); k++)
      if (op.args[k] && op.args[k]->kind() == Kind::Void) error(&op, static_cast<int>(k), "a void value cannot be an argument");

    if (info.has(Fails) && !op.fail_descr()) error(&op, -1, std::string(info.name) + " needs a fail descr");
    if (!info.is_guard() && !op.fail_args.empty()) error(&op, -1, "only guards have fail arguments");
    if (info.is_ovf() && (!next || !next->info().has(ReadsOverflow)))
      error(&op, -1, std::string(info.name) + " must be followed by guard_no_overflow or guard_overflow");
    if (info.has(ReadsOverflow) && (!prev || !prev->info().is_ovf()))
      error(&op, -1, std::string(info.name) + " must follow an int_*_ovf operation");
    // The exception state is only looked at where RPython looks at it:
    // right after a call, or at the start of a bridge (the exception its
    // guard failed with is still pending there).
    if (info.has(ReadsException) && prev && !prev->info().is_call())
      error(&op, -1, std::string(info.name) + " must follow a call or start a bridge");
    if (info.is_call() && op.call_descr() && op.call_descr()->effects().can_raise() &&
        (!next || !next->info().has(ReadsException)))
      error(&op, -1, "a call that can raise (effect=" + std::string(effect_name(op.call_descr()->effects().extra)) +
                         ") must be followed by guard_no_exception or guard_exception");

    switch (op.opcode()) {
      case Opcode::guard_value:
        if (op.args[0]->kind() != op.args[1]->kind()) error(&op, 1, "guard_value compares values of one kind");
        break;
      case Opcode::guard_exception:
        if (!op.args[0]->is_const()) error(&op, 0, "the class of guard_exception must be a constant, e.g. ConstClass(E)");
        break;
      case Opcode::guard_class:
      case Opcode::guard_nonnull_class:
        if (!op.args[1]->is_const()) error(&op, 1, "the class of " + std::string(info.name) + " must be a constant, e.g. ConstClass(T)");
        break;
      case Opcode::new_:
      case Opcode::new_with_vtable:
        if (!op.struct_descr()) error(&op, -1, std::string(info.name) + " needs descr= naming a struct");
        break;
      case Opcode::getfield_gc_i:
      case Opcode::getfield_gc_r:
      case Opcode::getfield_gc_f:
      case Opcode::setfield_gc:
        if (const FieldDescr* f = op.field_descr()) {
          if (op.opcode() == Opcode::setfield_gc)
            expect_kind(op, 1, f->kind(), "the kind of " + f->name());
          else if (op.kind() != f->kind())
            error(&op, -1, "field " + f->name() + " is " + kind_word(f->kind()) + ": read it with " +
                               std::string(op_name(getfield_for(f->kind()))));
        } else {
          error(&op, -1, std::string(info.name) + " needs descr= naming a field, e.g. descr=T.value");
        }
        break;
      case Opcode::new_array:
      case Opcode::arraylen_gc:
      case Opcode::getarrayitem_gc_i:
      case Opcode::getarrayitem_gc_r:
      case Opcode::getarrayitem_gc_f:
      case Opcode::setarrayitem_gc:
        if (const ArrayDescr* a = op.array_descr()) {
          if (op.opcode() == Opcode::setarrayitem_gc)
            expect_kind(op, 2, a->item_kind(), "the item kind of " + a->name());
          else if ((op.opcode() == Opcode::getarrayitem_gc_i || op.opcode() == Opcode::getarrayitem_gc_r ||
                    op.opcode() == Opcode::getarrayitem_gc_f) &&
                   op.kind() != a->item_kind())
            error(&op, -1, "items of " + a->name() + " are " + kind_word(a->item_kind()) + ": read them with " +
                               std::string(op_name(getarrayitem_for(a->item_kind()))));
        } else {
          error(&op, -1, std::string(info.name) + " needs descr= naming an array");
        }
        break;
      case Opcode::call_i:
      case Opcode::call_r:
      case Opcode::call_f:
      case Opcode::call_n:
        if (const CallDescr* c = op.call_descr()) {
          if (c->result_kind() != op.kind())
            error(&op, -1, c->func_name() + " returns " + kind_word(c->result_kind()) + ": call it with " +
                               std::string(op_name(call_for(c->result_kind()))));
          if (op.args.size() != c->arg_kinds().size()) {
            error(&op, -1, c->func_name() + " takes " + std::to_string(c->arg_kinds().size()) + " arguments, not " +
                               std::to_string(op.args.size()));
          } else {
            for (size_t k = 0; k < op.args.size(); k++) expect_kind(op, k, c->arg_kinds()[k], "see " + c->name());
          }
        } else {
          error(&op, -1, std::string(info.name) + " needs descr= naming a call descr");
        }
        break;
      case Opcode::label: {
        if (!op.target()) error(&op, -1, "label needs descr= naming it, e.g. descr=loop");
        std::unordered_set<const Value*> seen;
        for (size_t k = 0; k < op.args.size(); k++) {
          if (op.args[k]->is_const()) error(&op, static_cast<int>(k), "label arguments must be variables");
          else if (!seen.insert(op.args[k]).second) error(&op, static_cast<int>(k), "a label argument appears twice");
        }
        break;
      }
      case Opcode::jump: {
        const TargetToken* t = op.target();
        if (!t || !t->label) {
          error(&op, -1, "jump needs descr= naming a label");
          break;
        }
        if (t->trace != &trace && t->trace != &file_.loop) {
          error(&op, -1, "jump to a label of another bridge");
          break;
        }
        const auto& params = t->label->args;
        if (params.size() != op.args.size()) {
          error(&op, -1, "jump passes " + std::to_string(op.args.size()) + " values but label " + t->name() +
                             " takes " + std::to_string(params.size()));
          break;
        }
        for (size_t k = 0; k < params.size(); k++) expect_kind(op, k, params[k]->kind(), "label " + t->name());
        break;
      }
      default: break;
    }
  }

  const TraceFile& file_;
  std::vector<VerifyError>& errors_;
  std::unordered_set<const Value*> visible_;
  std::unordered_set<const VirtualValue*> checked_virtuals_;
};

}  // namespace

std::vector<VerifyError> verify(const TraceFile& file) {
  std::vector<VerifyError> errors;
  Verifier v(file, errors);
  v.verify_trace(file.loop);
  for (const auto& b : file.bridges) v.verify_trace(b->trace);
  v.verify_bridges();
  return errors;
}

}  // namespace rpy::jit
