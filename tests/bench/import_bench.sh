#!/usr/bin/env bash
# Import benchmark: `rebuy import` of a generated survey CSV against
# `sqlite3 .import` of the same file, alternated, medians of N runs, with peak RSS.
# usage: tests/bench/import_bench.sh [ROWS] [RUNS]   (needs build/bin/rebuy and sqlite3)
set -euo pipefail
rows=${1:-1000000} runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
rebuy=${REBUY_BIN:-$root/build/bin/rebuy}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
csv="$work/fb_$rows.csv"
[ -f "$csv" ] || python3 "$root/../shared/bench/gen_feedback.py" --rows "$rows" --format csv --seed 42 > "$csv"
echo "input: $csv ($(du -hL "$csv" | cut -f1), $rows rows)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # measure LABEL COMMAND...: appends "seconds kilobytes"
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  cat "$work/time"
}
: > "$work/rebuy.t"; : > "$work/sqlite.t"; : > "$work/rebuy_full.t"
for i in $(seq "$runs"); do
  rm -f "$work"/b.db* "$work"/s.db
  measure rebuy "$rebuy" --db "$work/b.db" import --no-analyze "$csv" >> "$work/rebuy.t"
  measure sqlite sqlite3 "$work/s.db" ".import --csv $csv responses" >> "$work/sqlite.t"
  rm -f "$work"/b.db*
  measure rebuy-full "$rebuy" --db "$work/b.db" import "$csv" >> "$work/rebuy_full.t"
done
printf '%-34s %8s %10s\n' "command" "median s" "peak RSS"
for t in rebuy sqlite rebuy_full; do
  label=$([ $t = rebuy ] && echo "rebuy import --no-analyze" || ([ $t = sqlite ] && echo "sqlite3 .import" || echo "rebuy import (with analysis)"))
  printf '%-34s %8s %8s MB\n' "$label" "$(cut -d' ' -f1 "$work/$t.t" | median)" \
    "$(( $(cut -d' ' -f2 "$work/$t.t" | sort -n | tail -1) / 1024 ))"
done
