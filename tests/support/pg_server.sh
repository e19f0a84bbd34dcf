#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL server for the tests, from Debian's
# postgresql package: initdb and pg_ctl in a temporary directory, listening on
# a Unix socket only. As root, the server runs as the `postgres` user.
#
#   pg_server.sh start STATE_DIR [NAME]   # prints the server's URL, also kept in STATE_DIR/NAME.url
#   pg_server.sh stop STATE_DIR [NAME]
#   pg_server.sh url STATE_DIR [NAME]
set -euo pipefail

action=${1:?usage: pg_server.sh start|stop|url STATE_DIR [NAME]}
state=${2:?usage: pg_server.sh start|stop|url STATE_DIR [NAME]}
name=${3:-pg}
mkdir -p "$state"
state=$(cd "$state" && pwd)

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg_server.sh: PostgreSQL's server is not installed (Debian package postgresql; scripts/install-deps installs it)" >&2
  exit 1
fi

as_server() { # runs a command as the user the server runs as
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  if [ -f "$state/$name.dir" ] && [ -d "$(cat "$state/$name.dir")" ]; then
    "$0" stop "$state" "$name" >/dev/null 2>&1 || true
  fi
  # Short paths: a Unix socket's path may not pass 107 bytes.
  dir=$(mktemp -d /tmp/rebuy-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  chmod 700 "$dir"
  echo "$dir" >"$state/$name.dir"
  as_server "$bindir/initdb" -D "$dir/data" -U rebuy --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  chmod 711 "$dir" # the socket's directory: clients pass through
  as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=60 -c max_prepared_transactions=10" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  as_server "$bindir/createdb" -h "$dir" -U rebuy rebuy
  url="postgresql://rebuy@/rebuy?host=$dir"
  echo "$url" >"$state/$name.url"
  echo "$url"
  ;;
stop)
  [ -f "$state/$name.dir" ] || exit 0
  dir=$(cat "$state/$name.dir")
  if [ -d "$dir/data" ]; then
    as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$state/$name.dir" "$state/$name.url"
  ;;
url)
  cat "$state/$name.url"
  ;;
*)
  echo "pg_server.sh: unknown action $action" >&2
  exit 2
  ;;
esac
