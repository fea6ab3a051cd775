// The bookkeeper: what the annotator knows about the program's Python-level
// objects. One FuncDesc per user function, whose flow graph is built the
// first time a call to it is annotated.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "annotator/classdef.h"
#include "annotator/model.h"
#include "flowspace/model.h"

namespace rpy {

// An argument of a helper that does a whole operation (a list method, a
// slice, sorted()...): the operation's argument `index`, or the constant `c`
// when index < 0.
struct HelperArg {
  int index = -1;
  ConstValue c;
};
// The helper_calls slot of such an operation.
constexpr int kOpHelperSlot = -1;

struct FuncDesc {
  py::object func;
  std::string name;
  // For a method: the class `self` belongs to. A mixin's method gets one
  // desc (and graph) per class using it, as if copied into each.
  ClassDef* selfclass = nullptr;
  std::string spec_key;              // for a specialized version: what it is specialized for
  std::map<std::string, FuncDesc*> specializations;
  FunctionGraph* graph = nullptr;
  std::vector<std::string> argnames;
  std::vector<py::object> defaults;  // for the last len(defaults) parameters
  SourcePos pos;
  // Blocks that call this function: reflowed when its return value generalizes.
  std::set<std::pair<FunctionGraph*, Block*>> callers;
};

// How a call site passes its arguments.
struct CallShape {
  size_t npositional = 0;
  std::vector<std::string> kwnames;
};

// For each parameter of the callee: the index of the call argument that
// fills it, or -1 - k for the callee's k-th default. Throws TranslationError
// with CPython's wording for arity mistakes.
std::vector<int> bind_call_args(const FuncDesc& desc, const CallShape& shape, const SourcePos& callpos);

// Built-in functions the annotator and the rtyper know, by name ("print").
// Empty when the object is no such builtin.
std::string builtin_name(py::handle obj);

class Bookkeeper {
 public:
  Bookkeeper();
  FuncDesc* get_desc(py::handle func, ClassDef* selfclass = nullptr);  // nullptr if not a Python function
  FuncDesc* desc_of(const FunctionGraph* g) const;
  // The implementation of method `name` that an instance of exactly `cd`
  // runs: nullptr when `cd` has no such method.
  FuncDesc* method_impl(ClassDef* cd, const std::string& name);
  FuncDesc* constructor(ClassDef* cd, const CallShape& shape);
  // The annotation of "any exception": an instance of BaseException.
  SV s_any_exception();
  // The version of `d` specialized for `key` (its own graph).
  FuncDesc* specialized(FuncDesc* d, const std::string& key);
  // What a call operation resolved to, when not simply its callee's desc:
  // a specialized version, or a constant result (specialize:memo).
  std::map<const SpaceOperation*, FuncDesc*> call_target;
  std::map<const SpaceOperation*, py::object> memo_result;
  // Special methods an operation calls (__len__, __getitem__, __str__...):
  // the bound-method annotation, per operation and slot.
  std::map<std::pair<const SpaceOperation*, int>, SV> special_calls;
  // Helpers of rpython/rlib that an operation calls (repr of a container),
  // per operation and slot.
  std::map<std::pair<const SpaceOperation*, int>, FuncDesc*> helper_calls;
  // Operations done entirely by a helper (slot kOpHelperSlot): where each of
  // the helper's arguments comes from.
  std::map<const SpaceOperation*, std::vector<HelperArg>> helper_args;
  std::map<const SpaceOperation*, std::shared_ptr<ListDef>> newlist_defs;
  std::map<const SpaceOperation*, std::shared_ptr<DictDef>> newdict_defs;
  std::map<PyObject*, std::shared_ptr<DictDef>> prebuilt_dicts;
  std::map<PyObject*, std::shared_ptr<ListDef>> prebuilt_lists;
  // Attributes read on each set of frozen objects (by frozen_key).
  std::map<std::string, std::set<std::string>> frozen_attrs;
  // The ClassDef of a Python class (created with its bases on first use);
  // throws TranslationError at `pos` for classes outside RPython.
  ClassDef* getclassdef(py::handle cls, const SourcePos& pos = {});
  ClassDef* classdef_if_known(py::handle cls) const;
  const std::vector<ClassDef*>& all_classdefs() const { return classdef_order_; }
  // What `cls.name` finds at class level (through the MRO, user classes and
  // mixins only): a null object when nothing does.
  py::object lookup_class_attr(ClassDef* cd, const std::string& name) const;
  // Set by the annotator: reflows a block when a class hierarchy grows.
  std::function<void(FunctionGraph*, Block*)> reflow;
  // Set by the annotator: a module-level instance was reached; its
  // attributes' values join the class's attribute types.
  std::function<void(py::handle, ClassDef*)> on_prebuilt_instance;
  bool is_prebuilt_instance(py::handle o) const;
  // Every prebuilt instance reached, in the order they were found.
  const std::vector<py::object>& prebuilt_instances() const { return prebuilt_order_; }
  std::vector<FunctionGraph*> all_graphs() const;
  FunctionGraph* graph_of(FuncDesc* d);  // builds the flow graph on first use

  // The annotation of a value: a variable's binding, or what a constant is.
  SV annotation(const Value* v);

 private:
  std::map<std::pair<PyObject*, ClassDef*>, std::unique_ptr<FuncDesc>> descs_;
  std::map<const FunctionGraph*, FuncDesc*> desc_of_graph_;
  std::vector<std::unique_ptr<FuncDesc>> spec_descs_;
  std::map<std::pair<ClassDef*, std::string>, FuncDesc*> ctors_;
  std::map<PyObject*, std::unique_ptr<ClassDef>> classdefs_;
  std::vector<ClassDef*> classdef_order_;
  std::set<PyObject*> prebuilt_;
  std::vector<py::object> prebuilt_list_objs_;  // keeps them alive
  std::vector<py::object> prebuilt_order_;
  std::vector<FuncDesc*> order_;
  std::vector<std::unique_ptr<FunctionGraph>> graphs_;
  // Gives d a graph the toolchain made itself (not built from d's source).
  void adopt_graph(FuncDesc* d, std::unique_ptr<FunctionGraph> g);
};

}  // namespace rpy
