#!/usr/bin/env bash
# End-to-end check of the example importer in samples/example-importer, built out of tree
# against the SDK the way a third-party plugin author builds it.
#
#   tests/e2e/sample_plugin.sh SOURCE_DIR WORK_DIR CXX_COMPILER REBUY_BIN
#
# 1. configures and builds the sample in WORK_DIR with CXX_COMPILER (warnings are errors);
# 2. checks the plugin exports only rebuy_plugin_entry_v1 and carries the rebuy_plugin
#    ELF section the host looks for before it runs any of the plugin's code;
# 3. when REBUY_BIN exists: `rebuy plugins info helpdesk` and `rebuy import` of the
#    sample's tickets must succeed with the plugin found through REBUY_PLUGIN_PATH.
#    Only a REBUY_BIN that does not exist skips this step (with a message); one that
#    exists but cannot run is a failure.
# Exits non-zero with a message on the first failure.
set -euo pipefail

fail() {
  echo "sample_plugin.sh: FAIL: $*" >&2
  exit 1
}

if [[ $# -ne 4 ]]; then
  echo "usage: $0 SOURCE_DIR WORK_DIR CXX_COMPILER REBUY_BIN" >&2
  exit 2
fi
# Absolute paths: the host checks below run in a directory of their own.
source_dir=$(cd "$1" && pwd) || fail "SOURCE_DIR $1 is not a directory"
work_dir=$2
cxx_compiler=$3
rebuy_bin=$4
if [[ -n "$rebuy_bin" && "$rebuy_bin" != /* ]]; then rebuy_bin="$PWD/$rebuy_bin"; fi

sample_dir="$source_dir/samples/example-importer"
[[ -f "$sample_dir/CMakeLists.txt" ]] || fail "no sample project at $sample_dir"
[[ -f "$source_dir/sdk/cmake/RebuyConfig.cmake" ]] || fail "no SDK CMake package in $source_dir/sdk/cmake"
for tool in cmake nm readelf; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

# The host refuses plugin files that are group- or world-writable; a umask of 002 (common
# in CI containers) would make the linker's output exactly that.
umask 022

# A build directory of our own, recreated every run: a cache left by another compiler
# would make CMake refuse or, worse, silently keep the old compiler.
mkdir -p "$work_dir"
build_dir="$(cd "$work_dir" && pwd)/example-importer-$(basename "$cxx_compiler")"
rm -rf "$build_dir"

generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi

echo "== configure and build $sample_dir with $cxx_compiler"
cmake -S "$sample_dir" -B "$build_dir" "${generator[@]}" \
  -DCMAKE_CXX_COMPILER="$cxx_compiler" \
  -DRebuy_DIR="$source_dir/sdk/cmake" \
  -DCMAKE_COMPILE_WARNING_AS_ERROR=ON ||
  fail "configuring the sample with $cxx_compiler failed"
cmake --build "$build_dir" || fail "building the sample with $cxx_compiler failed"

plugin="$build_dir/rebuy_helpdesk.so"
[[ -f "$plugin" ]] || fail "the build did not produce $plugin"

echo "== exported symbols"
exported=$(nm -D --defined-only "$plugin" | awk '{ print $NF }' | sort -u)
if [[ "$exported" != "rebuy_plugin_entry_v1" ]]; then
  fail "$plugin must export only rebuy_plugin_entry_v1, but exports:"$'\n'"$exported"
fi
echo "ok: only rebuy_plugin_entry_v1"

echo "== marker section"
# Section names are the second column after "[ N]"; match the whole name.
readelf -W -S "$plugin" | grep -Eq '\][[:space:]]+rebuy_plugin[[:space:]]' ||
  fail "$plugin has no rebuy_plugin ELF section (readelf -S)"
echo "ok: rebuy_plugin section present"

if [[ -z "$rebuy_bin" || ! -e "$rebuy_bin" ]]; then
  echo "SKIP: REBUY_BIN '$rebuy_bin' does not exist:" \
    "the host checks (plugins info, import) did not run"
  exit 0
fi
[[ -f "$rebuy_bin" && -x "$rebuy_bin" ]] || fail "$rebuy_bin exists but is not an executable file"

# The plugin is found through REBUY_PLUGIN_PATH. Both commands run in a fresh directory,
# so nothing lands in the caller's and no earlier run's database can turn the import into
# duplicates.
run_dir=$(mktemp -d "$build_dir/run.XXXXXX")
export REBUY_PLUGIN_PATH="$build_dir"
cd "$run_dir"

echo "== REBUY_PLUGIN_PATH=$build_dir $rebuy_bin plugins info helpdesk"
info_status=0
info=$("$rebuy_bin" plugins info helpdesk 2>&1) || info_status=$?
echo "$info"
[[ $info_status -eq 0 ]] || fail "'rebuy plugins info helpdesk' exited with $info_status"
grep -q helpdesk <<<"$info" || fail "'rebuy plugins info helpdesk' does not mention helpdesk"

echo "== $rebuy_bin import sample_tickets.csv"
import_status=0
"$rebuy_bin" --db "$run_dir/t.db" import "$sample_dir/sample_tickets.csv" || import_status=$?
[[ $import_status -eq 0 ]] || fail "'rebuy import sample_tickets.csv' exited with $import_status"
[[ -s "$run_dir/t.db" ]] || fail "'rebuy import' exited 0 but wrote no database at $run_dir/t.db"

echo "ok: the sample plugin builds, exports only its entry, and imports with $cxx_compiler"
