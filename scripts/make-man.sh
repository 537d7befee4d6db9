#!/usr/bin/env bash
# Writes the quotecheck(1) man page from the program's own --help text, so
# the two never disagree. usage: scripts/make-man.sh PROGRAM OUT.1
set -euo pipefail
prog=$1
out=$2
version=$("$prog" --version | awk '{print $2}')
# roff: escape backslashes, and lines that start with a dot or quote
roff() { sed -e 's/\\/\\e/g' -e "s/^\\./\\\\\\&./" -e "s/^'/\\\\\\&'/"; }
{
  echo ".TH QUOTECHECK 1 \"$(date -u +%Y-%m-%d)\" \"quotecheck $version\" \"User Commands\""
  echo ".SH NAME"
  echo "quotecheck \\- find quotations and reported speech, attribute them, and check them against the record"
  echo ".SH SYNOPSIS"
  echo ".nf"
  echo "quotecheck extract [FILE...|-] [--input-format auto|text|jsonl] [--format jsonl|json|text]"
  echo "quotecheck check   [FILE...|-] [--db FILE] [--format text|lint|jsonl|json|sarif|github] [--fail-on LEVEL]"
  echo "quotecheck lookup  TEXT [--speaker NAME] [--db FILE]"
  echo "quotecheck db      init|import|stats|export|learn|variants [--db FILE] ..."
  echo ".fi"
  echo ".SH DESCRIPTION"
  echo ".nf"
  "$prog" --help | roff
  echo ".fi"
  for cmd in extract check lookup db; do
    echo ".SH \"$(echo "$cmd" | tr a-z A-Z)\""
    echo ".nf"
    "$prog" "$cmd" --help | roff
    echo ".fi"
  done
  for sub in init import stats export learn variants; do
    echo ".SS \"db $sub\""
    echo ".nf"
    "$prog" db "$sub" --help | roff
    echo ".fi"
  done
  echo ".SH EXIT STATUS"
  echo "0 clean; 1 findings at or above --fail-on; 2 usage or input error."
  echo ".SH ENVIRONMENT"
  echo "QUOTECHECK_DB: the statements database when --db is not given. NO_COLOR: no colour in the text format."
} > "$out"
