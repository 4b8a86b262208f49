#!/usr/bin/env bash
# The national task board (issue 4 "Speed"): the tasks read model against the same counts
# computed by SQL on SQLite and on PostgreSQL, on one generated country (1 000 000 tasks,
# 10 000 units, fixed seed). Starts a private PostgreSQL 15 server (its own data folder,
# socket folder and port, as the `postgres` OS user when we are root, as
# tests/support/pg.sh does), generates the data into both databases, measures, and stops
# the server whatever happens. Prints (DESIGN §5; see bench/task_board.cc):
#
#   bench: task_board ours_ms=<median> sqlite_ms=<median> postgres_ms=<median> ratio=<faster SQL/ours>
#   bench: task_board_directive …, bench: task_board_scoped …
#   bench: task_index_load db=sqlite|postgres ms=<median> cpu_ms=… rows_path_ms=<through db::Rows>
#          rows_path_cpu_ms=… rows_ratio=… old_ms=<the path before issue 8> ratio=… rows=<n>
#   bench: task_index tasks=<n> rss_mb=<what the loaded model holds> bytes_per_task=…
#          index_mb=<its own count> peak_rss_mb=<the process's>   (at BENCH_TASKS and at
#          BENCH_TASKS_LARGE, 5 000 000: built from the generated rows, no database)
#
# Usage: bench/task_board.sh [BUILD_DIR]        (bench/run.sh calls it)
# Settings: BENCH_TASKS (1000000), BENCH_TASKS_LARGE (5000000), BENCH_UNITS (10000), BENCH_BOARD_REPEAT (21),
# BENCH_SQL_REPEAT (5), BENCH_LOAD_REPEAT (3).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-release}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
bin="$build/bench/task_board"
pgbin=/usr/lib/postgresql/15/bin

tasks=${BENCH_TASKS:-1000000}
units=${BENCH_UNITS:-10000}
large=${BENCH_TASKS_LARGE:-5000000}

die() { echo "bench/task_board.sh: $*" >&2; exit 1; }
note() { echo "  $*" >&2; }
[ -x "$bin" ] || die "no $bin (make bench builds it)"
[ -x "$pgbin/initdb" ] || die "PostgreSQL 15 is missing: scripts/install-deps.sh bench"

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/dieuhanh-bench-tasks.XXXXXX")
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

note "task board: $tasks tasks across $units units, generated (fixed seed) into SQLite and PostgreSQL 15 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
"$bin" generate --sqlite "$work/tasks.db" --pg "$url" --tasks "$tasks" --units "$units"
"$bin" measure --sqlite "$work/tasks.db" --pg "$url" \
  --repeat "${BENCH_BOARD_REPEAT:-21}" --sql-repeat "${BENCH_SQL_REPEAT:-5}" --load-repeat "${BENCH_LOAD_REPEAT:-3}"
rm -f "$work/tasks.db" "$work/tasks.db-wal" "$work/tasks.db-shm"

# The read model's memory at national scale: the same country with BENCH_TASKS_LARGE tasks,
# streamed into the model from the generator (no database: generating them into SQLite
# alone would take minutes). 0 leaves it out.
if [ "$large" -gt 0 ]; then
  note "task index memory: $large tasks across $units units, built from the generated rows"
  "$bin" memory --tasks "$large" --units "$units"
fi
