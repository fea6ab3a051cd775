// C++ source generation from rtyped graphs: one C++ function per graph, a
// label per block, `#line` back to the Python source, static data for
// prebuilt constants, and `main` calling the entry point.
#pragma once
#include <string>
#include <vector>

#include "flowspace/model.h"

namespace rpy {

struct CodegenOptions {
  bool line_directives = true;
  // The graphs went through the GC transform (--gc=incminimark): the code
  // codegen writes itself (list growth, main) must root and barrier too.
  bool precise_gc = false;
};

class RTyper;

std::string generate_cpp(const std::vector<FunctionGraph*>& graphs, FunctionGraph* entry, RTyper& rtyper,
                         const CodegenOptions& opts);

}  // namespace rpy
