#!/usr/bin/env bash
# Runs a test with REBUY_PIN_POSTGRES and REBUY_TEST_POSTGRES set to the URL of
# the server tests/support/pg_server.sh started in STATE_DIR.
#
#   with_pg.sh STATE_DIR COMMAND...
set -euo pipefail
state=$1
shift
if [ ! -s "$state/pg.url" ]; then
  echo "with_pg.sh: no PostgreSQL server was started in $state (the postgres.server_start test)" >&2
  exit 1
fi
url=$(cat "$state/pg.url")
REBUY_PIN_POSTGRES=$url REBUY_TEST_POSTGRES=$url exec "$@"
