// Binary-trees style allocation against the GC interface, built once per GC
// (gc_alloc_boehm, gc_alloc_incminimark): the same mutator code the GC
// transform will produce (roots on the shadow stack), timed, with peak RSS.
//   build/bin/gc_alloc_incminimark [max_depth=16]
// bench/gc_alloc/run.sh runs both side by side.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "tests/unit/support/gc_test_types.h"

using namespace gc_test;

int main(int argc, char** argv) {
  int max_depth = argc > 1 ? atoi(argv[1]) : 16;
  if (max_depth < 6) max_depth = 6;
  setup_gc();
  auto t0 = std::chrono::steady_clock::now();
  Frame f(2);

  f.set(1, bottom_up_tree(0, max_depth + 1));
  printf("stretch tree of depth %d\t check: %ld\n", max_depth + 1, (long)item_check(f.get<Tree>(1)));
  f.set(1, nullptr);

  f.set(0, bottom_up_tree(0, max_depth));
  for (int depth = 4; depth <= max_depth; depth += 2) {
    long iterations = 1L << (max_depth - depth + 4);
    long check = 0;
    for (long i = 1; i <= iterations; i++) {
      f.set(1, bottom_up_tree(i, depth));
      check += item_check(f.get<Tree>(1));
      f.set(1, bottom_up_tree(-i, depth));
      check += item_check(f.get<Tree>(1));
    }
    printf("%ld\t trees of depth %d\t check: %ld\n", iterations * 2, depth, check);
  }
  printf("long lived tree of depth %d\t check: %ld\n", max_depth, (long)item_check(f.get<Tree>(0)));

  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  rpy_gc_stats st;
  rpy_gc_get_stats(&st);
  fprintf(stderr, "RESULT time=%.3fs peak_rss=%.1fMB minor=%llu major=%llu\n", secs, ru.ru_maxrss / 1024.0,
          (unsigned long long)st.minor_collections, (unsigned long long)st.major_collections);
  return 0;
}
