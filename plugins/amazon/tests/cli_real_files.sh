#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the amazon plugin for the real Amazon file
# by itself, accounts for every row, adds nothing on a second import, and
# updates an edited review instead of duplicating it.
# usage: cli_real_files.sh REBUY_BIN REAL_DATA_DIR FIXTURE_DIR
set -uo pipefail
real=$2 data=$3
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

fashion="$real/amazon/AMAZON_FASHION_5.json"
# 68 of the 3,176 lines repeat an earlier review to the letter: stored once.
check "chosen and counted" import_says f.db "$fashion" \
  "3176 in = 3176 stored (3108 new, 0 updated, 68 unchanged) + 0 rejected + 0 skipped"
check "chosen automatically" grep -qF "with amazon 1.0.0 as source \"amazon\"" out
check "3108 reviews stored" stored f.db 3108
check "re-import adds nothing" import_says f.db "$fashion" \
  "3176 in = 3176 stored (0 new, 0 updated, 3176 unchanged) + 0 rejected + 0 skipped"
check "still 3108" stored f.db 3108

# An edited review is updated, a new one added, the unchanged one left alone.
check "before" import_says e.db "$data/edit_before.json" "2 in = 2 stored (2 new, 0 updated, 0 unchanged)"
check "after" import_says e.db "$data/edit_after.json" "3 in = 3 stored (1 new, 1 updated, 1 unchanged)"
check "no duplicates" stored e.db 3
check "export" bash -c "'$rebuy' --db e.db export --format jsonl >export.jsonl"
check "the edited text is stored" grep -qF "shrank in the wash" export.jsonl
check "the old text is gone" bash -c "! grep -qF '\"Runs small.\"' export.jsonl"

finish
