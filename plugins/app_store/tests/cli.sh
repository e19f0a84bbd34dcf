#!/usr/bin/env bash
# End to end: rebuy chooses app_store by itself for the API JSON, scraped CSV
# and the real zh_TW file, accounts for every row; re-imports add nothing; an
# edited review updates.
source "$(dirname "$0")/../../../tests/support/cli_lib.sh"

imports "api json" "$data/check_sample.json" -- 'with app_store 1.0.0 as source "app_store"' \
  "rows: 4 in = 4 stored (4 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped" \
  "id = id" "rating = rating" "title = title" "text = body"
imports "re-import" "$data/check_sample.json" -- "4 in = 4 stored (0 new, 0 updated, 4 unchanged)"
sed 's/Never again\./Fixed in 4.2, thanks./' "$data/check_sample.json" >edited.json
imports "edited review" edited.json -- "4 in = 4 stored (0 new, 1 updated, 3 unchanged)"
imports "scraped csv" "$data/scraped.csv" -- 'with app_store 1.0.0' \
  "3 in = 3 stored (3 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped"
zh="$real/app_reviews/app_reviews_zh_tw.csv"
imports "real zh_tw" "$zh" -- 'with app_store 1.0.0' \
  "370 in = 370 stored (370 new, 0 updated, 0 unchanged) + 0 rejected + 0 skipped" \
  "submitted_at = date" "text = review" "rating = rating" "language = language"
imports "real zh_tw again" "$zh" -- "370 in = 370 stored (0 new, 0 updated, 370 unchanged)"
finish
