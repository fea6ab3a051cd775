#!/bin/sh
# binary-trees translated with each GC, next to CPython 3 and PyPy 3:
# wall time and peak RSS (GNU time), same output checked.
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
  /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" "$DEPTH" >"$TMP/out-$name"
  read secs kb <"$TMP/time"
  printf '%-22s %8.2f s %9d KB peak RSS\n' "$name" "$secs" "$kb"
}
run "translated incminimark" "$TMP/bt-incminimark"
run "translated boehm" "$TMP/bt-boehm"
run "cpython3" /usr/bin/python3 "$HERE/binarytrees.py"
if command -v pypy3 >/dev/null; then run "pypy3" pypy3 "$HERE/binarytrees.py"; fi
for f in "$TMP"/out-*; do
  cmp -s "$f" "$TMP/out-cpython3" || { echo "output differs: $f"; exit 1; }
done
