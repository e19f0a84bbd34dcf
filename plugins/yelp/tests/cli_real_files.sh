#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the yelp plugin for the real Yelp sample by
# itself, accounts for every row and adds nothing on a second import.
# usage: cli_real_files.sh REBUY_BIN REAL_DATA_DIR
set -uo pipefail
source "$(dirname "$0")/../../../tests/support/real_data.sh" "$2"
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

imports_distinct "$real/yelp/review_sample.first1000.json" yelp 1000 1000

finish
