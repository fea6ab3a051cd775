// Values of the trace IR: what an operation takes as arguments. A value is
// an input argument of a trace, the result of an operation (the Op itself,
// as in RPython's resoperation.py: an operation *is* its result box), or a
// constant. Every Value is owned by the Trace that created it.
#pragma once
#include <cstdint>
#include <string>

#include "runtime/jit/kind.h"

namespace rpy::jit {

class StructDescr;

// A value at run time, as executors and backends exchange them.
struct RtValue {
  Kind kind = Kind::Void;
  union {
    int64_t i;
    double f;
    void* r;
  };
  RtValue() : i(0) {}
  static RtValue of_int(int64_t v) { RtValue x; x.kind = Kind::Int; x.i = v; return x; }
  static RtValue of_float(double v) { RtValue x; x.kind = Kind::Float; x.f = v; return x; }
  static RtValue of_ref(void* v) { RtValue x; x.kind = Kind::Ref; x.r = v; return x; }
};

// The text `rpyjit run` prints for a value: decimal int, Python float repr,
// `null` or `ref` (addresses differ between executors, so they never print).
std::string format_rt_value(const RtValue& v);
// Python 3's repr(float): shortest round-trip digits, "1.0", "1e+16", "inf".
std::string float_repr(double x);

class Value {
 public:
  // Virtual: a fail argument standing for an object the optimizer removed
  // (VirtualValue in trace.h); only guards' fail arguments hold one.
  enum class Origin : uint8_t { InputArg, Result, Const, Virtual };

  Value(const Value&) = delete;
  Value& operator=(const Value&) = delete;
  virtual ~Value() = default;

  Kind kind() const { return kind_; }
  Origin origin() const { return origin_; }
  bool is_const() const { return origin_ == Origin::Const; }
  bool is_inputarg() const { return origin_ == Origin::InputArg; }
  bool is_op() const { return origin_ == Origin::Result; }
  bool is_virtual() const { return origin_ == Origin::Virtual; }
  // Dense index within the owning trace: executors keep per-value state in
  // a vector indexed by it instead of a hash map.
  uint32_t id() const { return id_; }

  // The name the value had in the parsed text ("i2", "p4"); empty for values
  // a pass created, which the printer names itself. Kept so optimized traces
  // print with the names of the input.
  std::string name;

 protected:
  Value(Kind kind, Origin origin, uint32_t id) : kind_(kind), origin_(origin), id_(id) {}

 private:
  Kind kind_;
  Origin origin_;
  uint32_t id_;
};

class InputArg final : public Value {
 public:
  InputArg(Kind kind, uint32_t id) : Value(kind, Origin::InputArg, id) {}
};

class Const final : public Value {
 public:
  static Const* cast(Value* v) { return v && v->is_const() ? static_cast<Const*>(v) : nullptr; }
  static const Const* cast(const Value* v) { return v && v->is_const() ? static_cast<const Const*>(v) : nullptr; }

  int64_t int_value() const { return bits_.i; }
  double float_value() const { return bits_.f; }
  void* ref_value() const { return bits_.r; }
  bool is_null() const { return kind() == Kind::Ref && bits_.r == nullptr; }
  // Set for ConstClass(T): an int constant holding T's type id, printed by name.
  const StructDescr* class_descr() const { return class_descr_; }
  RtValue rt_value() const { return bits_; }

  // Same kind and same bits: 0.0 and -0.0 are different constants, a NaN is
  // equal to itself. That is what constant deduplication and guard_value need.
  bool same_constant(const Const& other) const;

 private:
  friend class Trace;
  Const(RtValue bits, const StructDescr* class_descr, uint32_t id)
      : Value(bits.kind, Origin::Const, id), bits_(bits), class_descr_(class_descr) {}
  RtValue bits_;
  const StructDescr* class_descr_;
};

}  // namespace rpy::jit
