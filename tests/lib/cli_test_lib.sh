# Shared helpers for the end-to-end shell tests: run the program, check its
# exit code, stdout and stderr, count passes and failures.
#   source "$(dirname "$0")/lib/cli_test_lib.sh"  (after setting $prog)
# Provides $work (a temporary directory, removed on exit), run, run_stdin,
# expect_rc, expect_out, expect_err, expect_file, ok, fail and finish.

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

fail() {
  echo "FAIL: $*" >&2
  if [ -s "$work/out" ]; then echo "  stdout: $(head -c 600 "$work/out")" >&2; fi
  if [ -s "$work/err" ]; then echo "  stderr: $(head -c 600 "$work/err")" >&2; fi
  failed=$((failed + 1))
}
ok() { passed=$((passed + 1)); }

# run ARGS... : runs the program, stdout to $work/out, stderr to $work/err, status in $rc.
run() {
  rc=0
  "$prog" "$@" >"$work/out" 2>"$work/err" || rc=$?
}
# run_stdin FILE ARGS... : the same with FILE on standard input.
run_stdin() {
  local input=$1
  shift
  rc=0
  "$prog" "$@" <"$input" >"$work/out" 2>"$work/err" || rc=$?
}
expect_rc() { # expect_rc WANT WHAT
  if [ "$rc" -eq "$1" ]; then ok; else fail "$2: exit code $rc, want $1"; fi
}
expect_out() { # expect_out FIXED-STRING WHAT
  if grep -qF -- "$1" "$work/out"; then ok; else fail "$2: stdout lacks '$1'"; fi
}
expect_err() { # expect_err FIXED-STRING WHAT
  if grep -qF -- "$1" "$work/err"; then ok; else fail "$2: stderr lacks '$1'"; fi
}
expect_file() { # expect_file FILE FIXED-STRING WHAT
  if grep -qF -- "$2" "$1"; then ok; else fail "$3: $1 lacks '$2'"; fi
}
expect_no_file() { # expect_no_file FILE FIXED-STRING WHAT
  if ! grep -qF -- "$2" "$1"; then ok; else fail "$3: $1 has '$2'"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
