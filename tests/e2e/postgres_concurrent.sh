#!/usr/bin/env bash
# Many rebuys at once on one PostgreSQL store (REBUY_TEST_POSTGRES, a server
# tests/support/pg_server.sh started):
# - four imports of a file's four quarters at the same time store every row once;
# - two analyses at the same time share the work, each response analyzed once;
# - the report and the export's rows and scores are those of an SQLite store that
#   imported the quarters one after the other, in reverse (the server gives ids in
#   the order the imports committed, so the export's rows are compared in key
#   order; the report chooses by key, not by id);
#   the report and the export are those of the store copied into an SQLite file
#   (rebuy db copy) to the byte;
# - two imports of the same file at the same time store it once, one of them
#   finding what the other stored;
# - a kill -9 of an import leaves its run 'interrupted' and what it committed;
# - a role that may only read gets reports and is refused imports.
#
# usage: postgres_concurrent.sh REBUY_BIN
set -uo pipefail
support=$(cd "$(dirname "$0")/../support" && pwd)
source "$support/e2e_lib.sh" "$1"
server=${REBUY_TEST_POSTGRES:?the URL of a PostgreSQL server (tests/support/with_pg.sh)}

# database NAME: the URL of a new, empty database NAME on the server.
database() {
  psql "$server" -qX -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1
  echo "${server/\/rebuy\?//$1?}"
}
# query URL SQL: one value.
query() { psql "$1" -qXAt -c "$2"; }

# A survey of 40,000 rows (three chunks of analysis, store/analysis_chunks.hpp).
rows=40000
"$support/survey_file.sh" $rows # survey.csv and quarter1.csv .. quarter4.csv

# Four quarters at once, then two analyses at once.
quarters=$(database concurrent_quarters)
quarter=$((rows / 4))
for q in 1 2 3 4; do
  "$rebuy" --db "$quarters" import --no-analyze --source survey "quarter$q.csv" >"import$q.out" 2>&1 &
  pids[$q]=$!
done
for q in 1 2 3 4; do
  check "quarter $q imported" wait "${pids[$q]}"
  check "quarter $q: every row new" contains "import$q.out" \
    "$quarter in = $quarter stored ($quarter new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped"
done
check "every row stored once" test "$(query "$quarters" 'SELECT count(*), count(DISTINCT key) FROM responses')" = "$rows|$rows"
check "four runs done" test "$(query "$quarters" "SELECT count(*) FROM import_runs WHERE status = 'done'")" = 4
for w in 1 2; do
  "$rebuy" --db "$quarters" analyze >"analyze$w.out" 2>&1 &
  pids[$w]=$!
done
check "first analysis" wait "${pids[1]}"
check "second analysis" wait "${pids[2]}"
analyzed() { sed -n 's/^analyzed \([0-9]*\) responses.*/\1/p' "$1"; }
check "each response analyzed once" test $(( $(analyzed analyze1.out) + $(analyzed analyze2.out) )) = $rows
check "no analysis left to share" test "$(query "$quarters" 'SELECT count(*) FROM analysis_chunks')" = 0
check "the analyzers' progress recorded" test \
  "$(query "$quarters" "SELECT min(analyzed_through) FROM analyzer_state WHERE analyzer <> 'rebuy'")" = \
  "$(query "$quarters" 'SELECT max(id) FROM responses')"

normalise() { jq 'del(.generated_at) | .imports |= (map(del(.started_at, .finished_at, .id)) | sort_by(.file))' "$1"; }
check "report from PostgreSQL" expect_exit 0 pg.out "$rebuy" --db "$quarters" report --format json -o pg.json
"$rebuy" --db "$quarters" export --format csv -o pg.csv
# The other way round on SQLite, so that no response has the same id in both stores.
for q in 4 3 2 1; do
  check "SQLite: import quarter $q" expect_exit 0 sqlite.out "$rebuy" --db lite.db import --source survey "quarter$q.csv"
done
check "report from SQLite" expect_exit 0 lite.out "$rebuy" --db lite.db report --format json -o lite.json
"$rebuy" --db lite.db export --format csv -o lite.csv
# Examples, samples and the text model are chosen by the responses' keys, not by the order
# they arrived in (store/response_ref.hpp): the same report.
check "the text model was fitted" test "$(jq '.text_model.learnt > 0' pg.json)" = true
check "the same report" diff -u <(normalise lite.json) <(normalise pg.json)
check "the same rows and scores" diff -u <(sort lite.csv) <(sort pg.csv)
check "copied into an SQLite file" expect_exit 0 copy.out "$rebuy" db copy "$quarters" copy.db
check "the copy's report" expect_exit 0 copy.out "$rebuy" --db copy.db report --format json -o copy.json
check "is the same" diff -u <(normalise pg.json) <(normalise copy.json)
"$rebuy" --db copy.db export --format csv -o copy.csv
check "the copy's export is the same" diff -u pg.csv copy.csv
# And the other way: the SQLite store into a new database on the server.
moved=$(database moved_from_sqlite)
check "copied into PostgreSQL" expect_exit 0 moved.out "$rebuy" db copy lite.db "$moved"
check "the moved store's report" expect_exit 0 moved.out "$rebuy" --db "$moved" report --format json -o moved.json
check "is the same" diff -u <(normalise lite.json) <(normalise moved.json)
"$rebuy" --db "$moved" export --format jsonl -o moved.jsonl
"$rebuy" --db lite.db export --format jsonl -o lite.jsonl
check "the moved store's export is the same" cmp lite.jsonl moved.jsonl
check "a copy goes only into a new store" expect_exit 2 again.out "$rebuy" db copy lite.db "$moved"
check "and says so" contains again.out "must be new"
check "an import after the copy" expect_exit 0 moved.out \
  "$rebuy" --db "$moved" import --no-analyze --source other survey.csv
check "gives ids after the copied ones" test \
  "$(query "$moved" 'SELECT count(*), count(DISTINCT id), min(id) FROM responses WHERE source = '"'other'"'')" = \
  "$rows|$rows|$((rows + 1))"

# One file twice at once: stored once; what one stored the other finds unchanged.
twice=$(database concurrent_twice)
"$rebuy" --db "$twice" import --no-analyze survey.csv >twice1.out 2>&1 &
first=$!
"$rebuy" --db "$twice" import --no-analyze survey.csv >twice2.out 2>&1 &
second=$!
check "first import of the same file" wait $first
check "second import of the same file" wait $second
check "the file stored once" test "$(query "$twice" 'SELECT count(*) FROM responses')" = $rows
check "each row new once, unchanged once" test \
  "$(query "$twice" 'SELECT sum(rows_new), sum(rows_unchanged), sum(rows_in) FROM import_runs')" = \
  "$rows|$rows|$((2 * rows))"

# kill -9 in the middle of an import: the run is interrupted, its commits kept.
killed=$(database killed_import)
big=$((rows * 5))
{ head -1 survey.csv; for i in $(seq 1 5); do tail -n +2 survey.csv | sed "s/^R/R$i-/"; done; } >big.csv
"$rebuy" --db "$killed" import --no-analyze big.csv >killed.out 2>&1 &
victim=$!
for _ in $(seq 1 200); do
  [ "$(query "$killed" 'SELECT count(*) FROM import_runs' 2>/dev/null)" = 1 ] && break
  sleep 0.05
done
sleep 0.5
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
check "the next rebuy finds the run interrupted" expect_exit 0 after.out \
  "$rebuy" --db "$killed" rejects
check "the run is marked interrupted" test \
  "$(query "$killed" "SELECT status FROM import_runs WHERE id = 1")" = interrupted
check "its counts say what is stored" test \
  "$(query "$killed" "SELECT rows_new FROM import_runs WHERE id = 1")" = \
  "$(query "$killed" "SELECT count(*) FROM responses WHERE run_id = 1")"
check "importing it again completes it" expect_exit 0 again.out "$rebuy" --db "$killed" import --no-analyze big.csv
check "every row of it stored once" test "$(query "$killed" 'SELECT count(*), count(DISTINCT key) FROM responses')" = "$big|$big"

# A reporting role that may only read: it reads the report; an import is refused (exit 4).
psql "$server" -qX -c "DO \$\$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$" >/dev/null
psql "$quarters" -qX -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" >/dev/null
reader=${quarters/rebuy@/reader@}
check "a reader's report" expect_exit 0 reader.out "$rebuy" --db "$reader" report --format json -o reader.json
check "the reader's report is the same" diff -u <(normalise pg.json) <(normalise reader.json)
check "a reader may not import" expect_exit 4 reader_import.out \
  "$rebuy" --db "$reader" import --no-analyze survey.csv
check "and is told why" contains reader_import.out "may not do this"
finish
