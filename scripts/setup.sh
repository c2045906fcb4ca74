#!/usr/bin/env bash
# Installs the Debian packages dyad needs, if any are missing. Safe to re-run:
# with everything present it only checks and exits.
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config           # toolchain
  libgtest-dev libbenchmark-dev       # tests and benchmarks
  libgumbo-dev                        # HTML parsing
  libsimdjson-dev                     # JSON Lines input
  libcli11-dev                        # command line
  libutf8proc-dev                     # Unicode normalisation
  nlohmann-json3-dev                  # JSON in tests and tools
  wordnet-base                        # lexical resource: parts of speech and lemmas
  iso-codes                           # ISO 3166 list, checked against the country dictionary
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
