#!/usr/bin/env bash
# End-to-end tests of the `rebuy` program on the real files.
# usage: cli_real_files.sh REBUY_BIN REAL_DATA_DIR
set -uo pipefail
source "$(dirname "$0")/../support/real_data.sh" "$2"
source "$(dirname "$0")/../support/e2e_lib.sh" "$1"
export REBUY_DB="$work/e2e.db"

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

# Compressed files are read as they stream: a .gz is the file inside it, and a
# truncated one keeps every complete row, with the broken tail as one reject.
gzip -c "$nps_file" > survey.csv.gz
check "import .gz" expect_exit 0 out "$rebuy" --db "$work/gz.db" import --no-analyze survey.csv.gz
check ".gz rows" contains out "476 in = 476 stored"
head -c 12000 survey.csv.gz > cut.csv.gz
check "import truncated .gz" expect_exit 2 out "$rebuy" --db "$work/gzcut.db" import --no-analyze cut.csv.gz
check "truncation warned" contains out "warning: the compressed data ends early after 12000 bytes"
check "truncated tail is one reject" grep -qE "rows: [0-9]+ in = [0-9]+ stored .* \+ 1 rejected \+ 0 skipped" out

# Real dates nobody wrote an importer for: German month names (Trustpilot), ISO
# with milliseconds, Google Forms' "2019/10/01 12:38:43 PM GMT+8", M/D/Y: every
# one read, none refused.
for f in trustpilot/trustpilot_de_oerag_reviews.csv:372:date \
         trustpilot/trustpilot_en_moorebarlow_reviews.csv:129:Date \
         coffee_survey/starbucks_satisfaction_survey.csv:122:Timestamp \
         hotel/booking_hotel_reviews.csv:4789:Review_Date; do
  IFS=: read -r file rows column <<<"$f"
  check "import $file" expect_exit 0 out "$rebuy" --db "$work/real_dates.db" import --no-analyze "$real/$file"
  check "$file: $column is the date" contains out "submitted_at = $column"
  check "$file: all $rows rows" contains out "rows: $rows in = $rows stored"
  check "$file: every date read" bash -c "! grep -q 'values refused' out"
done
check "German dates dated" expect_exit 0 de.json "$rebuy" --db "$work/real_dates.db" report --format json
check "no real date undated" contains de.json '"undated": 0'

# Files nobody wrote an importer for: the figures a careful reading gives.
check "airport survey" expect_exit 0 out "$rebuy" --db "$work/airport.db" import "$real/airport_survey/sfo_customer_survey_2018.csv"
check "airport NETPRO is NPS" contains out "nps = NETPRO (0-10)"
check "airport NPS" contains out "NPS +31.0"
check "over 2650 answers" contains out "over 2650 answers for NETPRO"
check "code 11 refused" contains out "159 values refused for their role"
check "airport json" expect_exit 0 airport.json "$rebuy" --db "$work/airport.db" report --format json
check "NPS +30.98" contains airport.json '"score": 30.98,'
jq_true() { jq -e >/dev/null "$2" "$1"; }
check "airport: drivers of NETPRO are the Q7 items" jq_true airport.json \
  '.drivers[0] | .question == "Q7" and .outcome == "would_recommend" and (.items | length) == 14
   and all(.items[]; .column | startswith("Q7")) and .left_out == ["Q7ALL"]'
check "airport: 6 and 0 are no answer" jq_true airport.json '.drivers[0].items[0].scale == "1-5 (0, 6 = no answer)"'
check "airport: the Q7 items explain 35 %" jq_true airport.json '.drivers[0].r_squared == 0.3542'
check "coffee survey" expect_exit 0 out "$rebuy" --db "$work/coffee.db" import "$real/coffee_survey/starbucks_satisfaction_survey.csv"
check "continue buying is buy_again" contains out "buy_again = 20. Will you continue buying at Starbucks?"
check "Q18 is not NPS" bash -c "! grep -q 'nps = 18' out"
check "coffee json" expect_exit 0 coffee.json "$rebuy" --db "$work/coffee.db" report --format json
check "77.0 % would buy again" contains coffee.json '"rate": 0.7705,'
check "coffee: drivers of continuing to buy are Q12-Q17" jq_true coffee.json \
  '[.drivers[] | select(.outcome == "would_buy_again") | .items[].column[0:3]] | sort
   == ["12.", "13.", "14.", "15.", "16.", "17."]'
check "coffee: price first" jq_true coffee.json '.drivers[0].items[0].column | startswith("13. How would you rate the price")'
check "steam reviews" expect_exit 0 out "$rebuy" --db "$work/steam.db" import "$real/steam/steam_reviews_recommended.csv"
check "steam recommended" contains out "recommend = recommended"
check "steam md" expect_exit 0 steam.md "$rebuy" --db "$work/steam.db" report --format md
check "89.5 % would recommend" contains steam.md "**Would recommend: 89.5 %** (95 % interval 89.0–90.0 %, Wilson): 12,601 of 14,074"
check "hotel reviews" expect_exit 0 out "$rebuy" --db "$work/hotel.db" import "$real/hotel/booking_hotel_reviews.csv"
check "hotel score on 10 points" contains out "rating = Reviewer_Score (1-10 with decimals)"
check "Spanish file without a header" expect_exit 0 out "$rebuy" --db "$work/es.db" import "$real/trustpilot/trustpilot_es_elcorteingles_seguros.csv"
check "86 reviews" contains out "86 in = 86 stored (86 new"
check "with dates and stars" contains out "submitted_at = column_1, rating = column_2 (1-5)"

finish
