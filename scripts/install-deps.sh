#!/usr/bin/env bash
# Installs what dieuhanh needs from Debian 12 packages and the npm registry, and only
# what is missing. Usage: scripts/install-deps.sh build|test|fuzz|bench
set -euo pipefail
what=${1:-build}

build_pkgs=(build-essential cmake ninja-build ccache pkg-config git ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev libicu-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev libexpat1-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev)
test_pkgs=(postgresql-15 chromium python3-aiosmtpd sqlite3 curl procps)
bench_pkgs=(wrk nginx-light postgresql-15 procps)
# The fuzz targets (make fuzz, and a short run in make test): clang, libFuzzer and the
# sanitizer runtimes, llvm-symbolizer for readable reports.
fuzz_pkgs=(clang-14 libclang-rt-14-dev llvm-14)

pkgs=("${build_pkgs[@]}")
case "$what" in
  test) pkgs+=("${test_pkgs[@]}" "${fuzz_pkgs[@]}") ;;
  fuzz) pkgs+=("${fuzz_pkgs[@]}") ;;
  bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
esac
# Node.js and npm: Debian's own unless some other build is already installed.
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Front-end packages, reinstalled only when the lock file changed.
here=$(cd "$(dirname "$0")/.." && pwd)
stamp="$here/web/node_modules/.dieuhanh-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$here/web/package-lock.json" "$stamp"; then
  echo "Installing npm packages for web/"
  # npm ci installs exactly the lock file. Some npm releases (11.x) reject a lock file
  # whose optional platform packages a registry mirror left out; then install the same
  # pinned versions without touching the lock file.
  (cd "$here/web" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
    npm install --no-audit --no-fund --loglevel=error --no-save --package-lock=false; })
  cp "$here/web/package-lock.json" "$stamp"
fi
