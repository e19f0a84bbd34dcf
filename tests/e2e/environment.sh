#!/usr/bin/env bash
# When the environment fails rebuy: a store locked by another writer, an input that cannot be
# read, a database that cannot be opened, a full disk. Each exits with code 4 and a message that
# says what to do, and what was committed stays.
#   environment.sh REBUY_BIN
set -uo pipefail
source "$(dirname "$0")/../support/expect_lib.sh"
rebuy=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset REBUY_DB REBUY_WAIT

responses() { "$rebuy" --db "$1" export --format jsonl | wc -l; }

printf 'id,nps,comment\n1,9,fine\n2,3,slow\n' >small.csv
expect 0 "2 in = 2 stored" "$rebuy" --db s.db import --no-analyze small.csv

# A store locked by another writer: the sqlite3 program holds a write transaction.
if command -v sqlite3 >/dev/null; then
  hold_lock() { # SECONDS: holds the lock that long, once it has it `locked` exists
    rm -f locked
    printf 'BEGIN IMMEDIATE;\n.shell touch locked\n.shell sleep %s\nCOMMIT;\n' "$1" |
      sqlite3 s.db >/dev/null &
    holder=$!
    for _ in $(seq 200); do
      [[ -f locked ]] && return
      sleep 0.05
    done
    fail "sqlite3 never took the lock"
  }
  hold_lock 3
  expect 4 "another rebuy is writing to this store; waited 0.5 s" \
    env REBUY_WAIT=0.5 "$rebuy" --db s.db import --no-analyze small.csv
  wait "$holder"
  # With time to wait, a writer takes its turn, and says that it waits.
  hold_lock 2
  expect 0 "2 in = 2 stored (0 new, 0 updated, 2 unchanged)" \
    "$rebuy" --db s.db --wait 30 import --no-analyze small.csv
  grep -qF "waiting up to 30 s for its turn" <<<"$out" || fail "the wait was not announced"
  wait "$holder"
else
  echo "SKIPPED: a locked store (no sqlite3 program to hold the lock)"
fi

# An input that cannot be read. Root reads any file, so as root the command runs as nobody.
printf 'id,nps\n1,9\n' >secret.csv
chmod 000 secret.csv
if [[ $(id -u) -ne 0 ]]; then
  expect 4 "secret.csv: cannot be read (Permission denied)" \
    "$rebuy" --db s.db import --no-analyze secret.csv
elif command -v setpriv >/dev/null; then
  chmod 755 "$work"
  mkdir -m 1777 shared
  expect 4 "secret.csv: cannot be read (Permission denied)" \
    setpriv --reuid=65534 --regid=65534 --clear-groups \
    "$rebuy" --db shared/n.db import --no-analyze "$work/secret.csv"
else
  echo "SKIPPED: an unreadable input (running as root, and no setpriv to drop privileges)"
fi

# A database that cannot be opened.
expect 4 "no/such/dir/x.db: cannot open the database" \
  "$rebuy" --db "$work/no/such/dir/x.db" import --no-analyze small.csv
expect 4 "cannot open the database" "$rebuy" --db "$work" import --no-analyze small.csv

# A full disk. Mounting a small file system needs root; a file size limit makes writes fail the
# same way for anyone (EFBIG where a full disk gives ENOSPC), with SIGXFSZ ignored.
{
  echo "id,nps,comment"
  for i in $(seq 30000); do echo "b$i,$((i % 11)),comment number $i that takes some room"; done
} >big.csv
limit_kb=$(($(stat -c %s s.db) / 1024 + 256))
out=$( (
  ulimit -f "$limit_kb"
  trap '' XFSZ
  exec "$rebuy" --db s.db import --no-analyze big.csv
) 2>&1)
status=$?
if [[ $status -ne 4 ]] || ! grep -qE "(file size limit is reached|disk is full).*what was committed is kept" <<<"$out"; then
  fail "an import past the file size limit (exit $status)"
  echo "$out" >&2
fi
if command -v sqlite3 >/dev/null; then
  [[ $(sqlite3 s.db 'PRAGMA integrity_check') == ok ]] || fail "the store is damaged after a full disk"
fi
[[ $(responses s.db) -eq 2 ]] || fail "the responses committed before the full disk changed"
expect 0 "30000 in = 30000 stored" "$rebuy" --db s.db import --no-analyze big.csv

# --help documents the exit codes.
expect 0 "4 the store or an input is unavailable" "$rebuy" --help

if ((failed)); then
  echo "$failed environment checks failed" >&2
  exit 1
fi
echo "all environment checks passed"
