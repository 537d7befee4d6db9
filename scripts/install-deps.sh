#!/usr/bin/env bash
# Installs the Debian 12 packages quotecheck needs. As root it runs apt-get;
# otherwise it prints the exact line to run and exits 1 if anything is missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libboost-dev libicu-dev libsqlite3-dev sqlite3 libcli11-dev catch2
          nlohmann-json3-dev libsimdjson-dev libstemmer-dev libgumbo-dev libarchive-dev zlib1g-dev libzstd-dev
          libbenchmark-dev python3)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "install-deps: missing packages; run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
