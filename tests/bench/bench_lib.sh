# Sourced by the benchmark scripts once $rows is set: where rebuy and the
# scratch directory are ($root, $rebuy, $work: BENCH_DIR keeps the files), the
# generated survey CSV of $rows rows ($csv, made once), and median.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rebuy=${REBUY_BIN:-$root/build/bin/rebuy}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
csv="$work/fb_$rows.csv"
[ -f "$csv" ] || python3 "$root/../shared/bench/gen_feedback.py" --rows "$rows" --format csv --seed 42 > "$csv"
echo "input: $csv ($(du -hL "$csv" | cut -f1), $rows rows)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
