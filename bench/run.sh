#!/usr/bin/env bash
# The benchmarks (DESIGN §5). First the national task board (bench/task_board.sh: the
# tasks read model against GROUP BY on SQLite and PostgreSQL, 1 000 000 tasks), then the
# HTTP benchmark: our server against nginx serving the very same bytes from files.
# Then the write bench (bench/write_tasks.sh: four writers creating tasks, on SQLite and
# PostgreSQL, with the write queue and without it in the same run).
# BENCH_ONLY=tasks, BENCH_ONLY=http or BENCH_ONLY=writes runs one of them; BENCH_ONLY=targets
# the targets scoreboard (bench/targets_scoreboard.sh); BENCH_ONLY=investment the investment
# roll-up (bench/investment.sh).
#
# Starts `dieuhanh serve --demo` on a fresh SQLite file and nginx (non-daemon, its own
# prefix, config, pid and log files), both on free loopback ports, logs in as `vanphong`,
# and drives authenticated GET /api/v1/units and GET /api/v1/me at both with identical
# wrk settings. Prints (DESIGN §5):
#
#   bench: http_units ours_rps=<n> nginx_rps=<n> ratio=<ours/nginx>
#   bench: http_me ours_rps=<n> nginx_rps=<n> ratio=<ours/nginx>
#   bench: server rss_mb=<peak RSS of our server>
#
# Usage: bench/run.sh [BUILD_DIR]      (make bench runs: bench/run.sh build-release)
# Each figure is the median of BENCH_REPEAT runs, ours and nginx alternating.
# Settings: BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_DURATION (10s),
# BENCH_WARMUP (2s), BENCH_REPEAT (3). Needs wrk, nginx and curl (scripts/install-deps.sh bench).
# The task board's settings (BENCH_TASKS, BENCH_UNITS, …) are in bench/task_board.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-release}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
bin="$build/dieuhanh"

threads=${BENCH_THREADS:-2}
conns=${BENCH_CONNECTIONS:-32}
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-2s}
repeat=${BENCH_REPEAT:-3}

die() { echo "bench/run.sh: $*" >&2; exit 1; }
note() { echo "  $*" >&2; }
# A program on PATH, or in the sbin folders a normal user's PATH may lack.
find_tool() {
  command -v "$1" 2>/dev/null && return 0
  local d
  for d in /usr/sbin /sbin /usr/local/sbin /usr/local/bin /usr/bin; do
    [ -x "$d/$1" ] && { echo "$d/$1"; return 0; }
  done
  return 1
}

only=${BENCH_ONLY:-all}
case "$only" in all | tasks | http | writes | targets | investment) ;; *) die "BENCH_ONLY is all, tasks, http, writes, targets or investment, not $only" ;; esac
if [ "$only" = all ] || [ "$only" = targets ]; then
  "$here/bench/targets_scoreboard.sh" "$build"
fi
[ "$only" = targets ] && exit 0
if [ "$only" = all ] || [ "$only" = investment ]; then
  "$here/bench/investment.sh" "$build"
fi
[ "$only" = investment ] && exit 0
if [ "$only" = all ] || [ "$only" = tasks ]; then
  "$here/bench/task_board.sh" "$build"
fi
if [ "$only" = all ] || [ "$only" = writes ]; then
  "$here/bench/write_tasks.sh" "$build"
fi
[ "$only" = tasks ] || [ "$only" = writes ] && exit 0

[ -x "$bin" ] || die "no $bin (make bench builds it)"
wrk=$(find_tool wrk) || die "wrk is missing: scripts/install-deps.sh bench"
nginx=$(find_tool nginx) || die "nginx is missing: scripts/install-deps.sh bench"
curl=$(find_tool curl) || die "curl is missing: scripts/install-deps.sh bench"

work=$(mktemp -d "${TMPDIR:-/tmp}/dieuhanh-bench.XXXXXX")
srv_pid=""
ngx_pid=""
wrk_pid=""
rps=""

# Whether a process we started still runs (an exited child stays a zombie until waited for).
alive() { [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
# Stops a process we started: the signal, then up to `secs` seconds, then SIGKILL.
stop_pid() {
  local pid=$1 sig=$2 secs=$3 i
  if alive "$pid"; then
    kill "-$sig" "$pid" 2>/dev/null || true
    for ((i = 0; i < secs * 10; i++)); do
      alive "$pid" || break
      sleep 0.1
    done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$wrk_pid" ] && stop_pid "$wrk_pid" TERM 5
  [ -n "$srv_pid" ] && stop_pid "$srv_pid" TERM 20
  [ -n "$ngx_pid" ] && stop_pid "$ngx_pid" QUIT 10
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 130 ] && [ "$rc" -ne 143 ]; then
    for f in "$work/server.err" "$work/nginx/error.log"; do
      [ -s "$f" ] && { echo "--- $f (last lines)" >&2; tail -n 20 "$f" >&2; }
    done
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- our server --------------------------------------------------------------------
# --port 0: the kernel picks a free port; the server prints the one it bound.
"$bin" serve --db "sqlite:$work/bench.db" --host 127.0.0.1 --port 0 --demo \
  >"$work/server.out" 2>"$work/server.err" &
srv_pid=$!
port=""
for ((i = 0; i < 600; i++)); do
  alive "$srv_pid" || die "dieuhanh serve exited: $(cat "$work/server.err")"
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$work/server.err" | head -n 1)
  [ -n "$port" ] && "$curl" -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
  port=""
  sleep 0.1
done
[ -n "$port" ] || die "dieuhanh serve did not start within 60 s"
ours="http://127.0.0.1:$port"

"$curl" -sS -D "$work/login.headers" -o "$work/login.json" -H 'Content-Type: application/json' \
  --data '{"username":"vanphong","password":"Demo@2026"}' "$ours/api/v1/login"
cookie=$(tr -d '\r' <"$work/login.headers" | sed -n 's/^[Ss]et-[Cc]ookie: *\(dh_session=[^;]*\).*/\1/p' | head -n 1)
[ -n "$cookie" ] || die "login as vanphong failed: $(cat "$work/login.json")"
export DH_COOKIE=$cookie

# --- nginx, serving the same bytes ---------------------------------------------------
ngx="$work/nginx"
mkdir -p "$ngx/root/api/v1" "$ngx/tmp"
for path in /api/v1/units /api/v1/me; do
  "$curl" -fsS -H "Cookie: $cookie" -D "$work/headers${path//\//_}" -o "$ngx/root$path" "$ours$path" ||
    die "GET $path with the session cookie failed"
done
# nginx repeats our response headers (security headers, cache control), so both send
# about the same bytes; only what nginx writes itself is left out.
add_headers=""
while IFS= read -r line; do
  line=${line%$'\r'}
  name=${line%%:*}
  value=${line#*: }
  case "${name,,}" in
    '' | http/* | date | server | content-length | content-type | connection | keep-alive | set-cookie) continue ;;
  esac
  case "$value" in *[\\\"\$]*) continue ;; esac # quotes, backslashes, variables: leave out
  add_headers+="      add_header $name \"$value\" always;"$'\n'
done <"$work/headers_api_v1_units"
content_type=$(tr -d '\r' <"$work/headers_api_v1_units" | sed -n 's/^[Cc]ontent-[Tt]ype: *//p' | head -n 1)
content_type=${content_type:-application/json}
ctype=${content_type%%;*}

# nginx workers run as `nobody` when started by root: let them read the files.
chmod 755 "$work" "$ngx" "$ngx/root" "$ngx/root/api" "$ngx/root/api/v1"
chmod 644 "$ngx/root/api/v1/units" "$ngx/root/api/v1/me"

start_nginx() {
  local p=$1
  cat >"$ngx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes auto;
pid $ngx/nginx.pid;
error_log $ngx/error.log warn;
events { worker_connections 1024; }
http {
  types { }
  default_type $ctype;
  charset utf-8;
  charset_types $ctype;
  access_log $ngx/access.log;
  sendfile on;
  tcp_nodelay on;
  server_tokens off;
  etag off;
  keepalive_timeout 60s;
  keepalive_requests 100000000;
  client_body_temp_path $ngx/tmp/body;
  proxy_temp_path $ngx/tmp/proxy;
  fastcgi_temp_path $ngx/tmp/fastcgi;
  uwsgi_temp_path $ngx/tmp/uwsgi;
  scgi_temp_path $ngx/tmp/scgi;
  server {
    listen 127.0.0.1:$p;
    root $ngx/root;
    location / {
$add_headers    }
  }
}
EOF
  "$nginx" -e "$ngx/error.log" -p "$ngx" -c "$ngx/nginx.conf" >"$ngx/stdout.log" 2>&1 &
  ngx_pid=$!
  local i
  for ((i = 0; i < 100; i++)); do
    alive "$ngx_pid" || { wait "$ngx_pid" 2>/dev/null || true; ngx_pid=""; return 1; }
    "$curl" -fsS -o /dev/null "http://127.0.0.1:$p/api/v1/me" 2>/dev/null && return 0
    sleep 0.05
  done
  return 1
}
# A port nobody answers on; nginx refuses to start if it was taken meanwhile, then we try another.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
nport=""
for ((try = 0; try < 20; try++)); do
  p=$((20000 + RANDOM % 30000))
  port_free "$p" || continue
  if start_nginx "$p"; then nport=$p; break; fi
  [ -n "$ngx_pid" ] && stop_pid "$ngx_pid" QUIT 5 && ngx_pid=""
done
[ -n "$nport" ] || die "nginx did not start: $(cat "$ngx/error.log" "$ngx/stdout.log" 2>/dev/null)"
theirs="http://127.0.0.1:$nport"

for path in /api/v1/units /api/v1/me; do
  "$curl" -fsS -o "$work/check" -H "Cookie: $cookie" "$theirs$path"
  cmp -s "$work/check" "$ngx/root$path" || die "nginx does not serve the same bytes for $path"
done

# --- measurements --------------------------------------------------------------------
# wrk runs in the background and we wait for it, so INT or TERM stops everything at once.
run_wrk() {
  local out=$1
  shift
  "$wrk" "$@" -s "$here/bench/wrk-cookie.lua" >"$out" 2>&1 &
  wrk_pid=$!
  local rc=0
  wait "$wrk_pid" || rc=$?
  wrk_pid=""
  return "$rc"
}
# Runs wrk and sets `rps`. Refuses a run with non-2xx answers.
measure() {
  local label=$1 url=$2 out="$work/wrk.out"
  run_wrk "$out" -t"$threads" -c"$conns" -d"$duration" --latency "$url" || die "wrk failed on $url: $(cat "$out")"
  if grep -q 'Non-2xx or 3xx responses' "$out"; then die "$label: some answers were not 2xx: $(cat "$out")"; fi
  if grep -q 'Socket errors' "$out"; then note "$label: $(grep 'Socket errors' "$out" | sed 's/^ *//')"; fi
  local p50 p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  [ -n "$rps" ] || die "no Requests/sec in wrk output: $(cat "$out")"
  note "$(printf '%-25s %10.0f req/s  p50 %-8s p99 %s' "$label" "$rps" "$p50" "$p99")"
}

note "wrk -t$threads -c$conns -d$duration over loopback, median of $repeat; ours at $ours, nginx at $theirs"
for url in "$ours/api/v1/units" "$theirs/api/v1/units" "$ours/api/v1/me" "$theirs/api/v1/me"; do
  run_wrk "$work/warmup.out" -t"$threads" -c"$conns" -d"$warmup" "$url" || die "warm-up on $url failed"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# Alternates ours and nginx `repeat` times (the machine's noise hits both alike) and
# prints the medians.
report() {
  local name=$1 path=$2 r ours_all=() nginx_all=() ours_rps nginx_rps
  for ((r = 1; r <= repeat; r++)); do
    measure "ours $path #$r" "$ours$path"
    ours_all+=("$rps")
    measure "nginx $path #$r" "$theirs$path"
    nginx_all+=("$rps")
  done
  ours_rps=$(median "${ours_all[@]}")
  nginx_rps=$(median "${nginx_all[@]}")
  awk -v n="$name" -v o="$ours_rps" -v g="$nginx_rps" \
    'BEGIN { printf "bench: %s ours_rps=%.0f nginx_rps=%.0f ratio=%.3f\n", n, o, g, (g > 0 ? o / g : 0) }'
}
report http_units /api/v1/units
report http_me /api/v1/me

# The answers did not change under load (the files nginx served are still ours).
for path in /api/v1/units /api/v1/me; do
  "$curl" -fsS -o "$work/check" -H "Cookie: $cookie" "$ours$path"
  cmp -s "$work/check" "$ngx/root$path" || note "note: $path answers differently after the run"
done

hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$srv_pid/status")
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$srv_pid/status")
note "$(awk -v k="$rss_kb" 'BEGIN { printf "our server now: rss %.1f MB (the peak includes the Argon2id password hashes of the demo logins, 64 MiB each)", k / 1024 }')"
awk -v k="$hwm_kb" 'BEGIN { printf "bench: server rss_mb=%.1f\n", k / 1024 }'
