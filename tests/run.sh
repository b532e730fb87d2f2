#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every test: the cmocka unit binaries (build/test_*), then every tests/*.test.sh script,
# several at a time; or, given scripts as arguments, only those scripts (make check-tsan runs the
# threaded ones).
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
# The scripts run $TEARLINE_TEST_JOBS at a time (default: one per processor), each into a log of
# its own; each log is shown whole, in the scripts' order, as soon as it and those before it are
# done. Every script makes its own scratch directory, so none sees another's files.
logs=$(mktemp -d) || exit 2
trap 'rm -rf "$logs"' EXIT
jobs=${TEARLINE_TEST_JOBS:-$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo 1)}
# The slowest scripts start first, so that the last to finish is not one of them alone.
list=
for slow in tests/stream.test.sh tests/stream-memory.test.sh tests/props.test.sh tests/failclosed.test.sh \
    tests/limits.test.sh tests/lattice.test.sh tests/generated.test.sh; do
	for t in $scripts; do
		[ "$t" = "$slow" ] && [ -f "$t" ] && list="$list $t"
	done
done
for t in $scripts; do
	case " $list " in *" $t "*) continue ;; esac
	[ -f "$t" ] && list="$list $t"
done
# shellcheck disable=SC2086
printf '%s\n' $list | xargs -P "$jobs" -I{} sh -c \
    'n=$(echo "$1" | tr / _); s=$(date +%s); sh "$1" > "$2/$n.log" 2>&1; r=$?
	    echo $(($(date +%s) - s)) > "$2/$n.time"; echo $r > "$2/$n.rc"' _ {} "$logs" &
runner=$!
for t in $list; do
	n=$(echo "$t" | tr / _)
	while [ ! -f "$logs/$n.rc" ]; do
		if ! kill -0 "$runner" 2> /dev/null && [ ! -f "$logs/$n.rc" ]; then
			echo 1 > "$logs/$n.rc"
			echo "FAIL $t did not run to its end" >> "$logs/$n.log"
			break
		fi
		sleep 0.2
	done
	echo "== $t ($(cat "$logs/$n.time" 2> /dev/null || echo ?) s)"
	cat "$logs/$n.log"
	k=$(grep -c '^skip' "$logs/$n.log")
	if [ "$k" -gt 0 ]; then
		skipped=$((skipped + k))
		skips="$skips $t"
	fi
	if [ "$(cat "$logs/$n.rc")" = 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $t"
	fi
done
wait "$runner"
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
