#!/usr/bin/env bash
# Accuracy of the text signals on the real review files, with the rating as the label (4-5 of
# 5 stars or 7.5-10 of 10: would buy again; 1-2 stars or 5 of 10 or less: would not; the middle
# left out) or, without a rating, a yes/no would-recommend answer, through the real pipeline:
# `rebuy import FILE`, then `rebuy export --format csv`, then build/tests/auc_table.
# Then the analyzer's throughput on the English files (build/tests/text_signals_bench) and
# `rebuy analyze --rerun` end to end. Numbers and what they mean: docs/accuracy.md.
#
# usage: tests/bench/text_accuracy.sh [THRESHOLD [NAME=FILE...]]   (needs a built tree)
#   THRESHOLD: "probability < THRESHOLD" predicts a negative review (default 0.5);
#   NAME=FILE: measure these files instead of the real ones;
#   REBUY_BIN, AUC_TABLE, SIGNALS_BENCH: other builds; REAL_DATA: the real files' folder;
#   BENCH_DIR: keep the databases and exports there.
set -euo pipefail
threshold=${1:-0.5}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/../.." && pwd)
rebuy=${REBUY_BIN:-$root/build/bin/rebuy}
auc_table=${AUC_TABLE:-$root/build/tests/auc_table}
signals_bench=${SIGNALS_BENCH:-$root/build/tests/text_signals_bench}
plugin=$(dirname "$(dirname "$signals_bench")")/plugins/rebuy_text_signals.so
data=${REAL_DATA:-$root/../shared/data/real}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"

files=(
  "amazon=$data/amazon/AMAZON_FASHION_5.json"
  "yelp=$data/yelp/review_sample.first1000.json"
  "olist=$data/olist/olist_order_reviews_dataset.first6123.csv"
  "hotel=$data/hotel/booking_hotel_reviews.csv"
  "steam=$data/steam/steam_reviews_recommended.csv"
  "trustpilot_de=$data/trustpilot/trustpilot_de_oerag_reviews.csv"
  "trustpilot_en=$data/trustpilot/trustpilot_en_moorebarlow_reviews.csv"
  "trustpilot_es=$data/trustpilot/trustpilot_es_elcorteingles_seguros.csv"
  "app_reviews_zh=$data/app_reviews/app_reviews_zh_tw.csv"
)
[ $# -gt 0 ] && files=("$@")

"$rebuy" plugins info text_signals | grep -E '^(file|version):'
exports=()
for entry in "${files[@]}"; do
  name=${entry%%=*} file=${entry#*=}
  rm -f "$work/$name.db" "$work/$name.db-"*
  if ! "$rebuy" --db "$work/$name.db" import "$file" > "$work/$name.import" 2>&1; then
    echo "$name: not measured, rebuy cannot import $file:" >&2
    tail -n 2 "$work/$name.import" >&2
    continue
  fi
  grep -E '^imported|rows:' "$work/$name.import" | sed "s/^/$name: /"
  "$rebuy" --db "$work/$name.db" export --format csv -o "$work/$name.csv"
  exports+=("$name=$work/$name.csv")
done
[ ${#exports[@]} -gt 0 ] || { echo "nothing was imported" >&2; exit 1; }

echo
"$auc_table" --threshold "$threshold" "${exports[@]}"

echo
for name in amazon yelp; do
  [ -f "$work/$name.csv" ] || continue
  echo "$name:"
  "$signals_bench" "$plugin" "$work/$name.csv" | sed 's/^/  /'
  /usr/bin/time -f "  rebuy analyze --rerun (ICU, every analyzer, SQLite): %e s" \
    "$rebuy" --db "$work/$name.db" analyze --rerun | sed 's/^/  /'
done
