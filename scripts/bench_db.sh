#!/bin/sh
# Measures the statements database at scale: generates N synthetic statements
# (default 1,000,000), times `quotecheck db import` (statements/s), then the
# latency of check_quote and lookup over 1,000 quotes drawn from the
# statements with one word changed, then the Google Benchmark micro-benchmarks.
#
# Usage: scripts/bench_db.sh [BUILD_DIR] [N]
#   BUILD_DIR  the CMake build directory (default: build); it must hold
#              quotecheck and benchmark/db_bench
#   N          number of statements (default: 1000000)
#   BENCH_DIR  env: where to put the JSONL and the database (default: a temp dir, removed after)
set -eu
BUILD=${1:-build}
N=${2:-1000000}
QC=${QUOTECHECK:-$BUILD/quotecheck}
BENCH=${DB_BENCH:-$BUILD/benchmark/db_bench}
for f in "$QC" "$BENCH"; do
  [ -x "$f" ] || { echo "bench_db.sh: $f not found; build first (cmake --build $BUILD)" >&2; exit 2; }
done
if [ -n "${BENCH_DIR:-}" ]; then
  WORK=$BENCH_DIR
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi

now() { date +%s.%N; }

echo "== generating $N statements"
t0=$(now)
"$BENCH" --generate "$N" "$WORK/statements.jsonl"
t1=$(now)
echo "generated $(wc -c <"$WORK/statements.jsonl") bytes in $(echo "$t1 - $t0" | bc) s"

echo "== import"
rm -f "$WORK/bench.db" "$WORK/bench.db-wal" "$WORK/bench.db-shm"
t0=$(now)
"$QC" db import --db "$WORK/bench.db" "$WORK/statements.jsonl"
t1=$(now)
secs=$(echo "$t1 - $t0" | bc)
echo "import: $N statements in $secs s = $(echo "$N / $secs" | bc) statements/s"
"$QC" db stats --db "$WORK/bench.db"
echo "database size: $(du -h "$WORK/bench.db" | cut -f1)"

echo "== latency (1000 quotes, one word changed)"
"$BENCH" --latency "$WORK/bench.db" 1000

echo "== micro-benchmarks"
QUOTECHECK_BENCH_DB="$WORK/bench.db" "$BENCH" --benchmark_min_time=0.5
