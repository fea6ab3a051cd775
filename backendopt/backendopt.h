// Optimizations on rtyped graphs, run before codegen (and before the JIT
// codewriter reads them). One pass per file; this header is the pipeline.
#pragma once
#include <unordered_set>
#include <utility>
#include <vector>

#include "flowspace/model.h"

namespace rpy {

struct ClassDef;
struct ExternalFunc;

// Whether codegen may leave the block from the middle of this operation
// (a raising llop, a call that can raise): in a block that canraise(), such
// an operation goes to the exception exit, elsewhere out of the function.
bool op_can_raise(const SpaceOperation& op);
// The runtime function a direct_call calls, or null (another operation, a
// call to a graph).
const ExternalFunc* called_external(const SpaceOperation& op);

// Removes pure operations whose results are unused and block inputs that no
// one reads, to a fixpoint. Returns how many operations and inputs went.
size_t remove_dead_code(FunctionGraph* g);
// Block inputs that receive the same value along every link into the
// block become one (PyPy's remove_identical_vars): the inliner passes a
// callee's parameter next to the caller's copy of the same variable, and
// malloc removal gives up on an object that a block receives twice.
// Returns how many inputs went.
size_t merge_identical_inputs(FunctionGraph* g);
// Merges a block into its only predecessor when that predecessor has no
// other exit. Returns how many blocks were merged.
size_t join_blocks(FunctionGraph* g);

// constfold.cpp: evaluates pure operations on constants, propagates
// constants into block inputs, prunes switches on constants and exception
// exits no operation can take. Returns how many things it changed.
size_t constant_fold(FunctionGraph* g);

// inline.cpp: inlines direct_calls to small, non-recursive graphs, callees
// before callers. `threshold` bounds the callee's weighted operation count.
// Returns how many calls were inlined.
size_t inline_functions(const std::vector<FunctionGraph*>& graphs, double threshold);
// Inlines the direct_call at block->operations[index] (a call to a graph),
// if the rules in inline.cpp allow it. Returns whether it did.
bool inline_call(FunctionGraph* caller, Block* block, size_t index);

// mallocremoval.cpp: replaces GC structs that never escape their graph by
// one variable per field. Returns how many mallocs went.
size_t remove_mallocs(FunctionGraph* g);

// exceptions.cpp: drops exception exits that only re-raise what they
// caught (the operation then raises out of the function by itself).
// Returns how many exits went.
size_t simplify_exception_edges(FunctionGraph* g);

// Also exceptions.cpp: the class of the instance `evalue` raised at the
// end of `block` (as type `etype`) when the block says it: a vtable
// constant, or a typeptr the block stored into an instance it built
// (`raise E(...)`). nullptr when unknown.
const ClassDef* raised_class(const Block* block, Value* etype, Value* evalue);
// Where a raise of `evalue`, of class `cd`, into the handler `target` (with
// `args`) goes once the handler's class tests (isinstance_range, one per
// except clause, possibly after blocks that only forward) are decided for
// that class: the block and args past the last test it can decide.
std::pair<Block*, std::vector<Value*>> route_raise(const ClassDef* cd, Block* target, std::vector<Value*> args,
                                                   Value* evalue);
// Redirects every link that passes such an instance to a handler's class
// tests (`raise E` inside a try) to the clause that matches. Returns how
// many links moved.
size_t route_known_raises(FunctionGraph* g);

// cse.cpp: inside each block, reuses the result of an earlier identical
// pure operation, of an earlier read (or the value of an earlier write) of
// the same field of the same object when nothing in between may have
// changed it, and of an earlier getarraysize. Returns how many operations
// went.
size_t common_subexpressions(FunctionGraph* g);

// boundscheck.cpp: removes int_index_check(i, n) where 0 <= i < n is
// known from the graph (loop tests, list lengths not changed since they
// were read, earlier checks). Returns how many checks went.
size_t remove_bounds_checks(FunctionGraph* g);

// dictlookup.cpp: a dict read (get, [], in) followed by reads or a write
// of the same key in the same dict, with nothing in between that may
// change the dict, does one lookup (rpy_dict_lookup_slot) and then reads
// and writes at the slot it found. `collections_run_user_code`: the
// program has finalizers, so an allocation in between stops the rewrite.
// Returns how many later accesses reuse a slot.
size_t fuse_dict_lookups(FunctionGraph* g, bool collections_run_user_code);
// Also dictlookup.cpp: in `for k in d: ... d[k]` (d.get(k), k in d), a
// read of the key the iterator is at, in the dict it walks, with nothing in
// between that may change the dict, reads the value at the iterator's entry
// (rpy_dict_entry_value; `k in d` is True) instead of looking k up again.
// Returns how many reads went.
size_t read_iterated_entries(FunctionGraph* g, bool collections_run_user_code);
// strconcat.cpp: a chain of string concatenations whose intermediate
// results feed only the next one, in one block, becomes one call of
// rpy_str_concat3 or rpy_str_concat4 (one allocation). Returns how many
// concatenations went.
size_t fuse_str_concats(FunctionGraph* g);
// Whether any graph registers a finalizer (__del__).
bool program_has_finalizers(const std::vector<FunctionGraph*>& graphs);

// switch.cpp: merges chains of `x == C1` / `x == C2` / ... tests on one
// Signed variable into one block whose exitswitch is that variable: one
// link per case (exitcase: the Int), then the default link (exitcase:
// switch_default_case()). Codegen emits a C++ switch. A switch in a loop
// (an interpreter's dispatch) is then copied into each handler, so that
// each has its own dispatch branch. Returns how many tests were merged
// into an earlier one.
size_t merge_switches(FunctionGraph* g);
ConstValue switch_default_case();
bool is_switch_default(const Link* l);

// --opt=0: nothing; 1: constant folding, joining, dead code; 2: also
// inlining and malloc removal, then exception-edge simplification, dict
// lookup fusion, string concatenation fusion, CSE, bounds-check removal
// and switch merging; 3: with a larger inlining
// threshold.
void run_backend_optimizations(const std::vector<FunctionGraph*>& graphs, int level);

// callgraph.cpp: the graph a direct_call calls (nullptr for an external or
// an indirect call), and the call graph of direct calls.
FunctionGraph* called_graph(const SpaceOperation& op);
struct CallGraph {
  std::vector<FunctionGraph*> bottom_up;          // callees before their callers
  std::unordered_set<FunctionGraph*> recursive;   // on a cycle of direct calls, or calling itself
  explicit CallGraph(const std::vector<FunctionGraph*>& graphs);
};

// A RecursionError check at the entry of each function that can be part of
// a cycle of calls (backendopt/stackcheck.cpp); at every --opt level, just
// before codegen. Returns how many were inserted.
size_t insert_stack_checks(const std::vector<FunctionGraph*>& graphs);

}  // namespace rpy
