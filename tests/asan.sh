#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs the whole suite (tests/run.sh), or the scripts given after DIR, against the sanitizer build
# in DIR (default build-asan, made by make check-asan; build-tsan by make check-tsan): the program
# from DIR/tearline, the unit tests from DIR/test_*. Fails when the suite fails or when any run
# left a sanitizer report. Reports go to files (log_path), not to standard error, so that a report
# from a run that a test expects to fail, or whose standard error a test throws away, is still
# seen.
#
# Reports made inside the sandbox have no symbols (the sandbox refuses to start a symbolizer):
# run the command again with --no-sandbox, or give the addresses to llvm-symbolizer.
set -u
cd "$(dirname "$0")/.." || exit 2
dir=${1:-build-asan}
[ $# -gt 0 ] && shift
if [ ! -x "$dir/tearline" ]; then
	echo "FAIL $dir/tearline is not built (run make check-asan)"
	exit 2
fi
reports=$(pwd)/$dir/reports
rm -rf "$reports"
mkdir -p "$reports" || exit 2
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:log_path=$reports/asan
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan
TSAN_OPTIONS=halt_on_error=1:log_path=$reports/tsan
TEARLINE=$dir/tearline
BUILD=$dir
export ASAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS TEARLINE BUILD
sh tests/run.sh "$@"
rc=$?
n=$(find "$reports" -type f | wc -l)
if [ "$n" -ne 0 ]; then
	echo "FAIL $n sanitizer report(s) in $reports:"
	for f in "$reports"/*; do
		echo "== $f"
		head -n 40 "$f"
	done
	rc=1
else
	echo "$dir: no sanitizer report"
fi
exit $rc
