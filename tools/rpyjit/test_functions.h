// C functions that test traces call by name (call descrs such as
// `descr ADD = call(c_add: i, i -> i)`). They live with the tool, not in
// runtime/jit/, because translated programs must not carry them.
#pragma once
#include "runtime/jit/cfunction.h"

namespace rpy::jit {

void register_test_functions(CFunctionRegistry& registry);
const CFunctionRegistry& test_function_registry();

}  // namespace rpy::jit
