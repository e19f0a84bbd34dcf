#!/usr/bin/env bash
# End to end: rebuy decodes the UTF-16 report, chooses google_play by itself,
# accounts for every row; a re-import adds nothing; the next month's report
# with an edited review updates it.
source "$(dirname "$0")/../../../tests/support/cli_lib.sh"

imports "report" "$data/check_sample.csv" -- \
  'with google_play 1.0.0 as source "google_play"' "converted from UTF-16" \
  "rows: 4 in = 4 stored (4 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped" \
  "id = Review Link" "rating = Star Rating" "text = Review Text"
imports "re-import" "$data/check_sample.csv" -- "4 in = 4 stored (0 new, 0 updated, 4 unchanged)"
{ printf '\xff\xfe'; iconv -f UTF-16 -t UTF-8 "$data/check_sample.csv" |
    sed 's/,2,,App stürzt beim Bezahlen ab\./,5,,Update behebt den Absturz./' |
    iconv -f UTF-8 -t UTF-16LE; } >edited.csv
imports "edited review" edited.csv -- "4 in = 4 stored (0 new, 1 updated, 3 unchanged)"
imports "scraper" "$data/scraper.csv" -- 'with google_play 1.0.0' \
  "3 in = 3 stored (3 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped"
finish
