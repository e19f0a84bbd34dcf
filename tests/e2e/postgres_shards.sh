#!/usr/bin/env bash
# The store spread over servers (scripts/pg-shards): a coordinator and two shard
# servers, started here and stopped at the end, give the answers pinned for
# SQLite (tests/e2e/store_pin.sh).
#
# usage: postgres_shards.sh REBUY_BIN SOURCE_DIR own
#        postgres_shards.sh REBUY_BIN SOURCE_DIR real REAL_DATA_DIR
set -uo pipefail
rebuy=$1
src=$(cd "$2" && pwd)
shift 2
if [ "$1" = real ]; then source "$src/tests/support/real_data.sh" "$2"; fi # skips without them
state=$(mktemp -d)
servers=(coordinator shard0 shard1)
stop() {
  for s in "${servers[@]}"; do "$src/tests/support/pg_server.sh" stop "$state" "$s"; done
  rm -rf "$state"
}
trap stop EXIT
for s in "${servers[@]}"; do
  "$src/tests/support/pg_server.sh" start "$state" "$s" >/dev/null || exit 1
done
export REBUY_PIN_POSTGRES=$(cat "$state/coordinator.url")
export REBUY_PIN_SHARDS="$(cat "$state/shard0.url") $(cat "$state/shard1.url")"
"$src/tests/e2e/store_pin.sh" "$rebuy" "$src" "$@"
