#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the yelp plugin for the real Yelp sample
# by itself, accounts for every row, adds nothing on a second import, and
# updates an edited review instead of duplicating it.
# usage: cli_real_files.sh REBUY_BIN REAL_DATA_DIR FIXTURE_DIR
set -uo pipefail
real=$2 data=$3
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

sample="$real/yelp/review_sample.first1000.json"
check "chosen and counted" import_says f.db "$sample" \
  "1000 in = 1000 stored (1000 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped"
check "chosen automatically" grep -qF "with yelp 1.0.0 as source \"yelp\"" out
check "1000 reviews stored" stored f.db 1000
check "re-import adds nothing" import_says f.db "$sample" \
  "1000 in = 1000 stored (0 new, 0 updated, 1000 unchanged) + 0 rejected + 0 skipped"
check "still 1000" stored f.db 1000

# An edited review is updated, a new one added, the unchanged one left alone.
check "before" import_says e.db "$data/edit_before.json" "2 in = 2 stored (2 new, 0 updated, 0 unchanged)"
check "after" import_says e.db "$data/edit_after.json" "3 in = 3 stored (1 new, 1 updated, 1 unchanged)"
check "no duplicates" stored e.db 3
check "export" bash -c "'$rebuy' --db e.db export --format jsonl >export.jsonl"
check "the edited text is stored" grep -qF "new owners cut the portions" export.jsonl
check "the old text is gone" bash -c "! grep -qF '\"Okay coffee.\"' export.jsonl"

finish
