#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the yelp plugin by itself, accounts for
# every row, adds nothing on a second import and updates an edited review
# instead of duplicating it. usage: cli.sh REBUY_BIN TEST_DATA_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

imports_distinct "$data/crlf_lines.json" yelp 4 4
imports_distinct "$data/current.json" yelp 2 2

updates_edited "$data/edit_before.json" "$data/edit_after.json" "new owners cut the portions" \
  "Okay coffee."

finish
