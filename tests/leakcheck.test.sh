#!/bin/sh
# The shared leak oracle (../shared/tools/leakcheck) over the whole shared corpus (the Cablegate
# cables, and the State and CIA FOIA releases when they are there), at UNCLASSIFIED and at
# CONFIDENTIAL. Fails on any leaked shingle, a mean retention below 0.95, or more than one
# refusal. Without ../shared (a checkout on its own) it says so and passes: that
# is the only test allowed to skip; tests/leak.test.sh covers the copies in tests/corpus.
set -u
cd "$(dirname "$0")/.." || exit 2
oracle=../shared/tools/leakcheck
corpus=../shared/corpus
if [ ! -f "$oracle" ] || [ ! -d "$corpus/cablegate" ] || [ ! -d "$corpus/cablegate-alt" ]; then
	echo "skip: $oracle or $corpus is absent"
	exit 0
fi
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
foia=
for dir in foia-state-emails foia-cia; do
	for f in "$corpus/$dir"/*.txt; do
		[ -f "$f" ] && foia="$foia $f"
	done
done
for level in U C; do
	case $level in
	U) release=UNCLASSIFIED ;;
	C) release=CONFIDENTIAL ;;
	esac
	# shellcheck disable=SC2086
	python3 "$oracle" --release "$level" --run "$T -q --release $release" \
	    "$corpus"/cablegate/*.txt "$corpus"/cablegate-alt/*.txt $foia > "$tmp/out" 2>&1
	rc=$?
	summary=$(grep '^summary:' "$tmp/out")
	if [ -z "$summary" ]; then
		echo "FAIL leakcheck --release $level gave no summary (exit $rc)"
		sed 's/^/     /' "$tmp/out" | tail -n 5
		fail=1
		continue
	fi
	leaked=$(printf '%s\n' "$summary" | sed -n 's/.*leaked_shingles=\([0-9]*\).*/\1/p')
	refused=$(printf '%s\n' "$summary" | sed -n 's/.* refused=\([0-9]*\).*/\1/p')
	mean=$(printf '%s\n' "$summary" | sed -n 's/.*mean_retention=\([0-9.]*\).*/\1/p')
	why=
	[ "$leaked" = 0 ] || why="$why leaked_shingles=$leaked"
	[ -n "$refused" ] && [ "$refused" -le 1 ] || why="$why refused=$refused"
	# Compare as thousandths: mean_retention is printed with three decimals.
	thousandths=$(printf '%s\n' "$mean" | awk '{ printf "%d", $1 * 1000 + 0.5 }')
	[ "$thousandths" -ge 950 ] || why="$why mean_retention=$mean"
	if [ -z "$why" ]; then
		echo "ok   leakcheck --release $level ($release): $summary"
	else
		echo "FAIL leakcheck --release $level ($release):$why"
		grep -E 'LEAK|refused' "$tmp/out" | sed 's/^/     /'
		fail=1
	fi
done
exit $fail
