#!/usr/bin/env bash
# Starts or stops a private PostgreSQL 15 server for the test run: its own data folder,
# socket folder and port, run as the `postgres` OS user when we are root (PostgreSQL
# refuses to run as root). Usage: pg.sh start|stop DIR PORT
set -euo pipefail
cmd=$1 dir=$2 port=$3
bin=/usr/lib/postgresql/15/bin
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    if [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      exit 0
    fi
    rm -rf "$dir" && mkdir -p "$dir/sock"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
    # Durable as in production (fsync on): the crash test relies on it.
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir/sock -c listen_addresses='' -c max_connections=200 -c shared_buffers=64MB" start >/dev/null
    echo "postgresql://postgres@/postgres?host=$dir/sock&port=$port"
    ;;
  stop)
    [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: pg.sh start|stop DIR PORT" >&2; exit 2 ;;
esac
