#!/usr/bin/env bash
# End-to-end: `quotecheck check` — verdicts against a database we build here,
# exit codes 0 / 1 / 2 and --fail-on, the lint and jsonl formats, the check
# that needs no database, and a later paraphrase held against an earlier quote.
# usage: cli_check_test.sh PROGRAM
set -u
prog=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$tmp/statements.jsonl" <<'JSON'
{"speaker": "Mara Quist", "text": "The ferry will run every hour from May, and fares will stay frozen.", "date": "2026-03-01", "source": "Council press release"}
{"speaker": "Tomas Berg", "text": "We will not sign a deal that leaves the islands without a doctor.", "date": "2026-02-10", "source": "Radio interview"}
JSON
"$prog" db import --db "$tmp/r.db" "$tmp/statements.jsonl" > /dev/null || fail "import"

# verbatim: a note only -> exit 0 with the default --fail-on error
printf '"The ferry will run every hour from May, and fares will stay frozen," Mara Quist said.\n' > "$tmp/ok.txt"
out=$("$prog" check --db "$tmp/r.db" --format lint "$tmp/ok.txt"); rc=$?
[ $rc -eq 0 ] || fail "verified quote should exit 0, got $rc: $out"
echo "$out" | grep -q "quote.verified" || fail "no quote.verified: $out"
echo "$out" | grep -q "^$tmp/ok.txt:1:2: note:" || fail "lint position: $out"
# --fail-on note turns the note into exit 1
"$prog" check --db "$tmp/r.db" --fail-on note "$tmp/ok.txt" > /dev/null; [ $? -eq 1 ] || fail "--fail-on note"

# one word changed -> quote.altered (error) with a word diff, exit 1
printf '"The ferry will run every day from May, and fares will stay frozen," Mara Quist said.\n' > "$tmp/alt.txt"
out=$("$prog" check --db "$tmp/r.db" --format lint "$tmp/alt.txt"); rc=$?
[ $rc -eq 1 ] || fail "altered quote should exit 1, got $rc"
echo "$out" | grep -q "quote.altered" || fail "no quote.altered: $out"
echo "$out" | grep -q "\[-hour-\] {+day+}" || fail "no word diff: $out"
"$prog" check --db "$tmp/r.db" --fail-on never "$tmp/alt.txt" > /dev/null || fail "--fail-on never should exit 0"

# another speaker's words -> quote.misattributed, with the statement as evidence in JSON
printf '"We will not sign a deal that leaves the islands without a doctor," Mara Quist said.\n' > "$tmp/mis.txt"
out=$("$prog" check --db "$tmp/r.db" --format jsonl "$tmp/mis.txt")
echo "$out" | python3 -c '
import json, sys
d = json.loads(sys.stdin.readline())
v = d["quotes"][0]["verdict"]
assert v["rule"] == "quote.misattributed", v
assert v["statement"]["speaker"] == "Tomas Berg", v
assert v["statement"]["source"] == "Radio interview", v
' || fail "misattributed JSON: $out"

# no database: still reports what needs no record, says so once on stderr
printf '"Nobody knows who said this," the paper wrote.\n"Or this."\n' > "$tmp/none.txt"
"$prog" check --db "$tmp/missing.db" --format lint "$tmp/none.txt" > "$tmp/out" 2> "$tmp/err"
[ "$(grep -c 'no record was consulted' "$tmp/err")" -eq 1 ] || fail "no-database notice: $(cat "$tmp/err")"

# a later paraphrase of an earlier quote in the same article
cat > "$tmp/para.txt" <<'TXT'
"The ferry will run every hour from May, and fares will stay frozen," Mara Quist said on Monday.
Quist said the ferry would run every hour from May with frozen fares.
TXT
out=$("$prog" check --db "$tmp/missing.db" --format lint "$tmp/para.txt" 2> /dev/null)
echo "$out" | grep -q ":2:.*paraphrase.consistent" || fail "within-article paraphrase: $out"

# colour: only on a terminal, never with NO_COLOR, never into a pipe
if command -v script > /dev/null; then
  tty_out=$(env -u NO_COLOR script -qc "'$prog' check --db '$tmp/r.db' '$tmp/alt.txt'" /dev/null)
  printf '%s' "$tty_out" | grep -q $'\x1b\[1;31merror' || fail "no colour on a terminal: $tty_out"
  plain=$(NO_COLOR=1 script -qc "'$prog' check --db '$tmp/r.db' '$tmp/alt.txt'" /dev/null)
  printf '%s' "$plain" | grep -q $'\x1b\[' && fail "colour despite NO_COLOR"
fi
"$prog" check --db "$tmp/r.db" "$tmp/alt.txt" | grep -q $'\x1b\[' && fail "colour into a pipe"

# extra speaker aliases from the config: a nickname the record does not know
printf '"The ferry will run every hour from May, and fares will stay frozen," Skipper Quisty said.\n' > "$tmp/nick.txt"
out=$("$prog" check --db "$tmp/r.db" --format lint "$tmp/nick.txt")
echo "$out" | grep -q "quote.verified" && fail "without the alias the nickname should not verify: $out"
printf '[aliases]\n"Quisty" = "Mara Quist"\n' > "$tmp/aliases.toml"
out=$("$prog" check --db "$tmp/r.db" --config "$tmp/aliases.toml" --format lint "$tmp/nick.txt")
echo "$out" | grep -q "quote.verified" || fail "config alias: $out"

# unreadable input -> exit 2
"$prog" check --db "$tmp/r.db" "$tmp/nope.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "missing file should exit 2"
echo "cli_check: ok"
