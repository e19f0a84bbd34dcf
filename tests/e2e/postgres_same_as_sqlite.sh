#!/usr/bin/env bash
# The same commands on an SQLite file and on a PostgreSQL database (REBUY_TEST_POSTGRES,
# a server tests/support/pg_server.sh started) say the same and leave stores that
# answer the same: re-imports that find rows unchanged, edited rows stored anew,
# post-purchase answers merged into their order's response, orders updated,
# rejected rows, a horizon set with analyze, and every report and export on the way.
#
# usage: postgres_same_as_sqlite.sh REBUY_BIN SOURCE_DIR
set -uo pipefail
src=$(cd "$2" && pwd)
source "$src/tests/support/e2e_lib.sh" "$1"
server=${REBUY_TEST_POSTGRES:?the URL of a PostgreSQL server (tests/support/with_pg.sh)}

psql "$server" -qX -c "DROP DATABASE IF EXISTS same_as_sqlite" -c "CREATE DATABASE same_as_sqlite" \
  >/dev/null 2>&1
pg=${server/\/rebuy\?//same_as_sqlite?}
lite="$work/lite.db"

step=0
# both ARGS...: the command on each store; its exit code and output must be the same.
both() {
  step=$((step + 1))
  "$rebuy" --db "$lite" "$@" >"lite.$step" 2>&1
  local lite_code=$?
  "$rebuy" --db "$pg" "$@" >"pg.$step" 2>&1
  local pg_code=$?
  # Where the store is differs, and nothing else may.
  sed -i "s|$pg|STORE|g; s|$lite|STORE|g; s|${pg%%\?*}|STORE|g" "lite.$step" "pg.$step"
  check "$* exits alike ($lite_code)" test "$lite_code" = "$pg_code"
  check "$* says the same" diff -u "lite.$step" "pg.$step"
}
# answers NAME: the report's JSON and both exports are the same.
answers() {
  both report --format json -o "$work/report.json"
  for store in lite pg; do
    local db=$lite
    [ $store = pg ] && db=$pg
    "$rebuy" --db "$db" report --format json |
      jq 'del(.generated_at) | .imports[]? |= del(.started_at, .finished_at)' >"$store.report.json"
    "$rebuy" --db "$db" export --format csv -o "$store.export.csv"
    "$rebuy" --db "$db" export --format jsonl -o "$store.export.jsonl"
    "$rebuy" --db "$db" report --format md | sed 's/ Generated [0-9T:Z-]*\.//' >"$store.report.md"
  done
  check "$1: the same report" diff -u lite.report.json pg.report.json
  check "$1: the same Markdown report" diff -u lite.report.md pg.report.md
  check "$1: the same export" cmp lite.export.csv pg.export.csv
  check "$1: the same JSON lines" cmp lite.export.jsonl pg.export.jsonl
}

survey="$src/samples/feedback/northwind_survey.csv"
both import "$survey"
both import "$survey" # every row unchanged
answers "imported twice"

# An edited row is stored anew; a new one is added.
{ head -3 "$survey" | sed '3s/,[^,]*$/,"Edited: the delivery was late again"/'; tail -n +4 "$survey"
  echo 'R9999,2024-06-30T09:00:00Z,C-9999,New customer,Footwear,purchase,3,Probably would not,"A new one"'; } >edited.csv
both import --source northwind_survey.csv edited.csv
answers "edited"

# Post-purchase answers, one row per order and question, merged; again: unchanged.
both import "$src/plugins/post_purchase/tests/data/check_sample.csv"
both import "$src/plugins/post_purchase/tests/data/check_sample.csv"
answers "merged"

# Orders, then an order edited; rejects of a damaged file.
orders="$src/samples/feedback/northwind_orders.csv"
both import "$orders"
sed '2s/,[0-9.]*$/,1.00/' "$orders" >orders_edited.csv
both import --source orders orders_edited.csv
printf 'response_id,score,comment\n1,9,fine\n2,"unterminated\n3,7,ok\n' >damaged.csv
both import damaged.csv
both rejects
both rejects --run 1
both analyze --horizon 30
answers "orders and a horizon"
both analyze --rerun
answers "analyzed again"
finish
