#!/usr/bin/env bash
# End-to-end: the built program on files, stdin and JSONL, its exit codes and errors.
# usage: cli_extract_test.sh PROGRAM SOURCE_DIR
set -u
prog=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

printf '"We will win," Ann Lee said.\n' > "$tmp/a.txt"
out=$("$prog" extract "$tmp/a.txt") || fail "extract on a good file exited $?"
echo "$out" | grep -q '"text":"We will win"' || fail "quote not found: $out"
echo "$out" | grep -q '"name":"Ann Lee"' || fail "speaker not found: $out"

out=$("$prog" extract - < "$tmp/a.txt") || fail "extract from stdin exited $?"
echo "$out" | grep -q '"text":"We will win"' || fail "stdin: quote not found"

# JSONL: a good line, a line that is not JSON, a line with invalid UTF-8, a good line.
{ printf '{"id":"d1","text":"\\"Yes,\\" said Tom Park."}\n'
  printf 'not json\n'
  printf '{"id":"d3","text":"bad \xff byte"}\n'
  printf '{"id":"d4","text":"\\"No,\\" said Ann Lee."}\n'; } > "$tmp/in.jsonl"
"$prog" extract --input-format jsonl "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err"
rc=$?
[ $rc -eq 2 ] || fail "bad JSONL lines should exit 2, got $rc"
grep -q "in.jsonl:2" "$tmp/err" || fail "stderr does not name line 2: $(cat "$tmp/err")"
grep -q "in.jsonl:3" "$tmp/err" || fail "stderr does not name line 3: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/out.jsonl")" -eq 4 ] || fail "one output line per input line expected"
grep -q '"id":"d4"' "$tmp/out.jsonl" || fail "the document after the bad lines was lost"

# A binary file.
printf 'abc\0def' > "$tmp/bin.dat"
"$prog" extract "$tmp/bin.dat" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "binary file should exit 2, got $rc"
grep -q "bin.dat" "$tmp/err" && grep -q "byte offset 3" "$tmp/err" || fail "binary: $(cat "$tmp/err")"

# A missing file, and a good file after it still goes through.
out=$("$prog" extract "$tmp/missing.txt" "$tmp/a.txt" 2> "$tmp/err"); rc=$?
[ $rc -eq 2 ] || fail "missing file should exit 2, got $rc"
grep -q "missing.txt" "$tmp/err" || fail "missing: $(cat "$tmp/err")"
echo "$out" | grep -q "We will win" || fail "the good file after a missing one was lost"

"$prog" --help > /dev/null || fail "--help"
"$prog" --version | grep -q quotecheck || fail "--version"
"$prog" extract --format nonsense "$tmp/a.txt" 2> /dev/null; [ $? -eq 2 ] || fail "bad option should exit 2"

# check: exit 1 on errors with the sample database, the sample article is in corpora/.
"$prog" check --format lint "$src/corpora/sample-article.txt" > /dev/null 2>&1; rc=$?
[ $rc -le 1 ] || fail "check without a database exited $rc"
echo "cli_extract: ok"
