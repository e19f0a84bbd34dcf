#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the delighted importer by itself and
# accounts for every row. usage: cli.sh REBUY_BIN TEST_DATA_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

imports_as "$data/check_sample.csv" delighted 4 4 0 0
check "roles" contains out "id = id, customer = email, nps = score, text = comment"

# The NPS of the four answers (10, 4, 8, 9): two promoters, one detractor.
check "import with analysis" expect_exit 0 out "$rebuy" --db nps.db import "$data/check_sample.csv"
check "NPS +25" contains out "NPS +25.0"

# Bare CR line ends (old Mac Excel) and a ragged row.
imports_bare_cr "$data/check_sample.csv" delighted 4 15

finish
