#!/usr/bin/env bash
# Throughput of `quotecheck extract` on a real corpus, against `wc -w` over
# the same text measured in the same run (the reference: a ratio survives a
# change of machine, a bare time does not).
#
#   scripts/bench_corpus.sh [--big] [--program PATH] [--corpus FILE.jsonl] [--repeat N]
#
#   --program  the quotecheck binary (default build/quotecheck)
#   --corpus   JSONL with a "text" field (default ../shared/corpora/polnear.dev.jsonl, 16 MB)
#   --big      also the corpus repeated N times (default 100: ~1.6 GB; needs ~2x that on disk)
#
# Reports MB/s (of JSONL input and of text), documents/s, the time ratio to
# wc -w, and peak RSS (/usr/bin/time -f %M).
set -euo pipefail
export LC_ALL=C # wc -w counts bytes the same way on every machine
cd "$(dirname "${BASH_SOURCE[0]}")/.."

prog=build/quotecheck
corpus=../shared/corpora/polnear.dev.jsonl
big=0
repeat=100
while [ $# -gt 0 ]; do
  case $1 in
  --big) big=1 ;;
  --program) prog=$2; shift ;;
  --corpus) corpus=$2; shift ;;
  --repeat) repeat=$2; shift ;;
  -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
  *) echo "bench_corpus: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$prog" ] || { echo "bench_corpus: no program at $prog (build first)" >&2; exit 2; }
[ -f "$corpus" ] || { echo "bench_corpus: no corpus at $corpus" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench_corpus: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/qc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Sets m_s (seconds) and m_kb (peak RSS) for a command reading INPUT; its
# stdout goes to /dev/null.
measure() { # measure INPUT CMD...
  local input=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" <"$input" >/dev/null 2>"$work/stderr" || true
  read -r m_s m_kb <"$work/time"
}

bench() { # bench LABEL JSONL TEXTS
  local label=$1 jsonl=$2 texts=$3
  local bytes text_bytes docs
  bytes=$(stat -c %s "$jsonl")
  text_bytes=$(stat -c %s "$texts")
  docs=$(grep -c '' "$jsonl")
  cat "$jsonl" "$texts" >/dev/null # warm the page cache for both
  local wc_s wc_kb qc_s qc_kb
  measure "$texts" wc -w
  wc_s=$m_s wc_kb=$m_kb
  measure "$jsonl" "$prog" extract --input-format jsonl --format jsonl
  qc_s=$m_s qc_kb=$m_kb
  python3 - "$label" "$bytes" "$text_bytes" "$docs" "$wc_s" "$wc_kb" "$qc_s" "$qc_kb" <<'PY'
import sys
label, b, tb, docs, wc_s, wc_kb, qc_s, qc_kb = sys.argv[1:]
b, tb, docs = int(b), int(tb), int(docs)
wc_s, qc_s = max(float(wc_s), 0.01), max(float(qc_s), 0.01)
mb = 1e6
print(f"| {label} | {b/mb:.1f} MB, {docs} docs | {qc_s:.2f} s | {b/mb/qc_s:.1f} MB/s ({tb/mb/qc_s:.1f} MB/s of text) "
      f"| {docs/qc_s:.0f} docs/s | {int(qc_kb)/1024:.0f} MB | wc -w {wc_s:.2f} s ({tb/mb/wc_s:.0f} MB/s) "
      f"| {qc_s/wc_s:.1f}x |")
PY
}

python3 - "$corpus" "$work/texts.txt" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        if line.strip():
            out.write(json.loads(line)["text"])
            out.write("\n")
PY

echo "quotecheck: $("$prog" --version) at $prog; corpus: $corpus; $(nproc) cores"
echo
echo "| input | size | extract time | throughput | docs/s | peak RSS | reference | time / wc -w |"
echo "|---|---|---|---|---|---|---|---|"
bench "corpus" "$corpus" "$work/texts.txt"

if [ "$big" = 1 ]; then
  for _ in $(seq "$repeat"); do cat "$corpus"; done >"$work/big.jsonl"
  for _ in $(seq "$repeat"); do cat "$work/texts.txt"; done >"$work/big.txt"
  bench "corpus x$repeat" "$work/big.jsonl" "$work/big.txt"
fi
