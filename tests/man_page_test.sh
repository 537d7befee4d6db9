#!/usr/bin/env bash
# The man page the build writes from --help: every command is in it, and it
# renders. usage: man_page_test.sh MAN_PAGE
set -u
page=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -s "$page" ] || fail "no man page at $page"
for section in EXTRACT CHECK LOOKUP DB; do
  grep -q "^\.SH \"$section\"" "$page" || fail "no $section section"
done
grep -q -- "--fail-on" "$page" || fail "check's options are missing"
grep -q '^\.SS "db learn"' "$page" || fail "db learn is missing"
if command -v man > /dev/null; then
  MANWIDTH=80 man -l "$page" 2> /dev/null | grep -q "QUOTECHECK(1)" || fail "man cannot render it"
fi
echo "man_page: ok"
