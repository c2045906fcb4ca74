#!/usr/bin/env bash
# Builds dyad's libFuzzer targets (fuzz/, with clang, ASan and UBSan) and runs
# each for SECONDS on a copy of its seed corpus in fuzz/corpus/<target>/ (the
# committed corpus is never grown). Prints each target's executions and
# coverage; exits non-zero if any target crashed, hung (-timeout) or leaked,
# with the crashing input's path in the log. docs/reliability.md, "Fuzzing".
#
#   bash scripts/fuzz.sh [SECONDS] [BUILD_DIR]     (default 60 s, build-fuzz)
#
# Environment: FUZZ_TARGETS="date http" runs only those; FUZZ_JOBS=2 runs two
# targets at a time (default 1: one after the other).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-60}
BUILD=${2:-build-fuzz}
TARGETS=(${FUZZ_TARGETS:-text_reader html_reader jsonl_reader dictionary date http})
JOBS=${FUZZ_JOBS:-1}

# clang and its sanitizer and libFuzzer runtimes, with the build's packages, if missing.
bash scripts/setup.sh clang libclang-rt-14-dev

CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDYAD_FUZZ=ON -DDYAD_PYTHON=OFF -DDYAD_BENCH=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)"

BUILD=$(cd "$BUILD" && pwd)
export DYAD_CACHE_DIR="$BUILD/cache"
# Leaks are failures; report UBSan findings with a stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
# Write the coder cache once, before targets start in parallel.
"$BUILD/fuzz/date_fuzzer" -runs=0 fuzz/corpus/date >/dev/null 2>&1 || true

run_one() {
  local t=$1 work="$BUILD/fuzz-run/$1"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp -R "fuzz/corpus/$t/." "$work/corpus/"
  set +e
  "$BUILD/fuzz/${t}_fuzzer" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" >"$work/log" 2>&1
  echo $? >"$work/rc"
  set -e
}

running=0
for t in "${TARGETS[@]}"; do
  if [ ! -x "$BUILD/fuzz/${t}_fuzzer" ]; then
    echo "fuzz: no target $t" >&2
    exit 2
  fi
  echo "fuzz: $t for ${SECONDS_EACH}s" >&2
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

failed=0
printf '%-14s %12s %8s %8s %8s  %s\n' target executions exec/s cov ft result
for t in "${TARGETS[@]}"; do
  work="$BUILD/fuzz-run/$t"
  rc=$(cat "$work/rc" 2>/dev/null || echo 1)
  # libFuzzer pads these with spaces: "stat::average_exec_per_sec:     1424".
  stat() { awk -v k="stat::$1:" '$1 == k { v = $2 } END { print v }' "$work/log"; }
  execs=$(stat number_of_executed_units)
  speed=$(stat average_exec_per_sec)
  cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -1 | grep -o '[0-9]*$')
  ft=$(grep -o 'ft: [0-9]*' "$work/log" | tail -1 | grep -o '[0-9]*$')
  result=ok
  if [ "$rc" != 0 ]; then
    result="FAILED (exit $rc)"
    failed=1
  fi
  printf '%-14s %12s %8s %8s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
for t in "${TARGETS[@]}"; do
  work="$BUILD/fuzz-run/$t"
  if [ "$(cat "$work/rc" 2>/dev/null || echo 1)" != 0 ]; then
    echo
    echo "=== $t: $work/log (last 60 lines)"
    tail -n 60 "$work/log"
    for a in "$work"/artifacts/*; do
      [ -e "$a" ] && echo "fuzz: $t: crashing input: $a (reproduce: $BUILD/fuzz/${t}_fuzzer $a)"
    done
  fi
done
exit "$failed"
