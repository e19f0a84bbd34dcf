#!/usr/bin/env bash
# kill -9 at random moments: 10 times during `rebuy import` (with analysis) and 10 times
# during `rebuy analyze --rerun`, on a generated file. After every kill SQLite finds the store
# intact and the next open marks a killed import 'interrupted' (none stays 'running'); a final
# import stores exactly the file's rows, and the export (responses and every score) is
# byte for byte that of a run nobody interrupted.
#   kill_faults.sh REBUY_BIN [ROWS]
set -uo pipefail
rebuy=$(realpath "$1")
rows=${2:-30000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset REBUY_DB REBUY_WAIT REBUY_PLUGIN_PATH
export REBUY_STATE_DIR="$work/state"
if ! command -v sqlite3 >/dev/null; then
  echo "SKIPPED: no sqlite3 program to check the store with"
  exit 0
fi

failed=0
fail() {
  echo "FAILED: $*" >&2
  failed=$((failed + 1))
}
sql() { sqlite3 "$1" "$2" 2>&1; }
intact() { # DB WHAT
  local verdict
  verdict=$(sql "$1" 'PRAGMA integrity_check;')
  [[ $verdict == ok ]] || fail "$2: integrity_check: $verdict"
}

# A survey export: an id, a date, an NPS answer, a would-buy-again answer and a comment.
awk -v rows="$rows" 'BEGIN {
  srand(42)
  split("fast slow great broken late friendly cheap expensive small fine return refund", w, " ")
  print "response_id,submitted_at,nps,buy_again,comment"
  for (i = 1; i <= rows; i++) {
    c = ""
    for (j = 0; j < 4 + int(rand() * 12); j++) c = c (j ? " " : "") w[1 + int(rand() * 12)]
    printf "%d,2025-%02d-%02dT10:00:00Z,%d,%s,\"%s, really\"\n", i, 1 + int(rand() * 12),
      1 + int(rand() * 28), int(rand() * 11), rand() < 0.6 ? "yes" : "no", c
  }
}' >survey.csv

# The run nobody interrupts, timed to choose the moments of the kills.
start=$(date +%s%N)
"$rebuy" --db ref.db import survey.csv >/dev/null 2>&1 || fail "the reference import failed"
import_ms=$((($(date +%s%N) - start) / 1000000))
start=$(date +%s%N)
"$rebuy" --db reading.db import --no-analyze survey.csv >/dev/null 2>&1 || fail "an import failed"
reading_ms=$((($(date +%s%N) - start) / 1000000))
"$rebuy" --db ref.db export --format jsonl >ref.jsonl || fail "the reference export failed"
[[ $(wc -l <ref.jsonl) -eq $rows ]] || fail "the reference run stored $(wc -l <ref.jsonl) of $rows"
start=$(date +%s%N)
"$rebuy" --db ref.db analyze --rerun >/dev/null 2>&1 || fail "the reference analysis failed"
analyze_ms=$((($(date +%s%N) - start) / 1000000))
echo "import: $reading_ms ms, with analysis: $import_ms ms, analyze --rerun: $analyze_ms ms"

# kill_at MS COMMAND...: starts the command, kills it with SIGKILL after MS milliseconds.
kill_at() {
  local ms=$1
  shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}
RANDOM=7 # the same moments every run
moment() { echo $((20 + RANDOM % ($1 > 40 ? $1 - 20 : 20))); }

# kill_running: starts an import and kills it as soon as its run is in the store.
kill_running() {
  "$rebuy" --db k.db import survey.csv >/dev/null 2>&1 &
  local pid=$! seen=0
  for _ in $(seq 2000); do
    [[ $(sql k.db "SELECT count(*) FROM import_runs WHERE status = 'running';") == 1 ]] &&
      seen=1 && break
    sleep 0.005
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  ((seen)) || fail "the import's run never showed as running"
}

for i in $(seq 10); do
  # The first kill while the run is surely under way; then half of them while the file is
  # read, half at any moment (analysis included).
  if ((i == 1)); then
    kill_running
  else
    kill_at "$(moment $((i % 2 ? reading_ms : import_ms)))" "$rebuy" --db k.db import survey.csv
  fi
  intact k.db "after kill $i of an import"
  # Any command's open marks what died.
  "$rebuy" --db k.db rejects >/dev/null 2>&1
  running=$(sql k.db "SELECT count(*) FROM import_runs WHERE status = 'running';")
  [[ $running == 0 ]] || fail "after kill $i, $running runs are still 'running'"
  # ... and every stored response can be found by its key: none waits in import_keys.
  keys=$(sql k.db "SELECT (SELECT count(*) FROM responses) - (SELECT count(*) FROM response_keys
    k JOIN responses r ON r.id = k.id AND r.key_hash = k.key_hash), (SELECT count(*) FROM
    import_keys);")
  [[ $keys == "0|0" ]] || fail "after kill $i, responses without a key | keys waiting: $keys"
done
interrupted=$(sql k.db "SELECT count(*) FROM import_runs WHERE status = 'interrupted';")
((interrupted > 0)) || fail "no import was marked interrupted"
bad=$(sql k.db "SELECT count(*) FROM import_runs WHERE status = 'interrupted' AND
  (message IS NULL OR rows_in <> rows_new + rows_updated + rows_unchanged + rows_merged +
   rows_rejected + rows_skipped);")
[[ $bad == 0 ]] || fail "$bad interrupted runs have no message or counts that do not add up"
echo "imports killed: 10, marked interrupted: $interrupted"

out=$("$rebuy" --db k.db import survey.csv 2>&1) || fail "the import after the kills failed: $out"
"$rebuy" --db k.db analyze >/dev/null 2>&1 || fail "the analysis after the kills failed"
"$rebuy" --db k.db export --format jsonl >k.jsonl || fail "export after the import kills failed"
[[ $(wc -l <k.jsonl) -eq $rows ]] || fail "$(wc -l <k.jsonl) responses stored, expected $rows"
cmp -s ref.jsonl k.jsonl || fail "after the import kills the export differs from the reference"

for i in $(seq 10); do
  kill_at "$(moment "$analyze_ms")" "$rebuy" --db k.db analyze --rerun
  intact k.db "after kill $i of an analysis"
done
"$rebuy" --db k.db analyze >/dev/null 2>&1 || fail "the analysis after the kills failed"
"$rebuy" --db k.db export --format jsonl >k.jsonl || fail "export after the analysis kills failed"
cmp -s ref.jsonl k.jsonl || {
  fail "after the analysis kills the export differs from the reference"
  diff ref.jsonl k.jsonl | head -5 >&2
}
echo "analyses killed: 10"

if ((failed)); then
  echo "$failed failed"
  exit 1
fi
echo "all passed"
