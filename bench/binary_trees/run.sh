#!/bin/sh
# binary-trees translated with each GC, next to CPython 3 and PyPy 3:
# wall time and peak RSS (GNU time; best time and highest RSS of
# $REPEAT=3 runs), same output checked; then the live data estimate for
# the RSS target (see bench/gc_churn/run.sh).
#   bench/binary_trees/run.sh [max_depth=16]     (after make build)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$(dirname "$HERE")")
DEPTH=${1:-16}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for gc in incminimark boehm; do
  /usr/bin/python3 "$REPO/translate.py" --batch --gc=$gc --output="$TMP/bt-$gc" "$HERE/binarytrees.py" >/dev/null
done
run() {
  name=$1; shift
  best=""; best_kb=""
  for _ in $(seq "${REPEAT:-3}"); do
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" "$DEPTH" >"$TMP/out-$name"
    read secs kb <"$TMP/time"
    if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc)" = 1 ]; then best=$secs; fi
    if [ -z "$best_kb" ] || [ "$kb" -gt "$best_kb" ]; then best_kb=$kb; fi
  done
  printf '%-22s %8.2f s %9d KB peak RSS\n' "$name" "$best" "$best_kb" | tee -a "$TMP/table"
}
run "translated incminimark" "$TMP/bt-incminimark"
run "translated boehm" "$TMP/bt-boehm"
REPEAT=1 run "cpython3" /usr/bin/python3 "$HERE/binarytrees.py"
if command -v pypy3 >/dev/null; then run "pypy3" pypy3 "$HERE/binarytrees.py"; fi
for f in "$TMP"/out-*; do
  cmp -s "$f" "$TMP/out-cpython3" || { echo "output differs: $f"; exit 1; }
done
RPY_GC_SURVIVOR=0 PYPY_GC_MIN=1MB PYPY_GC_MAJOR_COLLECT=1.1 PYPYLOG=gc:"$TMP/gclog" "$TMP/bt-incminimark" "$DEPTH" >/dev/null
live=$(grep -o 'after=[0-9]*' "$TMP/gclog" | cut -d= -f2 | sort -n | tail -1)
nursery=$(grep -o '^nursery: [0-9]*' "$TMP/gclog" | tail -1 | cut -d' ' -f2)
rss=$(grep '^translated incminimark' "$TMP/table" | awk '{print $(NF-3)}')
echo "  live data <= ${live:-0} bytes; peak RSS / (live + nursery) = $(echo "scale=2; $rss * 1024 / (${live:-0} + $nursery)" | bc)"
