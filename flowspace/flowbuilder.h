// Builds flow graphs from live Python function objects: the AST of their
// source, plus their globals and closure cells, which are constants.
#pragma once
#include <memory>

#include "flowspace/model.h"

namespace rpy {

// Raises TranslationError for constructs outside RPython-3.
std::unique_ptr<FunctionGraph> build_flow_graph(py::handle func);

// The position of a Python function's `def` line (for errors about a call).
SourcePos function_pos(py::handle func);

// Where an error in Python-level code (the target module, its `target`
// function) points: the source file and line of an object.
std::shared_ptr<const SourceFile> load_source_file(const std::string& path);

}  // namespace rpy
