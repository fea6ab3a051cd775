// The GC transform: the last pass on the low-level graphs before codegen
// when the program runs on the precise, moving collector (--gc=incminimark).
// It makes the graphs obey the contract in docs/GC.md:
//
//  - roots: around every operation that can collect, the GC refs that are
//    live after it go on the shadow stack and are reloaded from it (the
//    collector moves young objects). The pass brackets the operation with
//        gc_push_roots(a, b)   op   gc_pop_roots(a, b)
//    and codegen puts the actual pushes where the collection can happen
//    (around the call, on the slow path of the nursery bump, on the path
//    that raises), so fast paths pay nothing;
//  - write barriers: gc_write_barrier(obj) / gc_write_barrier_from_array(
//    arr, i) before every store of a GC ref into a GC object, except into
//    an object allocated in the same block with nothing that can collect in
//    between (it is still young), and except stores of constants (NULL or
//    prebuilt data, which never moves);
//  - allocation: `malloc` of a fixed-size struct becomes gc_malloc_nursery,
//    which codegen inlines as the nursery bump with a slow-path call.
//
// It runs after backendopt, on the graphs codegen reads; the JIT codewriter
// reads the graphs before it (as in RPython, where the GC transform belongs
// to the C backend).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "flowspace/model.h"

namespace rpy {

// When an operation can run a collection.
enum class CollectKind {
  Never,
  Always,   // on its normal path: allocations, calls that can collect
  OnRaise,  // only when it raises a built-in exception (allocating it)
};

struct GcTransformStats {
  size_t root_sites = 0;       // operations bracketed with pushes
  size_t roots_pushed = 0;     // sum of the bracket sizes
  size_t barriers = 0;         // write barriers inserted
  size_t barriers_omitted = 0; // stores into objects known young, or of constants
  size_t nursery_mallocs = 0;
};

// Transforms every graph in place. `graphs` must be every graph of the
// program: whether a direct_call can collect depends on its callee.
GcTransformStats gc_transform(const std::vector<FunctionGraph*>& graphs);

}  // namespace rpy
