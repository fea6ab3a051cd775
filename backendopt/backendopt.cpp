#include "backendopt/backendopt.h"

#include "driver/log.h"

namespace rpy {

void run_backend_optimizations(const std::vector<FunctionGraph*>& graphs, int level) {
  if (level <= 0) return;
  auto log = log::get("backendopt");
  size_t folded = 0, dead = 0, joined = 0, inlined = 0, mallocs = 0, switches = 0, cse = 0, reraises = 0, checks = 0,
         dictfused = 0, entryreads = 0, concats = 0, routed = 0;
  auto cleanup = [&](FunctionGraph* g) {
    routed += route_known_raises(g);
    folded += constant_fold(g);
    joined += join_blocks(g);
    dead += merge_identical_inputs(g);
    dead += remove_dead_code(g);
  };
  for (FunctionGraph* g : graphs) cleanup(g);
  if (level >= 2) {
    // Inlining exposes tuples and instances that malloc removal can then
    // take apart, and the folding after it can make more callees small
    // enough: a couple of rounds catch most of it.
    double threshold = level >= 3 ? 120 : 32;
    // Handlers that only re-raise go first: inlined into a caller's try,
    // they would be copied (and then pass the exception to the caller's
    // handler through a class test of their own).
    for (FunctionGraph* g : graphs)
      if (size_t r = simplify_exception_edges(g)) {
        reraises += r;
        cleanup(g);
      }
    for (int round = 0; round < 3; ++round) {
      size_t n = inline_functions(graphs, threshold);
      size_t m = 0;
      for (FunctionGraph* g : graphs) {
        m += remove_mallocs(g);
        cleanup(g);
      }
      log->debug("round {}: inlined {} calls, removed {} mallocs", round + 1, n, m);
      inlined += n;
      mallocs += m;
      if (n == 0 && m == 0) break;
    }
  }
  if (level >= 2) {
    bool finalizers = program_has_finalizers(graphs);
    // After inlining, which exposes repeated reads of the same fields; a
    // dropped exception exit lets blocks join first, so CSE sees longer
    // blocks. The switches last: the other passes only know two-way exits
    // on Bools.
    for (FunctionGraph* g : graphs) {
      size_t r = simplify_exception_edges(g);
      if (r) cleanup(g);
      reraises += r;
      // After inlining, which brings `d.get(k)` and `d[k] = v` of helpers
      // into one graph; before CSE, which then sees the blocks it joins.
      // The entry reads first: `k in d; d[k]` in a loop over d need no
      // lookup at all, rather than one shared.
      size_t er = read_iterated_entries(g, finalizers);
      if (er) cleanup(g);
      entryreads += er;
      size_t df = fuse_dict_lookups(g, finalizers);
      if (df) cleanup(g);
      dictfused += df;
      // Before CSE: sharing a common `a + b` of two chains would give it
      // two uses and keep both chains apart; fused, each is one allocation.
      concats += fuse_str_concats(g);
      size_t c = common_subexpressions(g);
      if (c) cleanup(g);
      cse += c;
      // After CSE, which leaves one length read per block to relate.
      size_t bc = remove_bounds_checks(g);
      if (bc) cleanup(g);
      checks += bc;
      // A switch in a loop gets one copy of the dispatch per handler
      // (switch.cpp): with gcc's single shared jump table, bf.py ran at
      // half the speed of the if-chain.
      size_t n = merge_switches(g);
      if (n) remove_dead_code(g);
      switches += n;
    }
  }
  log->debug("inlined {} calls, removed {} mallocs, {} constant folds, joined {} blocks, removed {} dead operations/inputs, "
             "merged {} tests into switches, {} common subexpressions, {} bounds checks, "
             "dropped {} re-raising exception exits, {} dict accesses reusing a lookup, {} dict reads at an iterator's entry, "
             "{} string concatenations fused, {} raises sent to the except clause that matches",
             inlined, mallocs, folded, joined, dead, switches, cse, checks, reraises, dictfused, entryreads, concats, routed);
}

}  // namespace rpy
