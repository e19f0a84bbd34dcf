#!/usr/bin/env bash
# Import benchmark: `rebuy import --no-analyze` of a generated survey CSV against
# `sqlite3 .import` of the same file. Each rebuy run follows a sqlite3 run, so a
# machine that slows down slows both; prints medians, the median ratio, peak RSS.
# usage: tests/bench/import_bench.sh [ROWS] [RUNS]   (needs build/bin/rebuy and sqlite3)
#        FULL=1 also times `rebuy import` with analysis (once per run, paired with the
#        same sqlite3 run), the store's size against the CSV's, and `rebuy report -o
#        report.html` and `rebuy export` on that store.
set -euo pipefail
rows=${1:-1000000} runs=${2:-7}
source "$(dirname "$0")/bench_lib.sh"

measure() { # measure OUT COMMAND...: appends "seconds kilobytes" to OUT
  local out=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  cat "$work/time" >> "$out"
}
for t in rebuy sqlite rebuy_full ratio full_ratio size report export; do : > "$work/$t.t"; done
ratio() { # ratio A_FILE B_FILE OUT: the last time of A over the last of B, appended to OUT
  paste -d' ' <(tail -1 "$1" | cut -d' ' -f1) <(tail -1 "$2" | cut -d' ' -f1) |
    awk '{printf "%.3f\n", $1 / $2}' >> "$3"
}
# Each removal is followed by a sync, and the report by one after the import: the disk is
# mounted with `discard` here, and the kernel writing out or discarding the previous run's files
# would be timed with the next command.
for i in $(seq "$runs"); do
  rm -f "$work"/b.db* "$work"/s.db
  sync
  measure "$work/sqlite.t" sqlite3 "$work/s.db" ".import --csv $csv responses"
  measure "$work/rebuy.t" "$rebuy" --db "$work/b.db" import --no-analyze "$csv"
  ratio "$work/rebuy.t" "$work/sqlite.t" "$work/ratio.t"
  if [ "${FULL:-0}" = 1 ]; then
    rm -f "$work"/b.db*
    sync
    measure "$work/rebuy_full.t" "$rebuy" --db "$work/b.db" import "$csv"
    ratio "$work/rebuy_full.t" "$work/sqlite.t" "$work/full_ratio.t"
    echo "$(stat -c %s "$work/b.db") $(stat -Lc %s "$csv")" |
      awk '{printf "%.3f\n", $1 / $2}' >> "$work/size.t"
    sync
    measure "$work/report.t" "$rebuy" --db "$work/b.db" report -o "$work/report.html"
    measure "$work/export.t" "$rebuy" --db "$work/b.db" export -o "$work/export.csv"
  fi
done
row() { # row LABEL FILE
  printf '%-34s %8s %8s MB\n' "$1" "$(cut -d' ' -f1 "$2" | median)" \
    "$(( $(cut -d' ' -f2 "$2" | sort -n | tail -1) / 1024 ))"
}
printf '%-34s %8s %11s\n' "command" "median s" "peak RSS"
row "rebuy import --no-analyze" "$work/rebuy.t"
row "sqlite3 .import" "$work/sqlite.t"
echo "rebuy / sqlite3, median of $runs pairs: $(median < "$work/ratio.t")"
if [ -s "$work/rebuy_full.t" ]; then
  row "rebuy import (with analysis)" "$work/rebuy_full.t"
  row "rebuy report -o report.html" "$work/report.t"
  row "rebuy export --format csv" "$work/export.t"
  echo "with analysis / sqlite3, median of $runs pairs: $(median < "$work/full_ratio.t")"
  echo "store / CSV: $(median < "$work/size.t")"
fi
