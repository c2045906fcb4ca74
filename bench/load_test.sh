#!/usr/bin/env bash
# Load test of `dyad serve` (docs/reliability.md): a million-event database
# (bench/store_bench.sh's, 170 MB corpus -> ~1.01 M events, at
# BUILD/bench/store-170mb.db; generated with it when missing), the server on
# 127.0.0.1 (any free port), then wrk (-t2 -c32 --latency) against each of five
# realistic URLs in turn for SECONDS/5 each, while the server's RSS is sampled
# every 10 s. Prints requests/s, p50/p99 latency and errors per endpoint and
# first/max/last RSS; exits non-zero on any socket error or non-2xx answer, or
# when RSS at the end is more than 20 % above RSS after the first minute (the
# warm-up: SQLite's page cache fills).
# Usage: bench/load_test.sh [BUILD_DIR] [SECONDS]   (DB=path to use another database)
set -euo pipefail
BUILD=${1:-build}
SECONDS_TOTAL=${2:-30}
HERE=$(cd "$(dirname "$0")" && pwd)
DB=${DB:-$BUILD/bench/store-170mb.db}
THREADS=${WRK_THREADS:-2}
CONNS=${WRK_CONNECTIONS:-32}

if ! command -v wrk >/dev/null 2>&1; then
  echo "load_test: installing wrk" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 ||
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
fi
if [ ! -s "$DB" ]; then
  echo "load_test: no $DB; generating it with bench/store_bench.sh (a few minutes)" >&2
  bash "$HERE/store_bench.sh" "$BUILD" 170 >&2
fi

WORK=$(mktemp -d)
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BUILD/dyad" serve --db "$DB" --port 0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER=$!
PORT=""
for _ in $(seq 1 600); do
  PORT=$(sed -nE 's#^dyad serve: http://[^:]+:([0-9]+)/.*#\1#p' "$WORK/serve.out" | head -1)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; echo "load_test: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "load_test: the server printed no address" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
ID=$(sqlite3 -readonly "$DB" "SELECT id FROM events WHERE source_country = 'RUS' AND target_country = 'UKR' ORDER BY id LIMIT 1" 2>/dev/null ||
     curl -s "$BASE/api/events?dyad=RUS,UKR&limit=1" | sed -nE 's/.*"id":([0-9]+).*/\1/p')
echo "load_test: $BASE, $DB ($(curl -s "$BASE/healthz")), wrk -t$THREADS -c$CONNS, ${SECONDS_TOTAL} s in all"

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER/status"; }
( while kill -0 "$SERVER" 2>/dev/null; do echo "$(date +%s) $(rss_kb)"; sleep 10; done ) > "$WORK/rss.log" 2>/dev/null &
SAMPLER=$!

URLS=(
  "/api/events?dyad=RUS,UKR&limit=100"
  "/api/events?actor=ARM&since=2015-01-01&until=2015-12-31"
  "/api/series?dyad=RUS,UKR&by=week"
  "/api/events/$ID"
  "/healthz"
)
PER=$(( SECONDS_TOTAL / ${#URLS[@]} ))
[ "$PER" -ge 1 ] || PER=1
START=$(date +%s)
failed=0
printf '%-58s %9s %9s %9s %8s\n' endpoint "req/s" p50 p99 errors
for url in "${URLS[@]}"; do
  wrk -t"$THREADS" -c"$CONNS" -d"${PER}s" --latency -s "$HERE/load_test.lua" "$BASE$url" > "$WORK/wrk.out" 2>&1 || true
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk.out")
  p50=$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.out")
  p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.out")
  sock=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$WORK/wrk.out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$WORK/wrk.out")
  bad=$(sed -nE 's/^non-2xx: ([0-9]+)/\1/p' "$WORK/wrk.out")
  errors=$(( ${sock:-0} + ${non2xx:-0} ))
  [ "${bad:-0}" -gt "$errors" ] && errors=$bad
  if [ -z "$rps" ]; then cat "$WORK/wrk.out" >&2; errors=$(( errors + 1 )); fi
  [ "$errors" -eq 0 ] || failed=1
  printf '%-58s %9s %9s %9s %8s\n' "$url" "${rps:-?}" "${p50:-?}" "${p99:-?}" "$errors"
done
kill -0 "$SERVER" 2>/dev/null || { echo "load_test: the server died" >&2; cat "$WORK/serve.err" >&2; exit 1; }
echo "$(date +%s) $(rss_kb)" >> "$WORK/rss.log"
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true

# RSS: the first sample, the first sample at least a minute in (or the first
# one for short runs), the maximum and the last.
awk -v t0="$START" -v fail="$failed" '
  NF == 2 && $2 != "" { n++; t[n] = $1; r[n] = $2; if ($2 > max) max = $2 }
  END {
    base = r[1]
    for (i = 1; i <= n; i++) if (t[i] - t0 >= 60) { base = r[i]; break }
    printf "server RSS (every 10 s, %d samples): first %.1f MB, after 1 min %.1f MB, max %.1f MB, last %.1f MB\n",
      n, r[1] / 1024, base / 1024, max / 1024, r[n] / 1024
    printf "RSS samples (MB):"
    for (i = 1; i <= n; i++) printf " %.0f", r[i] / 1024
    printf "\n"
    if (r[n] > base * 1.2) { printf "load_test: RSS grew by more than 20%% after the first minute\n"; exit 1 }
    exit fail
  }' "$WORK/rss.log" || { echo "load_test: FAILED" >&2; exit 1; }
echo "load_test: ok (no errors, memory stable)"
