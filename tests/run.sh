#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every test: the cmocka unit binaries (build/test_*), then every tests/*.test.sh script;
# or, given scripts as arguments, only those scripts (make check-tsan runs the threaded ones).
# $BUILD names another build directory for the unit binaries, and $TEARLINE another binary for
# the scripts (make check-asan sets both).
# Each script prints its own lines and exits non-zero on failure; a check it cannot run prints a
# line beginning "skip". The skips are counted (and fail the run under TEARLINE_REQUIRE_SHARED,
# as in CI, where nothing may skip). The last line is the plain "N passed, N failed" summary.
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
skipped=0
failures=
skips=
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
log=$(mktemp) || exit 2
trap 'rm -f "$log" "$log.rc"' EXIT
for t in $scripts; do
	[ -f "$t" ] || continue
	echo "== $t"
	# Shown as it runs, and kept to count what the script skipped.
	{ sh "$t"; echo $? > "$log.rc"; } 2>&1 | tee "$log"
	n=$(grep -c '^skip' "$log")
	if [ "$n" -gt 0 ]; then
		skipped=$((skipped + n))
		skips="$skips $t"
	fi
	if [ "$(cat "$log.rc")" = 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $t"
	fi
done
[ -n "$failures" ] && echo "failed:$failures"
if [ "$skipped" -gt 0 ]; then
	echo "skipped: $skipped check(s), in$skips (the lines beginning \"skip\" say why)"
	# CI installs every tool and has ../shared: there, a skip is a failure.
	if [ -n "${TEARLINE_REQUIRE_SHARED:-}" ]; then
		echo "FAIL checks were skipped, and TEARLINE_REQUIRE_SHARED is set"
		failed=$((failed + 1))
	fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
