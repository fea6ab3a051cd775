#!/bin/sh
# GC-heavy programs translated with each GC, next to CPython 3 and PyPy 3:
# wall time and peak RSS (GNU time; best time, highest RSS of $REPEAT=3
# runs), outputs compared. For the incminimark
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
  # Best of $REPEAT runs (default 3): a shared machine only ever adds time.
  run() {
    name=$1; shift
    best_wall=""; best_cpu=""; best_kb=""
    for _ in $(seq "${REPEAT:-3}"); do
      /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$@" >"$TMP/out-$name"
      read secs user sys kb <"$TMP/time"
      cpu=$(echo "$user + $sys" | bc)
      if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc)" = 1 ]; then best_cpu=$cpu; fi
      if [ -z "$best_wall" ] || [ "$(echo "$secs < $best_wall" | bc)" = 1 ]; then best_wall=$secs; fi
      if [ -z "$best_kb" ] || [ "$kb" -gt "$best_kb" ]; then best_kb=$kb; fi
    done
    printf '%-22s %7.2f s wall %7.2f s user+sys %9d KB peak RSS\n' "$name" "$best_wall" "$best_cpu" "$best_kb" |
      tee -a "$TMP/table"
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
  # Live data, for the RSS target (peak RSS within 2x live data + nursery):
  # the most a major collection finds alive, with majors made frequent and
  # aging off (so what lives is old and majors see it). An upper bound: it
  # counts what was allocated while marking too.
  rm -f "$TMP/gclog"  # the log is appended to
  RPY_GC_SURVIVOR=0 PYPY_GC_MIN=1MB PYPY_GC_MAJOR_COLLECT=1.1 PYPYLOG=gc:"$TMP/gclog" \
    "$TMP/$prog-incminimark" "$@" >/dev/null
  live=$(grep -o 'after=[0-9]*' "$TMP/gclog" | cut -d= -f2 | sort -n | tail -1)
  nursery=$(grep -o '^nursery: [0-9]*' "$TMP/gclog" | cut -d' ' -f2)
  rss=$(grep '^translated incminimark' "$TMP/table" | awk '{print $(NF-3)}')
  echo "  live data <= ${live:-0} bytes; peak RSS / (live + nursery) = $(echo "scale=2; $rss * 1024 / (${live:-0} + $nursery)" | bc)"
  rm -f "$TMP"/out-* "$TMP/gclog" "$TMP/table"
}

if [ $# -gt 0 ]; then
  bench "$@"
else
  bench dictchurn
  bench boxedint
fi
