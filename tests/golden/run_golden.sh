#!/usr/bin/env bash
# Golden-file test: `quotecheck extract` output, in the jsonl and text
# formats, on short articles written for this project (one paragraph a line).
#
#   usage: run_golden.sh PROGRAM GOLDEN_DIR
#   UPDATE_GOLDEN=1 run_golden.sh PROGRAM GOLDEN_DIR   # rewrite the expected files
#
# For every GOLDEN_DIR/NAME.txt the expected outputs are NAME.expected.jsonl
# and NAME.expected.text. The program runs inside GOLDEN_DIR on the bare
# file name, so the "id" in the output does not depend on where the
# checkout lives. See HACKING.md, "Golden files".
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 PROGRAM GOLDEN_DIR" >&2
  exit 2
fi
prog=$1
dir=$2
case $prog in /*) ;; *) prog=$PWD/$prog ;; esac
if [ ! -x "$prog" ]; then
  echo "golden: program '$prog' is not executable" >&2
  exit 2
fi

passed=0
failed=0
updated=0
shopt -s nullglob
articles=("$dir"/*.txt)
if [ ${#articles[@]} -eq 0 ]; then
  echo "golden: no articles (*.txt) in $dir" >&2
  exit 2
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

for article in "${articles[@]}"; do
  name=$(basename "$article")
  base=${article%.txt}
  for fmt in jsonl text; do
    expected="$base.expected.$fmt"
    rc=0
    (cd "$dir" && "$prog" extract --format "$fmt" "$name") >"$tmp" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "FAIL $name --format $fmt: quotecheck exited $rc:" >&2
      cat "$tmp" >&2
      failed=$((failed + 1))
      continue
    fi
    if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
      if ! cmp -s "$tmp" "$expected" 2>/dev/null; then
        cat "$tmp" >"$expected"
        echo "updated $(basename "$expected")"
        updated=$((updated + 1))
      fi
      continue
    fi
    if [ ! -f "$expected" ]; then
      echo "FAIL $name --format $fmt: no $(basename "$expected"); run with UPDATE_GOLDEN=1 to create it" >&2
      failed=$((failed + 1))
    elif diff -u --label "expected/$(basename "$expected")" --label "actual" "$expected" "$tmp"; then
      passed=$((passed + 1))
    else
      echo "FAIL $name --format $fmt differs from $(basename "$expected") (diff above)." >&2
      echo "     If the change is intended: UPDATE_GOLDEN=1 $0 $prog $dir" >&2
      failed=$((failed + 1))
    fi
  done
done

if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  echo "golden: $updated expected file(s) rewritten"
  [ "$failed" -eq 0 ] || exit 1
  exit 0
fi
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
