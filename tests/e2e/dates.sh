#!/usr/bin/env bash
# End to end: dates in five languages are stored as UTC, and relative dates
# ("3 days ago") are kept as written and counted undated, visibly, in the
# import, `rebuy rejects`, the export and the report. Our own fixtures only.
# usage: dates.sh REBUY_BIN FIXTURE_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../support/e2e_lib.sh" "$1"

# German month names, written out, abbreviated and in capitals: all read, so
# the column is the response date and every row has one.
imports_as "$data/dates_de.csv" csv 6 6 0 0
check "German dates are the response date" contains out "submitted_at = date"
check "no German date refused" bash -c "! grep -q 'refused' out"
check "export German" expect_exit 0 de.csv "$rebuy" --db "$db" export --format csv
for stored in 2026-01-07T00:00:00Z 2025-02-04T00:00:00Z 2025-03-03T00:00:00Z \
              2025-12-12T00:00:00Z 2025-05-01T00:00:00Z 2025-10-15T00:00:00Z; do
  check "German date $stored stored" contains de.csv "$stored"
done
check "report German" expect_exit 0 de.json "$rebuy" --db "$db" report --format json
check "German dates: first day" contains de.json '"first": "2025-02-04",'
check "German dates: last day" contains de.json '"last": "2026-01-07",'
check "German dates: none undated" contains de.json '"undated": 0'

# Eight readable dates in eight forms and two relative ones.
imports_as "$data/dates_relative.csv" csv 10 10 0 0
check "mixed column is the response date" contains out "submitted_at = date"
check "the one slashed date said" contains out \
  "note: dates like 05/06/2024 read month first: 1 date could be read either way and none only one way"
check "relative dates counted" contains out "2 values refused for their role; their rows are stored"
check "relative dates said" contains out \
  "note: 2 relative dates kept as written, not turned into dates (the first: '3 days ago', line 4): their responses count as undated"
check "rejects" expect_exit 0 rej "$rebuy" --db "$db" rejects
check "relative date reason" contains rej \
  "dates_relative.csv:4: value refused: date: '3 days ago' is a relative date: kept as written, not turned into a date; the response counts as undated"
check "German relative date reason" contains rej "dates_relative.csv:6: value refused: date: 'vor 3 Tagen' is a relative date"
check "export mixed" expect_exit 0 mixed.csv "$rebuy" --db "$db" export --format csv
for stored in 2025-06-21T19:13:29Z 2023-11-19T00:00:00Z 2023-11-20T00:00:00Z 2019-10-01T04:38:43Z \
              2017-08-03T00:00:00Z 2024-03-01T00:00:00Z 2024-12-10T00:00:00Z 2024-03-03T00:00:00Z; do
  check "date $stored stored" contains mixed.csv "$stored"
done
check "relative date kept as written" contains mixed.csv ",3 days ago,"
check "no date invented" bash -c "[ \$(grep -c 'T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' mixed.csv) -eq 8 ]"
check "report mixed" expect_exit 0 mixed.json "$rebuy" --db "$db" report --format json
check "two undated in the report" contains mixed.json '"undated": 2'
check "report md" expect_exit 0 mixed.md "$rebuy" --db "$db" report --format md
check "report says why" contains mixed.md "2 responses have no readable date"

# A column of relative dates only is no date column; mapped anyway, each row
# is stored undated with the reason.
printf 'id,comment,date\n1,ok,3 days ago\n2,bad,hace 2 semanas\n3,fine,yesterday\n' > relative_only.csv
imports_as relative_only.csv csv 3 3 0 0
check "relative column not guessed a date" bash -c "! grep -q 'submitted_at' out"
check "mapped relative column" expect_exit 0 out "$rebuy" --db mapped.db import --no-analyze \
  --map submitted_at=date relative_only.csv
check "mapped: every row stored" contains out "3 in = 3 stored (3 new, 0 updated, 0 unchanged)"
check "mapped: said" contains out "note: 3 relative dates kept as written"
check "mapped: report" expect_exit 0 only.json "$rebuy" --db mapped.db report --format json
check "mapped: no first day" contains only.json '"first": null,'
check "mapped: all undated" contains only.json '"undated": 3'

finish
