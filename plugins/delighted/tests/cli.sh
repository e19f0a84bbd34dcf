#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the delighted importer by itself and
# accounts for every row. usage: cli.sh REBUY_BIN REAL_DATA_DIR TEST_DATA_DIR
set -uo pipefail
data=$3
source "$(dirname "$0")/../../qualtrics/tests/e2e_lib.sh" "$1"

imports_as "$data/check_sample.csv" delighted 4 4 0 0
check "roles" contains out "id = id, customer = email, nps = score, text = comment"

# The NPS of the four answers (10, 4, 8, 9): two promoters, one detractor.
check "import with analysis" expect_exit 0 out "$rebuy" --db nps.db import "$data/check_sample.csv"
check "NPS +25" contains out "NPS +25.0"

# Bare CR line ends and a ragged row.
tr '\n' '\r' < "$data/check_sample.csv" | tr -s '\r' > bare_cr.csv
printf '81726399,nps\r' >> bare_cr.csv
imports_as bare_cr.csv delighted 5 4 1 0
check "rejects list" expect_exit 0 rej "$rebuy" --db "$db" rejects
check "ragged row named" contains rej "bare_cr.csv:7: rejected: expected 15 fields, found 2"

finish
