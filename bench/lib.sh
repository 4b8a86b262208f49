# What the bench scripts share, sourced after `set -euo pipefail` with `bench_name` set (the
# script's name, for its messages): `here` (the checkout), `pgbin`, die, note, as_pg,
# bench_build (the build folder from the first argument), bench_start (a private work folder,
# removed on exit whatever happens) and start_fast_pg (a private throwaway PostgreSQL 15,
# stopped on exit whatever happens; its URL in `url`).

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pgbin=/usr/lib/postgresql/15/bin

die() { echo "bench/$bench_name.sh: $*" >&2; exit 1; }
note() { echo "  $*" >&2; }
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The build folder: the first argument (default build-release), made absolute.
bench_build() {
  local build=${1:-build-release}
  case "$build" in /*) ;; *) build="$here/$build" ;; esac
  echo "$build"
}

work=""
pg=""
pg_started=""
bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$pg_started" ]; then
    as_pg "$pgbin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ "$rc" -ne 0 ] && [ -n "$pg" ] && [ -s "$pg/server.log" ]; then
    echo "--- $pg/server.log (last lines)" >&2
    tail -n 20 "$pg/server.log" >&2
  fi
  rm -rf "$work" ${pg:+"$pg"}
  exit "$rc"
}

# Makes the work folder `work` (dieuhanh-bench-<what>.XXXXXX) and arms the cleanup.
bench_start() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/dieuhanh-bench-$1.XXXXXX")
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Starts a private PostgreSQL 15 server (its own data folder, socket folder and port, as the
# `postgres` OS user when we are root, as tests/support/pg.sh does) and sets `url`.
start_fast_pg() {
  [ -x "$pgbin/initdb" ] || die "PostgreSQL 15 is missing: scripts/install-deps.sh bench"
  # The server's folder is under /tmp so that the postgres OS user can reach it when we run
  # as root; the port only names the socket in that private folder.
  local port=$((56000 + RANDOM % 900))
  pg="/tmp/dieuhanh-bench-pg-$$-$port"
  rm -rf "$pg" && mkdir -p "$pg/sock"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg"
  as_pg "$pgbin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg/initdb.log" 2>&1 ||
    as_pg "$pgbin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C >"$pg/initdb.log" 2>&1 ||
    die "initdb failed: $(cat "$pg/initdb.log")"
  # A throwaway server: no fsync while loading (reads do not care); autovacuum off so that
  # it does not wake up in the middle of a measurement (the loaders run VACUUM ANALYZE
  # themselves); enough shared buffers to hold the tables; otherwise PostgreSQL's defaults.
  as_pg "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
    -o "-p $port -k $pg/sock -c listen_addresses='' -c shared_buffers=1GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB -c autovacuum=off" \
    start >/dev/null || die "PostgreSQL did not start: $(tail -n 20 "$pg/server.log" 2>/dev/null)"
  pg_started=1
  url="postgresql://postgres@/postgres?host=$pg/sock&port=$port"
}
