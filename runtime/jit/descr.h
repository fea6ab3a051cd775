// Descriptors: the static facts an operation refers to with descr=. A
// struct and its fields (with their offsets), an array type, a called
// function and its effects, the exit of a guard, the target of a jump.
//
// The object layout is fixed here so that the reference executor, the
// backends and (later) the GC agree on it:
//   struct: [rpy_gchdr: u32 type id, u32 gc flags][field 0][field 1]...
//   array:  [rpy_gchdr][i64 length][item 0][item 1]...
// Every field and item is one 8-byte word (int64, double or pointer).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/jit/kind.h"

namespace rpy::jit {

struct CFunction;
class Op;
class Trace;

namespace layout {
inline constexpr int64_t kWordSize = 8;
inline constexpr int64_t kHeaderSize = 8;  // rpy_gchdr (gc/rpygc.h)
inline constexpr int64_t kTypeIdOffset = 0;
inline constexpr int64_t kArrayLengthOffset = kHeaderSize;
inline constexpr int64_t kArrayItemsOffset = kHeaderSize + kWordSize;
// Type ids the JIT's own test types get; they stay clear of the runtime's
// and of translated programs' ids until the shared type table exists.
inline constexpr uint32_t kFirstTraceTypeId = 0x10000;
}  // namespace layout

class Descr {
 public:
  enum class Type : uint8_t { Struct, Field, Array, Call, Fail, Target };

  Descr(const Descr&) = delete;
  Descr& operator=(const Descr&) = delete;
  virtual ~Descr() = default;

  Type type() const { return type_; }
  // The name used after descr= in the text: "T", "T.value", "loop", "<exit7>".
  const std::string& name() const { return name_; }

 protected:
  Descr(Type type, std::string name) : type_(type), name_(std::move(name)) {}

 private:
  Type type_;
  std::string name_;
};

class FieldDescr;

class StructDescr final : public Descr {
 public:
  StructDescr(std::string name, uint32_t type_id) : Descr(Type::Struct, std::move(name)), type_id_(type_id) {}
  uint32_t type_id() const { return type_id_; }
  int64_t size() const { return layout::kHeaderSize + layout::kWordSize * static_cast<int64_t>(fields_.size()); }
  const std::vector<FieldDescr*>& fields() const { return fields_; }
  FieldDescr* field(std::string_view field_name) const;

 private:
  friend class DescrTable;
  uint32_t type_id_;
  std::vector<FieldDescr*> fields_;
};

class FieldDescr final : public Descr {
 public:
  FieldDescr(StructDescr* owner, std::string field_name, Kind kind, int64_t offset)
      : Descr(Type::Field, owner->name() + "." + field_name),
        owner_(owner), field_name_(std::move(field_name)), kind_(kind), offset_(offset) {}
  StructDescr* owner() const { return owner_; }
  const std::string& field_name() const { return field_name_; }
  Kind kind() const { return kind_; }
  int64_t offset() const { return offset_; }

 private:
  StructDescr* owner_;
  std::string field_name_;
  Kind kind_;
  int64_t offset_;
};

class ArrayDescr final : public Descr {
 public:
  ArrayDescr(std::string name, uint32_t type_id, Kind item_kind)
      : Descr(Type::Array, std::move(name)), type_id_(type_id), item_kind_(item_kind) {}
  uint32_t type_id() const { return type_id_; }
  Kind item_kind() const { return item_kind_; }
  int64_t item_size() const { return layout::kWordSize; }
  int64_t length_offset() const { return layout::kArrayLengthOffset; }
  int64_t items_offset() const { return layout::kArrayItemsOffset; }

 private:
  uint32_t type_id_;
  Kind item_kind_;
};

// What a call may do, as RPython's EffectInfo: the optimizer uses it to keep
// heap caches across calls, to CSE elidable calls, and to know whether a
// call needs an exception check.
struct EffectInfo {
  enum class Extra : uint8_t {
    ElidableCannotRaise,  // pure function: may be folded and CSE'd
    ElidableCanRaise,
    CannotRaise,          // the default
    CanRaise,
    RandomEffects,        // may do anything, including forcing virtuals
  };
  Extra extra = Extra::CannotRaise;
  // When false, `writes` lists every field and array descr the call may
  // write; reads are not tracked (any call may read anything).
  bool writes_anything = true;
  std::vector<const Descr*> writes;

  bool is_elidable() const { return extra == Extra::ElidableCannotRaise || extra == Extra::ElidableCanRaise; }
  bool can_raise() const { return extra == Extra::ElidableCanRaise || extra == Extra::CanRaise || extra == Extra::RandomEffects; }
  bool may_write(const Descr* d) const;
};

std::string_view effect_name(EffectInfo::Extra e);

class CallDescr final : public Descr {
 public:
  CallDescr(std::string name, std::string func_name, std::vector<Kind> arg_kinds, Kind result_kind,
            EffectInfo effects, const CFunction* function)
      : Descr(Type::Call, std::move(name)), func_name_(std::move(func_name)), arg_kinds_(std::move(arg_kinds)),
        result_kind_(result_kind), effects_(std::move(effects)), function_(function) {}
  const std::string& func_name() const { return func_name_; }
  const std::vector<Kind>& arg_kinds() const { return arg_kinds_; }
  Kind result_kind() const { return result_kind_; }
  const EffectInfo& effects() const { return effects_; }
  // Resolved from a CFunctionRegistry when the descr was declared; null when
  // the trace was parsed without one (printing and optimizing still work).
  const CFunction* function() const { return function_; }

 private:
  std::string func_name_;
  std::vector<Kind> arg_kinds_;
  Kind result_kind_;
  EffectInfo effects_;
  const CFunction* function_;
};

// The identity of one exit: a guard or a finish. `index` is the number
// `rpyjit run` prints (the operation's line ordinal in the source file), and
// bridges attach to it. Passes that copy a guard keep its FailDescr, so an
// optimized trace still exits with the numbers of the source.
class FailDescr final : public Descr {
 public:
  explicit FailDescr(int index) : Descr(Type::Fail, "<exit" + std::to_string(index) + ">"), index_(index) {}
  int index() const { return index_; }

 private:
  int index_;
};

// A label a jump can go to. The parser creates one per label's descr= name.
class TargetToken final : public Descr {
 public:
  explicit TargetToken(std::string name) : Descr(Type::Target, std::move(name)) {}
  // The label op and the trace holding it, set when the label is placed.
  Op* label = nullptr;
  const Trace* trace = nullptr;
};

// Owns every descr of a loop and its bridges. Declared descrs (struct,
// array, call) keep their declaration order, so the printer can re-emit
// `descr` lines as they were written.
class DescrTable {
 public:
  StructDescr* declare_struct(std::string name);
  FieldDescr* add_field(StructDescr* owner, std::string field_name, Kind kind);
  ArrayDescr* declare_array(std::string name, Kind item_kind);
  CallDescr* declare_call(std::string name, std::string func_name, std::vector<Kind> arg_kinds, Kind result,
                          EffectInfo effects, const CFunction* function);
  TargetToken* target(const std::string& name);  // created on first use
  FailDescr* new_fail_descr(int index);

  // By text name: "T", "T.value", "A", "loop"; null if unknown.
  Descr* find(std::string_view name) const;
  FailDescr* fail_descr(int index) const;
  const std::vector<Descr*>& declared() const { return declared_; }

 private:
  Descr* own(std::unique_ptr<Descr> d);
  std::vector<std::unique_ptr<Descr>> owned_;
  std::vector<Descr*> declared_;
  std::unordered_map<std::string, Descr*> by_name_;
  std::unordered_map<int, FailDescr*> fail_by_index_;
  uint32_t next_type_id_ = layout::kFirstTraceTypeId;
};

}  // namespace rpy::jit
