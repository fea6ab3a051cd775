// Builds flow graphs from live Python function objects: the AST of their
// source, plus their globals and closure cells, which are constants.
#pragma once
#include <memory>

#include "flowspace/model.h"

namespace rpy {

// A method whose graph the flow builder made itself: the __call__ of the
// class a nested function (a closure) becomes.
struct ExtraMethod {
  py::object cls;
  py::object stub;  // the Python function standing for the method (names, defaults)
  std::unique_ptr<FunctionGraph> graph;
};

// Raises TranslationError for constructs outside RPython-3. Nested functions
// add their classes' methods to `extras`.
std::unique_ptr<FunctionGraph> build_flow_graph(py::handle func, std::vector<ExtraMethod>* extras = nullptr);

// The position of a Python function's `def` line (for errors about a call).
SourcePos function_pos(py::handle func);

// Where an error in Python-level code (the target module, its `target`
// function) points: the source file and line of an object.
std::shared_ptr<const SourceFile> load_source_file(const std::string& path);

}  // namespace rpy
