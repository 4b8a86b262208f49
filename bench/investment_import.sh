#!/usr/bin/env bash
# Import throughput of `dieuhanh import disbursements` (issue 10 "Speed": aim 200 000 rows/s
# for .csv): a demo-city SQLite database, a Treasury file of N rows over the demo's projects
# (bench/investment_import_gen.py, .csv and .xlsx), imported by the command line into a fresh
# copy of the database each time. Prints, per kind:
#
#   bench: investment_import kind=csv rows=<n> s=… rows_per_s=… rss_mb=…
#
# and, when BASELINE_BIN names another build's binary (e.g. the branch's base), the same
# import by it beside: baseline_rows_per_s=… baseline_rss_mb=… (or baseline=refused when it
# cannot take the file: before streaming, the sheet reader stopped at 100 000 rows).
#
# Usage: bench/investment_import.sh [BUILD_DIR]   Settings: BENCH_IMPORT_ROWS (1000000),
# BENCH_IMPORT_KINDS ("csv xlsx"), BASELINE_BIN.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-release}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
bin="$build/dieuhanh"
rows=${BENCH_IMPORT_ROWS:-1000000}
kinds=${BENCH_IMPORT_KINDS:-csv xlsx}
[ -x "$bin" ] || { echo "bench/investment_import.sh: no $bin" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/dieuhanh-bench-import.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bin" demo --db "sqlite:$work/base.db" >/dev/null
sqlite3 "$work/base.db" "SELECT code FROM projects ORDER BY id" >"$work/codes.txt"

# One import into a fresh copy: "<seconds> <max RSS in MiB> <exit status>".
run() {
  local binary=$1 file=$2
  rm -f "$work/run.db"*
  cp "$work/base.db" "$work/run.db"
  local start end status=0
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$binary" import disbursements --db "sqlite:$work/run.db" "$file" \
    >"$work/out" 2>&1 || status=$?
  end=$(date +%s.%N)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') $(awk '{ printf "%.0f", $1 / 1024 }' "$work/rss") $status"
}

for kind in $kinds; do
  file="$work/kho-bac.$kind"
  python3 "$here/bench/investment_import_gen.py" "$work/codes.txt" "$rows" "$file"
  read -r s rss status < <(run "$bin" "$file")
  if [ "$status" != 0 ]; then
    echo "bench/investment_import.sh: the import failed:" >&2
    cat "$work/out" >&2
    exit 1
  fi
  line="bench: investment_import kind=$kind rows=$rows s=$s rows_per_s=$(awk -v n="$rows" -v s="$s" 'BEGIN { printf "%.0f", n / s }') rss_mb=$rss"
  if [ -n "${BASELINE_BIN:-}" ]; then
    read -r bs brss bstatus < <(run "$BASELINE_BIN" "$file")
    if [ "$bstatus" = 0 ]; then
      line="$line baseline_rows_per_s=$(awk -v n="$rows" -v s="$bs" 'BEGIN { printf "%.0f", n / s }') baseline_rss_mb=$brss"
    else
      line="$line baseline=refused"
    fi
  fi
  echo "$line"
done
