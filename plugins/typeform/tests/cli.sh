#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the typeform importer by itself and
# accounts for every row. usage: cli.sh REBUY_BIN REAL_DATA_DIR TEST_DATA_DIR
set -uo pipefail
data=$3
source "$(dirname "$0")/../../qualtrics/tests/e2e_lib.sh" "$1"

imports_as "$data/check_sample.csv" typeform 4 4 0 0
check "roles" contains out "id = #, nps = How likely are you to recommend Acme to a friend or colleague?"

# Bare CR line ends and a ragged row.
tr '\n' '\r' < "$data/check_sample.csv" > bare_cr.csv
printf 'ffff,1\r' >> bare_cr.csv
imports_as bare_cr.csv typeform 5 4 1 0
check "rejects list" expect_exit 0 rej "$rebuy" --db "$db" rejects
check "ragged row named" contains rej "bare_cr.csv:7: rejected: expected 12 fields, found 2"

finish
