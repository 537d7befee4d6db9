#!/usr/bin/env bash
# report.html in a real browser (issue 6): renders audit reports in Debian's
# headless Chromium and checks that the charts rendered (svg elements holding
# rect bars in the DOM after rendering; a screenshot that is not blank and
# shows the bars' colours) and that the diff tables are there.
#
#   report_html_browser_test.sh QUOTECHECK SAMPLE_WRITER SOURCE_DIR SAMPLE_DB
#
# Two reports: one written by SAMPLE_WRITER (audit_report_sample) from a state
# of invented articles, which has every section; and, when `quotecheck audit`
# exists and ../shared/corpora/polnear.dev.jsonl is beside SOURCE_DIR, the
# report of an audit of that corpus. Installs chromium with apt-get when run
# as root and it is missing; otherwise skips (exit 77). The screenshots and
# DOM dumps stay in ./report_html_browser/ for a person to look at.
set -uo pipefail

quotecheck=$1
sample_writer=$2
source_dir=$3
sample_db=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$PWD/report_html_browser
rm -rf "$out"
mkdir -p "$out"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: chromium is not installed and we are not root (scripts/install-deps.sh installs it)"
    exit 77
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >"$out/apt.log" 2>&1 ||
    { apt-get update >>"$out/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >>"$out/apt.log" 2>&1; } ||
    { cat "$out/apt.log"; echo "FAIL: apt-get install chromium"; exit 1; }
fi

profiles=()
cleanup() { for p in "${profiles[@]}"; do rm -rf "$p"; done; }
trap cleanup EXIT

# chromium_run ARGS...: headless Chromium, as root, talking to nobody.
chromium_run() {
  local profile
  profile=$(mktemp -d)
  profiles+=("$profile")
  timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" "$@"
}

# check_report NAME REPORT.html WANT_ALTERED: renders it and checks the DOM and the screenshot.
check_report() {
  local name=$1 report=$2 want_altered=$3
  local dom=$out/$name.dom.html shot=$out/$name.png
  [ -s "$report" ] || { fail "$name: no report at $report"; return; }
  if ! chromium_run --dump-dom "file://$report" >"$dom" 2>"$out/$name.dom.log"; then
    fail "$name: chromium --dump-dom failed"; tail -5 "$out/$name.dom.log"; return
  fi
  python3 - "$dom" "$want_altered" <<'PY' || fail "$name: DOM checks (above)"
import re, sys
dom, want_altered = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2] == "1"
bad = []
charts = re.findall(r'<svg class="chart".*?</svg>', dom, re.S)
if len(charts) < 2:
    bad.append(f"{len(charts)} bar charts in the rendered DOM, want 2")
for i, c in enumerate(charts):
    if len(re.findall(r"<rect\b", c)) < 1:
        bad.append(f"chart {i + 1} has no rect bars")
if "<script" in dom.lower():
    bad.append("a script element in the page")
if want_altered:
    for table, marks in (("diffs altered", ("<del>", "<ins>")), ("diffs misattributed", ())):
        m = re.search(rf'<table class="{table}">.*?</table>', dom, re.S)
        if not m:
            bad.append(f'no <table class="{table}">')
        elif any(mark not in m.group(0) for mark in marks):
            bad.append(f"{table}: no {' / '.join(marks)} word diff")
drift = re.findall(r'<table class="drift">.*?</table>', dom, re.S)
if not drift:
    bad.append('no <table class="drift"> (wording of a quotation across documents)')
elif not any("<del>" in t or "<ins>" in t for t in drift):
    print("note: no wording of a repeated quotation differs from its first appearance")
print(f"{len(charts)} charts, {sum(len(re.findall(r'<rect', c)) for c in charts)} bars, "
      f"{len(drift)} drift tables, {len(re.findall(r'<svg class=.timeline', dom))} timelines")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
  if ! chromium_run --screenshot="$shot" --window-size=1200,2000 "file://$report" >"$out/$name.shot.log" 2>&1; then
    fail "$name: chromium --screenshot failed"; tail -5 "$out/$name.shot.log"; return
  fi
  # Many colours (text is anti-aliased), and the bars' exact fills: severity
  # (error, warning, note) and speaker type (person, organization, anonymous).
  python3 "$here/png_check.py" "$shot" --min-colours 40 \
    --colours c62828,ef8f00,1565c0:1000 --colours 00796b,6a1b9a,546e7a,8d6e63,b0bec5:1000 ||
    fail "$name: screenshot checks (above)"
  echo "$name: $shot"
}

# 1. A report with every section, from invented data.
"$sample_writer" "$out/sample" || fail "audit_report_sample failed"
check_report sample "$out/sample/report.html" 1

# 2. The report of an audit of PolNeAR, once the audit command exists.
corpus=$source_dir/../shared/corpora/polnear.dev.jsonl
if [ ! -r "$corpus" ]; then
  echo "note: $corpus not found; the PolNeAR report was not rendered"
elif ! "$quotecheck" --help 2>/dev/null | grep -Eq '^ +audit '; then
  echo "note: this quotecheck has no audit command yet; the PolNeAR report was not rendered"
else
  if "$quotecheck" audit "$corpus" --db "$sample_db" --jobs 2 --out "$out/polnear" >"$out/polnear.log" 2>&1 ||
    [ -s "$out/polnear/report.html" ]; then
    check_report polnear "$out/polnear/report.html" 0
  else
    tail -20 "$out/polnear.log"
    fail "quotecheck audit on $corpus"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s); files in $out"
  exit 1
fi
echo "ok: reports render in headless Chromium; files in $out"
