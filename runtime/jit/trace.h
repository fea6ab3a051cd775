// Operations and traces: the IR every JIT stage reads and writes.
//
// A Trace is a linear list of operations over its input arguments. A
// TraceFile is what `rpyjit run` reads and what the tracer will produce: the
// loop, the bridges attached to its guards, and the descrs they share.
#pragma once
#include <memory>
#include <initializer_list>
#include <memory_resource>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/jit/descr.h"
#include "runtime/jit/opcode.h"
#include "runtime/jit/value.h"

namespace rpy::jit {

using ValueList = std::pmr::vector<Value*>;

class Op final : public Value {
 public:
  static Op* cast(Value* v) { return v && v->is_op() ? static_cast<Op*>(v) : nullptr; }
  static const Op* cast(const Value* v) { return v && v->is_op() ? static_cast<const Op*>(v) : nullptr; }

  Opcode opcode() const { return opcode_; }
  const OpInfo& info() const { return op_info(opcode_); }
  bool has_result() const { return kind() != Kind::Void; }

  // Both lists live in the trace's memory (a trace has about one of each
  // per operation; separate heap blocks would be most of an optimizer
  // run's allocations). They are std::vectors apart from the allocator.
  ValueList args;
  Descr* descr = nullptr;
  // For guards: the values the exit hands to the interpreter (or to the
  // bridge attached to this guard), in order.
  ValueList fail_args;
  // 1-based line in the text the op was parsed from; 0 when a pass made it.
  int source_line = 0;

  Value* arg(size_t i) const { return args[i]; }
  FailDescr* fail_descr() const { return descr && descr->type() == Descr::Type::Fail ? static_cast<FailDescr*>(descr) : nullptr; }
  FieldDescr* field_descr() const { return descr && descr->type() == Descr::Type::Field ? static_cast<FieldDescr*>(descr) : nullptr; }
  StructDescr* struct_descr() const { return descr && descr->type() == Descr::Type::Struct ? static_cast<StructDescr*>(descr) : nullptr; }
  ArrayDescr* array_descr() const { return descr && descr->type() == Descr::Type::Array ? static_cast<ArrayDescr*>(descr) : nullptr; }
  CallDescr* call_descr() const { return descr && descr->type() == Descr::Type::Call ? static_cast<CallDescr*>(descr) : nullptr; }
  TargetToken* target() const { return descr && descr->type() == Descr::Type::Target ? static_cast<TargetToken*>(descr) : nullptr; }

 private:
  friend class Trace;
  Op(Opcode opcode, uint32_t id, std::pmr::memory_resource* memory)
      : Value(op_info(opcode).result, Origin::Result, id), args(memory), fail_args(memory), opcode_(opcode) {}
  Opcode opcode_;
};

// Resume data for an object the optimizer removed (a "virtual"): it stands
// in a guard's fail arguments, and when the guard fails the executor (or the
// backend, through resume.h) allocates the object and stores `items` into
// it. A struct virtual (descr: StructDescr) has one item per field, in
// declaration order; an array virtual (descr: ArrayDescr) one per element.
// Items are values of the trace, constants, or other virtuals (sharing and
// cycles allowed). Printed after the fail arguments:
//   guard_true(i3) [i2, p9] {p9: T(value=i2, next=NULL); p10: A[i2, 0]}
class VirtualValue final : public Value {
 public:
  static VirtualValue* cast(Value* v) { return v && v->is_virtual() ? static_cast<VirtualValue*>(v) : nullptr; }
  static const VirtualValue* cast(const Value* v) { return v && v->is_virtual() ? static_cast<const VirtualValue*>(v) : nullptr; }
  VirtualValue(Descr* descr, uint32_t id) : Value(Kind::Ref, Origin::Virtual, id), descr(descr) {}
  Descr* descr;
  std::vector<Value*> items;
  StructDescr* struct_descr() const { return descr->type() == Descr::Type::Struct ? static_cast<StructDescr*>(descr) : nullptr; }
  ArrayDescr* array_descr() const { return descr->type() == Descr::Type::Array ? static_cast<ArrayDescr*>(descr) : nullptr; }
};

class Trace {
 public:
  Trace() = default;
  Trace(Trace&& o) noexcept { *this = std::move(o); }
  Trace& operator=(Trace&& o) noexcept;
  ~Trace();

  std::vector<InputArg*> inputargs;
  std::vector<Op*> ops;

  InputArg* add_inputarg(Kind kind, std::string name = {});
  // Makes an operation owned by this trace without placing it, for passes
  // that decide later where (or whether) it goes.
  Op* make_op(Opcode opcode, std::span<Value* const> args, Descr* descr = nullptr);
  Op* make_op(Opcode opcode, std::initializer_list<Value*> args = {}, Descr* descr = nullptr) {
    return make_op(opcode, std::span<Value* const>(args.begin(), args.size()), descr);
  }
  // A virtual for fail arguments (items filled by the caller).
  VirtualValue* make_virtual(Descr* descr);
  // make_op + push_back.
  Op* append(Opcode opcode, std::span<Value* const> args, Descr* descr = nullptr);
  Op* append(Opcode opcode, std::initializer_list<Value*> args = {}, Descr* descr = nullptr) {
    return append(opcode, std::span<Value* const>(args.begin(), args.size()), descr);
  }

  // Constants are deduplicated per trace.
  Const* const_int(int64_t v);
  Const* const_float(double v);
  Const* const_ref(void* p);
  Const* const_null() { return const_ref(nullptr); }
  Const* const_class(const StructDescr* s);
  Const* constant(const RtValue& v);

  // Upper bound of Value::id() over the values of this trace.
  uint32_t value_count() const { return static_cast<uint32_t>(values_.size()); }

 private:
  Const* intern(RtValue v, const StructDescr* class_descr);
  // Values live in chunks owned by the trace (a trace makes one per
  // operation, and optimizing makes a new trace: one malloc each would
  // dominate); values_ lists them by id, for their destructors.
  template <class T, class... A>
  T* create(A&&... a);
  void release();
  std::vector<Value*> values_;
  // Values and the operations' lists; behind a pointer so that moving a
  // trace keeps every address.
  std::unique_ptr<std::pmr::monotonic_buffer_resource> memory_ =
      std::make_unique<std::pmr::monotonic_buffer_resource>(32 * 1024);
  struct ConstKey {
    Kind kind;
    int64_t bits;
    const StructDescr* class_descr;
    bool operator==(const ConstKey&) const = default;
  };
  struct ConstKeyHash {
    size_t operator()(const ConstKey& k) const {
      return std::hash<int64_t>()(k.bits) ^ (static_cast<size_t>(k.kind) << 3) ^ std::hash<const void*>()(k.class_descr);
    }
  };
  std::unordered_map<ConstKey, Const*, ConstKeyHash> consts_;
};

struct Bridge {
  FailDescr* guard = nullptr;  // the exit the bridge continues from
  Trace trace;                 // its inputargs receive the guard's fail args
};

// Not movable: target tokens point at the traces inside it, so it lives
// behind a unique_ptr (parse_trace_file returns one).
struct TraceFile {
  TraceFile() = default;
  TraceFile(const TraceFile&) = delete;
  TraceFile& operator=(const TraceFile&) = delete;

  std::shared_ptr<DescrTable> descrs = std::make_shared<DescrTable>();
  Trace loop;
  std::vector<std::unique_ptr<Bridge>> bridges;

  const Bridge* bridge_for(const FailDescr* guard) const;
  // The guard or finish whose FailDescr is `exit`, searching loop and bridges.
  const Op* op_for_exit(const FailDescr* exit) const;
};

// Semantic checks: argument counts and kinds, descr types, definitions
// before uses (and, after a label, only the label's arguments and later
// results), guards carrying fail args, ovf ops followed by an overflow guard,
// a final jump or finish, jumps matching their label, bridges matching their
// guard. The parser reports these with positions; passes can run it on
// their output in tests.
struct VerifyError {
  const Op* op = nullptr;  // null for errors about a trace's inputargs
  int arg_index = -1;      // which argument is wrong, when one is
  std::string message;
};
std::vector<VerifyError> verify(const TraceFile& file);

// Points every label's TargetToken at that label in `trace`: after a pass
// builds a new trace, jumps resolve to its labels.
void bind_labels(const Trace& trace);

}  // namespace rpy::jit
