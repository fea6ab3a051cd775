// The bookkeeper: what the annotator knows about the program's Python-level
// objects. One FuncDesc per user function, whose flow graph is built the
// first time a call to it is annotated.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "annotator/model.h"
#include "flowspace/model.h"

namespace rpy {

struct FuncDesc {
  py::object func;
  std::string name;
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
  FuncDesc* get_desc(py::handle func);  // nullptr if not a Python function
  std::vector<FunctionGraph*> all_graphs() const;
  FunctionGraph* graph_of(FuncDesc* d);  // builds the flow graph on first use

  // The annotation of a value: a variable's binding, or what a constant is.
  SV annotation(const Value* v);

 private:
  std::map<PyObject*, std::unique_ptr<FuncDesc>> descs_;
  std::vector<FuncDesc*> order_;
  std::vector<std::unique_ptr<FunctionGraph>> graphs_;
};

}  // namespace rpy
