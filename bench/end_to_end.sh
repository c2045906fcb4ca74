#!/usr/bin/env bash
# End-to-end throughput of `dyad code` on one core: generates the benchmark
# corpus (50 MB of news-like JSON Lines, deterministic) if needed, codes it,
# and prints sentences per second. Usage: bench/end_to_end.sh [BUILD_DIR] [MB]
set -euo pipefail
BUILD=${1:-build}
MB=${2:-50}
CORPUS="$BUILD/bench/corpus-${MB}mb.jsonl"
if [ ! -s "$CORPUS" ]; then
  "$BUILD/bench/corpus_gen" --mb "$MB" --seed 1 > "$CORPUS"
fi
bytes=$(stat -c %s "$CORPUS")
start=$(date +%s.%N)
summary=$(taskset -c 0 "$BUILD/dyad" code -j 1 "$CORPUS" 2>&1 >/dev/null | tail -n 1)
end=$(date +%s.%N)
echo "$summary"
sentences=$(echo "$summary" | sed -E 's/.* ([0-9]+) sentences.*/\1/')
events=$(echo "$summary" | sed -E 's/.* ([0-9]+) events.*/\1/')
one=$(awk -v t0="$start" -v t1="$end" 'BEGIN { print t1 - t0 }')
awk -v s="$sentences" -v e="$events" -v b="$bytes" -v t0="$start" -v t1="$end" 'BEGIN {
  t = t1 - t0;
  printf "corpus: %.1f MB, %d sentences, %d events\n", b / 1e6, s, e;
  printf "time: %.2f s on one core\n", t;
  printf "throughput: %.0f sentences/s, %.1f MB/s\n", s / t, b / 1e6 / t;
}'

# The I/O floor: one plain pass over the same file (wc -w), pinned to the same core.
start=$(date +%s.%N)
taskset -c 0 wc -w "$CORPUS" > /dev/null
end=$(date +%s.%N)
awk -v b="$bytes" -v t0="$start" -v t1="$end" 'BEGIN { printf "wc -w on the same file: %.2f s, %.0f MB/s\n", t1 - t0, b / 1e6 / (t1 - t0) }'

# Two threads, when the machine has two cores. Timed writing to /dev/null like the
# one-core run (a checksum in the pipe would take a core of its own); the output is
# then compared with -j 1, byte for byte, in separate runs.
if [ "$(nproc)" -ge 2 ]; then
  start=$(date +%s.%N)
  "$BUILD/dyad" code -j 2 "$CORPUS" > /dev/null 2>&1
  end=$(date +%s.%N)
  "$BUILD/dyad" code -j 2 "$CORPUS" 2>/dev/null | cksum > "$BUILD/bench/j2.cksum"
  "$BUILD/dyad" code -j 1 "$CORPUS" 2>/dev/null | cksum > "$BUILD/bench/j1.cksum"
  same=$(cmp -s "$BUILD/bench/j1.cksum" "$BUILD/bench/j2.cksum" && echo "identical output" || echo "OUTPUT DIFFERS")
  awk -v s="$sentences" -v t0="$start" -v t1="$end" -v one="$one" -v same="$same" 'BEGIN {
    printf "-j 2: %.2f s, %.0f sentences/s, %.2fx one core (%s to -j 1)\n", t1 - t0, s / (t1 - t0), one / (t1 - t0), same }'
fi
