// The kinds of values a trace manipulates: machine words, GC references,
// IEEE doubles, and "no value" for operations without a result.
#pragma once
#include <cstdint>

namespace rpy::jit {

enum class Kind : uint8_t { Int, Ref, Float, Void };

// The letter used in descr declarations and in resoperation.py: i, r, f, v.
char kind_letter(Kind k);
// The first letter of variable names in trace text: i, p, f (as in PyPy's logs).
char kind_var_prefix(Kind k);

}  // namespace rpy::jit
