# Sourced by the tabular importers' tests/cli.sh: usage cli.sh REBUY DATA_DIR.
# Runs in a scratch folder with its own database; each check counts as passed or failed.
set -uo pipefail
rebuy=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export REBUY_DB="$work/e2e.db"
unset REBUY_PLUGIN_PATH
passed=0 failed=0

# imports NAME FILE [ARGS...] -- STRING...: `rebuy import ARGS FILE` (no --as) succeeds and
# prints every STRING.
imports() {
  local name=$1 file=$2 args=()
  shift 2
  while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
  shift
  if ! "$rebuy" import --no-analyze "${args[@]}" "$file" >out 2>&1; then
    echo "FAILED: $name: rebuy import exited non-zero" >&2; cat out >&2; failed=$((failed + 1)); return
  fi
  local s
  for s in "$@"; do
    if grep -qF -- "$s" out; then passed=$((passed + 1)); else
      echo "FAILED: $name: output lacks: $s" >&2; cat out >&2; failed=$((failed + 1)); fi
  done
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
