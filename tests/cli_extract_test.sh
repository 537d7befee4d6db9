#!/usr/bin/env bash
# End-to-end test of `quotecheck extract`: the built program on files, on
# standard input and on JSONL streams with bad lines; its exit codes and the
# messages it prints on stderr.
#
#   usage: cli_extract_test.sh PROGRAM SOURCE_DIR
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 PROGRAM SOURCE_DIR" >&2
  exit 2
fi
prog=$1
src=$2
# shellcheck source=lib/cli_test_lib.sh
source "$src/tests/lib/cli_test_lib.sh"

article="$work/article.txt"
printf '%s\n' \
  'Ferry services resume after storm' \
  '"The crossing is safe again," the harbour master said on Sunday.' \
  'Passengers called the delays "a nightmare".' >"$article"

# 1. A file.
run extract "$article"
expect_rc 0 "extract FILE"
expect_out '"text":"The crossing is safe again"' "extract FILE"
expect_out '"kind":"direct"' "extract FILE"
expect_out 'a nightmare' "extract FILE"
if python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/out" 2>/dev/null; then ok; else
  fail "extract FILE: output is not JSON lines"
fi
if [ "$(wc -l <"$work/out")" -eq 1 ]; then ok; else fail "extract FILE: want one JSONL line per document"; fi

# 2. Standard input, with '-' and with no file at all.
run_stdin "$article" extract -
expect_rc 0 "extract -"
expect_out '"text":"The crossing is safe again"' "extract -"
run_stdin "$article" extract --format text
expect_rc 0 "extract (stdin, text)"
expect_out 'The crossing is safe again' "extract (stdin, text)"

# 3. JSON array output is one valid JSON document.
run extract --format json "$article" "$article"
expect_rc 0 "extract --format json"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==2' "$work/out" 2>/dev/null; then ok; else
  fail "extract --format json: not a JSON array of two documents"
fi

# 4. JSONL input: line 2 is not JSON, line 3 is not UTF-8; lines 1 and 4 still go through.
jsonl="$work/batch.jsonl"
{
  printf '%s\n' '{"id": "first", "text": "\"We will appeal,\" the club said."}'
  printf '%s\n' '{"id": "broken", "text": "no closing brace"'
  printf '{"id": "latin1", "text": "caf\xe9 \\"ol\xe9\\" she said"}\n'
  printf '%s\n' '{"id": "last", "text": "The coach said: \u201cWe were lucky.\u201d"}'
} >"$jsonl"
run extract --input-format jsonl --format jsonl "$jsonl"
expect_rc 2 "JSONL with bad lines"
expect_err "$jsonl:2:" "JSONL bad JSON line"
expect_err "$jsonl:3:" "JSONL invalid UTF-8 line"
expect_err "UTF-8" "JSONL invalid UTF-8 line"
expect_out '"id":"first"' "JSONL good line before the bad ones"
expect_out '"text":"We will appeal"' "JSONL good line before the bad ones"
expect_out '"id":"last"' "JSONL good line after the bad ones"
expect_out '"text":"We were lucky."' "JSONL good line after the bad ones"
if [ "$(wc -l <"$work/out")" -eq 4 ]; then ok; else fail "JSONL: want one output line per input line (4)"; fi

# The same stream on standard input names <stdin>.
run_stdin "$jsonl" extract --input-format jsonl -
expect_rc 2 "JSONL on stdin with bad lines"
expect_err "<stdin>:2:" "JSONL on stdin"

# 5. A binary file: exit 2, the file and the byte offset named.
binary="$work/image.bin"
printf 'GIF89a\000\001\002\003' >"$binary"
run extract "$binary"
expect_rc 2 "binary file"
expect_err "$binary" "binary file"
expect_err "byte offset 6" "binary file"

# A file that is not UTF-8 names the offset too.
latin="$work/latin1.txt"
printf 'Caf\xe9 society\n' >"$latin"
run extract "$latin"
expect_rc 2 "Latin-1 file"
expect_err "$latin" "Latin-1 file"
expect_err "offset 3" "Latin-1 file"

# 6. A missing file: exit 2 naming it; the other files still go through.
run extract "$work/no-such-file.txt" "$article"
expect_rc 2 "missing file"
expect_err "$work/no-such-file.txt" "missing file"
expect_out '"text":"The crossing is safe again"' "missing file: the next file is still read"

# 7. The project's own sample article: many quotations, no input error.
if [ -f "$src/corpora/sample-article.txt" ]; then
  run extract --format text "$src/corpora/sample-article.txt"
  expect_rc 0 "extract corpora/sample-article.txt"
  expect_out "direct" "extract corpora/sample-article.txt"
else
  fail "no $src/corpora/sample-article.txt"
fi

# 7b. Markdown: markup is not prose, and positions point into the .md file.
cat >"$work/m.md" <<'MD'
# Harbour works

> "We cannot wait for another storm," said [Mayor Leo Brandt](https://example.org/brandt).

```
print("not a quote")
```

See `x = "not a quote"` and ![a "picture"](img.png).
MD
run extract "$work/m.md"
expect_rc 0 "extract on Markdown"
if python3 - "$work/m.md" "$work/out" <<'PY'; then ok; else fail "Markdown: quotes and positions"; fi
import json, sys
src = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(open(sys.argv[2], encoding="utf-8").readline())
texts = [q["text"] for q in d["quotes"]]
assert texts == ["We cannot wait for another storm"], texts
q = d["quotes"][0]
assert src[q["start"]:q["end"]] == q["text"] and (q["line"], q["column"]) == (3, 4), q
assert q["speaker"]["name"] == "Leo Brandt", q["speaker"]
PY

# 7b'. HTML: the article's prose only (no head, scripts, navigation or
# footer), character references for quotation marks decoded, positions in
# the .html file.
cat >"$work/h.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>"Not a quote" in the title</title><script>var s = "not a quote";</script></head>
<body><nav><a href="/">Home</a> "menu"</nav>
<article><h1>Harbour works</h1><p>&ldquo;We cannot wait for another storm,&rdquo; said Mayor Leo Brandt.</p>
<p>"It's the oldest wall in town," he added.</p></article>
<footer>"Subscribe" now</footer></body></html>
HTML
run extract "$work/h.html"
expect_rc 0 "extract on HTML"
if python3 - "$work/h.html" "$work/out" <<'PY'; then ok; else fail "HTML: quotes and positions"; fi
import json, sys
src = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(open(sys.argv[2], encoding="utf-8").readline())
texts = [q["text"] for q in d["quotes"]]
assert texts == ["We cannot wait for another storm", "It's the oldest wall in town"], texts
for q in d["quotes"]:
    assert src[q["start"]:q["end"]] == q["text"], q
    assert q["speaker"]["name"] == "Leo Brandt", q["speaker"]
assert (d["quotes"][0]["line"], d["quotes"][1]["line"]) == (4, 5), d["quotes"]
PY

# 7c. Directories and compressed files: every article under a directory, in
# name order; .gz and .zst read transparently; a truncated one is an error
# that names it, and the others still go through.
mkdir -p "$work/dir/sub"
printf '"We will win," Ann Lee said.\n' >"$work/dir/a.txt"
printf '"The tide is out," Tom Park said.\n' >"$work/dir/sub/b.txt"
printf 'not an article' >"$work/dir/c.bin"
printf '{"id":"z1","text":"\\"Yes,\\" said Tom Park."}\n' >"$work/z.jsonl"
gzip -c "$work/z.jsonl" >"$work/z.jsonl.gz"
head -c 20 "$work/z.jsonl.gz" >"$work/trunc.jsonl.gz"
run extract --format text "$work/dir" "$work/z.jsonl.gz" "$work/trunc.jsonl.gz"
expect_rc 2 "directory, .gz and a truncated .gz"
expect_out "dir/a.txt" "directory: a.txt"
expect_out "dir/sub/b.txt" "directory: sub/b.txt"
expect_out "z1" ".gz JSONL document"
expect_err "trunc.jsonl.gz" "truncated .gz named"
if grep -q "c.bin" "$work/out"; then fail "directory: a .bin file was read"; else ok; fi
if command -v zstd >/dev/null; then
  zstd -q -c "$work/z.jsonl" >"$work/z.jsonl.zst"
  run extract "$work/z.jsonl.zst"
  expect_rc 0 ".zst"
  expect_out '"id":"z1"' ".zst JSONL document"
fi

# 8. --help and --version; usage errors exit 2.
run --help
expect_rc 0 "--help"
expect_out "extract" "--help"
run extract --help
expect_rc 0 "extract --help"
expect_out "--input-format" "extract --help"
run --version
expect_rc 0 "--version"
expect_out "quotecheck " "--version"
run extract --format no-such-format "$article"
expect_rc 2 "unknown --format"
run
expect_rc 2 "no subcommand"

echo "cli_extract: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
