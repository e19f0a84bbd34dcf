#!/usr/bin/env bash
# Store benchmark: `rebuy import` with analysis of a generated survey CSV, each
# run after a `sqlite3 .import` of the same file (a machine that slows down
# slows both); the store's size against the CSV's; then `rebuy report -o
# report.html` and `rebuy export` on that store. Prints medians and peak RSS.
# usage: tests/bench/store_bench.sh [ROWS] [RUNS]   (needs build/bin/rebuy and sqlite3)
set -euo pipefail
rows=${1:-1000000} runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
rebuy=${REBUY_BIN:-$root/build/bin/rebuy}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
csv="$work/fb_$rows.csv"
[ -f "$csv" ] || python3 "$root/../shared/bench/gen_feedback.py" --rows "$rows" --format csv --seed 42 > "$csv"
csv_bytes=$(stat -Lc %s "$csv")
echo "input: $csv ($(( csv_bytes / 1000000 )) MB, $rows rows)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # measure OUT COMMAND...: appends "seconds kilobytes" to OUT
  local out=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  cat "$work/time" >> "$out"
}
for t in sqlite import report export ratio size; do : > "$work/$t.t"; done
for i in $(seq "$runs"); do
  rm -f "$work"/b.db* "$work"/s.db
  measure "$work/sqlite.t" sqlite3 "$work/s.db" ".import --csv $csv responses"
  measure "$work/import.t" "$rebuy" --db "$work/b.db" import "$csv"
  paste -d' ' <(tail -1 "$work/import.t" | cut -d' ' -f1) <(tail -1 "$work/sqlite.t" | cut -d' ' -f1) |
    awk '{printf "%.3f\n", $1 / $2}' >> "$work/ratio.t"
  echo "$(stat -c %s "$work/b.db") $csv_bytes" | awk '{printf "%.3f\n", $1 / $2}' >> "$work/size.t"
  measure "$work/report.t" "$rebuy" --db "$work/b.db" report -o "$work/report.html"
  measure "$work/export.t" "$rebuy" --db "$work/b.db" export -o "$work/export.csv"
done
row() { # row LABEL FILE
  printf '%-34s %8s %8s MB\n' "$1" "$(cut -d' ' -f1 "$2" | median)" \
    "$(( $(cut -d' ' -f2 "$2" | sort -n | tail -1) / 1024 ))"
}
printf '%-34s %8s %11s\n' "command" "median s" "peak RSS"
row "sqlite3 .import" "$work/sqlite.t"
row "rebuy import (with analysis)" "$work/import.t"
row "rebuy report -o report.html" "$work/report.t"
row "rebuy export --format csv" "$work/export.t"
echo "import / sqlite3, median of $runs pairs: $(median < "$work/ratio.t")"
echo "store / CSV: $(median < "$work/size.t")"
