#!/usr/bin/env bash
# kill -9 of `quotecheck db import` at random moments. Each trial imports
# several statement files (one file = one batch, committed all or nothing)
# into a fresh database, kills the import after a random delay, and checks:
#   - PRAGMA integrity_check and the FTS5 index check are ok;
#   - every batch is either entirely present or entirely absent, and the
#     batches the killed process reported as imported are present;
#   - a reader (`db stats`, read-only) opens the crashed database;
#   - running the same import again finishes the job: the committed files are
#     recognised and skipped, the rest imported, nothing stored twice.
#
# usage: kill_import_test.sh QUOTECHECK [TRIALS]
#   TRIALS defaults to $QUOTECHECK_KILL_TRIALS, else 50.
#   QUOTECHECK_KILL_SEED=N replays a run (the seed is printed at the start).
# Needs the sqlite3 command-line shell (scripts/install-deps.sh installs it).
set -euo pipefail

qc=$1
trials=${2:-${QUOTECHECK_KILL_TRIALS:-50}}
seed=${QUOTECHECK_KILL_SEED:-$(( $(date +%s) % 100000 ))}
RANDOM=$seed
echo "kill_import: $trials trials, seed $seed (replay with QUOTECHECK_KILL_SEED=$seed)"
command -v sqlite3 >/dev/null || { echo "FAIL: no sqlite3 shell (run scripts/install-deps.sh)"; exit 1; }

tmp=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
unset QUOTECHECK_DB

batches=6
per_batch=500
# Sentences we write: one speaker per batch, so a batch is found by its speaker.
for b in $(seq 1 "$batches"); do
  awk -v b="$b" -v n="$per_batch" 'BEGIN {
    for (i = 1; i <= n; i++)
      printf "{\"speaker\": \"Batch %d Speaker\", \"text\": \"Statement %d of batch %d: the harbour wall at pier %d needs %d new stones before winter %d.\", \"date\": \"2024-%02d-%02d\", \"aliases\": [\"Speaker%d\"]}\n", b, i, b, i % 97, i * 7 % 113, 2000 + i % 50, 1 + i % 12, 1 + i % 28, b
  }' >"$tmp/batch$b.jsonl"
done
files=()
for b in $(seq 1 "$batches"); do files+=("$tmp/batch$b.jsonl"); done

failures=0
fail() {
  echo "FAIL (seed $seed, trial $trial): $*"
  failures=$((failures + 1))
}

# Checks one database after a kill or a completed run. $2 = "complete" when
# every batch must be present. Few processes per check: the machine is shared.
verify() {
  local db=$1 want=$2 version stats_rc=0
  echo 0 >"$tmp/committed"
  # A reader first: it opens the crashed file read-only and recovers the WAL.
  "$qc" db stats --db "$db" >"$tmp/stats.out" 2>"$tmp/stats.err" || stats_rc=$?
  version=$(sqlite3 "$db" "PRAGMA user_version") || { fail "sqlite3 cannot open the database"; return; }
  if [ "$version" = 0 ]; then
    # Killed before the schema was committed: nothing may be there.
    [ "$want" != complete ] || fail "complete run left user_version 0"
    [ "$(sqlite3 "$db" "PRAGMA integrity_check; SELECT count(*) FROM sqlite_master")" = "ok
0" ] || fail "integrity or a half-made schema at version 0"
    return
  fi
  [ "$stats_rc" = 0 ] || fail "a reader cannot open the database: $(cat "$tmp/stats.err")"
  if ! sqlite3 -bail "$db" "PRAGMA integrity_check;
      INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check');
      SELECT 'imports ' || count(*) FROM imports;
      SELECT 'aliases ' || count(*) FROM aliases;
      SELECT 'batch ' || s.name || '|' || count(st.id) FROM speakers s
        LEFT JOIN statements st ON st.speaker_id = s.id GROUP BY s.id;" >"$tmp/q.out" 2>&1; then
    fail "integrity or FTS5 index check failed: $(cat "$tmp/q.out")"
    return
  fi
  [ "$(head -1 "$tmp/q.out")" = ok ] || fail "integrity_check: $(head -5 "$tmp/q.out")"
  local committed=0 line name count
  while read -r line; do
    count=${line##*|}
    name=${line#batch }
    name=${name%|*}
    if [ "$count" = "$per_batch" ]; then
      committed=$((committed + 1))
    else
      fail "partial batch: $name has $count of $per_batch statements"
    fi
  done < <(grep '^batch ' "$tmp/q.out")
  grep -qx "imports $committed" "$tmp/q.out" || fail "$(grep '^imports' "$tmp/q.out") recorded, $committed batches present"
  grep -qx "aliases $committed" "$tmp/q.out" || fail "$(grep '^aliases' "$tmp/q.out") for $committed batches"
  if [ "$want" = complete ]; then
    [ "$committed" = "$batches" ] || fail "only $committed of $batches batches after the rerun"
  fi
  # Every file the killed process reported as imported is there.
  if [ -f "$tmp/import.out" ]; then
    local f b
    while read -r f; do
      b=$(basename "$f" .jsonl)
      b=${b#batch}
      grep -qx "batch Batch $b Speaker|$per_batch" "$tmp/q.out" || fail "reported batch $b is missing"
    done < <(sed -n 's/: imported [0-9]* statements.*//p' "$tmp/import.out")
  fi
  echo "$committed" >"$tmp/committed"
}

# An uninterrupted import: the reference, and how long the kill window is.
db=$tmp/ref.db
t0=$(date +%s%N)
"$qc" db import --db "$db" "${files[@]}" >"$tmp/import.out" 2>&1 || { cat "$tmp/import.out"; exit 1; }
window_ms=$((($(date +%s%N) - t0) / 1000000))
trial=0
verify "$db" complete
echo "kill_import: uninterrupted import takes ${window_ms} ms; killing at random points within it"
[ "$window_ms" -gt 0 ] || window_ms=1

killed_during=0
for trial in $(seq 1 "$trials"); do
  db=$tmp/t$trial.db
  rm -f "$tmp/import.out"
  # Over 110 % of the window: a few trials kill after the end, which must be harmless too.
  delay_ms=$(((RANDOM * 32768 + RANDOM) % (window_ms * 11 / 10 + 1)))
  "$qc" db import --db "$db" "${files[@]}" >"$tmp/import.out" 2>"$tmp/import.err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed_during=$((killed_during + 1)); fi
  wait "$pid" 2>/dev/null || true
  pid=
  if [ ! -e "$db" ]; then
    committed=0 # killed before the file was created
  else
    verify "$db" partial
    committed=$(cat "$tmp/committed")
  fi
  # The same command again finishes the job and skips what was committed.
  rm -f "$tmp/import.out"
  if ! "$qc" db import --db "$db" "${files[@]}" >"$tmp/rerun.out" 2>"$tmp/rerun.err"; then
    fail "rerun failed: $(cat "$tmp/rerun.err")"
    continue
  fi
  skipped=$(grep -c ': already imported' "$tmp/rerun.out" || true)
  [ "$skipped" = "$committed" ] || fail "rerun skipped $skipped files, $committed were committed: $(cat "$tmp/rerun.out")"
  if grep -q 'imported [0-9]* statements.*already present' "$tmp/rerun.out"; then
    fail "rerun re-read a committed batch: $(cat "$tmp/rerun.out")"
  fi
  verify "$db" complete
  rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
done

echo "kill_import: $trials trials, $killed_during killed mid-run, $failures failures (seed $seed)"
[ "$failures" = 0 ]
