#!/usr/bin/env bash
# The README's two commands, on any Debian 12 — even a bare one without make:
#   ./dieuhanh.sh run    install what is missing, build, serve the demo city on :8080
#   ./dieuhanh.sh test   install what is missing, build, run every test
# Anything else goes to make as it is (./dieuhanh.sh bench, ./dieuhanh.sh fuzz). Where make
# is present, `make run` and `make test` do the same.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v make >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || {
      echo "make is missing: run this as root once, or install sudo, then run it again." >&2
      exit 1
    }
    sudo="sudo"
  fi
  echo "Installing make (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends make >/dev/null
fi
exec make "${@:-run}"
