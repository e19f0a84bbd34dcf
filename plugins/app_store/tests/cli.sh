#!/usr/bin/env bash
# End to end: rebuy chooses app_store by itself for the API JSON and scraped
# CSV, accounts for every row; re-imports add nothing; an edited review updates.
source "$(dirname "$0")/../../../tests/support/cli_lib.sh"

imports "api json" "$data/check_sample.json" -- 'with app_store 1.0.0 as source "app_store"' \
  "rows: 4 in = 4 stored (4 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped" \
  "id = id" "rating = rating" "title = title" "text = body"
imports "re-import" "$data/check_sample.json" -- "4 in = 4 stored (0 new, 0 updated, 4 unchanged)"
sed 's/Never again\./Fixed in 4.2, thanks./' "$data/check_sample.json" >edited.json
imports "edited review" edited.json -- "4 in = 4 stored (0 new, 1 updated, 3 unchanged)"
imports "scraped csv" "$data/scraped.csv" -- 'with app_store 1.0.0' \
  "3 in = 3 stored (3 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped"
imports "scraped zh csv" "$data/scraped_zh.csv" -- 'with app_store 1.0.0' \
  "5 in = 5 stored (5 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped" \
  "submitted_at = date" "text = review" "rating = rating" "language = language"
imports "scraped zh csv again" "$data/scraped_zh.csv" -- \
  "5 in = 5 stored (0 new, 0 updated, 5 unchanged)"
finish
