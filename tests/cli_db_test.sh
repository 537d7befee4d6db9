#!/bin/sh
# End-to-end test of `quotecheck db ...` and `quotecheck lookup`: import,
# stats, lookup, export round trip, bad input and its exit code.
# Usage: cli_db_test.sh QUOTECHECK_BINARY SOURCE_DIR
set -u
QC=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset QUOTECHECK_DB
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_rc() { # expected-rc description command...
  want=$1; what=$2; shift 2
  "$@" >"$TMP/out" 2>"$TMP/err"
  got=$?
  [ "$got" = "$want" ] || { fail "$what: exit $got, expected $want"; cat "$TMP/out" "$TMP/err"; }
}
expect_in() { # file pattern description
  grep -q -- "$2" "$1" || { fail "$3: no '$2' in $(basename "$1")"; cat "$1"; }
}

DB=$TMP/s.db
expect_rc 0 "db init" "$QC" db init --db "$DB"
[ -f "$DB" ] || fail "db init did not create the file"

expect_rc 0 "db import" "$QC" db import --db "$DB" "$SRC/corpora/sample-statements.jsonl"
expect_in "$TMP/out" "imported 27 statements" "db import summary"

expect_rc 0 "db stats" "$QC" db stats --db "$DB"
expect_in "$TMP/out" "statements: *27" "db stats"
expect_in "$TMP/out" "schema version: *2" "db stats"

expect_rc 0 "db stats json" "$QC" db stats --db "$DB" --format json
expect_in "$TMP/out" '"statements": 27' "db stats --format json"

expect_rc 0 "lookup" "$QC" lookup --db "$DB" "We must work with our European partners"
expect_in "$TMP/out" "David Lammy, 2025-03-17" "lookup names speaker and date"
expect_in "$TMP/out" "score 1.00, exact part" "lookup score"

expect_rc 0 "lookup json" "$QC" lookup --db "$DB" --speaker Kallas --limit 1 --format json "Russia isn't serious about peace"
expect_in "$TMP/out" '"speaker": "Kaja Kallas"' "lookup --format json"
expect_in "$TMP/out" '"op": "delete"' "lookup diff"

# $QUOTECHECK_DB is the default database.
QUOTECHECK_DB=$DB expect_rc 0 "QUOTECHECK_DB" "$QC" lookup "strongest possible position"
expect_in "$TMP/out" "Kaja Kallas" "lookup through QUOTECHECK_DB"

# Hostile text is just text.
expect_rc 0 "hostile lookup" "$QC" lookup --db "$DB" --speaker "Robert'); DROP TABLE statements;--" "x\" OR 1=1 --"
expect_rc 0 "stats after hostile lookup" "$QC" db stats --db "$DB"
expect_in "$TMP/out" "statements: *27" "statements survive hostile input"

# Export, re-import, export again: identical.
"$QC" db export --db "$DB" >"$TMP/export1.jsonl" || fail "db export"
expect_rc 0 "re-import" "$QC" db import --db "$TMP/copy.db" "$TMP/export1.jsonl"
"$QC" db export --db "$TMP/copy.db" >"$TMP/export2.jsonl" || fail "db export of the copy"
cmp -s "$TMP/export1.jsonl" "$TMP/export2.jsonl" || fail "export round trip differs"

# A bad line: exit 2, file and line on stderr, nothing imported.
printf '%s\n' '{"speaker": "A", "text": "first"}' '{"speaker": "B", "text": "second"}' \
  '{"speaker": "C", "text": 3}' '{"speaker": "D", "text": "fourth"}' >"$TMP/bad.jsonl"
expect_rc 2 "bad line" "$QC" db import --db "$DB" "$TMP/bad.jsonl"
expect_in "$TMP/err" "bad.jsonl:3:" "error names file and line"
"$QC" db stats --db "$DB" >"$TMP/out"
expect_in "$TMP/out" "statements: *27" "nothing of a bad file is written"

expect_rc 0 "skip bad" "$QC" db import --db "$DB" --skip-bad "$TMP/bad.jsonl"
expect_in "$TMP/out" "imported 3 statements" "skip-bad imports the rest"
expect_in "$TMP/out" "1 bad record skipped" "skip-bad counts"
expect_in "$TMP/err" "bad.jsonl:3: skipped" "skip-bad reports the line"

# CSV through --format.
printf 'speaker,text,date\n"Quist, Mara","We said ""no"".",2024-01-01\n' >"$TMP/s.txt"
expect_rc 0 "csv import" "$QC" db import --db "$DB" --format csv "$TMP/s.txt"
expect_rc 0 "csv lookup" "$QC" lookup --db "$DB" --speaker "Quist, Mara" "we said no"
expect_in "$TMP/out" "We said \"no\"." "csv text round trip"

# Missing file, missing database, usage errors.
expect_rc 2 "missing input" "$QC" db import --db "$DB" "$TMP/nope.jsonl"
expect_in "$TMP/err" "nope.jsonl" "missing input named"
expect_rc 2 "missing db" "$QC" lookup --db "$TMP/none.db" "anything"
expect_in "$TMP/err" "no database" "missing database explained"
[ ! -e "$TMP/none.db" ] || fail "lookup created a database"
expect_rc 2 "bad format" "$QC" db import --db "$DB" --format xml "$TMP/bad.jsonl"

# A database from a newer quotecheck is refused.
if command -v sqlite3 >/dev/null 2>&1; then
  cp "$DB" "$TMP/new.db"
  sqlite3 "$TMP/new.db" "PRAGMA user_version = 999" || fail "sqlite3"
  expect_rc 2 "newer schema" "$QC" db stats --db "$TMP/new.db"
  expect_in "$TMP/err" "new.db: database schema version 999 is newer than this quotecheck supports (2)" \
    "newer schema: file and both versions named"
  expect_rc 2 "newer schema, import" "$QC" db import --db "$TMP/new.db" "$TMP/bad.jsonl"
  expect_in "$TMP/err" "version 999 is newer" "import refuses a newer schema"
  [ "$(sqlite3 "$TMP/new.db" "PRAGMA user_version")" = 999 ] || fail "a newer file was changed"

  # A version 1 file (tests/fixtures) is read as it is and upgraded by a writer.
  sqlite3 "$TMP/v1.db" <"$SRC/tests/fixtures/db_schema_v1.sql" || fail "sqlite3 fixture"
  expect_rc 0 "lookup in a v1 file" "$QC" lookup --db "$TMP/v1.db" "No ferry will leave the harbour"
  expect_in "$TMP/out" "Olek Brandt" "v1 statements readable"
  [ "$(sqlite3 "$TMP/v1.db" "PRAGMA user_version")" = 1 ] || fail "a reader upgraded the file"
  expect_rc 0 "db init upgrades v1" "$QC" db init --db "$TMP/v1.db"
  expect_rc 0 "stats after upgrade" "$QC" db stats --db "$TMP/v1.db"
  expect_in "$TMP/out" "schema version: *2" "upgraded to version 2"
  expect_in "$TMP/out" "statements: *2" "v1 statements kept"

  # A failing upgrade: exit 2, the reason, and the old file unchanged.
  sqlite3 "$TMP/v1b.db" <"$SRC/tests/fixtures/db_schema_v1.sql" || fail "sqlite3 fixture"
  sqlite3 "$TMP/v1b.db" "CREATE TABLE imports(note TEXT)" || fail "sqlite3"
  cp "$TMP/v1b.db" "$TMP/v1b.orig"
  expect_rc 2 "failing upgrade" "$QC" db import --db "$TMP/v1b.db" "$SRC/corpora/sample-statements.jsonl"
  expect_in "$TMP/err" "v1b.db: schema upgrade to version 2 failed" "failing upgrade explained"
  cmp -s "$TMP/v1b.db" "$TMP/v1b.orig" || fail "a failed upgrade changed the file"
fi

# Importing the same file again skips it; --reimport reads it.
expect_rc 0 "import again" "$QC" db import --db "$DB" "$SRC/corpora/sample-statements.jsonl"
expect_in "$TMP/out" "sample-statements.jsonl: already imported (.*); skipped" "a committed file is skipped"
expect_rc 0 "reimport" "$QC" db import --db "$DB" --reimport "$SRC/corpora/sample-statements.jsonl"
expect_in "$TMP/out" "imported 0 statements.*27 already present" "--reimport reads it, stores nothing twice"

[ "$failures" = 0 ] && echo "cli_db: all passed"
exit $((failures != 0))
