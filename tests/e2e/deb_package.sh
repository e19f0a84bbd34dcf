#!/usr/bin/env bash
# Builds the Debian package with `cpack -G DEB` and checks it:
# - its control fields: name, version, runtime Depends from dpkg-shlibdeps (no -dev package);
# - its contents: the program, every first-party plugin, the SDK headers, the CMake package,
#   the guide and the demo data, under /usr;
# - unpacked into a fresh directory outside the build tree, its rebuy loads the packaged
#   (stripped) plugins from its own prefix, refuses nothing, runs `rebuy demo`, and every
#   packaged plugin passes `rebuy plugins check`;
# - `apt-get install --simulate` accepts it on this system, when apt-get is there.
#
#   deb_package.sh BUILD_DIR OUT_DIR PLUGIN...
set -euo pipefail
build=$1 out=$2
shift 2
fail() {
  echo "deb_package.sh: FAIL: $*" >&2
  exit 1
}
umask 022
rm -rf "$out"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out.log" 2>&1 ||
  { cat "$out.log" >&2; fail "cpack -G DEB failed"; }
debs=("$out"/rebuy_*.deb)
[[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || fail "expected one rebuy_*.deb in $out"
deb=${debs[0]}
echo "== $deb"
dpkg-deb --info "$deb"

[[ $(dpkg-deb -f "$deb" Package) == rebuy ]] || fail "the package is not named rebuy"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libstdc++6 libicu72 libsqlite3-0; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
! grep -q -- '-dev' <<<"$depends" || fail "Depends names a -dev package: $depends"

contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for f in ./usr/bin/rebuy ./usr/include/rebuy/plugin_abi.h ./usr/include/rebuy/plugin.hpp \
  ./usr/lib/cmake/Rebuy/RebuyConfig.cmake ./usr/lib/cmake/Rebuy/RebuyConfigVersion.cmake \
  ./usr/lib/cmake/Rebuy/RebuyPlugin.cmake ./usr/lib/cmake/Rebuy/rebuy_plugin.map \
  ./usr/share/doc/rebuy/plugin-guide.md ./usr/share/rebuy/samples/feedback/northwind_survey.csv; do
  grep -qxF "$f" <<<"$contents" || fail "the package has no $f"
done
for p in "$@"; do
  grep -qxF "./usr/lib/rebuy/plugins/rebuy_$p.so" <<<"$contents" || fail "the package has no plugin $p"
done

# Outside the build tree, so nothing can be found there by accident.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
cd "$root"
unset REBUY_PLUGIN_PATH REBUY_DB
rebuy="$root/usr/bin/rebuy"
"$rebuy" --version || fail "the packaged rebuy does not run"
list=$("$rebuy" plugins list) || fail "rebuy plugins list failed"
echo "$list"
for p in "$@"; do
  grep -qF "$root/usr/lib/rebuy/plugins/rebuy_$p.so" <<<"$list" ||
    fail "the packaged rebuy does not load plugin $p from its own prefix"
  "$rebuy" plugins check "$root/usr/lib/rebuy/plugins/rebuy_$p.so" >/dev/null ||
    fail "the packaged plugin $p fails rebuy plugins check"
done
! grep -q '^refused:' <<<"$list" || fail "the packaged rebuy refuses files"
"$rebuy" demo --output "$root/demo" || fail "rebuy demo failed"
[[ -s "$root/demo/report.md" ]] || fail "rebuy demo wrote no report"

if command -v apt-get >/dev/null; then
  apt-get install --simulate "$deb" >"$root/apt.log" 2>&1 ||
    { cat "$root/apt.log" >&2; fail "apt-get install --simulate refuses the package"; }
  grep -q '^Inst rebuy ' "$root/apt.log" || { cat "$root/apt.log" >&2; fail "apt-get would not install rebuy"; }
fi
echo "ok: $(basename "$deb") installs rebuy, its plugins and SDK, and runs the demo"
