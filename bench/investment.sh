#!/usr/bin/env bash
# The investment roll-up (issue 10 "Speed"): disbursement by investor × month from the read
# model against the same aggregation in SQL on SQLite, on PostgreSQL (a private server started
# by tests/support/pg.sh and stopped whatever happens) and on DuckDB (npm @duckdb/node-api,
# installed here into bench/duckdb/ only, never by make test). Prints (DESIGN §5):
#
#   bench: investment_rollup rows=<n> ours_ms=… sqlite_ms=… postgres_ms=… ratio=<fastest SQL/ours>
#   bench: investment_index_load rows=<n> ms=… rows_per_s=… rss_mb=… index_mb=… db_load_ms=…
#   bench: investment_rollup_duckdb ms=… ratio=<duckdb/ours>
#
# Usage: bench/investment.sh [BUILD_DIR]      (bench/run.sh calls it; BENCH_ONLY=investment)
# Settings: BENCH_INVEST_ROWS (1000000; the national scale is 10000000, generating it into
# SQLite and PostgreSQL takes many minutes on two cores), BENCH_INVEST_REPEAT (21).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-release}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
bin="$build/bench/investment_rollup"
rows=${BENCH_INVEST_ROWS:-1000000}
repeat=${BENCH_INVEST_REPEAT:-21}
[ -x "$bin" ] || { echo "bench/investment.sh: no $bin (make bench builds it)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/dieuhanh-bench-invest.XXXXXX")
chmod 755 "$work"  # the postgres OS user creates its data folder inside
port=$((20000 + RANDOM % 20000))
pg_url=""
cleanup() {
  [ -n "$pg_url" ] && "$here/tests/support/pg.sh" stop "$work/pg" "$port" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
pg_url=$("$here/tests/support/pg.sh" start "$work/pg" "$port") || pg_url=""
mkdir -p "$work/csv"
pg_args=()
[ -n "$pg_url" ] && pg_args=(--pg "$pg_url")
out=$("$bin" --rows "$rows" --repeat "$repeat" --sqlite "$work/bench.db" --export "$work/csv" "${pg_args[@]}")
echo "$out"
ours=$(echo "$out" | sed -n 's/.*ours_ms=\([0-9.]*\).*/\1/p')
if command -v node >/dev/null; then
  (cd "$here/bench/duckdb" && npm install --no-audit --no-fund --silent >/dev/null)
  duck=$(node "$here/bench/duckdb/rollup.mjs" "$work/csv" 9 | sed -n 's/.*ms=\([0-9.]*\).*/\1/p')
  echo "bench: investment_rollup_duckdb ms=$duck ratio=$(awk -v d="$duck" -v o="$ours" 'BEGIN { printf "%.1f", d / o }')"
fi
