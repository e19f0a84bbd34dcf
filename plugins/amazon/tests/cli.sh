#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the amazon plugin by itself, accounts for
# every row, adds nothing on a second import, stores a repeated line once and
# updates an edited review instead of duplicating it.
# usage: cli.sh REBUY_BIN TEST_DATA_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

# The same two reviews twice, as the real datasets repeat some lines.
cat "$data/edit_before.json" "$data/edit_before.json" >twice.json
imports_distinct twice.json amazon 4 2
imports_distinct "$data/layout_2018.json" amazon 2 2

updates_edited "$data/edit_before.json" "$data/edit_after.json" "shrank in the wash" "Runs small."

finish
