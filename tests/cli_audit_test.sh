#!/usr/bin/env bash
# End-to-end test of `quotecheck audit` and `audit merge`: outputs, failed
# documents recorded while the run goes on, threads giving the same
# findings as one thread, shards merging to exactly the single-process
# audit, resuming after kill -9, and refusing to clobber or mix runs.
#
#   usage: cli_audit_test.sh PROGRAM SOURCE_DIR SAMPLE_DB
set -eu
prog=$1
src=$2
db=$3
# shellcheck source=lib/cli_test_lib.sh
source "$src/tests/lib/cli_test_lib.sh"
python3 "$src/tests/lib/make_warc.py" "$work"

# A corpus of our own articles: the sample article, the formats test
# article, and JSONL lines made from them with ids, dates and outlets, plus
# two bad lines. Repeated so that the run spans several checkpoints.
corpus=$work/corpus.jsonl
python3 - "$src" "$corpus" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
texts = [open(f"{src}/corpora/sample-article.txt", encoding="utf-8").read(),
         open(f"{src}/tests/formats/article.txt", encoding="utf-8").read()]
with open(out, "w", encoding="utf-8") as f:
    for i in range(60):
        t = texts[i % 2]
        f.write(json.dumps({"id": f"doc-{i}", "text": t, "date": f"2025-03-{10 + i % 18:02d}",
                            "outlet": ["Daily Ledger", "Harbour Post", "Valley Times"][i % 3]}) + "\n")
        if i == 7:
            f.write('{"id": "broken", "text": 12}\n')
        if i == 30:
            f.write("not json at all\n")
PY

# One process, one thread: the reference.
run audit "$corpus" "$work/news.warc.gz" --db "$db" --jobs 1 --out "$work/one"
expect_rc 0 "audit with failed documents still exits 0"
for f in findings.jsonl failures.jsonl summary.json report.html audit.sqlite; do
  if [ -s "$work/one/$f" ]; then ok; else fail "audit writes $f"; fi
done
if [ "$(wc -l <"$work/one/findings.jsonl")" -eq 63 ]; then ok; else fail "63 documents in findings.jsonl, not $(wc -l <"$work/one/findings.jsonl")"; fi
if [ "$(wc -l <"$work/one/failures.jsonl")" -eq 3 ]; then ok; else fail "3 failures, not $(wc -l <"$work/one/failures.jsonl")"; fi
expect_file "$work/one/failures.jsonl" '"reason":"no \"text\" string field"' "a JSONL line without text is a failure"
expect_file "$work/one/failures.jsonl" '"reason":"not a JSON object"' "a line that is not JSON is a failure"
expect_err "corpus.jsonl:9: no \"text\" string field" "failures are named on stderr with file:line"
expect_file "$work/one/summary.json" '"documents": 63' "summary counts documents"
expect_file "$work/one/summary.json" '"failed": 3' "summary counts failures"
expect_file "$work/one/findings.jsonl" '"rule":"quote.altered"' "the sample article's altered quote is found"
expect_file "$work/one/report.html" '<svg' "report.html has charts"

# The findings lines are check's JSONL lines for the same documents.
# (check also writes a line for each bad input line; the audit puts those in
# failures.jsonl.)
run check --db "$db" --format jsonl --input-format jsonl "$corpus"
if cmp -s <(grep -v 'urn:uuid' "$work/one/findings.jsonl") <(grep -v '"error":"' "$work/out"); then ok; else fail "findings.jsonl lines equal check --format jsonl"; fi

# Two threads: the same bytes, in the same order.
run audit "$corpus" "$work/news.warc.gz" --db "$db" --jobs 2 --out "$work/two"
if cmp -s "$work/one/findings.jsonl" "$work/two/findings.jsonl"; then ok; else fail "--jobs 2 writes the same findings.jsonl as --jobs 1"; fi

# Three shards merged: the same findings (after sorting) and the same summary.
for k in 1 2 3; do
  run audit "$corpus" "$work/news.warc.gz" --db "$db" --db-immutable --jobs 1 --shard "$k/3" --out "$work/shard-$k"
  expect_rc 0 "shard $k/3"
done
run audit merge "$work/shard-1" "$work/shard-2" "$work/shard-3" --out "$work/merged"
expect_rc 0 "audit merge"
if cmp -s <(sort "$work/one/findings.jsonl") <(sort "$work/merged/findings.jsonl"); then ok; else fail "merged shards = one process (findings, sorted)"; fi
if cmp -s <(sort "$work/one/failures.jsonl") <(sort "$work/merged/failures.jsonl"); then ok; else fail "merged shards = one process (failures, sorted)"; fi
strip() { grep -v '"started"\|"finished"\|"shard"' "$1"; }
if cmp -s <(strip "$work/one/summary.json") <(strip "$work/merged/summary.json"); then ok; else fail "merged summary = one process summary"; fi
run audit merge "$work/shard-1" --out "$work/merged"
expect_rc 2 "merge into a directory that holds an audit"
run audit "$corpus" --shard 4/3 --out "$work/bad"
expect_rc 2 "--shard 4/3 is refused"
expect_err "K/N" "--shard error says the form"

# Refuses to overwrite, and to resume a different run.
run audit "$corpus" --out "$work/one"
expect_rc 2 "an existing audit is not overwritten"
expect_err "--resume" "the message says how to continue"
run audit "$work/news.warc" --out "$work/one" --resume
expect_rc 2 "--resume with other inputs is refused"
# An audit begun by a quotecheck that grouped quotations otherwise (no
# group_keys in its meta) is not resumed: old and new groups would not join.
cp -r "$work/one" "$work/old-format"
sqlite3 "$work/old-format/audit.sqlite" "DELETE FROM meta WHERE key = 'group_keys'"
run audit "$corpus" "$work/news.warc.gz" --db "$db" --jobs 1 --out "$work/old-format" --resume
expect_rc 2 "--resume of an older audit is refused"
expect_err "older quotecheck" "the message names the older audit"

# kill -9 at several moments, then --resume: the same findings as one run.
big=$work/big.jsonl
for _ in 1 2 3 4; do cat "$corpus"; done >"$big"
run audit "$big" --db "$db" --jobs 1 --out "$work/ref"
for delay in 0.2 0.5 0.9; do
  rm -rf "$work/killed"
  "$prog" audit "$big" --db "$db" --jobs 2 --out "$work/killed" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  run audit "$big" --db "$db" --jobs 2 --out "$work/killed" --resume
  expect_rc 0 "resume after kill -9 at ${delay}s"
  if cmp -s "$work/ref/findings.jsonl" "$work/killed/findings.jsonl"; then ok; else fail "resumed findings = uninterrupted findings (kill at ${delay}s)"; fi
  if cmp -s <(strip "$work/ref/summary.json") <(strip "$work/killed/summary.json"); then ok; else fail "resumed summary = uninterrupted summary (kill at ${delay}s)"; fi
done

# Globs (quoted, for corpora too big for the shell) and directories.
mkdir -p "$work/dir/sub"
cp "$work/news.warc.gz" "$work/dir/sub/a.warc.gz"
cp "$corpus" "$work/dir/b.jsonl"
run audit "$work/dir" --out "$work/fromdir"
expect_file "$work/fromdir/summary.json" '"documents": 63' "a directory of WARC and JSONL files"
run audit "$work/dir/*.jsonl" --out "$work/fromglob"
expect_file "$work/fromglob/summary.json" '"documents": 60' "a quoted glob"
run audit "$work/nothing-*.jsonl" --out "$work/noglob"
expect_rc 2 "a glob matching nothing, and no document read"
expect_err "no file matches" "the glob is named"

# Progress: only when asked or on a terminal; never in a pipe by default.
run audit "$corpus" --out "$work/quiet"
expect_no_file "$work/err" "MB/s" "no progress bar when stderr is not a terminal"
run audit "$corpus" --out "$work/loud" --progress always
expect_err "documents" "--progress always draws the bar"
expect_err "MB/s" "the bar shows throughput"

finish
