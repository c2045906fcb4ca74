#!/usr/bin/env bash
# Start-up: time from starting `dyad code` to its first event, on a one-report
# input, with everything loaded (WordNet lexicon, dictionaries, gazetteer).
#   1. without the cache (DYAD_CACHE_DIR=off): every text file parsed;
#   2. the first run with an empty cache directory: parses and writes the cache;
#   3. later runs: the cache is memory-mapped (median of 11), and the same after
#      dropping the kernel's page cache when run as root (truly cold files).
# Prints seconds and peak memory (max RSS). Usage: bench/startup.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
DYAD="$BUILD/dyad"
CACHE=$(mktemp -d)
INPUT=$(mktemp --suffix=.jsonl)
trap 'rm -rf "$CACHE" "$INPUT"' EXIT
echo '{"id":"s1","date":"2023-02-01","text":"Russian peacekeepers attacked Armenian soldiers near Shusha."}' > "$INPUT"

run() {  # prints "seconds max_rss_kb" for one run
  local out
  out=$( { /usr/bin/time -f "%e %M" env DYAD_CACHE_DIR="$1" "$DYAD" code -q "$INPUT" > /dev/null; } 2>&1 | tail -n 1)
  echo "$out"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

read -r t m < <(run off)
echo "no cache (text files parsed):      $t s, max RSS $((m / 1024)) MB"
read -r t m < <(run "$CACHE")
echo "first run (parses, writes cache):  $t s, max RSS $((m / 1024)) MB, cache $(du -m "$CACHE" | cut -f1) MB"
times=()
for _ in $(seq 11); do
  read -r t m < <(run "$CACHE")
  times+=("$t")
done
echo "cache mapped (median of 11):       $(printf '%s\n' "${times[@]}" | median) s, max RSS $((m / 1024)) MB"
if [ "$(id -u)" -eq 0 ] && [ -w /proc/sys/vm/drop_caches ]; then
  sync
  echo 3 > /proc/sys/vm/drop_caches
  read -r t m < <(run "$CACHE")
  echo "cache mapped, page cache dropped:  $t s, max RSS $((m / 1024)) MB"
fi
