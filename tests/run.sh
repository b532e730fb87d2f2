#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every test: the cmocka unit binaries (build/test_*), then every tests/*.test.sh script;
# or, given scripts as arguments, only those scripts (make check-tsan runs the threaded ones).
# $BUILD names another build directory for the unit binaries, and $TEARLINE another binary for
# the scripts (make check-asan sets both).
# Each script prints its own lines and exits non-zero on failure. The last line is the plain
# "N passed, N failed" summary that CI reads.
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
failures=
units="${BUILD:-build}/test_*"
scripts="tests/*.test.sh"
if [ $# -gt 0 ]; then
	units=
	scripts="$*"
fi
for t in $units; do
	[ -x "$t" ] || continue
	if "$t"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $t"
	fi
done
for t in $scripts; do
	[ -f "$t" ] || continue
	echo "== $t"
	if sh "$t"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $t"
	fi
done
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
