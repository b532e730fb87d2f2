# shellcheck shell=sh
# What the test scripts start with; sourced from the top of the tree, after `cd`:
#   $T     the program under test: $TEARLINE, or ./tearline (the script stops if it is not built)
#   $tmp   a scratch directory, removed when the script exits
#   $fail  0, and 1 once a check has failed
#   ok NAME, bad NAME: a result line (bad also sets fail)
#   expect CODE NAME COMMAND...: runs COMMAND (its output in $tmp/stdout and $tmp/stderr) and
#       checks that it exits with CODE
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

expect() {
	want=$1
	name=$2
	shift 2
	"$@" > "$tmp/stdout" 2> "$tmp/stderr"
	got=$?
	if [ "$got" = "$want" ]; then
		ok "$name"
	else
		bad "$name: exit $got, wanted $want"
		sed 's/^/     stderr: /' "$tmp/stderr" | head -n 5
	fi
}
