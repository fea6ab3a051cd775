// The rtyper: gives every variable a low-level type (from its annotation)
// and rewrites high-level operations into low-level ones, in place. Its
// output is the one IR that codegen and the JIT codewriter both read.
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <vector>

#include "annotator/bookkeeper.h"
#include "rtyper/externals.h"
#include "rtyper/lltype.h"
#include "rtyper/rdict.h"

namespace rpy {

// The arguments of a simple_call/call_kw operation after the callable:
// for call_kw the leading constant tuple of keyword names is removed from
// `args` and returned (the keyword values are the last arguments).
std::vector<std::string> take_keyword_names(const std::string& opname, std::vector<Value*>& args);

class RTyper {
 public:
  explicit RTyper(Bookkeeper& bk) : bk_(bk) {}

  void specialize(const std::vector<FunctionGraph*>& graphs);
  const LLType* lltype_of(const SV& s);

  // Classes (rtyper/rclass.cpp).
  const LLType* inst_struct(ClassDef* cd);
  const LLType* vtable_struct(ClassDef* cd);
  struct MethodSlot {
    std::string field;      // the vtable field
    const LLType* fntype;   // Ptr(Func)
  };
  // Slots per class, in the order they were created: codegen fills them with
  // each subclass's implementation.
  const std::map<std::pair<ClassDef*, std::string>, MethodSlot>& method_slots() const { return slots_; }
  Bookkeeper& bookkeeper() { return bk_; }
  // Every dict and set representation made (codegen instantiates the
  // runtime's templates for each).
  const std::vector<std::unique_ptr<DictLayout>>& dict_layouts() const { return dict_layouts_; }
  // A prebuilt dict's items: the annotated key and value constants, per
  // low-level dict type (codegen builds the dict at startup).
  const LLType* dict_lltype(DictDef* d);

 private:
  Bookkeeper& bk_;
  FunctionGraph* g_ = nullptr;
  std::vector<SpaceOperation> out_;
  SourcePos pos_;
  std::map<std::vector<const LLType*>, LLType*> tuple_types_;
  std::map<std::pair<const LLType*, bool>, LLType*> list_types_;  // (item, fixed size)
  std::map<const LLType*, LLType*> listiter_types_;
  std::map<std::pair<ClassDef*, std::string>, MethodSlot> slots_;
  bool classes_numbered_ = false;
  std::map<DictDef*, LLType*> dict_types_;
  std::map<DictDef*, LLType*> dictiter_types_;
  std::vector<std::unique_ptr<DictLayout>> dict_layouts_;
  std::deque<ExternalFunc> template_externals_;
  std::map<std::string, const ExternalFunc*> template_ext_index_;
  // A runtime template `name`<struct of targ> (dicts, lists), declared with its effects.
  const ExternalFunc* template_external(const std::string& name, const LLType* targ, std::vector<const LLType*> args,
                                        const LLType* result, bool canraise, bool cancollect,
                                        const std::string& oopspec);
  // Lists (rtyper/rlist.cpp): the placeholders list_append, list_pop_last
  // and listiter_next lowered to operations and blocks.
  void expand_list_ops(FunctionGraph* g);
  // Both list representations: a fixed-size list is Ptr(GcArray), a
  // resizable one Ptr(GcStruct {length, items: Ptr(GcArray)}).
  static const LLType* list_array_type(const LLType* lt);  // Ptr(GcArray)
  Value* list_len(Value* l);
  Value* list_items(Value* l);

  // Dicts and sets (rtyper/rdict.cpp).
  const LLType* dictiter_lltype(DictDef* d);
  bool rtype_dict_op(SpaceOperation& op);  // false: not a dict operation
  bool rtype_dict_builtin(const std::string& name, SpaceOperation& op, const std::vector<Value*>& args);
  void rtype_dict_method(SpaceOperation& op, const SV& f, const std::vector<Value*>& args);
  void make_pair(const LLType* tt, Value* k, Value* v, Variable* into);
  // A call to the runtime template `name`<struct of targ>, declared with its effects.
  Variable* call_dict_helper(const std::string& name, const LLType* targ,
                             std::vector<std::pair<Value*, const LLType*>> args, const LLType* result, bool canraise,
                             const std::string& oopspec, Variable* into = nullptr);

  void number_classes();
  void rtype_getattr_instance(SpaceOperation& op);
  void rtype_setattr_instance(SpaceOperation& op);
  void rtype_instantiate(SpaceOperation& op, py::handle cls, std::vector<Value*> args,
                         const std::vector<std::string>& kwnames, bool call_init = true);
  void rtype_method_call(SpaceOperation& op, const SV& f, std::vector<Value*> args,
                         const std::vector<std::string>& kwnames);
  Value* rtype_isinstance(Value* x, const SV& classes_spec, Variable* into);
  Value* call_method(const SV& f, Value* self, std::vector<Value*> args, const std::vector<std::string>& kwnames,
                     Variable* into);
  Value* special_call(SpaceOperation& op, int slot, Value* self, std::vector<Value*> args);
  void rtype_class_call(SpaceOperation& op, const SV& f, std::vector<Value*> args,
                        const std::vector<std::string>& kwnames);
 public:
  // Constructor slots (cls(...) through a vtable): which constructor each class puts in a slot.
  std::map<std::pair<ClassDef*, std::string>, FuncDesc*> ctor_slots_;
 private:
  SpaceOperation* cur_op_ = nullptr;
  Constant* vtable_const(ClassDef* cd);
  void set_exception_args(Value* exc, ClassDef* cd, const std::vector<Value*>& args);
  // The call's arguments in the callee's parameter order, defaults filled in,
  // each converted to the parameter's type; `self` first for methods.
  std::vector<Value*> call_args(FuncDesc* d, const std::vector<Value*>& args, const std::vector<std::string>& kwnames,
                                Value* self, const SourcePos& pos);

  void simplify_after_annotation(FunctionGraph* g);
  void specialize_block(Block* b);
  void specialize_link(Link* l);
  void rtype_op(SpaceOperation& op);
  void rtype_call(SpaceOperation& op);
  void rtype_builtin(const std::string& name, SpaceOperation& op, std::vector<Value*> args,
                     const std::vector<std::string>& kwnames);
  // syslib (rtyper/rmodules.cpp): math/time/os/sys functions; operations on
  // bytes (false when `op` is not one).
  void rtype_module_builtin(const std::string& name, SpaceOperation& op, std::vector<Value*> args,
                            const std::vector<std::string>& kwnames);
  bool rtype_bytes_op(SpaceOperation& op);
  // bytes and bytearray (rtyper/rbytes.cpp); false when `op` is not one.
  bool rtype_bytes_like_op(SpaceOperation& op);
  bool rtype_bytes_builtin(const std::string& name, SpaceOperation& op, std::vector<Value*> args,
                           const std::vector<std::string>& kwnames);
  Value* as_bytes(Value* v);  // a bytearray copied into a bytes; bytes as they are
  Value* bytes_const(const ConstValue& c);

  Variable* gen(const std::string& opname, std::vector<Value*> args, const LLType* restype,
                Variable* into = nullptr);
  Variable* call_external(const std::string& name, std::vector<Value*> args, Variable* into = nullptr);
  // `v` (with annotation `s`) as a value of low-level type `to`.
  Value* convert(Value* v, const LLType* to);
  Constant* typed_const(const ConstValue& c, const LLType* t);
  const LLType* family_fnptr_type(const std::vector<FuncDesc*>& descs);
  const LLType* frozen_struct(const std::vector<py::object>& objs);
 public:
  std::map<std::string, const LLType*> frozen_structs_;  // codegen emits them
 private:
  Value* to_str(Value* v);
  Value* to_bool(Value* v);
  Value* to_bool_value(Value* v);
  Value* hash_of(Value* v, bool identity);
  Value* builtin_hash_of(Value* v);  // hash(): CPython's values for ints, floats, tuples
  Value* tuple_eq(Value* a, Value* b);
  Value* tuple_order(Value* a, Value* b, const std::string& cmpname);
  Value* helper_call(SpaceOperation& op, int slot, std::vector<Value*> args);
  SV ann(Value* v) { return bk_.annotation(v); }
  [[noreturn]] void unsupported(const std::string& what);
};

}  // namespace rpy
