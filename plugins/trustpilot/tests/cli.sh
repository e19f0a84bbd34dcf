#!/usr/bin/env bash
# End to end: rebuy chooses trustpilot by itself, accounts for every row, a
# re-import adds nothing and an edited review updates.
source "$(dirname "$0")/../../../tests/support/cli_lib.sh"

imports "sample" "$data/check_sample.csv" -- \
  'with trustpilot 1.0.0 as source "trustpilot"' \
  "rows: 4 in = 4 stored (4 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped" \
  "id = Review Id" "title = Review Title" "text = Review Content" "rating = Review Stars"
imports "re-import" "$data/check_sample.csv" -- "4 in = 4 stored (0 new, 0 updated, 4 unchanged)"
sed 's/Never again\./Support called back; fixed./' "$data/check_sample.csv" >edited.csv
imports "edited review" edited.csv -- "4 in = 4 stored (0 new, 1 updated, 3 unchanged)"
printf 'Review Id,Review Created (UTC),Review Stars\nx1,2025-01-01,5\nx2,2025-01-02\n\n' >ragged.csv
imports "ragged" ragged.csv -- "3 in = 1 stored (1 new, 0 updated, 0 unchanged) + 1 rejected + 1 skipped"
finish
