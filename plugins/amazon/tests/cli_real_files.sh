#!/usr/bin/env bash
# End-to-end: `rebuy import` picks the amazon plugin for the real Amazon file
# by itself, accounts for every row and adds nothing on a second import.
# usage: cli_real_files.sh REBUY_BIN REAL_DATA_DIR
set -uo pipefail
source "$(dirname "$0")/../../../tests/support/real_data.sh" "$2"
source "$(dirname "$0")/../../../tests/support/e2e_lib.sh" "$1"

# 68 of the 3,176 lines repeat an earlier review to the letter: stored once.
imports_distinct "$real/amazon/AMAZON_FASHION_5.json" amazon 3176 3108

finish
