#!/usr/bin/env bash
# A plugin that crashes costs only that plugin. An importer that crashes part-way
# (SIGSEGV, SIGBUS, abort) and an analyzer that crashes in a batch each end rebuy
# with exit code 5 and a message naming the plugin, the file and the batch; the
# store stays consistent (the import is marked interrupted on the next open); the
# plugin is set aside, `plugins list` and the report say so, and the next run goes
# on without it until `rebuy plugins enable`. A file that crashes the dynamic
# loader is refused with a reason after one load in a child process, and the
# verdict is remembered.
#   plugin_faults.sh REBUY_BIN CRASH_PLUGIN_DIR
set -uo pipefail
source "$(dirname "$0")/../support/expect_lib.sh"
rebuy=$(realpath "$1")
crash_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset REBUY_DB REBUY_WAIT REBUY_TEST_IMPORTER_CRASH_AT REBUY_TEST_ANALYZER_CRASH_AT \
  REBUY_TEST_CRASH_SIGNAL
export REBUY_STATE_DIR="$work/state"
mkdir -m 755 plugins
cp "$crash_dir/rebuy_crashing_importer.so" "$crash_dir/rebuy_crashing_analyzer.so" plugins/
export REBUY_PLUGIN_PATH="$work/plugins"

says() { grep -qF -- "$1" <<<"$out" || { fail "lacks: $1"; echo "$out" >&2; }; }
consistent() { # DB: SQLite finds nothing wrong with it
  [[ -z $sqlite ]] && return
  local verdict
  verdict=$(sqlite3 "$1" 'PRAGMA integrity_check;' 2>&1)
  [[ $verdict == ok ]] || fail "$1: integrity_check: $verdict"
}
sqlite=$(command -v sqlite3 || true)
[[ -n $sqlite ]] || echo "SKIPPED: integrity checks (no sqlite3 program)"

expect 0 "5 a plugin crashed" "$rebuy" --help

seq 1 30000 | sed 's/^/line of text number /' >lines.txt

# Importers that crash part-way, with each signal.
n=0
for signal in segv bus abort; do
  db="imp.$((++n)).db"
  case $signal in
  segv) name=SIGSEGV ;;
  bus) name=SIGBUS ;;
  abort) name=SIGABRT ;;
  esac
  expect 5 "plugin 'crashing' ($work/plugins/rebuy_crashing_importer.so) crashed with $name" \
    env REBUY_TEST_IMPORTER_CRASH_AT=20000 REBUY_TEST_CRASH_SIGNAL=$signal \
    "$rebuy" --db "$db" import --no-analyze --as crashing lines.txt
  says "while reading lines.txt, batch 20"
  says "rebuy plugins enable crashing"
  consistent "$db"
  # Set aside: listed as such, and the next run goes on without it.
  expect 0 "rebuy_crashing_importer.so: set aside: it crashed with $name (" "$rebuy" plugins list
  says "while reading lines.txt, batch 20"
  expect 2 "plugin crashing ($work/plugins/rebuy_crashing_importer.so) is set aside: crashed with $name" \
    "$rebuy" plugins info crashing
  expect 2 "--as crashing: no such importer" "$rebuy" --db "$db" import --no-analyze --as crashing lines.txt
  # The crashed run is marked on the next open, with what it committed.
  expect 0 '"status": "interrupted"' "$rebuy" --db "$db" report --format json
  expect 0 "Plugin crashing is set aside" "$rebuy" --db "$db" report --format md
  consistent "$db"
  expect 0 "is enabled again" "$rebuy" plugins enable crashing
  expect 0 "30000 in = 30000 stored" "$rebuy" --db "$db" import --no-analyze --as crashing lines.txt
done
expect 2 "no plugin 'crashing' is set aside" "$rebuy" plugins enable crashing

# A signal another process sends to the thread running a plugin is not the plugin's crash.
if command -v python3 >/dev/null; then
  REBUY_TEST_IMPORTER_CRASH_AT=100 REBUY_TEST_CRASH_SIGNAL=hang \
    "$rebuy" --db hang.db import --no-analyze --as crashing lines.txt >hang.out 2>&1 &
  pid=$!
  reader=""
  for _ in $(seq 100); do
    for task in /proc/$pid/task/*; do
      [[ $(cat "$task/comm" 2>/dev/null) == rebuy-read ]] && reader=${task##*/}
    done
    [[ -n $reader ]] && break
    sleep 0.05
  done
  sleep 0.5 # into the plugin's call
  python3 - "$pid" "$reader" <<'PY'
import ctypes, platform, sys
tgkill = {"x86_64": 234, "aarch64": 131}[platform.machine()]
ctypes.CDLL(None).syscall(tgkill, int(sys.argv[1]), int(sys.argv[2]), 11)  # SIGSEGV
PY
  wait "$pid"
  status=$?
  # What handled it before: the default action, or under the sanitizers
  # (scripts/test --sanitize sets ASAN_OPTIONS) their report and exit 1.
  expected_status=$((128 + 11))
  [[ -n ${ASAN_OPTIONS:-} ]] && expected_status=1
  ((status == expected_status)) ||
    fail "a SIGSEGV sent from outside ended rebuy with $status, not $expected_status"
  grep -q "set aside" hang.out && fail "a SIGSEGV sent from outside set the plugin aside"
  expect 0 "30000 in = 30000 stored" "$rebuy" --db hang.db import --no-analyze --as crashing lines.txt
else
  echo "SKIPPED: a signal sent to the plugin's thread (no python3 to send it with tgkill)"
fi

# An analyzer that crashes in its third batch, during the analysis of an import.
expect 5 "plugin 'crashing_analyzer' ($work/plugins/rebuy_crashing_analyzer.so) crashed with SIGSEGV" \
  env REBUY_TEST_ANALYZER_CRASH_AT=3 "$rebuy" --db an.db import --as crashing lines.txt
says "while analyzing the responses of an.db, batch "
consistent an.db
expect 0 "rebuy_crashing_analyzer.so: set aside: it crashed with SIGSEGV (" "$rebuy" plugins list
says "while analyzing the responses of an.db, batch "
# The crash ended the import, whose analysis goes on beside it: importing the file again stores
# the rest, analyzed without the set-aside analyzer (it would crash again).
expect 0 "30000 in = 30000 stored" \
  env REBUY_TEST_ANALYZER_CRASH_AT=1 "$rebuy" --db an.db import --as crashing lines.txt
[[ $out != *crashing_analyzer* ]] || { fail "the set-aside analyzer ran"; echo "$out" >&2; }
# The next analysis goes on without it too, and the report says so.
expect 0 "" env REBUY_TEST_ANALYZER_CRASH_AT=1 "$rebuy" --db an.db analyze
[[ $out != *crashing_analyzer* ]] || { fail "the set-aside analyzer ran"; echo "$out" >&2; }
expect 0 'Plugin crashing\_analyzer is set aside' "$rebuy" --db an.db report --format md
expect 0 '"set_aside_plugins": [' "$rebuy" --db an.db report --format json
says '"id": "crashing_analyzer"'
consistent an.db
# A new file of it is a new plugin: the set-aside lifts by itself.
cp plugins/rebuy_crashing_analyzer.so changed.so && printf 'x' >>changed.so
mv changed.so plugins/rebuy_crashing_analyzer.so
expect 0 "crashing_analyzer" "$rebuy" plugins list
[[ $out != *"set aside"* ]] || { fail "a changed file stayed set aside"; echo "$out" >&2; }
expect 0 "" "$rebuy" --db an.db analyze
consistent an.db

# A file that crashes the dynamic loader: refused with a reason, once checked in a child.
cp "$crash_dir/rebuy_corrupt_initializer.so" plugins/
expect 0 "rebuy_corrupt_initializer.so: the plugin crashed: signal" "$rebuy" -v plugins list
says "loading it in a child process first"
says "crashing_analyzer"
# Known now: no child process again, the same reason.
expect 0 "rebuy_corrupt_initializer.so: the plugin crashed: signal" "$rebuy" -v plugins list
[[ $out != *"in a child process first"* ]] || { fail "a known file was loaded in a child again"; echo "$out" >&2; }
expect 0 "30000 in = 30000 stored" "$rebuy" --db elf.db import --no-analyze --as crashing lines.txt

if ((failed)); then
  echo "$failed failed"
  exit 1
fi
echo "all passed"
