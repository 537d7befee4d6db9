#!/usr/bin/env bash
# Throughput of `quotecheck extract`, `check` and `audit` on a real corpus,
# against `wc -w` over the same text measured in the same run (the
# reference: a ratio survives a change of machine, a bare time does not).
#
#   scripts/bench_corpus.sh [--big] [--program PATH] [--db FILE] [--corpus FILE.jsonl] [--scale K]
#                           [--runs R] [--repeat N]
#
#   --program  the quotecheck binary (default build/quotecheck)
#   --db       statements database for check and audit (default: sample.db next to the program)
#   --corpus   JSONL with a "text" field (default ../shared/corpora/polnear.dev.jsonl, 16 MB)
#   --scale    the main table runs on the articles repeated K times (default 4: 18 MB, so
#              that wc -w takes long enough to time; 1 for the corpus as it is)
#   --runs     R rounds, each running every command once; a command's fastest
#              counts (default 3: a shared machine only ever adds time)
#   --big      also the articles repeated N times (default: as many as make 1.6 GB; needs ~2x that
#              in $TMPDIR): extract, and audit at 2 threads, for throughput and peak RSS
#   --repeat   N for --big
#
# The input is the corpus's articles: each line keeps only the fields the
# reader takes ("id", "text", "date", "url", "outlet"). A gold file also
# carries its annotations (PolNeAR's are larger than its texts), which no
# article feed has; one row runs extract on the file as given, for the cost
# of skipping them.
#
# Rows: extract and check at 1 thread (one process) and 2 threads (the JSONL
# split in two halves, two processes at once: neither command has --jobs),
# and audit --jobs 1 / --jobs 2 when the program has `audit`. Each row gives
# MB/s (of JSONL input and of article text), documents/s, peak RSS
# (/usr/bin/time: the largest process), the time ratio to `wc -w` (LC_ALL=C)
# over the article text, and for 2 threads the speed-up over 1 thread.
set -euo pipefail
export LC_ALL=C # wc -w counts bytes the same way on every machine
cd "$(dirname "${BASH_SOURCE[0]}")/.."

prog=build/quotecheck
db=
corpus=../shared/corpora/polnear.dev.jsonl
big=0
repeat=
scale=4
runs=3
while [ $# -gt 0 ]; do
  case $1 in
  --big) big=1 ;;
  --program) prog=$2; shift ;;
  --db) db=$2; shift ;;
  --corpus) corpus=$2; shift ;;
  --repeat) repeat=$2; shift ;;
  --scale) scale=$2; shift ;;
  --runs) runs=$2; shift ;;
  -h | --help) sed -n '2,27p' "$0"; exit 0 ;;
  *) echo "bench_corpus: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$db" ] || db=$(dirname "$prog")/sample.db
[ -x "$prog" ] || { echo "bench_corpus: no program at $prog (build first)" >&2; exit 2; }
[ -f "$corpus" ] || { echo "bench_corpus: no corpus at $corpus" >&2; exit 2; }
[ -f "$db" ] || { echo "bench_corpus: no database at $db (cmake --build ... --target sample_db)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench_corpus: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
has_audit=0
"$prog" audit --help >/dev/null 2>&1 && has_audit=1

work=$(mktemp -d "${TMPDIR:-/tmp}/qc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Runs CMD... once with stdin from INPUT and stdout to /dev/null; sets m_s
# (elapsed seconds) and m_kb (peak RSS in KB). A command writing into an
# audit directory gets a fresh one.
measure_once() { # measure_once INPUT CMD...
  local input=$1
  shift
  rm -rf "$work"/audit1 "$work"/audit2
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" <"$input" >/dev/null 2>"$work/stderr" || true
  read -r m_s m_kb < <(tail -n 1 "$work/time") # after "Command exited with non-zero status" if any
}

# The same for two processes at once, each on its own input; m_s is the
# wall time of both, m_kb the larger peak.
measure_pair_once() { # measure_pair_once INPUT1 INPUT2 CMD...
  local in1=$1 in2=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%e %M' -o "$work/time1" "$@" <"$in1" >/dev/null 2>"$work/stderr1" &
  local p1=$!
  /usr/bin/time -f '%e %M' -o "$work/time2" "$@" <"$in2" >/dev/null 2>"$work/stderr2" &
  local p2=$!
  wait "$p1" "$p2" || true
  end=$(date +%s.%N)
  local s1 kb1 s2 kb2
  read -r s1 kb1 < <(tail -n 1 "$work/time1")
  read -r s2 kb2 < <(tail -n 1 "$work/time2")
  m_s=$(python3 -c "print(f'{$end - $start:.2f}')")
  m_kb=$((kb1 > kb2 ? kb1 : kb2))
}

# Two one-core audits of JSONL at once, one pinned to each of the first two
# cores; m_s is the wall time of both. What two threads could give at most
# on this machine: the cores share caches, memory and the host.
measure_ceiling_once() { # measure_ceiling_once JSONL
  local start end
  rm -rf "$work"/ceiling0 "$work"/ceiling1
  start=$(date +%s.%N)
  taskset -c 0 "$prog" audit "$1" --db "$db" --jobs 1 --out "$work/ceiling0" --progress never >/dev/null 2>&1 &
  local p0=$!
  taskset -c 1 "$prog" audit "$1" --db "$db" --jobs 1 --out "$work/ceiling1" --progress never >/dev/null 2>&1 &
  local p1=$!
  wait "$p0" "$p1" || true
  end=$(date +%s.%N)
  m_s=$(python3 -c "print(f'{$end - $start:.2f}')")
  m_kb=0
}

# Prints one table row; the reference is wc_s, the 1-thread time of the
# same command one_s (empty for a 1-thread row).
row() { # row LABEL THREADS SECONDS KB ONE_S
  python3 - "$1" "$2" "$3" "$4" "${5:-}" "$bytes" "$text_bytes" "$docs" "$wc_s" <<'PY'
import sys
label, threads, s, kb, one, b, tb, docs, wc = sys.argv[1:]
s, wc = max(float(s), 0.01), max(float(wc), 0.01)
b, tb, docs = int(b), int(tb), int(docs)
speedup = f"{max(float(one), 0.01) / s:.2f}x" if one else ""
print(f"| {label} | {threads} | {s:.2f} s | {b/1e6/s:.1f} MB/s ({tb/1e6/s:.1f} MB/s of text) | {docs/s:.0f} | "
      f"{int(kb)/1024:.0f} MB | {s/wc:.1f}x | {speedup} |")
PY
}

# One measurement of KEY: runs FUNCTION ARGS... once (a measure_*_once)
# and keeps the fastest time and the largest peak RSS seen for KEY.
declare -A best_s best_kb
take() { # take KEY FUNCTION ARGS...
  local key=$1
  shift
  "$@"
  if [ -z "${best_s[$key]:-}" ] || awk -v a="$m_s" -v b="${best_s[$key]}" 'BEGIN{exit !(a < b)}'; then
    best_s[$key]=$m_s
  fi
  if [ "$m_kb" -gt "${best_kb[$key]:-0}" ]; then
    best_kb[$key]=$m_kb
  fi
}

bench() { # bench LABEL JSONL TEXTS FULL(1: every command) [GIVEN: the corpus file as given]
  local label=$1 jsonl=$2 texts=$3 full=$4 given=${5:-}
  bytes=$(stat -c %s "$jsonl")
  text_bytes=$(stat -c %s "$texts")
  docs=$(grep -c '' "$jsonl")
  if [ "$full" = 1 ]; then
    local half=$(((docs + 1) / 2))
    head -n "$half" "$jsonl" >"$work/half1.jsonl"
    tail -n +"$((half + 1))" "$jsonl" >"$work/half2.jsonl"
    cat "$work/half1.jsonl" "$work/half2.jsonl" >/dev/null
  fi
  cat "$jsonl" "$texts" ${given:+"$given"} >/dev/null # warm the page cache
  best_s=()
  best_kb=()
  # Rounds, each running every command once: the host's slow and fast
  # spells then fall on all commands alike, the reference included, where
  # a command's runs all in a row could all land in one spell.
  local x=("$prog" extract --input-format jsonl --format jsonl)
  local c=("$prog" check --db "$db" --input-format jsonl --format jsonl --fail-on never)
  local a=("$prog" audit "$jsonl" --db "$db" --progress never)
  for _ in $(seq "$runs"); do
    take wc measure_once "$texts" wc -w
    take extract measure_once "$jsonl" "${x[@]}"
    if [ -n "$given" ]; then
      take given measure_once "$given" "${x[@]}"
    fi
    if [ "$full" = 1 ]; then
      take extract2 measure_pair_once "$work/half1.jsonl" "$work/half2.jsonl" "${x[@]}"
      take check measure_once "$jsonl" "${c[@]}"
      take check2 measure_pair_once "$work/half1.jsonl" "$work/half2.jsonl" "${c[@]}"
    fi
    if [ "$has_audit" = 1 ]; then
      if [ "$full" = 1 ]; then
        # The audit always runs a reader and a writer thread beside its
        # workers: --jobs 1 on its own uses more than one core. One core
        # (taskset) is the 1-thread reference for the speed-up of two.
        take audit1 measure_once /dev/null taskset -c 0 "${a[@]}" --jobs 1 --out "$work/audit1"
        take audit1u measure_once /dev/null "${a[@]}" --jobs 1 --out "$work/audit1"
        if [ "$(nproc)" -ge 2 ]; then
          take ceiling measure_ceiling_once "$jsonl"
        fi
      fi
      take audit2 measure_once /dev/null "${a[@]}" --jobs 2 --out "$work/audit2"
    fi
  done
  wc_s=${best_s[wc]}
  echo
  echo "$label: $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB of JSONL, $docs documents," \
    "$(awk -v b="$text_bytes" 'BEGIN{printf "%.1f", b/1e6}') MB of text; wc -w over the text:" \
    "$wc_s s ($(awk -v b="$text_bytes" -v s="$wc_s" 'BEGIN{if (s < 0.01) s = 0.01; printf "%.0f", b/1e6/s}') MB/s)"
  echo
  echo "| command | threads | time | throughput | docs/s | peak RSS | time / wc -w | speed-up |"
  echo "|---|---|---|---|---|---|---|---|"
  row extract 1 "${best_s[extract]}" "${best_kb[extract]}"
  if [ -n "$given" ]; then
    local article_bytes=$bytes
    bytes=$(stat -c %s "$given")
    row "extract, the gold file as given (its annotations skipped)" 1 "${best_s[given]}" "${best_kb[given]}"
    bytes=$article_bytes
  fi
  if [ "$full" = 1 ]; then
    row "extract (2 processes)" 2 "${best_s[extract2]}" "${best_kb[extract2]}" "${best_s[extract]}"
    row "check" 1 "${best_s[check]}" "${best_kb[check]}"
    row "check (2 processes)" 2 "${best_s[check2]}" "${best_kb[check2]}" "${best_s[check]}"
  fi
  if [ "$has_audit" = 1 ]; then
    local one=
    if [ "$full" = 1 ]; then
      one=${best_s[audit1]}
      row "audit --jobs 1, one core (taskset -c 0)" 1 "$one" "${best_kb[audit1]}"
      row "audit --jobs 1 (reader and writer on the other core)" 1 "${best_s[audit1u]}" "${best_kb[audit1u]}" "$one"
    fi
    row "audit --jobs 2" 2 "${best_s[audit2]}" "${best_kb[audit2]}" "$one"
    if [ "$full" = 1 ]; then
      local two=${best_s[audit2]}
      echo
      echo "audit --jobs 2 over --jobs 1 unpinned: $(python3 -c "print(f'{max(${best_s[audit1u]}, 0.01) / max($two, 0.01):.2f}x')")"
      if [ -n "${best_s[ceiling]:-}" ]; then
        local ceil=${best_s[ceiling]}
        echo "the machine's ceiling: two one-core audits at once (taskset -c 0 and -c 1) take $ceil s," \
          "so two threads can give at most $(python3 -c "print(f'{2 * max($one, 0.01) / max($ceil, 0.01):.2f}x')");" \
          "--jobs 2 reaches $(python3 -c "print(f'{max($one, 0.01) / max($two, 0.01) / (2 * max($one, 0.01) / max($ceil, 0.01)) * 100:.0f}')") % of it"
      fi
    fi
  fi
}

python3 - "$corpus" "$work/texts.txt" "$work/articles.jsonl" <<'PY'
import json, sys
kept = ("id", "text", "date", "url", "outlet")
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out, \
        open(sys.argv[3], "w", encoding="utf-8") as articles:
    for line in f:
        if line.strip():
            doc = json.loads(line)
            out.write(doc["text"])
            out.write("\n")
            articles.write(json.dumps({k: doc[k] for k in kept if k in doc}, ensure_ascii=False,
                                      separators=(",", ":")))
            articles.write("\n")
PY

echo "quotecheck: $("$prog" --version) at $prog; corpus: $corpus; db: $db; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); best of $runs runs"
if [ "$scale" -gt 1 ]; then
  for _ in $(seq "$scale"); do cat "$work/articles.jsonl"; done >"$work/scaled.jsonl"
  for _ in $(seq "$scale"); do cat "$work/texts.txt"; done >"$work/scaled.txt"
  for _ in $(seq "$scale"); do cat "$corpus"; done >"$work/given.jsonl"
  bench "corpus x$scale" "$work/scaled.jsonl" "$work/scaled.txt" 1 "$work/given.jsonl"
else
  bench "corpus" "$work/articles.jsonl" "$work/texts.txt" 1 "$corpus"
fi

if [ "$big" = 1 ]; then
  runs=1 # minutes per command; the rows are for throughput at scale and peak RSS
  [ -n "$repeat" ] || repeat=$(((1600000000 + $(stat -c %s "$work/articles.jsonl") - 1) / $(stat -c %s "$work/articles.jsonl")))
  for _ in $(seq "$repeat"); do cat "$work/articles.jsonl"; done >"$work/big.jsonl"
  for _ in $(seq "$repeat"); do cat "$work/texts.txt"; done >"$work/big.txt"
  bench "corpus x$repeat" "$work/big.jsonl" "$work/big.txt" 0
fi
