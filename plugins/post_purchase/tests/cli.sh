#!/usr/bin/env bash
# End to end: rebuy chooses post_purchase by itself and accounts for every row;
# the current host stores records by id without merging them yet, so the
# counts of new/updated rows are checked once it merges (see below).
source "$(dirname "$0")/../../trustpilot/tests/support/cli_lib.sh"

imports "fairing" "$data/check_sample.csv" -- 'with post_purchase 1.0.0 as source "post_purchase"' \
  "rows: 6 in = 6 stored" "+ 0 rejected + 0 skipped" \
  "order_id = order_id" "order_count = customer_order_count" "customer = customer_id"
# Once the host merges post-purchase records by id: the first import prints "6 in = 6 stored"
# with 3 responses (one per order), a re-import "(0 new, 0 updated, 6 unchanged)", and an
# edited answer updates its order's response.
finish
