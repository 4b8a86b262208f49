#!/usr/bin/env bash
# The provincial targets scoreboard (issue 11 "Speed"): the targets read model against the
# same status counts computed by SQL on SQLite and on PostgreSQL, on one generated country
# (BENCH_INDICATORS indicators, 50 000, × BENCH_REPORTERS reporting units, 2, × up to 12
# monthly values; fixed seed). Starts a private PostgreSQL 15 server as bench/task_board.sh
# does and stops it whatever happens. Prints (see bench/targets_scoreboard.cc):
#
#   bench: targets_scoreboard ours_ms=<median> judged_on_read_ms=<median: every status sentence built again, the baseline> sqlite_ms=<median> postgres_ms=<median> ratio=<faster SQL/ours> …
#
# Usage: bench/targets_scoreboard.sh [BUILD_DIR]        (bench/run.sh calls it)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-release}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
bin="$build/bench/targets_scoreboard"
pgbin=/usr/lib/postgresql/15/bin

die() { echo "bench/targets_scoreboard.sh: $*" >&2; exit 1; }
note() { echo "  $*" >&2; }
[ -x "$bin" ] || die "no $bin (make bench builds it)"
[ -x "$pgbin/initdb" ] || die "PostgreSQL 15 is missing: scripts/install-deps.sh bench"

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/dieuhanh-bench-targets.XXXXXX")
# The server's folder is under /tmp so that the postgres OS user can reach it when we run
# as root; the port only names the socket in that private folder.
port=$((56000 + RANDOM % 900))
pg="/tmp/dieuhanh-bench-pg-$$-$port"
pg_started=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$pg_started" ]; then
    as_pg "$pgbin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ "$rc" -ne 0 ] && [ -s "$pg/server.log" ]; then
    echo "--- $pg/server.log (last lines)" >&2
    tail -n 20 "$pg/server.log" >&2
  fi
  rm -rf "$work" "$pg"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$pg" && mkdir -p "$pg/sock"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg"
as_pg "$pgbin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg/initdb.log" 2>&1 ||
  as_pg "$pgbin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C >"$pg/initdb.log" 2>&1 ||
  die "initdb failed: $(cat "$pg/initdb.log")"
# A throwaway server: no fsync while loading (reads do not care); autovacuum off so that
# it does not wake up in the middle of a measurement (the loader runs VACUUM ANALYZE
# itself); enough shared buffers to hold the tasks table; otherwise PostgreSQL's defaults.
as_pg "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
  -o "-p $port -k $pg/sock -c listen_addresses='' -c shared_buffers=1GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB -c autovacuum=off" \
  start >/dev/null || die "PostgreSQL did not start: $(tail -n 20 "$pg/server.log" 2>/dev/null)"
pg_started=1
url="postgresql://postgres@/postgres?host=$pg/sock&port=$port"

note "targets scoreboard: ${BENCH_INDICATORS:-50000} indicators x ${BENCH_REPORTERS:-2} units, generated into SQLite and PostgreSQL 15"
"$bin" --sqlite "$work/targets.db" --pg "$url" --indicators "${BENCH_INDICATORS:-50000}" \
  --reporters "${BENCH_REPORTERS:-2}" --repeat "${BENCH_BOARD_REPEAT:-21}" --sql-repeat "${BENCH_SQL_REPEAT:-5}"
