#!/usr/bin/env bash
# Builds the fuzz targets of fuzz/ (libFuzzer, ASan, UBSan; clang-14) in build-fuzz and
# runs each for FUZZ_SECONDS (60 by default), or only the targets named (json, csv, …).
# Prints, per target, how many inputs it ran and whether it found a crash; the input that
# crashed goes to build-fuzz/crashes/<target>/, the corpus it grew to build-fuzz/corpus/
# (the committed seeds in fuzz/corpus/ are only read). Exits 1 when any target crashed.
#   scripts/fuzz.sh [--build-only | --no-build] [target …]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$here/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
mode=all
case "${1:-}" in
  --build-only | --no-build) mode=$1; shift ;;
esac

if [ "$mode" != --no-build ]; then
  CC=clang-14 CXX=clang++-14 cmake -S "$here" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIEUHANH_FUZZ=ON >/dev/null
  # Progress lines are dropped; a failed build fails the run (pipefail: cmake's status).
  if ! cmake --build "$build" -j "${JOBS:-$(nproc)}" | { grep -v '^\[' || true; }; then
    echo "fuzz: the build in $build failed"
    exit 1
  fi
fi
[ "$mode" = --build-only ] && exit 0

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in "$here"/fuzz/*_fuzz.cc; do
    name=$(basename "$src" .cc)
    targets+=("${name%_fuzz}")
  done
fi

export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-14 || true)}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
failed=0
for t in "${targets[@]}"; do
  exe="$build/fuzz/${t}_fuzz"
  [ -x "$exe" ] || { echo "fuzz $t: no such target ($exe)"; failed=1; continue; }
  mkdir -p "$build/crashes/$t" "$build/corpus/$t" "$build/logs"
  log="$build/logs/$t.log"
  status=0
  # -rss_limit_mb: an input that takes the process past 2 GiB is a finding; -timeout: so
  # is one that takes more than 20 s.
  "$exe" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 -timeout=20 \
    -artifact_prefix="$build/crashes/$t/" "$build/corpus/$t" "$here/fuzz/corpus/$t" \
    >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$status" -eq 0 ]; then
    echo "fuzz $t: ${runs:-?} executions in ${seconds} s, no crash"
  else
    failed=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    what=$(grep -m1 -E '^SUMMARY|fuzz check failed|ERROR: libFuzzer' "$log" || true)
    echo "fuzz $t: CRASH after ${runs:-?} executions: ${what:-exit $status}"
    echo "  input: ${artifact:-none}   log: $log"
    echo "  again: $exe ${artifact:-<input>}"
  fi
done
exit $failed
