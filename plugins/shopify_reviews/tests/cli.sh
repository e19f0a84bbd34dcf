#!/usr/bin/env bash
# End to end: rebuy chooses shopify_reviews by itself for each layout,
# accounts for every row (spam skipped), a re-import adds nothing and an
# edited review updates.
source "$(dirname "$0")/../../../tests/support/cli_lib.sh"

imports "judge.me" "$data/check_sample.csv" -- 'with shopify_reviews 1.0.0 as source "judgeme"' \
  "rows: 4 in = 3 stored (3 new, 0 updated, 0 unchanged) + 0 rejected + 1 skipped" \
  "text = body" "rating = rating" "customer = reviewer_email"
imports "re-import" "$data/check_sample.csv" -- "4 in = 3 stored (0 new, 0 updated, 3 unchanged)"
sed 's/Will buy again\./Will buy again, already did./' "$data/check_sample.csv" >edited.csv
imports "edited review" edited.csv -- "4 in = 3 stored (0 new, 1 updated, 2 unchanged)"
imports "shopify" "$data/shopify_product_reviews.csv" -- 'as source "shopify_reviews"' \
  "3 in = 2 stored (2 new, 0 updated, 0 unchanged) + 0 rejected + 1 skipped"
imports "yotpo" "$data/yotpo.csv" -- 'as source "yotpo"' "2 in = 2 stored (2 new"
imports "spam on request" "$data/check_sample.csv" --source judgeme-all --option include_spam=1 -- \
  "4 in = 4 stored (4 new"
finish
