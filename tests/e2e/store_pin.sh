#!/usr/bin/env bash
# What a user sees is pinned: for each data set, the report's JSON (without the
# times of day it was made) and both exports are byte for byte what the pinned
# copies say, so a change to how the store keeps things cannot change them.
#
# usage: store_pin.sh REBUY_BIN SOURCE_DIR own
#        store_pin.sh REBUY_BIN SOURCE_DIR real REAL_DATA_DIR
# The outputs' hashes are pinned in tests/data/pinned/SET.sha256 (the outputs
# themselves run to megabytes). With REBUY_PIN_UPDATE=1 the pins are rewritten
# instead: only when a change is meant to change what users see.
#
# With REBUY_PIN_POSTGRES set to a server's URL (tests/support/pg_server.sh),
# each data set goes into a fresh database on that server instead of an SQLite
# file, and the same pins must hold: the two stores give the same answers. With
# REBUY_PIN_SHARDS (servers' URLs, space-separated) too, each database's
# responses are spread over those servers (scripts/pg-shards) and the pins hold.
set -uo pipefail
src=$(cd "$2" && pwd)
set_name=$3
if [ "$set_name" = real ]; then source "$src/tests/support/real_data.sh" "$4"; fi
source "$src/tests/support/e2e_lib.sh" "$1"
# Plugins set aside on this machine (a crash elsewhere) are in the report: not here.
export REBUY_STATE_DIR="$work/state"
pinned="$src/tests/data/pinned"
out="$work/out"
mkdir -p "$out"

# outputs NAME DB: DB's report and exports, as NAME, to $out.
outputs() {
  local name=$1 db=$2
  check "$name: report" expect_exit 0 "$work/report.json" "$rebuy" --db "$db" report --format json
  # The runs' times and where the files lay differ from one run to the next.
  jq 'del(.generated_at) | .imports[]? |= (del(.started_at, .finished_at) | .file |= (split("/") | last))' \
    "$work/report.json" >"$out/$name.report.json"
  check "$name: export csv" expect_exit 0 "$work/export.out" \
    "$rebuy" --db "$db" export --format csv -o "$out/$name.export.csv"
  check "$name: export jsonl" expect_exit 0 "$work/export.out" \
    "$rebuy" --db "$db" export --format jsonl -o "$out/$name.export.jsonl"
}

server=${REBUY_PIN_POSTGRES:-}

# store NAME: where a fresh store for NAME is: a file, or a new database on the server.
store() {
  local name=$1
  if [ -z "$server" ]; then
    echo "$work/$name.db"
    return
  fi
  local database="pin_${name//[^a-zA-Z0-9]/_}" url shard shards=()
  database=${database,,} # PostgreSQL folds unquoted names to lower case
  for url in "$server" ${REBUY_PIN_SHARDS:-}; do
    PGOPTIONS='-c client_min_messages=warning' psql "$url" -qX \
      -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database" >&2
  done
  url=${server/\/rebuy\?//$database?}
  if [ -n "${REBUY_PIN_SHARDS:-}" ]; then # responses spread over these servers (scripts/pg-shards)
    for shard in $REBUY_PIN_SHARDS; do shards+=("${shard/\/rebuy\?//$database?}"); done
    REBUY_BIN=$rebuy "$src/scripts/pg-shards" "$url" "${shards[@]}" >/dev/null
  fi
  echo "$url"
}

# pin NAME FILE...: imports the files, in order, into a fresh store, analyzes
# them and writes NAME's outputs.
pin() {
  local name=$1; shift
  local db f
  db=$(store "$name")
  for f in "$@"; do
    check "$name: import $(basename "$f")" expect_exit 0 "$work/import.out" \
      "$rebuy" --db "$db" import "$f"
  done
  outputs "$name" "$db"
}

if [ "$set_name" = own ]; then
  pin demo "$src/samples/feedback/northwind_survey.csv" "$src/samples/feedback/northwind_orders.csv"
  pin reviews "$src/plugins/amazon/tests/data/layout_2018.json" \
    "$src/plugins/trustpilot/tests/data/check_sample.csv" \
    "$src/plugins/shopify_reviews/tests/data/shopify_product_reviews.csv"
  pin surveys "$src/plugins/qualtrics/tests/data/legacy.csv" \
    "$src/plugins/surveymonkey/tests/data/older_export.csv" "$src/tests/e2e/data/survey.csv"
  # The demo's store as schema version 5 wrote it (before scores were kept
  # compactly), dumped: migrated in place, it answers as that version did
  # (its pins are the demo's of then, and stay so as analyzers change).
  if [ -z "$server" ]; then # an SQLite file's migration
    zcat "$pinned/demo_store_v5.sql.gz" | sqlite3 "$work/v5.db"
    outputs migrated_v5 "$work/v5.db"
    check "the v5 store migrated" bash -c "[ \$(sqlite3 '$work/v5.db' 'PRAGMA user_version') -ge 6 ]"
  fi
else
  while read -r file; do
    pin "$(basename "${file%.*}")" "$real/$file"
  done <<'EOF'
airport_survey/sfo_customer_survey_2018.csv
amazon/AMAZON_FASHION_5.json
app_reviews/app_reviews_zh_tw.csv
coffee_survey/starbucks_satisfaction_survey.csv
google_play/googleplay_user_reviews_sample.csv
hotel/booking_hotel_reviews.csv
nps_survey/longterm_October2017.csv
olist/olist_order_reviews_dataset.first6123.csv
qualtrics/qualtrics_sample.csv
qualtrics/qualtrics_sample_legacy.csv
steam/steam_reviews_recommended.csv
surveymonkey/steak-risk-survey.csv
trustpilot/trustpilot_de_oerag_reviews.csv
trustpilot/trustpilot_en_moorebarlow_reviews.csv
trustpilot/trustpilot_es_elcorteingles_seguros.csv
yelp/review_sample.first1000.json
EOF
fi

(cd "$out" && sha256sum -- *) >"$work/$set_name.sha256"
if [ -n "$server" ]; then # the sets an SQLite file alone has are not compared
  grep -v ' migrated_v5\.' "$pinned/$set_name.sha256" >"$work/$set_name.pinned"
  check "$set_name on PostgreSQL: reports and exports as pinned for SQLite" \
    diff -u "$work/$set_name.pinned" "$work/$set_name.sha256"
elif [ "${REBUY_PIN_UPDATE:-}" = 1 ] && [ "$failed" -eq 0 ]; then
  cp "$work/$set_name.sha256" "$pinned/$set_name.sha256"
else
  check "$set_name: reports and exports as pinned" diff -u "$pinned/$set_name.sha256" "$work/$set_name.sha256"
fi
finish
