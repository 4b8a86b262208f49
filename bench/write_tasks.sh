#!/usr/bin/env bash
# The write bench (issue 13): four writers creating tasks (POST /api/v1/tasks as the demo
# office `vanphong`) against `dieuhanh serve --demo`, on SQLite and on a private durable
# PostgreSQL 15 (fsync on, synchronous_commit on: PostgreSQL's defaults). Each database is
# measured twice in the same run, alternating: with the write queue (the default) and with
# --write-queue=off, the old path (each write its own transaction on its own thread, SQLite
# checkpoints inside commits, PostgreSQL statements parsed anew). SQLite is measured a third
# time with the write queue but --sync-behind off (each COMMIT syncs the WAL itself before
# the next batch starts: the queue as it was before the sync moved behind the commits), and
# a fourth with --sync-self-when-idle off (behind: the syncing thread syncs every batch, even
# when no request waits for the writer), and a fifth with that and --wal-restart-frames 0
# (walgrow: the WAL never rewound, growing while the writes come: the queue as it was at
# 1d5d48b), and a sixth (rewait) with --wal-rewind restart: the writer's rewinds of the WAL
# wait for readers of old pages, as before the default became passive. wal_mb is the size of
# the -wal file after the runs. BENCH_WRITE_SQLITE_MODES picks SQLite's (all six).
# After each run, the write queue's phases from /metrics (upper bucket bounds, ms): wait
# (a request's queueing before its batch), run (BEGIN and bodies), commit, sync (WAL
# fdatasync), restart (a rewind of the WAL by the writer), answer (queueing to answer: the
# time a request spends in the write queue). The bench line gives their p99 (median over the
# runs) beside the end-to-end p50/p99 of the write queue (the default): what the end-to-end
# p99 has beyond `answer` is spent outside the queue (HTTP, session, read model, scheduling).
# BENCH_WRITE_BASE=<a dieuhanh binary> (e.g. one built from the main branch) adds a variant
# `base`: that binary with its defaults, measured in the same run (base_… figures).
# Prints (DESIGN §5):
#
#   bench: write_tasks db=sqlite|postgres writers=4 ours_p50_ms=… ours_p99_ms=… rps=…
#          p99_ms_wait=… p99_ms_run=… p99_ms_commit=… p99_ms_sync=… p99_ms_restart=…
#          p99_ms_answer=… [base_p50_ms=… base_p99_ms=… base_rps=…]
#          old_p50_ms=… old_p99_ms=… old_rps=… rps_ratio=<ours/old> p99_ratio=<old/ours>
#          [sqlite: rewait_p50_ms=… rewait_p99_ms=… rewait_rps=… rewait_p99_ratio=<rewait/ours>
#          inline_p50_ms=… inline_p99_ms=… inline_rps=… walgrow_p50_ms=…
#          walgrow_p99_ms=… walgrow_rps=… behind_p50_ms=… behind_p99_ms=… behind_rps=…
#          wal_mb=… walgrow_wal_mb=…] load=<load average>
#
# Each figure is the median of BENCH_WRITE_REPEAT runs (3) of BENCH_WRITE_DURATION (10s)
# after BENCH_WARMUP (2s); BENCH_WRITERS (4) connections, one wrk thread each, every
# writer sending its next task when the last one was answered. BENCH_WRITE_DBS picks the
# databases ("sqlite postgres").
# Usage: bench/write_tasks.sh [BUILD_DIR]      (bench/run.sh calls it)
set -euo pipefail

bench_name=write_tasks
. "$(dirname "$0")/lib.sh"
build=$(bench_build "${1:-}")
bin="$build/dieuhanh"
writers=${BENCH_WRITERS:-4}
duration=${BENCH_WRITE_DURATION:-10s}
warmup=${BENCH_WARMUP:-2s}
repeat=${BENCH_WRITE_REPEAT:-3}
dbs=${BENCH_WRITE_DBS:-sqlite postgres}

[ -x "$bin" ] || die "no $bin (make bench builds it)"
[ -z "${BENCH_WRITE_BASE:-}" ] || [ -x "$BENCH_WRITE_BASE" ] || die "BENCH_WRITE_BASE: no $BENCH_WRITE_BASE"
command -v wrk >/dev/null || die "wrk is missing: scripts/install-deps.sh bench"
command -v jq >/dev/null || die "jq is missing"

work=$(mktemp -d "${TMPDIR:-/tmp}/dieuhanh-bench-writes.XXXXXX")
port=$((56000 + RANDOM % 900))
pg="/tmp/dieuhanh-bench-wpg-$$-$port"
pg_started=""
declare -A srv_pid=()
alive() { [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
stop_server() {
  local pid=$1 i
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 200; i++)); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$? k
  trap - EXIT INT TERM
  for k in "${!srv_pid[@]}"; do stop_server "${srv_pid[$k]}"; done
  [ -n "$pg_started" ] && as_pg "$pgbin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1 || true
  if [ "$rc" -ne 0 ]; then
    for f in "$work"/*.err "$pg/server.log"; do
      [ -s "$f" ] && { echo "--- $f (last lines)" >&2; tail -n 20 "$f" >&2; }
    done
  fi
  rm -rf "$work" "$pg"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_pg() {
  rm -rf "$pg" && mkdir -p "$pg/sock"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg"
  as_pg "$pgbin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C >"$pg/initdb.log" 2>&1 ||
    die "initdb failed: $(cat "$pg/initdb.log")"
  # Durable: fsync, synchronous_commit and full_page_writes stay at their defaults (on).
  as_pg "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
    -o "-p $port -k $pg/sock -c listen_addresses='' -c shared_buffers=128MB" start >/dev/null ||
    die "PostgreSQL did not start"
  pg_started=1
  local d
  for d in on off base; do as_pg "$pgbin/createdb" -h "$pg/sock" -p "$port" -U postgres "writes_$d"; done
}

# Starts a server for database $1 (sqlite|postgres) in variant $2, logs in, and
# writes the session's cookie, CSRF token and lead unit into $work/$1-$2.env.
start_server() {
  local db=$1 mode=$2 key="$1-$2" url i p=""
  case "$db" in
    sqlite) url="sqlite:$work/$key.db" ;;
    postgres) url="postgresql://postgres@/writes_$mode?host=$pg/sock&port=$port" ;;
  esac
  local flags=(--write-queue "$mode") exe=$bin
  [ "$mode" = base ] && flags=() exe=$BENCH_WRITE_BASE
  [ "$mode" = inline ] && flags=(--write-queue on --sync-behind off)
  [ "$mode" = behind ] && flags=(--write-queue on --sync-self-when-idle off)
  [ "$mode" = walgrow ] && flags=(--write-queue on --sync-self-when-idle off --wal-restart-frames 0)
  [ "$mode" = rewait ] && flags=(--write-queue on --wal-rewind restart)
  "$exe" serve --db "$url" --host 127.0.0.1 --port 0 --demo --notify-every 0 "${flags[@]}" \
    >"$work/$key.out" 2>"$work/$key.err" &
  srv_pid[$key]=$!
  for ((i = 0; i < 600; i++)); do
    alive "${srv_pid[$key]}" || die "dieuhanh serve ($key) exited"
    p=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$work/$key.err" | head -n 1)
    [ -n "$p" ] && curl -fsS -o /dev/null "http://127.0.0.1:$p/healthz" 2>/dev/null && break
    p=""
    sleep 0.1
  done
  [ -n "$p" ] || die "dieuhanh serve ($key) did not start within 60 s"
  local base="http://127.0.0.1:$p"
  curl -sS -D "$work/$key.h" -o "$work/$key.login" -H 'Content-Type: application/json' \
    --data '{"username":"vanphong","password":"Demo@2026"}' "$base/api/v1/login"
  local cookie csrf lead
  cookie=$(tr -d '\r' <"$work/$key.h" | sed -n 's/^[Ss]et-[Cc]ookie: *\(dh_session=[^;]*\).*/\1/p' | head -n 1)
  csrf=$(jq -r .csrf_token "$work/$key.login")
  [ -n "$cookie" ] && [ -n "$csrf" ] || die "login as vanphong failed ($key)"
  lead=$(curl -fsS -H "Cookie: $cookie" "$base/api/v1/units?limit=1000" |
    jq -r '.items[] | select(.code == "MA.STC") | .id')
  [ -n "$lead" ] || die "no unit MA.STC in the demo ($key)"
  printf 'base=%s\nexport DH_COOKIE=%q DH_CSRF=%q DH_LEAD_UNIT=%q\n' "$base" "$cookie" "$csrf" "$lead" >"$work/$key.env"
}

# Runs wrk against server $1 for $2; sets p50_us, p99_us, rps.
measure() {
  local key=$1 time=$2 out="$work/wrk.out" line
  phase_snapshot "$key" "$work/phases.before"
  (
    # shellcheck disable=SC1090
    . "$work/$key.env"
    wrk -t"$writers" -c"$writers" -d"$time" -s "$here/bench/wrk-post-task.lua" "$base/api/v1/tasks"
  ) >"$out" 2>&1 || die "wrk failed: $(cat "$out")"
  line=$(grep '^write_tasks ' "$out") || die "no result from wrk: $(cat "$out")"
  eval "$(echo "${line#write_tasks }" | tr ' ' '\n' | grep -E '^[a-z0-9_]+=[0-9.]+$')"
  [ "${non2xx:-0}" -eq 0 ] || die "$key: $non2xx answers were not 2xx"
  [ "${errors:-0}" -eq 0 ] || note "$key: $errors socket errors"
  phase_snapshot "$key" "$work/phases.after"
  phase_report "$work/phases.before" "$work/phases.after"
}

# The write queue's phase histograms (dieuhanh_db_write_phase_us in /metrics: cumulative
# counts by upper bound in µs) of server $1, as lines "phase le count" into file $2.
phase_snapshot() {
  local base
  base=$(sed -n 's/^base=//p' "$work/$1.env")
  curl -fsS "$base/metrics" | sed -n 's/^dieuhanh_db_write_phase_us{phase="\([a-z]*\)",le="\([0-9+Inf]*\)"} \([0-9.e+]*\)$/\1 \2 \3/p' >"$2"
}
# From two snapshots ($1 before, $2 after a run): per phase, how many and the p50/p99 upper
# bounds in ms ("wait n=… p50<=… p99<=…"); sets phases_line, and phase_p99[<name>] in ms
# (-1: none in this run; inf: past the last bound).
phases="wait run commit sync restart answer"
declare -A phase_p99=()
phase_report() {
  local out name v
  out=$(awk 'NR == FNR { before[$1 " " $2] = $3; next }
    { n[$1] = $3 - before[$1 " " $2]; c[$1, ++k[$1]] = n[$1]; le[$1, k[$1]] = $2 }
    END {
      split("wait run commit sync restart answer", order, " ")
      for (o = 1; o <= 6; o++) {
        p = order[o]; total = n[p]; if (total == 0) { printf "%s n=0  ", p; continue }
        q50 = ""; q99 = ""
        for (i = 1; i <= k[p]; i++) {
          if (q50 == "" && c[p, i] >= 0.5 * total) q50 = le[p, i]
          if (q99 == "" && c[p, i] >= 0.99 * total) q99 = le[p, i]
        }
        printf "%s n=%d p50<=%s p99<=%s  ", p, total, ms(q50), ms(q99)
        p99[p] = ms(q99)
      }
      printf "\n"
      for (o = 1; o <= 6; o++) printf "%s %s\n", order[o], (order[o] in p99 ? p99[order[o]] : -1)
    }
    function ms(v) { return v == "+Inf" ? "inf" : sprintf("%g", v / 1000) }' "$1" "$2")
  phases_line=$(head -n 1 <<<"$out")
  while read -r name v; do phase_p99[$name]=$v; done < <(tail -n +2 <<<"$out")
}
# The median of the phases' p99 over the runs of variant $1 (keys p99_ms_<phase>=…; "-" where
# no run had one).
phase_p99_line() {
  local p v
  for p in $phases; do
    # shellcheck disable=SC2086
    v=$(printf '%s\n' ${phase_p99s[$1-$p]:-} | grep -v '^-1$' | sed 's/^inf$/1e9/' | sort -g |
      awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else { m = v[int((NR + 1) / 2)]; print (m >= 1e9 ? "inf" : m) } }')
    printf ' p99_ms_%s=%s' "$p" "$v"
  done
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

bench_db() {
  local db=$1 mode r modes="on off" extra="" base_line="" p
  [ "$db" = sqlite ] && modes=${BENCH_WRITE_SQLITE_MODES:-on rewait behind walgrow inline off}
  [ -n "${BENCH_WRITE_BASE:-}" ] && modes="on base ${modes/on/}"
  declare -A p50s=() p99s=() rpss=() phase_p99s=()
  for mode in $modes; do start_server "$db" "$mode"; measure "$db-$mode" "$warmup"; done
  for ((r = 1; r <= repeat; r++)); do
    for mode in $modes; do
      measure "$db-$mode" "$duration"
      note "$(printf '%-8s write queue %-6s #%d %8.0f writes/s  p50 %7.2f ms  p99 %8.2f ms  load %s' \
        "$db" "$mode" "$r" "$rps" "$(echo "$p50_us / 1000" | bc -l)" "$(echo "$p99_us / 1000" | bc -l)" \
        "$(cut -d' ' -f1 /proc/loadavg)")"
      note "  phases (ms, upper bucket bounds): $phases_line"
      p50s[$mode]+="$p50_us "
      for p in $phases; do phase_p99s[$mode-$p]+="${phase_p99[$p]} "; done
      p99s[$mode]+="$p99_us "
      rpss[$mode]+="$rps "
    done
  done
  if [ "$db" = sqlite ]; then
    # shellcheck disable=SC2086
    extra=$(awk -v a="$(median ${p50s[inline]:-})" -v b="$(median ${p99s[inline]:-})" \
      -v r="$(median ${rpss[inline]:-})" -v c="$(median ${p50s[walgrow]:-})" \
      -v d="$(median ${p99s[walgrow]:-})" -v g="$(median ${rpss[walgrow]:-})" \
      -v e="$(median ${p50s[behind]:-})" -v f="$(median ${p99s[behind]:-})" -v h="$(median ${rpss[behind]:-})" \
      -v w="$(stat -c %s "$work/sqlite-on.db-wal" 2>/dev/null || echo 0)" \
      -v x="$(stat -c %s "$work/sqlite-walgrow.db-wal" 2>/dev/null || echo 0)" \
      -v i="$(median ${p50s[rewait]:-})" -v j="$(median ${p99s[rewait]:-})" \
      -v k="$(median ${rpss[rewait]:-})" -v o="$(median ${p99s[on]:-})" \
      'BEGIN { printf " rewait_p50_ms=%.2f rewait_p99_ms=%.2f rewait_rps=%.0f rewait_p99_ratio=%.2f", i / 1000, j / 1000, k, (o > 0 ? j / o : 0)
        printf " inline_p50_ms=%.2f inline_p99_ms=%.2f inline_rps=%.0f walgrow_p50_ms=%.2f walgrow_p99_ms=%.2f walgrow_rps=%.0f behind_p50_ms=%.2f behind_p99_ms=%.2f behind_rps=%.0f wal_mb=%.1f walgrow_wal_mb=%.1f", a / 1000, b / 1000, r, c / 1000, d / 1000, g, e / 1000, f / 1000, h, w / 1048576, x / 1048576 }')
    # Only the variants measured (BENCH_WRITE_SQLITE_MODES).
    for mode in rewait inline walgrow behind; do
      [ -n "${p50s[$mode]:-}" ] || extra=$(sed -E "s/ ${mode}_[a-z0-9_]+=[0-9.]+//g" <<<"$extra")
    done
  fi
  # shellcheck disable=SC2086
  [ -n "${BENCH_WRITE_BASE:-}" ] && base_line=$(awk -v a="$(median ${p50s[base]:-})" \
    -v b="$(median ${p99s[base]:-})" -v r="$(median ${rpss[base]:-})" \
    'BEGIN { printf " base_p50_ms=%.2f base_p99_ms=%.2f base_rps=%.0f", a / 1000, b / 1000, r }')
  for mode in $modes; do stop_server "${srv_pid[$db-$mode]}"; unset "srv_pid[$db-$mode]"; done
  # shellcheck disable=SC2086
  awk -v db="$db" -v w="$writers" -v extra="$extra" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    -v phases="$(phase_p99_line on)$base_line" \
    -v a50="$(median ${p50s[on]:-})" -v a99="$(median ${p99s[on]:-})" -v ar="$(median ${rpss[on]:-})" \
    -v b50="$(median ${p50s[off]:-})" -v b99="$(median ${p99s[off]:-})" -v br="$(median ${rpss[off]:-})" \
    'BEGIN { printf "bench: write_tasks db=%s writers=%d ours_p50_ms=%.2f ours_p99_ms=%.2f rps=%.0f%s old_p50_ms=%.2f old_p99_ms=%.2f old_rps=%.0f rps_ratio=%.2f p99_ratio=%.2f", db, w, a50 / 1000, a99 / 1000, ar, phases, b50 / 1000, b99 / 1000, br, (br > 0 ? ar / br : 0), (a99 > 0 ? b99 / a99 : 0); printf "%s load=%s\n", extra, load }'
}

note "write bench: $writers writers, $duration x $repeat per side, write queue on and off alternating (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for db in $dbs; do
  case "$db" in
    sqlite) ;;
    postgres) [ -x "$pgbin/initdb" ] || die "PostgreSQL 15 is missing"; [ -n "$pg_started" ] || start_pg ;;
    *) die "BENCH_WRITE_DBS: sqlite or postgres, not $db" ;;
  esac
  bench_db "$db"
done
