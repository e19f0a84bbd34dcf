#!/usr/bin/env bash
# The report does not depend on the order responses arrived in. Two SQLite stores take a
# survey's four quarters in opposite orders, so no response has the same id in both; their
# reports are the same: example quotes, a customer's latest answer among several at one time,
# the text model (its sample and the order it learns in) and the key drivers (the rows that
# decide the items, the sample, the bootstrap) are chosen by each response's source and key,
# never by id (store/response_ref.hpp). On PostgreSQL, imports at once give ids in commit
# order; postgres_concurrent.sh checks that case.
#
# usage: arrival_order.sh REBUY_BIN
set -uo pipefail
support=$(cd "$(dirname "$0")/../support" && pwd)
source "$support/e2e_lib.sh" "$1"

rows=6000
"$support/survey_file.sh" $rows # survey.csv and quarter1.csv .. quarter4.csv
for q in 1 2 3 4; do
  check "quarter $q first" expect_exit 0 forward.out "$rebuy" --db forward.db import --source survey "quarter$q.csv"
done
for q in 4 3 2 1; do
  check "quarter $q last" expect_exit 0 backward.out "$rebuy" --db backward.db import --source survey "quarter$q.csv"
done
check "ids differ" test "$(sqlite3 forward.db "SELECT id FROM responses WHERE key = 'R00001'")" != \
  "$(sqlite3 backward.db "SELECT id FROM responses WHERE key = 'R00001'")"
for store in forward backward; do
  check "$store: report" expect_exit 0 "$store.report.out" "$rebuy" --db "$store.db" report --format json -o "$store.json"
done
check "the text model was used" test "$(jq .text_model.used forward.json)" = true
check "key drivers were weighed" test "$(jq '.drivers | length' forward.json)" -gt 0
check "themes are quoted" test "$(jq '[.themes[].quote | select(. != "")] | length' forward.json)" -gt 0
check "customers are at risk" test "$(jq '.customers.at_risk' forward.json)" -gt 0
normalise() { jq 'del(.generated_at) | .imports |= (map(del(.started_at, .finished_at, .id)) | sort_by(.file))' "$1"; }
check "the same report" diff -u <(normalise forward.json) <(normalise backward.json)
finish
