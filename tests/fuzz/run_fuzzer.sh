#!/usr/bin/env bash
# Fuzzes one target until it has used SECONDS of CPU time (wall time would shrink the run
# when the machine is busy), from its seeds and saved findings; fails on any finding.
#   run_fuzzer.sh FUZZER SECONDS WORKDIR REGRESSIONS SEED_DIR...
# WORKDIR keeps the grown corpus (reused by the next run), findings/ and the log; the figures
# go to WORKDIR/summary: CPU seconds, executions, coverage, corpus size.
set -uo pipefail
fuzzer=$1 seconds=$2 workdir=$3 regressions=$4
shift 4
name=$(basename "$workdir")
mkdir -p "$workdir/corpus" "$workdir/findings"
rm -f "$workdir/findings/"*
corpora=("$workdir/corpus")
[ -d "$regressions" ] && corpora+=("$regressions")
corpora+=("$@")

# A hang is any input that takes 25 s; 64 KiB inputs reach every buffer boundary the readers
# have (their chunks are made small). libFuzzer's own clock is the backstop.
"$fuzzer" -timeout=25 -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$workdir/findings/" -max_total_time=$((seconds * 4 + 120)) \
  "${corpora[@]}" >"$workdir/log" 2>&1 &
pid=$!

# Where a stuck fuzzer is, for the log and CTest's output: each thread's state and kernel wait,
# and its stacks when gdb is installed (scripts/install-deps installs it).
diagnose() {
  echo "fuzz target $name: $1; its threads:"
  for task in /proc/"$pid"/task/*; do
    echo "  $(sed 's/^[0-9]* //' "$task/stat" 2>/dev/null | cut -d' ' -f1-2) wchan=$(cat "$task/wchan" 2>/dev/null)"
  done
  command -v gdb >/dev/null && timeout 60 gdb -p "$pid" -batch -ex "thread apply all bt" 2>&1 |
    grep -E '^(Thread|#)'
}
stop_stuck() {
  diagnose "$1" | tee -a "$workdir/log" >&2
  kill -KILL "$pid" 2>/dev/null
}

ticks=$(getconf CLK_TCK)
cpu=0 interrupted=0 stuck="" status="" killed=""
# libFuzzer stops by its own clock between inputs, and times out an input after 25 s; a run
# still going a minute past that clock is stuck outside any input.
wall_limit=$((seconds * 4 + 120 + 60))
while kill -0 "$pid" 2>/dev/null; do
  # utime and stime: fields 14 and 15 of /proc/PID/stat, after the parenthesised name.
  read -r -a stat < <(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || break
  cpu=$(((stat[11] + stat[12]) / ticks))
  if [ "$cpu" -ge "$seconds" ]; then
    kill -INT "$pid"
    interrupted=1
    break
  fi
  if [ "$SECONDS" -ge "$wall_limit" ]; then
    stuck="stuck: still running ${SECONDS} s after it started, past its own time limit"
    stop_stuck "$stuck"
    break
  fi
  sleep 1
done
# An interrupted libFuzzer exits at once, but its handler runs wherever the signal lands and
# allocates, so it can wait forever on a lock the interrupted code holds. Having used its time
# without a finding, it is then killed and the run counts; the log says where it waited.
if [ "$interrupted" -eq 1 ]; then
  for _ in $(seq 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    stop_stuck "did not exit within 30 s of its interrupt at $cpu CPU-seconds; killed"
    { wait "$pid"; } 2>/dev/null
    status=72 killed=" killed_after_interrupt=1"
  fi
fi
if [ -z "$status" ]; then
  { wait "$pid"; } 2>/dev/null
  status=$?
fi
# libFuzzer exits 72 when interrupted, as it was when its time was up.
[ "$interrupted" -eq 1 ] && [ "$status" -eq 72 ] && status=0
last=$(grep -E '^#[0-9]+' "$workdir/log" | tail -1)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$workdir/log")
rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$workdir/log")
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
findings=$(find "$workdir/findings" -type f | wc -l)
summary="$name cpu_s=$cpu execs=${execs:-?} cov=${cov:-?} ft=${ft:-?} corpus=${corp:-?} peak_rss_mb=${rss:-?} findings=$findings$killed"
echo "$summary" | tee "$workdir/summary"
if [ -n "$stuck" ]; then
  echo "fuzz target $name: $stuck" >&2
  exit 1
fi
if [ "$status" -ne 0 ] || [ "$findings" -ne 0 ]; then
  echo "fuzz target $name: a finding (exit $status); the input is in $workdir/findings" >&2
  tail -60 "$workdir/log" >&2
  exit 1
fi
