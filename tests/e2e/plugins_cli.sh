#!/usr/bin/env bash
# `rebuy plugins check` and `rebuy plugins new` from the command line: refused files are
# explained with a fix, bad arguments get the right exit code.
#   plugins_cli.sh REBUY_BIN TEST_PLUGIN_DIR CHECK_PLUGIN_DIR
set -uo pipefail
rebuy=$1 test_plugins=$2 check_plugins=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
umask 022
unset REBUY_PLUGIN_PATH

failed=0
# expect CODE TEXT COMMAND...: the command exits with CODE and prints TEXT (stdout or stderr).
expect() {
  local code=$1 text=$2
  shift 2
  local out status
  out=$("$@" 2>&1)
  status=$?
  if [[ $status -ne $code ]] || ! grep -qF -- "$text" <<<"$out"; then
    echo "FAILED: $* (exit $status, expected $code and: $text)" >&2
    echo "$out" >&2
    failed=$((failed + 1))
  fi
}

expect 2 "no such file, and no plugin with that id" "$rebuy" plugins check nonexistent.so
expect 2 "FAIL  loads" "$rebuy" plugins check "$test_plugins/rebuy_not_a_plugin.so"
expect 2 "build it with rebuy_add_plugin(), or add REBUY_MARKER()" \
  "$rebuy" plugins check "$test_plugins/rebuy_not_a_plugin.so"
expect 2 "built for plugin ABI 99.0" "$rebuy" plugins check "$test_plugins/rebuy_wrong_abi.so"
expect 2 "1 of 1 checks failed" "$rebuy" plugins check "$test_plugins/rebuy_wrong_abi.so"

mkdir plugins
cp "$check_plugins/rebuy_importer_none.so" plugins/
chmod g+w plugins/rebuy_importer_none.so
expect 2 "fix: chmod go-w" "$rebuy" plugins check plugins/rebuy_importer_none.so
chmod g-w plugins/rebuy_importer_none.so
cp plugins/rebuy_importer_none.so plugins/lines.so
expect 2 "the host only loads files named rebuy_<id>.so" "$rebuy" plugins check plugins/lines.so
chmod g+w plugins
expect 2 "the host would skip every plugin in it" \
  "$rebuy" plugins check plugins/rebuy_importer_none.so
chmod g-w plugins
expect 0 "PASS  probe on unrelated input" "$rebuy" plugins check plugins/rebuy_importer_none.so
# An id on the search path works as well as a file.
REBUY_PLUGIN_PATH=$work/plugins expect 0 "importer importer_none 1.0.0" \
  "$rebuy" plugins check importer_none
expect 2 "--sample missing.csv: no such file" \
  "$rebuy" plugins check plugins/rebuy_importer_none.so --sample missing.csv

expect 1 "use 1-32 characters" "$rebuy" plugins new importer "Bad Name"
expect 1 "kind" "$rebuy" plugins new exporter fine
expect 0 "created analyzer plugin 'fine'" "$rebuy" plugins new analyzer fine
[[ -f fine/CMakeLists.txt && -f fine/fine_analyzer.cpp ]] || {
  echo "FAILED: plugins new wrote no project" >&2
  failed=$((failed + 1))
}
expect 2 "exists and is not empty" "$rebuy" plugins new analyzer fine

[[ $failed -eq 0 ]] || exit 1
echo "ok"
