#!/usr/bin/env bash
# End-to-end: `quotecheck check` output formats (golden sarif, github, lint,
# text), the SARIF log against the SARIF 2.1.0 schema, the config file
# (.quotecheck.toml / --config) and inline suppressions.
#
#   usage: cli_formats_test.sh PROGRAM SOURCE_DIR
#   UPDATE_GOLDEN=1 cli_formats_test.sh PROGRAM SOURCE_DIR   # rewrite tests/formats/*.expected.*
#
# Fixtures (articles and statements we wrote) live in tests/formats/. The
# program runs inside a scratch directory on the bare file name, so paths in
# the output do not depend on where the checkout lives.
set -u
prog=$1
src=$2
case $prog in /*) ;; *) prog=$PWD/$prog ;; esac
fx=$src/tests/formats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

"$prog" db import --db "$tmp/s.db" "$fx/statements.jsonl" > /dev/null || { echo "FAIL: import" >&2; exit 1; }
mkdir -p "$tmp/work"
cp "$fx/article.txt" "$tmp/work/article.txt"
cp "$fx/article-md.md" "$fx/article-html.html" "$tmp/work/"
cd "$tmp/work" || exit 1

# --- golden files: sarif (driver version normalised), github, lint, text ---
normalise_sarif() {
  python3 -c '
import json, sys
log = json.load(sys.stdin)
log["runs"][0]["tool"]["driver"]["version"] = "VERSION"
print(json.dumps(log, indent=2, ensure_ascii=False))'
}
# golden ARTICLE EXPECTED_BASE: `check` in every format against EXPECTED_BASE.FORMAT.
golden() {
  local art=$1 base=$2 fmt out expected rc
  for fmt in sarif github lint text; do
    out=$tmp/out.$art.$fmt
    "$prog" check --db "$tmp/s.db" --format $fmt "$art" > "$out" 2> "$tmp/err"; rc=$?
    [ $rc -eq 1 ] || fail "$art --format $fmt: exit $rc, want 1 (the article has errors): $(cat "$tmp/err")"
    if [ $fmt = sarif ]; then
      normalise_sarif < "$out" > "$out.n" || fail "$art --format sarif: not JSON"
      out=$out.n
    fi
    expected=$fx/$base.expected.$fmt
    if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
      cp "$out" "$expected"
      echo "updated $expected"
    elif ! diff -u "$expected" "$out"; then
      fail "$art --format $fmt differs from $expected (UPDATE_GOLDEN=1 to rewrite)"
    fi
  done
}
golden article.txt article

# --- the same article as Markdown and as HTML: every format, positions in the source file ---
for art in article-md.md article-html.html; do
  golden "$art" "${art%.*}"
  # every reported region holds, in the source file, the words it names
  "$prog" check --db "$tmp/s.db" --format jsonl "$art" > "$tmp/$art.jsonl" 2> /dev/null
  python3 - "$art" "$tmp/$art.jsonl" <<'PY' || fail "$art: positions do not point into the source"
import json, sys
src = open(sys.argv[1], encoding="utf-8").read()
lines = src.split("\n")
d = json.loads(open(sys.argv[2], encoding="utf-8").readline())
assert len(d["quotes"]) >= 5, d["quotes"]
for q in d["quotes"]:
    assert src[q["start"]:q["end"]] == q["text"], q
    line = lines[q["line"] - 1]
    assert line[q["column"] - 1:].startswith(q["text"].split("\n")[0]), (q["line"], q["column"], q["text"])
PY
done

# --- SARIF: schema, rules, ruleIndex, fingerprints that ignore positions ---
"$prog" check --db "$tmp/s.db" --format sarif article.txt > "$tmp/a.sarif"
{ printf 'Added line at the top.\n\n'; cat article.txt; } > moved.txt
"$prog" check --db "$tmp/s.db" --format sarif article.txt moved.txt > "$tmp/both.sarif"
python3 - "$fx/sarif-schema-2.1.0.json" "$tmp/a.sarif" "$tmp/both.sarif" <<'PY' || fail "SARIF checks"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
rule_ids = ["quote.verified", "quote.altered", "quote.fragment", "quote.misattributed", "quote.unverified",
            "quote.unattributed", "quote.unbalanced", "quote.anachronism", "paraphrase.consistent",
            "paraphrase.divergent", "paraphrase.contradicts", "speaker.ambiguous", "speaker.anonymous",
            "speaker.role-mismatch"]
for path in sys.argv[2:]:
    log = json.load(open(path))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert len(log["runs"]) == 1, "one run for the whole invocation"
    driver = log["runs"][0]["tool"]["driver"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == rule_ids, [r["id"] for r in rules]
    for r in rules:
        assert r["defaultConfiguration"]["level"] in ("note", "warning", "error"), r
        assert r["shortDescription"]["text"] and r["help"]["text"], r
    for res in log["runs"][0]["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"], res
        reg = res["locations"][0]["physicalLocation"]["region"]
        assert reg["startLine"] <= reg["endLine"], reg
        assert len(res["partialFingerprints"]["quotecheck/v1"]) == 16, res
one = json.load(open(sys.argv[2]))["runs"][0]["results"]
both = json.load(open(sys.argv[3]))["runs"][0]["results"]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in both}
assert uris == {"article.txt", "moved.txt"}, uris
fp = lambda rs, uri: sorted(r["partialFingerprints"]["quotecheck/v1"] for r in rs
                            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri)
assert fp(both, "article.txt") == fp(both, "moved.txt") == fp(one, "article.txt"), "fingerprints moved with the lines"
lines = lambda uri: sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in both
                           if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri)
assert [l + 2 for l in lines("article.txt")] == lines("moved.txt")
PY
# an empty run is still a valid log
printf 'No quotations here.\n' > quiet.txt
"$prog" check --db "$tmp/s.db" --format sarif quiet.txt > "$tmp/q.sarif"; rc=$?
[ $rc -eq 0 ] || fail "sarif on a clean file: exit $rc"
python3 -c '
import json, sys, jsonschema
log = json.load(open(sys.argv[2])); jsonschema.validate(log, json.load(open(sys.argv[1])))
assert log["runs"][0]["results"] == []' "$fx/sarif-schema-2.1.0.json" "$tmp/q.sarif" || fail "empty SARIF log"
# JSONL input: the artifact is the document id
printf '{"id": "doc 7", "text": "\\"Everyone in the harbour knows it is late.\\""}\n' > docs.jsonl
"$prog" check --db "$tmp/s.db" --input-format jsonl --format sarif docs.jsonl > "$tmp/j.sarif"
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert r and all(x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "doc%207" for x in r), r' \
  "$tmp/j.sarif" || fail "SARIF uri of a JSONL document"

# --- github: escaping of properties (',' ':') and of the message ('%' '\n') ---
cat > "$tmp/esc.jsonl" <<'JSON'
{"speaker": "Ilse Varga", "text": "Tolls fell by 100% for residents of the old town.", "date": "2026-01-12", "source": "Briefing\nnotes, 100% checked"}
JSON
"$prog" db import --db "$tmp/esc.db" "$tmp/esc.jsonl" > /dev/null || fail "import esc"
printf '"Tolls fell by 100%% for residents of the old town," Ilse Varga said.\n' > 'notes:v1,draft.txt'
out=$("$prog" check --db "$tmp/esc.db" --format github 'notes:v1,draft.txt')
echo "$out" | grep -qxF '::notice file=notes%3Av1%2Cdraft.txt,line=1,col=2,endLine=1,endColumn=49,title=quote.verified::matches Ilse Varga, 2026-01-12 (Briefing%0Anotes, 100%25 checked)' \
  || fail "github escaping: $out"
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "github: one line a finding: $out"

# --- config: severities, off, require_speaker, allow_anonymous, fail_on, db ---
printf '"The new bridge will open in June, and tolls will be dropped for residents," Ilse Varga said.\n' > ok.txt
"$prog" check --db "$tmp/s.db" ok.txt > /dev/null; rc=$?
[ $rc -eq 0 ] || fail "verified quote without config: exit $rc"
mkdir -p proj/sub
cp ok.txt proj/sub/
printf '# raise notes\n[severity]\n"quote.verified" = "error"\n' > proj/.quotecheck.toml
out=$(cd proj/sub && "$prog" check --db "$tmp/s.db" --format lint ok.txt); rc=$?
[ $rc -eq 1 ] || fail "config in a parent directory should make quote.verified an error: exit $rc"
echo "$out" | grep -q '^ok.txt:1:2: error: .*\[quote.verified\]$' || fail "config severity in lint: $out"
(cd proj/sub && "$prog" check --db "$tmp/s.db" --fail-on never ok.txt > /dev/null) || fail "--fail-on beats the config"
printf 'fail_on = "note"\ndb = "../s.db"\n' > "$tmp/work/failnote.toml"
"$prog" check --config failnote.toml ok.txt > /dev/null; rc=$?
[ $rc -eq 1 ] || fail "config fail_on = note and db relative to the config: exit $rc"
"$prog" check --config failnote.toml --fail-on error ok.txt > /dev/null; rc=$?
[ $rc -eq 0 ] || fail "--fail-on error beats config fail_on: exit $rc"
"$prog" check --config failnote.toml --db "$tmp/missing.db" ok.txt > /dev/null 2> "$tmp/err"
grep -q "no statements database at $tmp/missing.db" "$tmp/err" || fail "--db beats config db: $(cat "$tmp/err")"

lint() { "$prog" check --db "$tmp/s.db" --format lint "$@" 2> /dev/null; }
base=$(lint article.txt)
for rule in quote.unverified quote.unattributed speaker.anonymous quote.altered quote.unbalanced; do
  echo "$base" | grep -q "\[$rule\]" || fail "fixture should raise $rule: $base"
done
printf '[severity]\nquote.unverified = "off"\n' > off.toml
out=$(lint --config off.toml article.txt)
echo "$out" | grep -q 'quote.unverified' && fail "off should drop quote.unverified: $out"
[ "$(echo "$out" | wc -l)" -eq "$(($(echo "$base" | wc -l) - $(echo "$base" | grep -c 'quote.unverified')))" ] \
  || fail "off should drop only quote.unverified: $out"
printf 'require_speaker = false\nallow_anonymous = true\n' > relax.toml
out=$(lint --config relax.toml article.txt)
echo "$out" | grep -Eq 'quote.unattributed|speaker.anonymous' && fail "require_speaker/allow_anonymous: $out"
echo "$out" | grep -q 'quote.unverified' || fail "relax.toml dropped too much: $out"
printf '[severity]\n"quote.unbalanced" = "note"\n"quote.altered" = "warning"\n' > soft.toml
lint --config soft.toml article.txt > /dev/null; rc=$?
[ $rc -eq 0 ] || fail "errors lowered to warnings/notes should exit 0: $rc"
lint --config soft.toml article.txt | grep -q '10:27: note: .*\[quote.unbalanced\]' || fail "diagnostic re-levelled"

# a malformed config: exit 2, stderr names the file and the line
bad() {
  printf "$1" > bad.toml
  "$prog" check --db "$tmp/s.db" --config bad.toml ok.txt > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 2 ] || fail "bad config '$1': exit $rc"
  grep -q "^quotecheck: bad.toml:$2: " "$tmp/err" || fail "bad config '$1' should name bad.toml:$2: $(cat "$tmp/err")"
}
bad 'fail_on = "warning"\n[severity]\n"quote.nonsense" = "error"\n' 3
bad '# ok\nfail_on = "sometimes"\n' 2
bad 'require_speaker = "yes"\n' 1
bad 'colour = "blue"\n' 1
bad '\n\n[severity]\n"quote.altered" = "loud"\n' 4
bad 'db = "a.db\n' 1
bad '[output]\n' 1
bad 'fail_on = "note"\nfail_on = "error"\n' 2
"$prog" check --config "$tmp/none.toml" ok.txt > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "none.toml" "$tmp/err" || fail "missing --config file: $rc $(cat "$tmp/err")"

# --- inline suppressions ---
# tests/formats/suppressions.txt: one paragraph a line; without its comments
# every quotation line would raise quote.unattributed and quote.unverified,
# and the mayor lines quote.unbalanced; the comments decide which survive.
cp "$fx/suppressions.txt" supp.txt
out=$(lint supp.txt)
got=$(echo "$out" | sed -E 's/^supp.txt:([0-9]+):[0-9]+: [a-z]+: .*\[([a-z.-]+)\]$/\1 \2/' | sort -n | tr '\n' ';')
want='1 quote.unattributed;1 quote.unverified;3 quote.unverified;4 quote.unattributed;4 quote.unverified;9 quote.unattributed;9 quote.unverified;11 quote.unattributed;16 quote.unattributed;16 quote.unverified;17 quote.unbalanced;17 quote.unverified;19 quote.unverified;'
[ "$got" = "$want" ] || fail "suppressions: got '$got' want '$want'; output:
$out"
# suppressed findings do not count for the exit code either
printf '<!-- quotecheck-disable quote.altered -->\n"We cannot promise that the night trams will survive the budget," Jonas Peel said.\n' > quiet-alt.txt
"$prog" check --db "$tmp/s.db" --format lint quiet-alt.txt > "$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "suppressed quote.altered should exit 0: $rc $(cat "$tmp/out")"
grep -q 'quote.altered' "$tmp/out" && fail "quote.altered not suppressed: $(cat "$tmp/out")"
# also in JSONL input and the sarif format
printf '{"id": "d1", "text": "<!-- quotecheck-disable -->\\n\\"Hidden words.\\""}\n' > supp.jsonl
"$prog" check --db "$tmp/s.db" --input-format jsonl --format sarif supp.jsonl > "$tmp/s.sarif"; rc=$?
[ $rc -eq 0 ] || fail "jsonl suppression exit $rc"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["runs"][0]["results"] == []' "$tmp/s.sarif" \
  || fail "jsonl suppression in sarif: $(cat "$tmp/s.sarif")"

if [ $failures -ne 0 ]; then
  echo "cli_formats: $failures failure(s)" >&2
  exit 1
fi
echo "cli_formats: ok"
