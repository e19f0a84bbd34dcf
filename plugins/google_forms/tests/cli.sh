#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the google_forms importer by itself and
# accounts for every row. usage: cli.sh REBUY_BIN TEST_DATA_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

# Without an id the host keys each row by its content: a second import still adds nothing.
imports_as "$data/check_sample.csv" google_forms 3 3 0 0
check "roles" contains out "submitted_at = Timestamp, customer = Email Address"

# Bare CR line ends (old Mac Excel) and a ragged row.
imports_bare_cr "$data/check_sample.csv" google_forms 3 10

finish
