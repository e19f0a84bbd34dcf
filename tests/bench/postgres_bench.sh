#!/usr/bin/env bash
# PostgreSQL benchmark: the generated survey CSV imported into a PostgreSQL store
# by 1, 2 and 4 concurrent `rebuy import --no-analyze` processes (each a share of
# the rows), then analyzed by as many concurrent `rebuy analyze`, against the
# SQLite store's import and analysis of the whole file, all in one run on one
# server this script starts (tests/support/pg_server.sh) and stops.
# Every PostgreSQL store must hold every row once and give the SQLite store's report. Then
# 1, 2 and 4 analyses of a quarter core each (a cgroup; root only), as on machines of their own.
# usage: tests/bench/postgres_bench.sh [ROWS] [RUNS]   (needs build/bin/rebuy)
set -euo pipefail
rows=${1:-1000000} runs=${2:-3}
source "$(dirname "$0")/bench_lib.sh"

state="$work/pg-state"
server=$("$root/tests/support/pg_server.sh" start "$state")
trap '"$root/tests/support/pg_server.sh" stop "$state"; rmdir /sys/fs/cgroup/cpu/rebuy_bench_* /sys/fs/cgroup/rebuy_bench_* 2>/dev/null || true' EXIT

# shares N: the file cut into N files of consecutive records, each with the
# header (by records, not lines: comments hold line breaks).
shares() {
  rm -f "$work"/share_"$1"_*.csv
  python3 - "$csv" "$1" "$work/share_$1" <<'PY'
import csv, sys
path, n, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
size = (len(body) + n - 1) // n
for i in range(n):
    with open(f"{prefix}_{i}.csv", "w", newline='', encoding='utf-8') as out:
        w = csv.writer(out)
        w.writerow(header)
        w.writerows(body[i * size:(i + 1) * size])
PY
}
seconds() { date +%s.%N; }
# parallel COMMAND-PREFIX FILES...: runs `COMMAND-PREFIX FILE` for every file at once; fails if any fails.
parallel() {
  local pids=() failed=0 cmd=$1
  shift
  for f in "$@"; do
    $cmd "$f" >/dev/null 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  return $failed
}

# run_n N COMMAND...: N copies of the command at once; fails if any fails.
run_n() {
  local n=$1 pids=() failed=0
  shift
  for _ in $(seq "$n"); do
    "$@" >/dev/null 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  return $failed
}

# report DB: its JSON report without the time it was made and the imports' runs.
report() { "$rebuy" --db "$1" report --format json | jq 'del(.generated_at, .imports)'; }

for t in sqlite_import sqlite_analyze; do : >"$work/$t.t"; done
for n in 1 2 4; do
  shares $n
  : >"$work/pg_import_$n.t"
  : >"$work/pg_analyze_$n.t"
done
for i in $(seq "$runs"); do
  rm -f "$work"/s.db*
  start=$(seconds)
  "$rebuy" --db "$work/s.db" import --no-analyze --source bench "$csv" >/dev/null
  mid=$(seconds)
  "$rebuy" --db "$work/s.db" analyze >/dev/null
  end=$(seconds)
  echo "$mid - $start" | bc >>"$work/sqlite_import.t"
  echo "$end - $mid" | bc >>"$work/sqlite_analyze.t"
  [ "$i" = 1 ] && report "$work/s.db" >"$work/sqlite.report.json"
  for n in 1 2 4; do
    psql "$server" -qX -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null 2>&1
    db=${server/\/rebuy\?//bench?}
    "$rebuy" --db "$db" rejects >/dev/null # the schema, before the clock starts
    start=$(seconds)
    parallel "$rebuy --db $db import --no-analyze --source bench" "$work"/share_"$n"_*.csv
    mid=$(seconds)
    count=$(psql "$db" -qXAt -c "SELECT count(*) FROM responses")
    [ "$count" = "$rows" ] || { echo "$n workers stored $count responses, not $rows" >&2; exit 1; }
    mid2=$(seconds)
    run_n $n "$rebuy" --db "$db" analyze # they share the work (docs/store.md)
    end=$(seconds)
    echo "$mid - $start" | bc >>"$work/pg_import_$n.t"
    echo "$end - $mid2" | bc >>"$work/pg_analyze_$n.t"
    # Shares imported at once give other ids than one import: the report must not tell.
    if [ "$i" = 1 ] && ! diff -q "$work/sqlite.report.json" <(report "$db") >/dev/null; then
      echo "$n workers: the report differs from SQLite's" >&2
      exit 1
    fi
  done
done

printf '%-44s %10s %10s\n' "store" "import s" "analyze s"
printf '%-44s %10.1f %10.1f\n' "SQLite, one process" "$(median <"$work/sqlite_import.t")" \
  "$(median <"$work/sqlite_analyze.t")"
for n in 1 2 4; do
  printf '%-44s %10.1f %10.1f\n' "PostgreSQL, $n concurrent process(es)" \
    "$(median <"$work/pg_import_$n.t")" "$(median <"$work/pg_analyze_$n.t")"
done
echo "medians of $runs runs; the PostgreSQL server runs on the same machine;"
echo "every PostgreSQL store held $rows responses and gave SQLite's report"

# Workers on machines of their own, as a team runs them: one `rebuy analyze` already keeps both
# cores of this machine busy, so here each is held to a quarter of a core by a cgroup (root only)
# and the server keeps the rest. The store is imported whole beforehand, untimed.
cpu_cgroup=
if [ -w /sys/fs/cgroup/cpu ]; then cpu_cgroup=v1; elif [ -w /sys/fs/cgroup/cgroup.procs ]; then cpu_cgroup=v2; fi
if [ -z "$cpu_cgroup" ]; then
  echo "workers of a quarter core: skipped (no writable cgroup CPU controller; run as root)"
  exit 0
fi
# quarter_core N COMMAND...: runs COMMAND in cgroup rebuy_bench_N, held to 25 ms of CPU per 100 ms.
quarter_core() {
  local name=rebuy_bench_$1 dir
  shift
  if [ $cpu_cgroup = v1 ]; then
    dir=/sys/fs/cgroup/cpu/$name
    mkdir -p "$dir" && echo 100000 >"$dir/cpu.cfs_period_us" && echo 25000 >"$dir/cpu.cfs_quota_us"
  else
    dir=/sys/fs/cgroup/$name
    mkdir -p "$dir" && echo "25000 100000" >"$dir/cpu.max"
  fi
  (echo $BASHPID >"$dir/cgroup.procs" && exec "$@")
}
for n in 1 2 4; do : >"$work/capped_$n.t"; done
for i in $(seq "$runs"); do
  for n in 1 2 4; do
    psql "$server" -qX -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null 2>&1
    db=${server/\/rebuy\?//bench?}
    "$rebuy" --db "$db" import --no-analyze --source bench "$csv" >/dev/null
    start=$(seconds)
    pids=()
    for w in $(seq "$n"); do
      quarter_core "$w" "$rebuy" --db "$db" analyze >/dev/null 2>&1 &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    end=$(seconds)
    echo "$end - $start" | bc >>"$work/capped_$n.t"
  done
done
printf '%-44s %10s\n' "workers of a quarter core each" "analyze s"
for n in 1 2 4; do
  printf '%-44s %10.1f\n' "PostgreSQL, $n worker(s)" "$(median <"$work/capped_$n.t")"
done
