#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the qualtrics importer by itself and
# accounts for every row. usage: cli.sh REBUY_BIN TEST_DATA_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

imports_as "$data/german_labels.csv" qualtrics 2 2 0 0
# The legacy layout: its one preview is skipped by rule.
imports_as "$data/legacy.csv" qualtrics 3 2 0 1

# Previews, tests and spam are skipped by rule, and say which rule.
imports_as "$data/check_sample.csv" qualtrics 7 3 0 4
check "roles from labels" contains out "buy_again = Q2, nps = Q3 (0-10), text = Q4"
check "rejects list" expect_exit 0 rej "$rebuy" --db "$db" rejects
check "preview skip named" contains rej \
  "check_sample.csv:6: skipped: Status 1 (survey preview): previews are not responses"
check "spam skip named" contains rej "check_sample.csv:8: skipped: Status 8 (spam)"

# The include options bring the skipped rows back.
check "include options" expect_exit 0 out "$rebuy" --db inc.db import --no-analyze \
  --option include_previews=1 --option include_tests=1 --option include_spam=1 "$data/check_sample.csv"
check "all 7 stored" contains out "rows: 7 in = 7 stored (7 new"
# Row 3 says the times are America/Denver: 09:04:12 MDT is 15:04:12 UTC.
check "export" expect_exit 0 export.csv "$rebuy" --db inc.db export
check "zone applied" contains export.csv "R_1a2B3c4D5e6F7g8,qualtrics,survey,5,ana@example.com,2024-05-01T15:04:12Z"

# A UTF-16 LE TSV export, as Qualtrics writes TSV, reads the same.
imports_as "$data/qualtrics_utf16.tsv" qualtrics 7 3 0 4
check "decoded from UTF-16" contains out "converted from UTF-16LE to UTF-8"

# Bare CR line ends (old Mac Excel) and a ragged row.
imports_bare_cr "$data/german_labels.csv" qualtrics 2 20

# The NPS question is found by its label and analyzed.
check "import with analysis" expect_exit 0 out "$rebuy" --db nps.db import "$data/check_sample.csv"
check "NPS over the stored answers" contains out "over 3 answers for Q3"

# A file that only looks like Qualtrics is an error naming the header row.
printf 'StartDate,ResponseId\nStart Date,Response ID\n"{""ImportId"":1}",x,y\n' > broken.csv
check "broken header" expect_exit 2 out "$rebuy" --db broken.db import --as qualtrics broken.csv
check "broken header named" contains out "header row 3 on line 3 has 3 fields, header row 1 has 2"

finish
