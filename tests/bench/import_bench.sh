#!/usr/bin/env bash
# Import benchmark: `rebuy import --no-analyze` of a generated survey CSV against
# `sqlite3 .import` of the same file. Each rebuy run follows a sqlite3 run, so a
# machine that slows down slows both; prints medians, the median ratio, peak RSS.
# usage: tests/bench/import_bench.sh [ROWS] [RUNS]   (needs build/bin/rebuy and sqlite3)
#        FULL=1 also times `rebuy import` with analysis (once per run; slow).
set -euo pipefail
rows=${1:-1000000} runs=${2:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
rebuy=${REBUY_BIN:-$root/build/bin/rebuy}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
csv="$work/fb_$rows.csv"
[ -f "$csv" ] || python3 "$root/../shared/bench/gen_feedback.py" --rows "$rows" --format csv --seed 42 > "$csv"
echo "input: $csv ($(du -hL "$csv" | cut -f1), $rows rows)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # measure OUT COMMAND...: appends "seconds kilobytes" to OUT
  local out=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  cat "$work/time" >> "$out"
}
: > "$work/rebuy.t"; : > "$work/sqlite.t"; : > "$work/rebuy_full.t"; : > "$work/ratio.t"
for i in $(seq "$runs"); do
  rm -f "$work"/b.db* "$work"/s.db
  measure "$work/sqlite.t" sqlite3 "$work/s.db" ".import --csv $csv responses"
  measure "$work/rebuy.t" "$rebuy" --db "$work/b.db" import --no-analyze "$csv"
  paste -d' ' <(tail -1 "$work/rebuy.t" | cut -d' ' -f1) <(tail -1 "$work/sqlite.t" | cut -d' ' -f1) |
    awk '{printf "%.3f\n", $1 / $2}' >> "$work/ratio.t"
  if [ "${FULL:-0}" = 1 ]; then
    rm -f "$work"/b.db*
    measure "$work/rebuy_full.t" "$rebuy" --db "$work/b.db" import "$csv"
  fi
done
row() { # row LABEL FILE
  printf '%-34s %8s %8s MB\n' "$1" "$(cut -d' ' -f1 "$2" | median)" \
    "$(( $(cut -d' ' -f2 "$2" | sort -n | tail -1) / 1024 ))"
}
printf '%-34s %8s %11s\n' "command" "median s" "peak RSS"
row "rebuy import --no-analyze" "$work/rebuy.t"
row "sqlite3 .import" "$work/sqlite.t"
[ -s "$work/rebuy_full.t" ] && row "rebuy import (with analysis)" "$work/rebuy_full.t"
echo "rebuy / sqlite3, median of $runs pairs: $(median < "$work/ratio.t")"
