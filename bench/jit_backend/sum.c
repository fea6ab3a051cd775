/* The summing loop of bench/jit_backend/run.py, in C, for comparison with
   the same loop compiled by the x86-64 JIT backend. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char** argv) {
  int64_t n = argc > 1 ? atoll(argv[1]) : 100000000;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int64_t i = 0, sum = 0;
  /* The trace: i2 = int_lt(i0, n); guard_true(i2); i3 = int_add(i1, i0); i4 = int_add(i0, 1) */
  while (i < n) {
    sum += i;
    i += 1;
    __asm__ volatile("" : "+r"(sum)); /* keep the loop a loop: no closed form, no vectorizing */
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double us = (t1.tv_sec - t0.tv_sec) * 1e6 + (t1.tv_nsec - t0.tv_nsec) / 1e3;
  printf("%lld %lld %.1f\n", (long long)i, (long long)sum, us);
  return 0;
}
