#!/usr/bin/env bash
# Runs `rebuy plugins check` on a plugin and asserts its verdict.
#
#   check_expect.sh REBUY_BIN PLUGIN EXPECTED_FAILURE [--sample FILE]
#
# EXPECTED_FAILURE empty: every check must pass or be skipped, and the exit code be 0.
# Otherwise: exactly one check fails, the one named EXPECTED_FAILURE, and the exit code is 2.
set -uo pipefail
rebuy=$1 plugin=$2 expected=$3
shift 3

out=$("$rebuy" plugins check "$plugin" "$@" 2>&1)
status=$?
echo "$out"
failures=$(grep -c '^FAIL  ' <<<"$out")
fail() {
  echo "check_expect.sh: FAIL: $*" >&2
  exit 1
}

if [[ -z "$expected" ]]; then
  [[ $status -eq 0 ]] || fail "expected exit 0, got $status"
  [[ $failures -eq 0 ]] || fail "expected no failing check, got $failures"
  grep -q '^PASS  loads ' <<<"$out" || fail "the plugin did not load"
  exit 0
fi
[[ $status -eq 2 ]] || fail "expected exit 2, got $status"
[[ $failures -eq 1 ]] || fail "expected exactly one failing check ($expected), got $failures"
grep -q "^FAIL  $expected " <<<"$out" || fail "expected the failing check to be '$expected'"
grep -q "checks failed" <<<"$out" || fail "no summary on stderr"
