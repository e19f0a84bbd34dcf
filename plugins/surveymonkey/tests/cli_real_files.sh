#!/usr/bin/env bash
# End-to-end on the real steak survey: `rebuy import` picks the surveymonkey
# importer by itself and accounts for every row.
# usage: cli_real_files.sh REBUY_BIN REAL_DATA_DIR
set -uo pipefail
source "$(dirname "$0")/../../../tests/support/real_data.sh" "$2"
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

imports_as "$real/surveymonkey/steak-risk-survey.csv" surveymonkey 550 550 0 0
check "respondent id" contains out "id = RespondentID"

finish
