#!/usr/bin/env bash
# Installs the Debian 12 packages quotecheck builds, tests and benchmarks
# with (the list in DESIGN.md). Does nothing when all of them are present.
#
#   scripts/install-deps.sh               # as root: apt-get install what is missing
#   scripts/install-deps.sh --with-tools  # also clang-format and clang-tidy-14 (for HACKING.md)
#   scripts/install-deps.sh --with-slurm  # also munge and Slurm (tests/slurm, scripts/slurm)
#
# Not root and something missing: prints the exact sudo line and exits 1.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-dev libicu-dev libsqlite3-dev sqlite3 libcli11-dev catch2
  nlohmann-json3-dev libsimdjson-dev libstemmer-dev libgumbo-dev
  libarchive-dev zlib1g-dev libzstd-dev zstd gzip libbenchmark-dev python3
  python3-jsonschema
  chromium # renders the audit's report.html in tests/audit/report_html_browser_test.sh
  time clang-14 libclang-rt-14-dev
)
for arg in "$@"; do
  case $arg in
  --with-tools) packages+=(clang-format clang-tidy-14) ;;
  --with-slurm) packages+=(munge slurmctld slurmd slurm-client) ;;
  -h | --help)
    sed -n '2,9p' "$0"
    exit 0
    ;;
  *)
    echo "install-deps: unknown argument '$arg'" >&2
    exit 2
    ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "install-deps: missing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: not root; run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${missing[*]}"
