#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the typeform importer by itself and
# accounts for every row. usage: cli.sh REBUY_BIN TEST_DATA_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

imports_as "$data/check_sample.csv" typeform 4 4 0 0
check "roles" contains out "id = #, nps = How likely are you to recommend Acme to a friend or colleague?"

# Bare CR line ends (old Mac Excel) and a ragged row.
imports_bare_cr "$data/check_sample.csv" typeform 4 12

finish
