// Runtime functions (runtime/rpy.h) that low-level graphs call with
// direct_call, with the effects the optimizers and the JIT rely on: whether
// they can raise, whether they are pure (elidable), and an oopspec naming
// the operation they implement.
#pragma once
#include <string>
#include <vector>

#include "rtyper/lltype.h"

namespace rpy {

struct ExternalFunc {
  std::string name;  // the C symbol
  std::vector<const LLType*> args;
  const LLType* result;
  bool canraise;
  bool elidable;      // no side effects, result depends only on the arguments
  std::string oopspec;  // e.g. "str.concat"; empty when none
};

// Looks up a runtime function by its C name; aborts on an unknown name (a
// toolchain bug, not a user error).
const ExternalFunc* external(const std::string& name);

// syslib (rtyper/rmodules.cpp): math, time, os, sys and bytes functions.
const std::vector<ExternalFunc>& syslib_externals();

}  // namespace rpy
