#!/usr/bin/env bash
# End to end: rebuy chooses orders by itself for Shopify, Olist and the demo
# orders, and accounts for every row (line items skipped, id-less rejected).
source "$(dirname "$0")/../../../tests/support/cli_lib.sh"

imports "shopify" "$data/check_sample.csv" -- 'with orders 1.0.0 as source "orders"' \
  "rows: 4 in = 3 stored" "+ 0 rejected + 1 skipped" \
  "customer = Email" "submitted_at = Created at" "order_id = Name" "order_value = Total"
imports "olist" "$data/olist_orders.csv" -- 'with orders 1.0.0' "3 in = 2 stored" "+ 1 rejected + 0 skipped"
demo="$data/../../../../samples/feedback/northwind_orders.csv"
imports "demo orders" "$demo" -- 'with orders 1.0.0' "+ 0 rejected + 0 skipped" "order_id = order_id"
imports "demo orders again" "$demo" -- "1154 in = 1154 stored (0 new, 0 updated, 1154 unchanged)"
sed '2s/,189.95,EUR/,199.95,EUR/' "$demo" >changed.csv
imports "a changed order updates" changed.csv -- "1154 in = 1154 stored (0 new, 1 updated, 1153 unchanged)"
finish
