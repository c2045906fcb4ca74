#!/usr/bin/env bash
# The event store at scale: generates a corpus big enough for a million coded
# events (about 160 MB), ingests it into a fresh database on two threads, then
# times an indexed query and a one-dyad weekly series (median of 5 runs each).
# Usage: bench/store_bench.sh [BUILD_DIR] [MB] [DYAD]
set -euo pipefail
BUILD=${1:-build}
MB=${2:-160}
DYAD=${3:-RUS,UKR}
CORPUS="$BUILD/bench/corpus-${MB}mb.jsonl"
DB="$BUILD/bench/store-${MB}mb.db"
if [ ! -s "$CORPUS" ]; then
  "$BUILD/bench/corpus_gen" --mb "$MB" --seed 2 > "$CORPUS"
fi
rm -f "$DB" "$DB-wal" "$DB-shm"
start=$(date +%s.%N)
"$BUILD/dyad" ingest --db "$DB" -j 2 "$CORPUS"
end=$(date +%s.%N)
awk -v t0="$start" -v t1="$end" 'BEGIN { printf "ingest: %.1f s\n", t1 - t0 }'
ls -l "$DB" | awk '{ printf "database: %.0f MB\n", $5 / 1e6 }'

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_ms() {  # runs "$@" 5 times, prints the median wall time in milliseconds
  for _ in 1 2 3 4 5; do
    s=$(date +%s%N)
    "$@" > /dev/null 2>&1
    e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  done | median
}
n=$("$BUILD/dyad" query --db "$DB" --dyad "$DYAD" --since 2010-01-01 --cameo 19 2>&1 >/dev/null | sed -E 's/dyad: ([0-9]+) events/\1/')
echo "query --dyad $DYAD --since 2010-01-01 --cameo 19: $n events, $(time_ms "$BUILD/dyad" query --db "$DB" --dyad "$DYAD" --since 2010-01-01 --cameo 19) ms (median of 5, whole command)"
echo "query --dyad $DYAD --limit 100: $(time_ms "$BUILD/dyad" query --db "$DB" --dyad "$DYAD" --limit 100) ms"
echo "series --dyad $DYAD --by week: $(time_ms "$BUILD/dyad" series --db "$DB" --dyad "$DYAD" --by week) ms"
echo "alerts --dyad $DYAD: $(time_ms "$BUILD/dyad" alerts --db "$DB" --dyad "$DYAD") ms"
