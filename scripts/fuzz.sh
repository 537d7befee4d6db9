#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, clang-14 with ASan and UBSan) if
# needed and runs each one for SECONDS over its seeds (fuzz/corpus/NAME) and
# its past crashes (fuzz/regressions/NAME). Fails on any crash, leak,
# timeout (-timeout=10) or out-of-memory (-rss_limit_mb=2048).
#
#   scripts/fuzz.sh                 # every harness, 30 s each
#   scripts/fuzz.sh 600 fuzz_html   # one harness, 10 minutes
#   FUZZ_BUILD=DIR scripts/fuzz.sh  # another build directory (default build-fuzz)
#   FUZZ_NO_BUILD=1 scripts/fuzz.sh  # run the harnesses as built, without rebuilding
#
# What a run finds beyond the seeds goes to DIR/fuzz-work/NAME (kept between
# runs); a crashing input to DIR/fuzz-artifacts/NAME/. Once it is fixed, copy
# the input into fuzz/regressions/NAME/ so that every later run replays it.
# Logs: DIR/fuzz-logs/NAME.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-30}
shift || true
case $seconds in
'' | *[!0-9]*)
  echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2
  exit 2
  ;;
esac
build=${FUZZ_BUILD:-build-fuzz}

for tool in clang-14 clang++-14; do
  if ! command -v "$tool" >/dev/null; then
    echo "fuzz.sh: $tool is missing; run scripts/install-deps.sh (clang-14, libclang-rt-14-dev)" >&2
    exit 2
  fi
done

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DQUOTECHECK_BUILD_FUZZERS=ON \
    -DQUOTECHECK_BUILD_TESTS=OFF -DQUOTECHECK_BUILD_BENCHMARKS=OFF >/dev/null
  nice cmake --build "$build" -j2 --target fuzzers
fi

if [ $# -gt 0 ]; then
  harnesses=("$@")
else
  harnesses=()
  for bin in "$build"/fuzz/fuzz_*; do
    [ -x "$bin" ] && harnesses+=("$(basename "$bin")")
  done
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/fuzz-logs"
failed=()
for name in "${harnesses[@]}"; do
  bin=$build/fuzz/$name
  if [ ! -x "$bin" ]; then
    echo "fuzz.sh: no harness $bin" >&2
    exit 2
  fi
  work=$build/fuzz-work/$name
  artifacts=$build/fuzz-artifacts/$name
  mkdir -p "$work" "$artifacts"
  dirs=("$work")
  for d in "fuzz/corpus/$name" "fuzz/regressions/$name"; do
    [ -d "$d" ] && dirs+=("$d")
  done
  log=$build/fuzz-logs/$name.log
  printf '== %s: %s s over %s\n' "$name" "$seconds" "${dirs[*]:1}"
  rc=0
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} "${dirs[@]}" >"$log" 2>&1 || rc=$?
  # The last status line (executions, coverage) and the final statistics.
  grep -E '^#[0-9]+' "$log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
  if [ $rc -ne 0 ]; then
    echo "FAIL: $name exited $rc; the input is in $artifacts/, the log in $log:" >&2
    grep -E -A 20 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|fuzz contract broken' "$log" \
      | head -n 40 >&2 || tail -n 40 "$log" >&2
    failed+=("$name")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: ${#harnesses[@]} harnesses ran ${seconds} s each without a crash, leak, timeout or OOM"
