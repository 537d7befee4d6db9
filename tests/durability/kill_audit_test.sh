#!/usr/bin/env bash
# kill -9 of `quotecheck audit` at random moments, then `--resume`: the
# resumed run's DIR/findings.jsonl must equal an uninterrupted run's byte for
# byte, and the checkpoint DIR/audit.sqlite must pass PRAGMA integrity_check.
# The corpus is articles this script writes; the database is the project's
# own sample statements (corpora/sample-statements.jsonl).
#
# usage: kill_audit_test.sh QUOTECHECK SOURCE_DIR [TRIALS]
#   TRIALS defaults to $QUOTECHECK_KILL_TRIALS, else 50.
#   QUOTECHECK_KILL_SEED=N replays a run (the seed is printed at the start).
#   QUOTECHECK_AUDIT_JOBS=N sets --jobs (default 2).
# Exits 77 (ctest: skipped) while quotecheck has no audit command.
set -euo pipefail

qc=$1
src=$2
trials=${3:-${QUOTECHECK_KILL_TRIALS:-50}}
jobs=${QUOTECHECK_AUDIT_JOBS:-2}
if ! "$qc" audit --help >/dev/null 2>&1; then
  echo "SKIP: this quotecheck has no audit command yet"
  exit 77
fi
command -v sqlite3 >/dev/null || { echo "FAIL: no sqlite3 shell (run scripts/install-deps.sh)"; exit 1; }
seed=${QUOTECHECK_KILL_SEED:-$(($(date +%s) % 100000))}
RANDOM=$seed
echo "kill_audit: $trials trials, --jobs $jobs, seed $seed (replay with QUOTECHECK_KILL_SEED=$seed)"

tmp=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
unset QUOTECHECK_DB

db=$tmp/statements.db
"$qc" db import --db "$db" "$src/corpora/sample-statements.jsonl" >/dev/null

# A corpus of articles we write: two JSONL files and a few text files.
mkdir -p "$tmp/corpus"
for part in 1 2; do
  awk -v part="$part" 'BEGIN {
    for (i = 1; i <= 80; i++) {
      printf "{\"id\": \"p%d-%d\", \"date\": \"2025-04-%02d\", \"outlet\": \"Outlet %d\", \"text\": ", part, i, 1 + i % 28, i % 5
      printf "\"\\\"We must work with our European partners on harbour %d,\\\" David Lammy said on day %d.\\n\\n", i, i
      printf "The council met again. \\\"Nobody told us about berth %d,\\\" a resident said.\\n\\n", i
      printf "Mara Quist said the repairs would take %d weeks. \\\"It is %d weeks, not more,\\\" she added.\"}\n", i % 9, i % 9
    }
  }' >"$tmp/corpus/part$part.jsonl"
done
for i in 1 2 3 4 5; do
  printf '"Every pier will be inspected by spring number %d," the harbour master said.\n\nThe ferry "runs late" on Sundays, said Olek Brandt.\n' "$i" \
    >"$tmp/corpus/article$i.txt"
done

failures=0
trial=0
fail() {
  echo "FAIL (seed $seed, trial $trial): $*"
  failures=$((failures + 1))
}

# Called in the background too: exec, so that $! is quotecheck itself and
# kill -9 reaches it, not a subshell around it.
audit() { # out-dir [--resume]
  exec "$qc" audit "$tmp/corpus" --db "$db" --jobs "$jobs" --out "$@"
}

# The uninterrupted reference, and how long the kill window is.
t0=$(date +%s%N)
rc=0
(audit "$tmp/ref") >"$tmp/ref.out" 2>"$tmp/ref.err" || rc=$?
window_ms=$((($(date +%s%N) - t0) / 1000000))
if [ "$rc" -gt 1 ]; then
  echo "FAIL: the uninterrupted audit exited $rc"
  cat "$tmp/ref.err"
  exit 1
fi
[ -s "$tmp/ref/findings.jsonl" ] || { echo "FAIL: the reference audit wrote no findings"; exit 1; }
[ "$(sqlite3 "$tmp/ref/audit.sqlite" "PRAGMA integrity_check")" = ok ] || fail "reference checkpoint integrity"
echo "kill_audit: uninterrupted audit takes ${window_ms} ms, $(wc -l <"$tmp/ref/findings.jsonl") findings lines"
[ "$window_ms" -gt 0 ] || window_ms=1

killed_during=0
for trial in $(seq 1 "$trials"); do
  out=$tmp/out$trial
  delay_ms=$(((RANDOM * 32768 + RANDOM) % (window_ms * 11 / 10 + 1)))
  (audit "$out") >/dev/null 2>"$tmp/kill.err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed_during=$((killed_during + 1)); fi
  wait "$pid" 2>/dev/null || true
  pid=
  if [ -e "$out/audit.sqlite" ]; then
    ic=$(sqlite3 "$out/audit.sqlite" "PRAGMA integrity_check" 2>&1) || true
    [ "$ic" = ok ] || fail "checkpoint after kill at ${delay_ms} ms: integrity_check: $ic"
  fi
  rc=0
  (audit "$out" --resume) >/dev/null 2>"$tmp/resume.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    fail "resume after kill at ${delay_ms} ms exited $rc: $(head -3 "$tmp/resume.err")"
  elif ! cmp -s "$tmp/ref/findings.jsonl" "$out/findings.jsonl"; then
    # Say how, briefly: line counts, and whether only the order differs.
    how="$(wc -l <"$out/findings.jsonl") lines vs $(wc -l <"$tmp/ref/findings.jsonl"),"
    if cmp -s <(sort "$tmp/ref/findings.jsonl") <(sort "$out/findings.jsonl"); then
      how="$how same lines in another order"
    else
      how="$how $(comm -13 <(sort "$tmp/ref/findings.jsonl") <(sort "$out/findings.jsonl") | wc -l) lines not in the reference, $(comm -23 <(sort "$tmp/ref/findings.jsonl") <(sort "$out/findings.jsonl") | wc -l) missing"
    fi
    fail "findings.jsonl after kill at ${delay_ms} ms and resume differs from the uninterrupted run: $how"
  fi
  ic=$(sqlite3 "$out/audit.sqlite" "PRAGMA integrity_check" 2>&1) || true
  [ "$ic" = ok ] || fail "checkpoint after resume: integrity_check: $ic"
  rm -rf "$out"
done

echo "kill_audit: $trials trials, $killed_during killed mid-run, $failures failures (seed $seed)"
[ "$failures" = 0 ]
