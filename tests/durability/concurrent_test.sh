#!/usr/bin/env bash
# Several processes on one database at once: two `db import`s of different
# files, two imports of the same file, and readers (`lookup`, `check`,
# `db stats`) running in a loop throughout. Writers queue behind each other
# (busy retry, see README "The database"); nobody may fail, print an error,
# or lose a statement, and the same file is stored once.
#
# usage: concurrent_test.sh QUOTECHECK
# Needs the sqlite3 command-line shell (scripts/install-deps.sh installs it).
set -euo pipefail

qc=$1
command -v sqlite3 >/dev/null || { echo "FAIL: no sqlite3 shell (run scripts/install-deps.sh)"; exit 1; }
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
unset QUOTECHECK_DB

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

per_file=2000
# Files a1..a3 and b1..b3: one speaker each, sentences we write.
make_file() { # name speaker
  awk -v who="$2" -v n="$per_file" 'BEGIN {
    for (i = 1; i <= n; i++)
      printf "{\"speaker\": \"%s\", \"text\": \"%s said number %d: the canal lock %d opens at %d past the hour.\", \"date\": \"2023-%02d-%02d\"}\n", who, who, i, i % 41, i % 60, 1 + i % 12, 1 + i % 28
  }' >"$tmp/$1.jsonl"
}
for f in a1 a2 a3 b1 b2 b3 same; do make_file "$f" "Speaker ${f^^}"; done
cat >"$tmp/article.txt" <<'EOF'
"Speaker A1 said number 7: the canal lock 7 opens at 7 past the hour," Speaker A1 told reporters on Monday.
EOF

db=$tmp/shared.db
"$qc" db init --db "$db" >/dev/null

# Readers: loop until the writers are done; any failure or error is recorded.
reader() { # n
  local n=$1 k=0 rc
  while [ ! -e "$tmp/writers-done" ]; do
    k=$((k + 1))
    "$qc" lookup --db "$db" "the canal lock 7 opens at 7 past the hour" >"$tmp/r$n.out" 2>"$tmp/r$n.err" ||
      { echo "lookup exit $? : $(cat "$tmp/r$n.err")" >>"$tmp/reader-errors"; }
    [ ! -s "$tmp/r$n.err" ] || echo "lookup stderr: $(cat "$tmp/r$n.err")" >>"$tmp/reader-errors"
    rc=0
    "$qc" check --db "$db" --format jsonl "$tmp/article.txt" >"$tmp/r$n.out" 2>"$tmp/r$n.err" || rc=$?
    [ "$rc" -le 1 ] || echo "check exit $rc: $(cat "$tmp/r$n.err")" >>"$tmp/reader-errors"
    grep -qi 'lock\|busy\|error' "$tmp/r$n.err" && echo "check stderr: $(cat "$tmp/r$n.err")" >>"$tmp/reader-errors"
    "$qc" db stats --db "$db" >"$tmp/r$n.out" 2>"$tmp/r$n.err" ||
      echo "db stats exit $?: $(cat "$tmp/r$n.err")" >>"$tmp/reader-errors"
  done
  echo "$k" >"$tmp/reader$n.rounds"
}
reader 1 &
pids+=($!)
reader 2 &
pids+=($!)

"$qc" db import --db "$db" "$tmp/a1.jsonl" "$tmp/a2.jsonl" "$tmp/same.jsonl" "$tmp/a3.jsonl" >"$tmp/wa.out" 2>"$tmp/wa.err" &
wa=$!
"$qc" db import --db "$db" "$tmp/b1.jsonl" "$tmp/same.jsonl" "$tmp/b2.jsonl" "$tmp/b3.jsonl" >"$tmp/wb.out" 2>"$tmp/wb.err" &
wb=$!
pids+=("$wa" "$wb")
rc_a=0
wait "$wa" || rc_a=$?
rc_b=0
wait "$wb" || rc_b=$?
touch "$tmp/writers-done"
for p in "${pids[@]:0:2}"; do wait "$p" || fail "a reader loop failed"; done
pids=()

[ "$rc_a" = 0 ] || fail "import A exit $rc_a: $(cat "$tmp/wa.err")"
[ "$rc_b" = 0 ] || fail "import B exit $rc_b: $(cat "$tmp/wb.err")"
[ ! -s "$tmp/wa.err" ] || fail "import A printed errors: $(cat "$tmp/wa.err")"
[ ! -s "$tmp/wb.err" ] || fail "import B printed errors: $(cat "$tmp/wb.err")"
[ ! -s "$tmp/reader-errors" ] || fail "readers failed during the imports: $(head -5 "$tmp/reader-errors")"
echo "concurrent: readers ran $(cat "$tmp/reader1.rounds") + $(cat "$tmp/reader2.rounds") rounds during the imports"

# The same file went through one writer; the other recognised it.
imported_same=$(cat "$tmp/wa.out" "$tmp/wb.out" | grep -c 'same.jsonl: imported' || true)
skipped_same=$(cat "$tmp/wa.out" "$tmp/wb.out" | grep -c 'same.jsonl: already imported' || true)
[ "$imported_same" = 1 ] && [ "$skipped_same" = 1 ] ||
  fail "same.jsonl imported $imported_same times, skipped $skipped_same times"

# Nothing lost: every file's statements, once.
[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check"
sqlite3 "$db" "INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')" || fail "FTS5 index check"
for f in a1 a2 a3 b1 b2 b3 same; do
  n=$(sqlite3 "$db" "SELECT count(*) FROM statements st JOIN speakers s ON s.id = st.speaker_id WHERE s.name = 'Speaker ${f^^}'")
  [ "$n" = "$per_file" ] || fail "$f: $n of $per_file statements"
done
total=$(sqlite3 "$db" "SELECT count(*) FROM statements")
[ "$total" = $((7 * per_file)) ] || fail "$total statements, expected $((7 * per_file))"
[ "$(sqlite3 "$db" "SELECT count(*) FROM imports")" = 7 ] || fail "imports does not record the 7 files"

# A writer that cannot get the lock in time fails cleanly with the documented message.
# Hold the write lock from a second shell for 3 s while an import with a 1 s timeout runs.
( printf 'BEGIN IMMEDIATE;\nINSERT INTO speakers(name) VALUES (%s);\n' "'lock holder'"; sleep 3; printf 'ROLLBACK;\n' ) |
  sqlite3 "$db" &
holder=$!
pids+=("$holder")
sleep 1
make_file late "Speaker LATE"
rc=0
QUOTECHECK_BUSY_TIMEOUT=1 "$qc" db import --db "$db" "$tmp/late.jsonl" >"$tmp/late.out" 2>"$tmp/late.err" || rc=$?
[ "$rc" = 2 ] || fail "a timed-out writer exited $rc, expected 2"
grep -q 'database is locked.*busy timeout of 1 s' "$tmp/late.err" || fail "timed-out writer message: $(cat "$tmp/late.err")"
for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
pids=()
[ "$(sqlite3 "$db" "SELECT count(*) FROM speakers WHERE name LIKE 'Speaker LATE'")" = 0 ] ||
  fail "the timed-out import left a speaker behind"
# With the default timeout it waits its turn and succeeds.
"$qc" db import --db "$db" "$tmp/late.jsonl" >"$tmp/late.out" 2>&1 || fail "import after the lock: $(cat "$tmp/late.out")"

if [ "$failures" = 0 ]; then echo "concurrent: all passed"; fi
[ "$failures" = 0 ]
