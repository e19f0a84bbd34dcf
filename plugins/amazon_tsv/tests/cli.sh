#!/usr/bin/env bash
# End to end: rebuy chooses amazon_tsv by itself, accounts for every row, a
# re-import adds nothing and an edited review updates.
source "$(dirname "$0")/../../../tests/support/cli_lib.sh"

imports "tsv" "$data/check_sample.tsv" -- 'with amazon_tsv 1.0.0 as source "amazon"' \
  "rows: 4 in = 4 stored (4 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped" \
  "id = review_id" "rating = star_rating" "title = review_headline" "text = review_body"
imports "re-import" "$data/check_sample.tsv" -- "4 in = 4 stored (0 new, 0 updated, 4 unchanged)"
sed 's/Returned them\./Exchanged them for a size up./' "$data/check_sample.tsv" >edited.tsv
imports "edited review" edited.tsv -- "4 in = 4 stored (0 new, 1 updated, 3 unchanged)"
finish
