// C++ source generation from rtyped graphs: one C++ function per graph, a
// label per block, static data for prebuilt constants, and `main` calling
// the entry point. A large program is split into several translation units
// sharing one header, so that they compile in parallel (driver/cbuild.py
// writes the Makefile).
#pragma once
#include <string>
#include <vector>

#include "flowspace/model.h"

namespace rpy {

struct CodegenOptions {
  // `#line N "file.py"` before the C++ of every Python line, so that a
  // debugger shows and steps through the Python source (--lldebug).
  bool line_directives = false;
  // The graphs went through the GC transform (--gc=incminimark): the code
  // codegen writes itself (list growth, main) must root and barrier too.
  bool precise_gc = false;
  // Number of .cpp units; 0: chosen from the program's size.
  int units = 0;
  // Files are named <basename>.cpp (one unit), or <basename>.h and
  // <basename>_<i>.cpp.
  std::string basename = "program";
};

struct GeneratedFile {
  std::string name;  // relative to the source directory
  std::string text;
  bool is_unit;  // a .cpp to compile (else the shared header)
};

class RTyper;

std::vector<GeneratedFile> generate_cpp(const std::vector<FunctionGraph*>& graphs, FunctionGraph* entry,
                                        RTyper& rtyper, const CodegenOptions& opts);

}  // namespace rpy
