#!/usr/bin/env bash
# End to end on the real zh_TW reviews: rebuy chooses app_store by itself,
# accounts for every row; a re-import adds nothing.
# usage: cli_real_files.sh REBUY_BIN REAL_DATA_DIR
set -uo pipefail
source "$(dirname "$0")/../../../tests/support/real_data.sh" "$2"
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

imports_as "$real/app_reviews/app_reviews_zh_tw.csv" app_store 370 370 0 0
for role in "submitted_at = date" "text = review" "rating = rating" "language = language"; do
  check "role $role" contains out "$role"
done

finish
