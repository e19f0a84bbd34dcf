#!/usr/bin/env bash
# Installs the build into a staging prefix, as `cmake --install` does for a user, and checks
# that the tree is complete and works on its own: the program, every first-party plugin, the
# SDK headers, the CMake package, the guide and the demo data; `rebuy plugins list` loads the
# plugins from the staging prefix and refuses nothing; `rebuy demo` runs.
#
#   stage_install.sh BUILD_DIR STAGE_DIR PLUGIN...
#
# The sample and `plugins new` tests build against STAGE_DIR afterwards.
set -euo pipefail
build=$1 stage=$2
shift 2
fail() {
  echo "stage_install.sh: FAIL: $*" >&2
  exit 1
}
# Plugins are refused when group-writable; the install must not depend on the caller's umask,
# but the files cmake creates in the build tree do.
umask 022
rm -rf "$stage"
cmake --install "$build" --prefix "$stage" >/dev/null || fail "cmake --install failed"

for f in bin/rebuy include/rebuy/plugin_abi.h include/rebuy/plugin.hpp \
  lib/cmake/Rebuy/RebuyConfig.cmake lib/cmake/Rebuy/RebuyConfigVersion.cmake \
  lib/cmake/Rebuy/RebuyPlugin.cmake lib/cmake/Rebuy/rebuy_plugin.map \
  share/doc/rebuy/ABI.md share/doc/rebuy/plugin-guide.md \
  share/doc/rebuy/examples/example-importer/CMakeLists.txt \
  share/doc/rebuy/examples/example-analyzer/CMakeLists.txt \
  share/rebuy/samples/feedback/northwind_survey.csv; do
  [[ -f "$stage/$f" ]] || fail "the install has no $f"
done
for p in "$@"; do
  [[ -f "$stage/lib/rebuy/plugins/rebuy_$p.so" ]] || fail "the install has no plugin $p"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
unset REBUY_PLUGIN_PATH REBUY_DB
list=$("$stage/bin/rebuy" plugins list) || fail "rebuy plugins list failed"
echo "$list"
for p in "$@"; do
  grep -q "$stage/lib/rebuy/plugins/rebuy_$p.so" <<<"$list" ||
    fail "the staged rebuy does not load plugin $p from the staging prefix"
done
! grep -q '^refused:' <<<"$list" || fail "the staged rebuy refuses files"
"$stage/bin/rebuy" demo --output demo >/dev/null || fail "rebuy demo failed"
[[ -s demo/report.md ]] || fail "rebuy demo wrote no report"
echo "ok: $stage is complete; its rebuy loads ${#@} plugins and runs the demo"
