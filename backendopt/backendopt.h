// Optimizations on rtyped graphs, run before codegen (and before the JIT
// codewriter reads them). One pass per file; this header is the pipeline.
#pragma once
#include <vector>

#include "flowspace/model.h"

namespace rpy {

// Removes pure operations whose results are unused and block inputs that no
// one reads, to a fixpoint. Returns how many operations and inputs went.
size_t remove_dead_code(FunctionGraph* g);
// Merges a block into its only predecessor when that predecessor has no
// other exit. Returns how many blocks were merged.
size_t join_blocks(FunctionGraph* g);

// --opt=0: nothing; 1 and up: the passes above. Inlining, malloc removal
// and if-chain merging plug in here.
void run_backend_optimizations(const std::vector<FunctionGraph*>& graphs, int level);

}  // namespace rpy
