#!/usr/bin/env bash
# Browser tests of the dashboard: ingests the sample corpus into a scratch
# database, starts `dyad serve` on a free port, and drives Debian's Chromium
# (headless, through playwright-core) against it: web/tests/dashboard.spec.mjs.
# Screenshots land in web/test-results/. Usage: scripts/web_test.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
if [ ! -x /usr/bin/chromium ]; then
  echo "web_test: installing Debian's chromium" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
(cd web && npm run --silent build)
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$BUILD/dyad" ingest -q --db "$work/events.db" examples/corpus.jsonl
"$BUILD/dyad" serve --db "$work/events.db" --port 0 > "$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  if grep -q "http://" "$work/serve.out" 2>/dev/null; then break; fi
  sleep 0.1
done
url=$(grep -o "http://[0-9.:]*/" "$work/serve.out" | head -n 1)
if [ -z "$url" ]; then
  cat "$work/serve.out" >&2
  echo "web_test: dyad serve did not start" >&2
  exit 1
fi
echo "web_test: dashboard at $url" >&2
DYAD_URL="$url" node web/tests/dashboard.spec.mjs
