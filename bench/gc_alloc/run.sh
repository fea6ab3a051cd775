#!/bin/sh
# incminimark vs Boehm on the same binary-trees allocation workload.
#   bench/gc_alloc/run.sh [max_depth=16]   (after: cmake --build build --target gc_alloc_boehm gc_alloc_incminimark)
BIN=${RPY_BUILD_DIR:-$(dirname "$0")/../../build}/bin
DEPTH=${1:-16}
for gc in incminimark boehm; do
  printf '%-12s ' "$gc"
  "$BIN/gc_alloc_$gc" "$DEPTH" 2>&1 >/dev/null | sed -n 's/^RESULT //p'
done
