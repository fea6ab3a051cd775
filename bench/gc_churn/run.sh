#!/bin/sh
# GC-heavy programs translated with each GC, next to CPython 3 and PyPy 3:
# wall time and peak RSS (GNU time), outputs compared. For the incminimark
# build, also the GC's own numbers (PYPYLOG=gc: peak old generation, nursery)
# to compare peak RSS with live data + nursery.
#   bench/gc_churn/run.sh [dictchurn|boxedint] [args...]   (after make build)
# Without arguments: both, at their default sizes.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$(dirname "$HERE")")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

bench() {
  prog=$1; shift
  for gc in incminimark boehm; do
    /usr/bin/python3 "$REPO/translate.py" --batch --gc=$gc --output="$TMP/$prog-$gc" "$HERE/$prog.py" >/dev/null
  done
  echo "== $prog $*"
  run() {
    name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$@" >"$TMP/out-$name"
    read secs user sys kb <"$TMP/time"
    printf '%-22s %7.2f s wall %7.2f s user+sys %9d KB peak RSS\n' "$name" "$secs" "$(echo "$user + $sys" | bc)" "$kb"
  }
  run "translated incminimark" "$TMP/$prog-incminimark" "$@"
  run "translated boehm" "$TMP/$prog-boehm" "$@"
  run "cpython3" /usr/bin/python3 "$HERE/$prog.py" "$@"
  if command -v pypy3 >/dev/null; then run "pypy3" pypy3 "$HERE/$prog.py" "$@"; fi
  for f in "$TMP"/out-*; do
    cmp -s "$f" "$TMP/out-cpython3" || { echo "output differs: $f"; exit 1; }
  done
  PYPYLOG=gc:"$TMP/gclog" "$TMP/$prog-incminimark" "$@" >/dev/null
  sed -n '/{gc-summary/,/gc-summary}/p' "$TMP/gclog" | grep -v gc-summary | sed 's/^/  incminimark: /'
  rm -f "$TMP"/out-* "$TMP/gclog"
}

if [ $# -gt 0 ]; then
  bench "$@"
else
  bench dictchurn
  bench boxedint
fi
