#!/usr/bin/env bash
# End to end: rebuy chooses post_purchase by itself, accounts for every row and
# merges the answers of one order into one response; a re-import adds nothing.
source "$(dirname "$0")/../../../tests/support/cli_lib.sh"

imports "fairing" "$data/check_sample.csv" -- 'with post_purchase 1.0.0 as source "post_purchase"' \
  "rows: 6 in = 6 stored (3 new, 0 updated, 0 unchanged, 3 merged into a response) + 0 rejected + 0 skipped" \
  "order_id = order_id" "order_count = customer_order_count" "customer = customer_id"
imports "re-import" "$data/check_sample.csv" -- "6 in = 6 stored (0 new, 0 updated, 6 unchanged)"
# A later export with one more answer for order 5550003 merges it in.
{ cat "$data/check_sample.csv"
  echo 'r-9007,Would you buy from us again?,Probably would,false,6012345670003,2,sam@example.com,2025-03-05T07:06:10Z,5550003,#1003,413.95,USD,google'
} >later.csv
imports "later export" later.csv -- "7 in = 7 stored (0 new, 0 updated, 6 unchanged, 1 merged into a response)"
"$rebuy" export >export.csv
if [ "$(grep -c ',post_purchase,' export.csv)" -eq 3 ] && grep -q '^5550003,.*Probably would' export.csv; then
  passed=$((passed + 1)); else echo "FAILED: one response per order" >&2; cat export.csv >&2; failed=$((failed + 1)); fi
finish
