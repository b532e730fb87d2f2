#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs the golden end-to-end cases, tests/cases/NAME/, from the repository root:
#   args      one line: the arguments after ./tearline (split by the shell; quotes are honoured)
#   input     the document, given on standard input
#   expected  the expected standard output, byte for byte
#   exit      the expected exit status (default 0)
#   stderr    a fixed string that must appear on standard error (optional)
# Prints one line per case, and a diff when a case fails.
#
# To add a case, write args and input, run ./tearline by hand, READ the output, and only then save
# it as expected: a golden file that was not read is a leak waiting to be approved.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
n=0
for dir in tests/cases/*/; do
	dir=${dir%/}
	name=${dir##*/}
	[ -f "$dir/args" ] || continue
	n=$((n + 1))
	if [ ! -f "$dir/input" ] || [ ! -f "$dir/expected" ]; then
		echo "FAIL $name: needs input and expected"
		fail=1
		continue
	fi
	want_exit=0
	[ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")
	args=$(cat "$dir/args")
	eval "set -- $args"
	"$T" "$@" < "$dir/input" > "$tmp/out" 2> "$tmp/err"
	got_exit=$?
	why=
	if [ "$got_exit" != "$want_exit" ]; then
		why="exit $got_exit, wanted $want_exit"
	elif ! cmp -s "$dir/expected" "$tmp/out"; then
		why="standard output differs from expected"
	elif [ -f "$dir/stderr" ] && ! grep -F -q -e "$(cat "$dir/stderr")" "$tmp/err"; then
		why="standard error lacks: $(cat "$dir/stderr")"
	fi
	if [ -z "$why" ]; then
		echo "ok   $name"
		continue
	fi
	echo "FAIL $name: $why"
	echo "     $T $args < $dir/input"
	diff -u "$dir/expected" "$tmp/out" | head -n 40 | sed 's/^/     /'
	sed 's/^/     stderr: /' "$tmp/err" | head -n 5
	fail=1
done
if [ "$n" -eq 0 ]; then
	echo "FAIL no cases under tests/cases"
	fail=1
fi
exit $fail
