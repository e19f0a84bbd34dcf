#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the google_forms importer by itself and
# accounts for every row. usage: cli.sh REBUY_BIN REAL_DATA_DIR TEST_DATA_DIR
set -uo pipefail
data=$3
source "$(dirname "$0")/../../qualtrics/tests/e2e_lib.sh" "$1"

# Without an id the host keys each row by its content: a second import still adds nothing.
imports_as "$data/check_sample.csv" google_forms 3 3 0 0
check "roles" contains out "submitted_at = Timestamp, customer = Email Address"

# Bare CR line ends and a ragged row.
tr '\n' '\r' < "$data/check_sample.csv" | tr -s '\r' > bare_cr.csv
printf '5/3/2024 9:00:00,x\r' >> bare_cr.csv
imports_as bare_cr.csv google_forms 4 3 1 0
check "rejects list" expect_exit 0 rej "$rebuy" --db "$db" rejects
check "ragged row named" contains rej "bare_cr.csv:5: rejected: expected 10 fields, found 2"

finish
