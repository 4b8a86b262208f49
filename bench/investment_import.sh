#!/usr/bin/env bash
# Import throughput of `dieuhanh import disbursements` (issue 10 "Speed": aim 200 000 rows/s
# for .csv): a demo-city database, a Treasury file of N rows over the demo's projects
# (bench/investment_import_gen.py, .csv and .xlsx), imported by the command line into a fresh
# copy of the database each time — SQLite, and PostgreSQL (bench/lib.sh's private server, a
# fresh database from a template each time). Prints,
# per database and kind:
#
#   bench: investment_import db=sqlite kind=csv rows=<n> s=… rows_per_s=… cpu_s=… rows_per_cpu_s=… rss_mb=…
#
# `s` is the wall time of the whole command (start-up and read-model load included); `cpu_s`
# its user + system time, the figure to compare on a machine other processes share. When
# BASELINE_BIN names another build's binary (e.g. the branch's base), the same import by it
# in the same run, beside: baseline_rows_per_s=… baseline_rows_per_cpu_s=… baseline_rss_mb=…
# ratio_cpu=<baseline cpu_s / cpu_s> and ratio_s (the same for s) (or baseline=refused when
# it cannot take the file).
# Always the figure it is held to: aim_rows_per_cpu_s=200000 and vs_aim=<rows_per_cpu_s / aim>
# (on PostgreSQL cpu_s is the client's alone: the server's work shows in s, and its CPU time in
# server_cpu_s — the backends' CPU, read from the postmaster's reaped-children times — with
# rows_per_server_cpu_s, and baseline_server_cpu_s beside it; on a shared machine the CPU
# figures are the ones to compare, wall time waits for the other processes).
# PostgreSQL before/after in one run: BASELINE_BIN=<a build of main>/dieuhanh (its import
# sends multi-row INSERTs of 500 rows; this one a COPY … FROM STDIN).
#
# Usage: bench/investment_import.sh [BUILD_DIR]   Settings: BENCH_IMPORT_ROWS (1000000),
# BENCH_IMPORT_KINDS ("csv xlsx"), BENCH_IMPORT_DBS ("sqlite postgres"), BASELINE_BIN.
set -euo pipefail
bench_name=investment_import
source "$(dirname "$0")/lib.sh"

bin="$(bench_build "${1:-}")/dieuhanh"
rows=${BENCH_IMPORT_ROWS:-1000000}
kinds=${BENCH_IMPORT_KINDS:-csv xlsx}
dbs=${BENCH_IMPORT_DBS:-sqlite postgres}
[ -x "$bin" ] || die "no $bin"

bench_start import
pg_url=""
# The private server's URL for database $1.
named() { echo "$pg_url" | sed "s|@/postgres?|@/$1?|"; }
"$bin" demo --db "sqlite:$work/base.db" >/dev/null 2>&1
sqlite3 "$work/base.db" "SELECT code FROM projects ORDER BY id" >"$work/codes.txt"
case " $dbs " in
  *" postgres "*)
    start_fast_pg
    pg_url=$url
    psql -q "$pg_url" -c "CREATE DATABASE base" >/dev/null
    "$bin" demo --db "$(named base)" >/dev/null 2>&1
    ;;
esac

# A fresh copy of the demo database: its URL.
fresh() {
  if [ "$1" = sqlite ]; then
    rm -f "$work/run.db"*
    cp "$work/base.db" "$work/run.db"
    echo "sqlite:$work/run.db"
  else
    psql -q "$pg_url" -c "DROP DATABASE IF EXISTS run" -c "CREATE DATABASE run TEMPLATE base" >/dev/null
    named run
  fi
}

# CPU seconds of the PostgreSQL server's exited backends (the postmaster's cutime + cstime).
server_cpu() {
  [ -n "$pg_url" ] || { echo 0; return; }
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($16 + $17) / hz }' \
    "/proc/$(head -1 "$pg/data/postmaster.pid")/stat"
}

# One import into a fresh copy:
# "<wall s> <cpu s> <max RSS in MiB> <exit status> <server cpu s (PostgreSQL)>".
run() {
  local binary=$1 db=$2 file=$3 url start end status=0 c0 c1
  url=$(fresh "$db")
  sleep 0.5  # the backends of fresh() reaped
  c0=$(server_cpu)
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$binary" import disbursements --db "$url" "$file" \
    >"$work/out" 2>&1 || status=$?
  end=$(date +%s.%N)
  sleep 0.5  # the import's backend reaped
  c1=$(server_cpu)
  read -r user sys rss <"$work/time" || true
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" "$status" \
    "$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')"
}

per() { awk -v n="$rows" -v s="$1" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
aim=200000

for kind in $kinds; do
  file="$work/kho-bac.$kind"
  python3 "$here/bench/investment_import_gen.py" "$work/codes.txt" "$rows" "$file"
  for db in $dbs; do
    read -r s cpu rss status scpu < <(run "$bin" "$db" "$file")
    if [ "$status" != 0 ]; then
      tail -5 "$work/out" >&2
      die "the import failed"
    fi
    line="bench: investment_import db=$db kind=$kind rows=$rows s=$s rows_per_s=$(per "$s") cpu_s=$cpu rows_per_cpu_s=$(per "$cpu") rss_mb=$rss aim_rows_per_cpu_s=$aim vs_aim=$(ratio "$(per "$cpu")" "$aim")"
    [ "$db" = postgres ] && line="$line server_cpu_s=$scpu rows_per_server_cpu_s=$(per "$scpu")"
    if [ -n "${BASELINE_BIN:-}" ]; then
      read -r bs bcpu brss bstatus bscpu < <(run "$BASELINE_BIN" "$db" "$file")
      if [ "$bstatus" = 0 ]; then
        line="$line baseline_s=$bs baseline_rows_per_s=$(per "$bs") baseline_cpu_s=$bcpu baseline_rows_per_cpu_s=$(per "$bcpu") baseline_rss_mb=$brss ratio_cpu=$(ratio "$bcpu" "$cpu") ratio_s=$(ratio "$bs" "$s")"
        [ "$db" = postgres ] && line="$line baseline_server_cpu_s=$bscpu ratio_server_cpu=$(ratio "$bscpu" "$scpu")"
      else
        line="$line baseline=refused"
      fi
    fi
    echo "$line"
  done
done
