# shellcheck shell=sh
# What the test scripts start with; sourced from the top of the tree, after `cd`:
#   $T     the program under test: $TEARLINE, or ./tearline (the script stops if it is not built)
#   $tmp   a scratch directory, removed when the script exits
#   $fail  0, and 1 once a check has failed
#   ok NAME, bad NAME: a result line (bad also sets fail)
T=${TEARLINE:-./tearline}
if [ ! -x "$T" ]; then
	echo "FAIL $T is not built (run make)"
	exit 1
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
