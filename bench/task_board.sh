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

bench_name=task_board
. "$(dirname "$0")/lib.sh"
build=$(bench_build "${1:-}")
bin="$build/bench/task_board"

tasks=${BENCH_TASKS:-1000000}
units=${BENCH_UNITS:-10000}
large=${BENCH_TASKS_LARGE:-5000000}

[ -x "$bin" ] || die "no $bin (make bench builds it)"

bench_start tasks
start_fast_pg

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
