#!/usr/bin/env bash
# End-to-end tests of the `rebuy` program on real files.
# usage: cli.sh REBUY_BIN REAL_DATA_DIR TEST_PLUGIN_DIR
set -uo pipefail
rebuy=$1 real=$2 test_plugins=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export REBUY_DB="$work/e2e.db"
unset REBUY_PLUGIN_PATH

passed=0 failed=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}
# expect_exit CODE OUTFILE COMMAND...: runs the command, stdout+stderr to OUTFILE
expect_exit() {
  local code=$1 out=$2; shift 2
  "$@" >"$out" 2>&1
  local got=$?
  [ "$got" -eq "$code" ] || { echo "expected exit $code, got $got from: $*" >&2; cat "$out" >&2; return 1; }
}
contains() { grep -qF -- "$2" "$1" || { echo "'$1' lacks: $2" >&2; cat "$1" >&2; return 1; }; }

nps_file="$real/nps_survey/longterm_October2017.csv"

# The foundation's acceptance: NPS +36.3 over 402 answers, and idempotent re-import.
check "import nps survey" expect_exit 0 out1 "$rebuy" import "$nps_file"
check "says NPS +36.3" contains out1 "NPS +36.3"
check "over 402 answers" contains out1 "over 402 answers for Likely-To-Recommend"
check "accounts for every row" contains out1 "476 in = 476 stored (476 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped"
check "re-import" expect_exit 0 out2 "$rebuy" import "$nps_file"
check "re-import adds nothing" contains out2 "476 in = 476 stored (0 new, 0 updated, 476 unchanged)"
check "report json" expect_exit 0 report.json "$rebuy" report --format json
check "476 responses, not 952" contains report.json '"responses": 476,'
check "json nps score" contains report.json '"score": 36.32,'
check "json nps n" contains report.json '"n": 402,'
check "report md to a file" expect_exit 0 out3 "$rebuy" report -o report.md
check "md headline" contains report.md "**NPS +36.3**"
# The denominator policy: the 74 who skipped the question count as neither class under "all".
check "report --nps-denominator all" expect_exit 0 all.json "$rebuy" report --format json --nps-denominator all
check "all: NPS +30.7" contains all.json '"score": 30.67,'
check "all: over 476" contains all.json '"n": 476,'
# Stated intent against reported behaviour: who say they actually recommended, per class.
check "md reported referral" contains report.md "| promoter | 197 | 9 | 8 | 95.6 % | 91.9–97.7 % |"
check "md reported referral, detractors" contains report.md "| detractor | 16 | 39 | 13 | 29.1 % |"
check "json reported referral" contains report.json '"question": "Recommended",' 

# Export contract.
check "export csv" expect_exit 0 export.csv "$rebuy" export --format csv
check "export header" bash -c "head -1 export.csv | grep -q '^id,source,.*,nps,.*nps_class'"
check "export one row per response" bash -c "[ \$(grep -c 'longterm_October2017.csv,survey' export.csv) -eq 476 ]"
check "olist for text analyzers" expect_exit 0 out "$rebuy" --db olist_e.db import "$real/olist/olist_order_reviews_dataset.first6123.csv"
check "olist export" expect_exit 0 olist.csv "$rebuy" --db olist_e.db export
check "one journey_stage column" bash -c "[ \$(head -1 olist.csv | tr ',' '\n' | grep -cx journey_stage) -eq 1 ]"
check "the analyzer fills journey_stage" bash -c "cut -d, -f16 olist.csv | grep -qx delivery"
check "export jsonl" expect_exit 0 export.jsonl "$rebuy" export --format jsonl
check "jsonl lines" bash -c "[ \$(wc -l < export.jsonl) -eq 476 ]"
check "export to file has a BOM" bash -c "'$rebuy' export -o x.csv && head -c 3 x.csv | od -An -tx1 | grep -q 'ef bb bf'"

# Every real file imports through the generic importer and accounts for every row.
for f in olist/olist_order_reviews_dataset.first6123.csv app_reviews/app_reviews_zh_tw.csv \
         surveymonkey/steak-risk-survey.csv qualtrics/qualtrics_sample.csv \
         qualtrics/qualtrics_sample_legacy.csv; do
  check "import $f" expect_exit 0 out "$rebuy" --db "$work/each.db" import "$real/$f"
  check "rows accounted in $f" grep -qE "rows: [0-9]+ in = [0-9]+ stored" out
done
check "olist row count" bash -c "'$rebuy' --db '$work/olist.db' import '$real/olist/olist_order_reviews_dataset.first6123.csv' | grep -q 'rows: 6123 in'"

# Compressed files are read as they stream: a .gz is the file inside it. A
# truncated one keeps every complete row, with the broken tail as one reject, and
# exits 2; one that fails its check stores nothing.
gzip -c "$nps_file" > survey.csv.gz
check "import .gz" expect_exit 0 out "$rebuy" --db "$work/gz.db" import --no-analyze survey.csv.gz
check ".gz rows" contains out "476 in = 476 stored"
head -c 12000 survey.csv.gz > cut.csv.gz
check "import truncated .gz" expect_exit 2 out "$rebuy" --db "$work/gzcut.db" import --no-analyze cut.csv.gz
check "truncation warned" contains out "warning: the compressed data ends early after 12000 bytes"
check "truncation is an error" contains out "cut.csv.gz: the file is truncated: its complete rows were stored"
check "truncated tail is one reject" grep -qE "rows: [0-9]+ in = [0-9]+ stored .* \+ 1 rejected \+ 0 skipped" out
# The CRC of the only member made wrong: every byte inflates, none can be trusted.
cp survey.csv.gz bad-crc.csv.gz
size=$(stat -c %s bad-crc.csv.gz)
printf '\x00\x00\x00\x00' | dd of=bad-crc.csv.gz bs=1 seek=$((size - 8)) conv=notrunc status=none
check "import .gz failing its check" expect_exit 2 out "$rebuy" --db "$work/gzbad.db" import --no-analyze bad-crc.csv.gz
check "check failure named" contains out "incorrect data check): nothing of it was stored"
check "nothing stored of it" bash -c "[ \$('$rebuy' --db '$work/gzbad.db' export --format jsonl | wc -l) -eq 0 ]"

# Dates: the file's day/month order is decided from the dates that can only be
# read one way, said, and overridable; a date that contradicts it is refused visibly.
printf 'id,when,nps\n1,05/06/2024 10:00,9\n2,14/06/2024,7\n3,19th November 2023,3\n' > dates.csv
check "import dates" expect_exit 0 out "$rebuy" --db d.db import --no-analyze --map submitted_at=when dates.csv
check "date order said" contains out "note: dates read day first: 1 of them can only be (from line 3)"
check "dates export" expect_exit 0 dates.out "$rebuy" --db d.db export
check "day-first date" contains dates.out "2024-06-05T10:00:00Z"
check "ordinal date" contains dates.out "2023-11-19T00:00:00Z"
check "forced month-first" expect_exit 0 out "$rebuy" --db d.db import --no-analyze --date-order month-first --map submitted_at=when dates.csv
check "re-read dates update rows" contains out "(0 new, 3 updated, 0 unchanged)"
check "contradicting date refused" expect_exit 0 out "$rebuy" --db d.db rejects --run 2
check "refusal names the date" contains out "dates.csv:3: value refused: when: '14/06/2024' is not a date rebuy can read"

# Rejects name the line and reason.
printf 'id,nps,comment\n1,9,fine\n2,7\n3,12,too high\n' > ragged.csv
check "ragged import succeeds" expect_exit 0 out "$rebuy" --db r.db import --map nps=nps ragged.csv
check "ragged counted" contains out "3 in = 2 stored (2 new, 0 updated, 0 unchanged) + 1 rejected + 0 skipped"
check "value refusal counted" contains out "1 values refused"
check "rejects listed" expect_exit 0 rej "$rebuy" --db r.db rejects
check "reject names file and line" contains rej "ragged.csv:3: rejected: expected 3 fields, found 2"
check "value refusal named" contains rej "ragged.csv:4: value refused: nps: '12' is not a 0-10 score"

# --dry-run shows the plan and writes nothing.
check "dry run" expect_exit 0 dry "$rebuy" --db dry.db import --dry-run --map nps=nps ragged.csv
check "dry run names the importer" contains dry "would be read by csv"
check "dry run shows the mapping" contains dry "nps            <- nps"
check "dry run shows the first rows" contains dry "line 2: id=1  nps=9  text=fine"
check "dry run counts" contains dry "3 in = 2 would be stored + 1 rejected + 0 skipped"
check "dry run wrote nothing" test ! -e dry.db

# Exit codes: 1 usage, 2 bad input.
check "no subcommand is usage" expect_exit 1 out "$rebuy"
check "bad flag is usage" expect_exit 1 out "$rebuy" import --bogus x
check "bad --map is usage" expect_exit 1 out "$rebuy" import --map nonsense ragged.csv
check "missing file is bad input" expect_exit 2 out "$rebuy" import does-not-exist.csv
check "missing file named" contains out "does-not-exist.csv: no such file"
check "unknown importer is bad input" expect_exit 2 out "$rebuy" import --as nope ragged.csv
check "report without a database" expect_exit 2 out "$rebuy" --db nothing.db report
check "--help works" expect_exit 0 out "$rebuy" import --help
check "--map names a missing column" expect_exit 2 out "$rebuy" --db m.db import --map nps=Nope ragged.csv
check "map error lists columns" contains out "Nope"

# Plugins: every plugin and every refused file with its reason.
check "plugins list" expect_exit 0 plugins env REBUY_PLUGIN_PATH="$test_plugins" "$rebuy" plugins list
check "lists csv" contains plugins "csv"
check "lists nps" contains plugins "nps"
check "refuses wrong ABI" contains plugins "rebuy_wrong_abi.so: built for plugin ABI 99.0"
check "refuses non-plugin" contains plugins "rebuy_not_a_plugin.so: not a rebuy plugin"
check "plugins info" expect_exit 0 info "$rebuy" plugins info nps
check "info shows metrics" contains info "nps_class"
check "info of unknown" expect_exit 2 out "$rebuy" plugins info nope

# The demo: bundled samples in, a report out, and it says where.
check "demo" expect_exit 0 demo_out "$rebuy" demo --output demo
check "demo says where the report is" contains demo_out "report: $work/demo/report.md"
check "demo report has NPS" contains demo/report.md "**NPS +9.7**"
check "demo report has buy-again answers" contains demo/report.md "| Definitely would | 160 |"
check "demo json" contains demo/report.json '"responses": 400,'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
