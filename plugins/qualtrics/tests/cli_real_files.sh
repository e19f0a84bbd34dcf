#!/usr/bin/env bash
# End-to-end on the real exports: `rebuy import` picks the qualtrics importer by
# itself and accounts for every row. usage: cli_real_files.sh REBUY_BIN REAL_DATA_DIR
set -uo pipefail
source "$(dirname "$0")/../../../tests/support/real_data.sh" "$2"
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

imports_as "$real/qualtrics/qualtrics_sample.csv" qualtrics 1 1 0 0
imports_as "$real/qualtrics/qualtrics_sample_legacy.csv" qualtrics 1 1 0 0

# Bare CR line ends (old Mac Excel) and a ragged row.
imports_bare_cr "$real/qualtrics/qualtrics_sample.csv" qualtrics 1 20

finish
