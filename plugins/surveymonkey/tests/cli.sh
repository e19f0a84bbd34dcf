#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the surveymonkey importer by itself and
# accounts for every row. usage: cli.sh REBUY_BIN TEST_DATA_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

# The older layout: RespondentID, and a second header row of "Response" only.
imports_as "$data/older_export.csv" surveymonkey 5 5 0 0
check "respondent id" contains out "id = RespondentID"

imports_as "$data/check_sample.csv" surveymonkey 5 5 0 0
check "roles" contains out \
  "nps = How likely is it that you would recommend Acme Shoes to a friend or colleague?"

# Windows-1252 header bytes are decoded by the host before the plugin names columns.
imports_as "$data/cp1252.csv" surveymonkey 2 2 0 0
check "code page decoded" contains out "nps = How likely are you to recommend Café Noir to a friend?"

# Bare CR line ends (old Mac Excel) and a ragged row.
imports_bare_cr "$data/check_sample.csv" surveymonkey 5 17

finish
