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
awk -v s="$sentences" -v e="$events" -v b="$bytes" -v t0="$start" -v t1="$end" 'BEGIN {
  t = t1 - t0;
  printf "corpus: %.1f MB, %d sentences, %d events\n", b / 1e6, s, e;
  printf "time: %.2f s on one core\n", t;
  printf "throughput: %.0f sentences/s, %.1f MB/s\n", s / t, b / 1e6 / t;
}'
