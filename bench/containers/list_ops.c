/* Native C reference for list_ops.py: a growable array of longs, the same
 * appends, indexing, iteration and pops, the same output. Python's floor
 * division is spelled out (x // 2 rounds towards minus infinity). */
#include <stdio.h>
#include <stdlib.h>

static long floor_div2(long x) { return x >= 0 ? x / 2 : -((-x + 1) / 2); }

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000000;
  size_t len = 0, cap = 8;
  long* items = malloc(cap * sizeof(long));
  for (long i = 0; i < n; i++) {
    if (len == cap) items = realloc(items, (cap += cap / 2 + 8) * sizeof(long));
    items[len++] = i ^ 5;
  }
  long total = 0;
  for (int r = 0; r < 5; r++) {
    for (long i = 0; i < n; i++) total += items[i];
    for (size_t i = 0; i < len; i++) total -= floor_div2(items[i]);
  }
  while ((long)len > n / 2) len--;
  printf("%ld %zu\n", total, len);
  free(items);
  return 0;
}
