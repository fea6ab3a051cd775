// The low-level operations: the instruction set of rtyped graphs, read by
// codegen and (later) the JIT codewriter. An operation that can raise names
// the exception and message it raises, so both back ends agree.
#pragma once
#include <string>

namespace rpy {

struct LLOpInfo {
  const char* name;
  bool canraise;
  bool pure;              // no side effects, no dependency on memory
  const char* exc;        // built-in exception class raised, if canraise
  const char* exc_msg;    // its message
  // May run a collection on its normal path (allocates; for calls: when the
  // callee can). An op that raises a built-in exception (`exc` set) also
  // allocates, but only on its raising path: the GC transform tells the two
  // apart (gctransform/gctransform.h).
  bool cancollect = false;
};

// nullptr for an unknown name.
const LLOpInfo* llop_info(const std::string& name);

}  // namespace rpy
