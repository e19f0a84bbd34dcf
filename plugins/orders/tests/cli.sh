#!/usr/bin/env bash
# End to end: rebuy chooses orders by itself for Shopify, Olist and the demo
# orders, and accounts for every row (line items skipped, id-less rejected).
source "$(dirname "$0")/../../trustpilot/tests/support/cli_lib.sh"

imports "shopify" "$data/check_sample.csv" -- 'with orders 1.0.0 as source "orders"' \
  "rows: 4 in = 3 stored" "+ 0 rejected + 1 skipped" \
  "customer = Email" "submitted_at = Created at" "order_id = Name" "order_value = Total"
imports "olist" "$data/olist_orders.csv" -- 'with orders 1.0.0' "3 in = 2 stored" "+ 1 rejected + 0 skipped"
demo="$data/../../../../samples/feedback/northwind_orders.csv"
imports "demo orders" "$demo" -- 'with orders 1.0.0' "+ 0 rejected + 0 skipped" "order_id = order_id"
# Once the host keeps orders in their own table: a re-import adds nothing, and a changed order
# (same order id, new status) updates.
finish
