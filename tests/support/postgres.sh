#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL server (Debian's package) for tests and benchmarks, on
# 127.0.0.1 with its own port and data folder. Prints the admin URL on start.
#   tests/support/postgres.sh start [port]   → postgresql://postgres:postgres@127.0.0.1:PORT/postgres
#   tests/support/postgres.sh stop [port]
set -euo pipefail
cmd=${1:?start or stop}
port=${2:-55432}
# Under /tmp, not the checkout: the postgres user must be able to reach it, and a checkout under a
# private home folder (e.g. /root) would not be reachable.
dir="/tmp/leernetwerk-postgres-$port"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      echo postgres > "$dir/pw"; [ "$(id -u)" = 0 ] && chown postgres "$dir/pw"
      as_pg "$bin/initdb -D '$dir/data' -U postgres --pwfile='$dir/pw' -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    fi
    as_pg "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -t 60 -o \"-h 127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null
    echo "postgresql://postgres:postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_pg "$bin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [port]" >&2; exit 2 ;;
esac
