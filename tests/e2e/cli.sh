#!/usr/bin/env bash
# End-to-end tests of the `rebuy` program on files of our own (cli_real_files.sh
# runs the same on the real files).
# usage: cli.sh REBUY_BIN TEST_PLUGIN_DIR
set -uo pipefail
data=$(cd "$(dirname "$0")/data" && pwd)
test_plugins=$2
source "$(dirname "$0")/../support/e2e_lib.sh" "$1"
export REBUY_DB="$work/e2e.db"

survey="$data/survey.csv"

# A survey of 60 workshop learners: 54 answers of 0-10 (30 promoters, 13 passives,
# 11 detractors: NPS +35.2), a past-tense "Recommended", and idempotent re-import.
check "import survey" expect_exit 0 out1 "$rebuy" import "$survey"
check "says NPS +35.2" contains out1 "NPS +35.2"
check "over 54 answers" contains out1 "over 54 answers for Likely-To-Recommend"
check "accounts for every row" contains out1 "60 in = 60 stored (60 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped"
check "re-import" expect_exit 0 out2 "$rebuy" import "$survey"
check "re-import adds nothing" contains out2 "60 in = 60 stored (0 new, 0 updated, 60 unchanged)"
check "report json" expect_exit 0 report.json "$rebuy" report --format json
check "60 responses, not 120" contains report.json '"responses": 60,'
check "json nps score" contains report.json '"score": 35.19,'
check "json nps n" contains report.json '"n": 54,'
check "report md to a file" expect_exit 0 out3 "$rebuy" report -o report.md
check "md headline" contains report.md "**NPS +35.2**"
# The denominator policy: the 6 who skipped the question count as neither class under "all".
check "report --nps-denominator all" expect_exit 0 all.json "$rebuy" report --format json --nps-denominator all
check "all: NPS +31.7" contains all.json '"score": 31.67,'
check "all: over 60" contains all.json '"n": 60,'
# Stated intent against reported behaviour: who say they actually recommended, per class.
check "md reported referral" contains report.md "| promoter | 25 | 0 | 5 |"
check "md reported referral, detractors" contains report.md "| detractor | 2 | 8 | 1 |"
check "json reported referral" contains report.json '"question": "Recommended",'

# Export contract.
check "export csv" expect_exit 0 export.csv "$rebuy" export --format csv
check "export header" bash -c "head -1 export.csv | grep -q '^id,source,.*,nps,.*nps_class'"
check "export one row per response" bash -c "[ \$(grep -c 'survey.csv,survey' export.csv) -eq 60 ]"
# Marketplace order reviews in Portuguese (the csv plugin's fixture) for the text analyzers.
reviews="$data/../../../plugins/csv/tests/data/order_reviews.csv"
check "reviews for text analyzers" expect_exit 0 out "$rebuy" --db reviews.db import "$reviews"
check "reviews export" expect_exit 0 reviews.csv "$rebuy" --db reviews.db export
check "one journey_stage column" bash -c "[ \$(head -1 reviews.csv | tr ',' '\n' | grep -cx journey_stage) -eq 1 ]"
check "the analyzer fills journey_stage" bash -c "cut -d, -f16 reviews.csv | grep -qx delivery"
check "export jsonl" expect_exit 0 export.jsonl "$rebuy" export --format jsonl
check "jsonl lines" bash -c "[ \$(wc -l < export.jsonl) -eq 60 ]"
check "export to file has a BOM" bash -c "'$rebuy' export -o x.csv && head -c 3 x.csv | od -An -tx1 | grep -q 'ef bb bf'"

# Compressed files are read as they stream: a .gz is the file inside it. A
# truncated one keeps every complete row, with the broken tail as one reject, and
# exits 2; one that fails its check stores nothing.
gzip -c "$survey" > survey.csv.gz
check "import .gz" expect_exit 0 out "$rebuy" --db "$work/gz.db" import --no-analyze survey.csv.gz
check ".gz rows" contains out "60 in = 60 stored"
# 5,000 rows of quoted pseudo-random digits (a Park-Miller sequence, the same
# with every awk): their gzip runs far past the cut at 12000 bytes, which
# lands inside a quoted comment.
awk 'BEGIN { x = 7; print "id,nps,comment"
  for (i = 1; i <= 5000; ++i) { c = ""; for (k = 0; k < 6; ++k) { x = x * 16807 % 2147483647; c = c " " x }
    printf "%d,%d,\"%s\"\n", i, x % 11, c } }' | gzip -c > long.csv.gz
head -c 12000 long.csv.gz > cut.csv.gz
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
check "date order said" contains out "note: dates read day first: 1 date can only be read that way (the first on line 3)"
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

# Global options work after the command as well as before it; the last --db wins.
check "--db after the command" expect_exit 0 out "$rebuy" import --db after.db --no-analyze ragged.csv
check "--db after the command names the store" test -s after.db
check "--db after a file" expect_exit 0 out "$rebuy" import ragged.csv --db after2.db --no-analyze
check "--db after a file names the store" test -s after2.db
check "the last --db wins" expect_exit 0 out "$rebuy" --db nothing.db rejects --db after.db
check "rejects read from the last --db" contains out "ragged.csv:3: rejected"
check "-v after the command" expect_exit 0 out "$rebuy" analyze --db after.db -v
check "-v after the command logs" contains out "rebuy: debug:"
check "--db after the command's own options" expect_exit 0 out "$rebuy" report -o after.json --db after.db
check "report of the last --db" contains after.json '"responses": 2,'
check "--version after the command" expect_exit 0 out "$rebuy" report --version
check "a command's help lists the global options" expect_exit 0 out "$rebuy" import --help
check "help names --db" contains out "--db PATH"
check "help says where they go" contains out "Global options (before or after the command):"

# Before analysis the report says the answers await it, in every format, rather than "no data".
check "import without analysis" expect_exit 0 out "$rebuy" --db pending.db import --no-analyze --map nps=nps ragged.csv
check "md before analysis" expect_exit 0 pending.md "$rebuy" --db pending.db report --format md
check "md says they await analysis" contains pending.md '**2 of these responses await analysis.** Run `rebuy analyze`'
check "md nps awaits analysis" contains pending.md '- NPS: awaiting analysis (2 responses are not analyzed yet: run `rebuy analyze`).'
check "md does not say no data" bash -c '! grep -qF "no 0-10" pending.md'
check "json before analysis" expect_exit 0 pending.json "$rebuy" --db pending.db report --format json
check "json counts them" contains pending.json '"awaiting_analysis": 2,'
check "html before analysis" expect_exit 0 out "$rebuy" --db pending.db report -o pending.html
check "html counts them" contains pending.html 'id="awaiting-analysis" data-value="2">2</span> of these responses await analysis'
check "html nps awaits analysis" contains pending.html 'id="nps-score" data-value="null">awaiting analysis</span>'
check "analyze them" expect_exit 0 out "$rebuy" --db pending.db analyze
check "json after analysis" expect_exit 0 pending.json "$rebuy" --db pending.db report --format json
check "none await analysis" contains pending.json '"awaiting_analysis": 0,'
check "md after analysis" expect_exit 0 pending.md "$rebuy" --db pending.db report --format md
check "md has the NPS" contains pending.md "**NPS +100.0**"
check "md says nothing awaits" bash -c '! grep -qF "await" pending.md'

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

finish
