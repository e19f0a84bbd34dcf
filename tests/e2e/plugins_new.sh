#!/usr/bin/env bash
# `rebuy plugins new KIND NAME` writes a project that builds against the installed rebuy and
# passes `rebuy plugins check` as generated; sample_plugin.sh checks the rest.
#
#   plugins_new.sh PREFIX KIND NAME WORK_DIR CXX
set -euo pipefail
prefix=$1 kind=$2 name=$3 work=$4 cxx=$5
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
"$prefix/bin/rebuy" plugins new "$kind" "$name" "$work/$name"
# Refuses to overwrite.
if "$prefix/bin/rebuy" plugins new "$kind" "$name" "$work/$name" 2>/dev/null; then
  echo "plugins_new.sh: FAIL: plugins new wrote into a directory that is not empty" >&2
  exit 1
fi
if [[ $kind == importer ]]; then
  exec "$here/sample_plugin.sh" "$prefix" "$work/$name" "$work/build" "$cxx" \
    --sample "$work/$name/sample.csv" \
    --expect-import "6 in = 4 stored (4 new, 0 updated, 0 unchanged) + 1 rejected + 1 skipped" \
    --expect-export 'Too small\.\\nThe return took weeks' 1
fi
exec "$here/sample_plugin.sh" "$prefix" "$work/$name" "$work/build" "$cxx" \
  --sample "$work/$name/sample_feedback.csv" \
  --expect-export "\"$name\\.shouting\":\\{[^}]*\"label\":\"yes\"" 1
