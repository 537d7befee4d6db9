#!/usr/bin/env bash
# End-to-end test of WARC input (ISO 28500, as Common Crawl's CC-NEWS): the
# records that are articles become documents with their URL, outlet and
# date; requests, redirects, images and metadata are passed over; HTTP
# chunking, deflate and non-UTF-8 charsets are undone; a bad record is
# reported by number and the others still go through.
#
#   usage: cli_warc_test.sh PROGRAM SOURCE_DIR
set -eu
prog=$1
src=$2
# shellcheck source=lib/cli_test_lib.sh
source "$src/tests/lib/cli_test_lib.sh"
python3 "$src/tests/lib/make_warc.py" "$work"

for f in news.warc news.warc.gz; do
  run extract --format jsonl "$work/$f"
  expect_rc 2 "$f: a record with invalid UTF-8 makes the exit code 2"
  expect_err "$f:8: invalid UTF-8" "$f: the bad record is named by its number"
  # One line per record that is a document: 3 read, 1 failure line.
  if [ "$(wc -l <"$work/out")" -eq 4 ]; then ok; else fail "$f: 4 lines, not $(wc -l <"$work/out")"; fi
  expect_out '"id":"urn:uuid:2"' "$f: the HTML response is a document, by its record id"
  expect_out '"name":"Maria Lopez"' "$f: its quote is attributed"
  expect_no_file "$work/out" 'Menu' "$f: navigation and scripts are not prose"
  expect_no_file "$work/out" 'not a quote' "$f: scripts are not prose"
  expect_out 'The café stays open' "$f: chunked, deflated ISO-8859-1 page decoded to UTF-8"
  expect_out '"name":"Ana Silva"' "$f: a WET conversion record is a document"
  expect_no_file "$work/out" 'urn:uuid:3' "$f: a redirect is passed over"
  expect_no_file "$work/out" 'urn:uuid:4' "$f: an image is passed over"
done

# The positions are those of the record's payload (the HTML page itself).
run extract --format jsonl "$work/news.warc"
line=$(grep 'urn:uuid:2' "$work/out")
start=$(sed -E 's/.*"byte_start":([0-9]+).*/\1/' <<<"$line")
end=$(sed -E 's/.*"byte_end":([0-9]+).*/\1/' <<<"$line")
page=$(python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); i=d.index(b"<html><head><meta property"); print(d[i+int(sys.argv[2]):i+int(sys.argv[3])].decode())' "$work/news.warc" "$start" "$end")
if [ "$page" = "We will not back down on the harbour plan" ]; then ok; else fail "byte offsets index the page: got '$page'"; fi

# The audit keeps each record's URL, outlet (the host without www.) and date
# (the page's published time, else the record's date).
run audit --out "$work/a" "$work/news.warc.gz"
expect_rc 0 "audit of a WARC file"
python3 - "$work/a/audit.sqlite" <<'PY' >"$work/out" 2>"$work/err" || rc=$?
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT doc_id, url, outlet, date FROM quotes ORDER BY seq"):
    print("|".join(row))
PY
expect_out 'urn:uuid:2|https://www.eastport-news.example/a|eastport-news.example|2025-03-17' "published time from the page"
expect_out 'urn:uuid:6|https://www.valley-times.example/c|valley-times.example|2025-03-18' "record date when the page has none"
expect_file "$work/a/failures.jsonl" '"problem":"invalid_utf8"' "the bad record is in failures.jsonl"

# Truncated: the records before the cut still come through; the cut is named.
run extract --format jsonl "$work/truncated.warc.gz"
expect_rc 2 "truncated .warc.gz"
expect_err "truncated.warc.gz" "the truncated file is named"
expect_err "truncated gzip data" "the problem is said"
expect_out '"name":"Maria Lopez"' "records before the cut come through"

# Junk between records: reported once, the next record is read.
run extract --format jsonl "$work/garbage.warc"
expect_rc 2 "junk between records"
expect_err "not a WARC record" "junk is reported"
expect_out 'urn:uuid:6' "the record after the junk is read"

# --max-doc-bytes: a larger record is skipped unread and reported.
run extract --max-doc-bytes 100 --format jsonl "$work/news.warc"
expect_rc 2 "record over --max-doc-bytes"
expect_err "larger than --max-doc-bytes" "the reason is said"
expect_out 'urn:uuid:6' "the small record still goes through"

# --input-format warc reads a WARC file whatever its name.
cp "$work/news.warc" "$work/crawl.dat"
run extract --input-format warc --format jsonl "$work/crawl.dat"
expect_out '"name":"Maria Lopez"' "--input-format warc"

finish
