#!/usr/bin/env bash
# Builds a plugin project out of tree against an installed rebuy, the way a third-party
# plugin author does, and checks the result.
#
#   sample_plugin.sh PREFIX PROJECT_DIR BUILD_DIR CXX [--sample FILE]
#                    [--expect-import TEXT] [--expect-export REGEX COUNT]
#
# 1. configures PROJECT_DIR with find_package(Rebuy) from PREFIX and builds it with CXX
#    (warnings are errors) in BUILD_DIR, recreated every run;
# 2. the one rebuy_<id>.so it builds exports only rebuy_plugin_entry_v1 and carries the
#    rebuy_plugin ELF section;
# 3. PREFIX/bin/rebuy plugins check passes (with --sample FILE), and so does the project's own
#    `ctest` (rebuy_add_plugin_check);
# 4. with the plugin on REBUY_PLUGIN_PATH, `rebuy import FILE` succeeds in a fresh directory:
#    an importer must be the one chosen, and print TEXT when given; an analyzer must score,
#    and the JSON-lines export must have COUNT lines matching REGEX when given;
# 5. `cmake --install` puts the plugin into <prefix>/lib/rebuy/plugins.
# Exits non-zero with a message on the first failure.
set -euo pipefail

fail() {
  echo "sample_plugin.sh: FAIL: $*" >&2
  exit 1
}
[[ $# -ge 4 ]] || {
  echo "usage: $0 PREFIX PROJECT_DIR BUILD_DIR CXX [--sample FILE] [--expect-import TEXT]" \
    "[--expect-export REGEX COUNT]" >&2
  exit 2
}
prefix=$(cd "$1" && pwd) || fail "PREFIX $1 is not a directory"
project=$(cd "$2" && pwd) || fail "PROJECT_DIR $2 is not a directory"
build=$3 cxx=$4
shift 4
sample="" expect_import="" export_regex="" export_count=""
while [[ $# -gt 0 ]]; do
  case $1 in
  --sample) sample=$(realpath "$2") && shift 2 ;;
  --expect-import) expect_import=$2 && shift 2 ;;
  --expect-export) export_regex=$2 export_count=$3 && shift 3 ;;
  *) fail "unknown argument $1" ;;
  esac
done
rebuy="$prefix/bin/rebuy"
[[ -x "$rebuy" ]] || fail "no rebuy program at $rebuy"

# The host refuses plugins that are group-writable or in a group-writable directory.
umask 022
rm -rf "$build"
mkdir -p "$build"
build=$(cd "$build" && pwd)
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi

echo "== configure and build $project with $cxx"
cmake -S "$project" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_COMPILE_WARNING_AS_ERROR=ON >/dev/null ||
  fail "configuring $project with $cxx failed"
cmake --build "$build" || fail "building $project with $cxx failed"

plugins=("$build"/rebuy_*.so)
[[ ${#plugins[@]} -eq 1 && -f "${plugins[0]}" ]] || fail "expected one rebuy_*.so in $build"
plugin=${plugins[0]}
id=$(basename "$plugin" .so)
id=${id#rebuy_}

echo "== exported symbols and marker section"
exported=$(nm -D --defined-only "$plugin" | awk '{ print $NF }' | sort -u)
[[ "$exported" == "rebuy_plugin_entry_v1" ]] ||
  fail "$plugin must export only rebuy_plugin_entry_v1, but exports:"$'\n'"$exported"
readelf -W -S "$plugin" | grep -Eq '\][[:space:]]+rebuy_plugin[[:space:]]' ||
  fail "$plugin has no rebuy_plugin ELF section"

echo "== rebuy plugins check"
sample_args=()
[[ -n "$sample" ]] && sample_args=(--sample "$sample")
"$rebuy" plugins check "$plugin" "${sample_args[@]}" || fail "rebuy plugins check fails"
ctest --test-dir "$build" --output-on-failure --no-tests=error >/dev/null ||
  fail "the project's own ctest (rebuy_add_plugin_check) fails"

run=$(mktemp -d "$build/run.XXXXXX")
cd "$run"
export REBUY_PLUGIN_PATH="$build"
unset REBUY_DB
kind=$("$rebuy" plugins info "$id" | awk '$1 == "kind:" { print $2 }')
[[ -n "$kind" ]] || fail "rebuy plugins info $id does not show the plugin"
if [[ -n "$sample" ]]; then
  echo "== rebuy import $(basename "$sample") ($kind $id on REBUY_PLUGIN_PATH)"
  out=$("$rebuy" --db run.db import "$sample") || fail "rebuy import failed"
  echo "$out"
  if [[ $kind == importer ]]; then
    grep -q "with $id " <<<"$out" || fail "rebuy import did not choose $id"
  else
    "$rebuy" --db run.db export --format jsonl >export.jsonl || fail "rebuy export failed"
    grep -q "\"$id\\." export.jsonl || fail "the export has no score of $id"
  fi
  if [[ -n "$expect_import" ]] && ! grep -qF -- "$expect_import" <<<"$out"; then
    fail "rebuy import did not print: $expect_import"
  fi
  if [[ -n "$export_regex" ]]; then
    "$rebuy" --db run.db export --format jsonl >export.jsonl || fail "rebuy export failed"
    got=$(grep -cE -- "$export_regex" export.jsonl || true)
    [[ $got -eq $export_count ]] ||
      fail "expected $export_count exported responses matching $export_regex, found $got"
  fi
fi

echo "== cmake --install"
cmake --install "$build" --prefix "$run/installed" >/dev/null || fail "cmake --install failed"
[[ -f "$run/installed/lib/rebuy/plugins/rebuy_$id.so" ]] ||
  fail "cmake --install did not put the plugin into lib/rebuy/plugins"

echo "ok: $id builds with $cxx against $prefix, passes rebuy plugins check and loads"
