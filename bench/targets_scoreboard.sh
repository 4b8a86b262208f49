#!/usr/bin/env bash
# The provincial targets scoreboard (issue 11 "Speed"): the targets read model against the
# same status counts computed by SQL on SQLite and on PostgreSQL, on one generated country
# (BENCH_INDICATORS indicators, 50 000, × BENCH_REPORTERS reporting units, 2, × up to 12
# monthly values; fixed seed). Starts a private PostgreSQL 15 server (bench/lib.sh, as
# bench/task_board.sh does) and stops it whatever happens. Prints (see bench/targets_scoreboard.cc):
#
#   bench: targets_scoreboard ours_ms=<median> judged_on_read_ms=<median: every status sentence built again, the baseline> sqlite_ms=<median> postgres_ms=<median> ratio=<faster SQL/ours> …
#
# Usage: bench/targets_scoreboard.sh [BUILD_DIR]        (bench/run.sh calls it)
set -euo pipefail

bench_name=targets_scoreboard
. "$(dirname "$0")/lib.sh"
build=$(bench_build "${1:-}")
bin="$build/bench/targets_scoreboard"
[ -x "$bin" ] || die "no $bin (make bench builds it)"

bench_start targets
start_fast_pg

note "targets scoreboard: ${BENCH_INDICATORS:-50000} indicators x ${BENCH_REPORTERS:-2} units, generated into SQLite and PostgreSQL 15"
"$bin" --sqlite "$work/targets.db" --pg "$url" --indicators "${BENCH_INDICATORS:-50000}" \
  --reporters "${BENCH_REPORTERS:-2}" --repeat "${BENCH_BOARD_REPEAT:-21}" --sql-repeat "${BENCH_SQL_REPEAT:-5}"
