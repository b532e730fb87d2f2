#!/bin/sh
# SPDX-License-Identifier: ISC
# End-to-end leak test, self-contained: runs ./tearline over every cable in tests/corpus/ (see
# tests/corpus/SOURCES) at UNCLASSIFIED and CONFIDENTIAL, in each mode, and judges each release
# with tests/leak.py, a checker written apart from the filter. Fails on any leaked shingle, any
# failed run, or a mean retention of releasable text below 0.95.
set -u
cd "$(dirname "$0")/.." || exit 2
T=${TEARLINE:-./tearline}
if [ ! -x "$T" ]; then
	echo "FAIL $T is not built (run make)"
	exit 1
fi
if ! command -v python3 > /dev/null 2>&1; then
	echo "FAIL python3 is needed for tests/leak.py"
	exit 1
fi
fail=0
for mode in mask strip blackout; do
	for target in U C; do
		case $target in
		U) release=UNCLASSIFIED ;;
		C) release=CONFIDENTIAL ;;
		esac
		echo "-- $release, $mode"
		python3 tests/leak.py --release "$target" --min-retention 0.95 \
		    --run "$T -q --release $release --mode $mode" tests/corpus/*.txt || fail=1
	done
done
exit $fail
