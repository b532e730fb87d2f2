#!/bin/sh
# SPDX-License-Identifier: ISC
# The shared leak oracle (../shared/tools/leakcheck) over every document of the shared corpus
# (every folder of ../shared/corpus: Cablegate cables in UTF-8 and in Latin-1 with CRLF, State and
# CIA FOIA releases, OCR'd IC pages), at UNCLASSIFIED, CONFIDENTIAL and SECRET. Fails on any leaked
# shingle or more than one refusal; on the cables and FOIA releases also on a mean retention below
# 0.97. The oracle takes unmarked headings, signatures, a line right below a short one, a
# paragraph after a colon and one after a page break that opens with a capital as more of the
# portion before; the reader withholds them at the document's marking (docs/reading.md, "What it
# costs"), two points of retention or so. The IC pages' retention is printed, not judged: many of
# their marks are damaged by OCR and must stay withheld.
# Without ../shared it fails when TEARLINE_REQUIRE_SHARED is set (.ci/run sets it: CI always has
# ../shared), and otherwise says so and passes, for a checkout on its own; tests/leak.test.sh
# covers the copies in tests/corpus there.
set -u
cd "$(dirname "$0")/.." || exit 2
oracle=../shared/tools/leakcheck
corpus=../shared/corpus
if [ ! -f "$oracle" ] || [ ! -d "$corpus" ]; then
	if [ -n "${TEARLINE_REQUIRE_SHARED:-}" ]; then
		echo "FAIL $oracle or $corpus is absent, and TEARLINE_REQUIRE_SHARED is set"
		exit 1
	fi
	echo "skip: $oracle or $corpus is absent (CI, with TEARLINE_REQUIRE_SHARED, fails here)"
	exit 0
fi
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
docs= ic= nfolders=0
for dir in "$corpus"/*/; do
	n=0
	for f in "$dir"*.txt; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		case $dir in
		*/ic-ocr/) ic="$ic $f" ;;
		*) docs="$docs $f" ;;
		esac
	done
	[ "$n" -gt 0 ] && nfolders=$((nfolders + 1))
done
[ -n "$docs" ] || bad "no documents found under $corpus"

# judge NAME MIN_MEAN_THOUSANDTHS FILES... (MIN 0: retention is printed, not judged)
judge() {
	_name=$1 _min=$2
	shift 2
	python3 "$oracle" --release "$level" --run "$T -q --release $release" "$@" > "$tmp/out" 2>&1
	_summary=$(grep '^summary:' "$tmp/out")
	if [ -z "$_summary" ]; then
		bad "leakcheck --release $level, $_name: no summary"
		sed 's/^/     /' "$tmp/out" | tail -n 5
		return
	fi
	_leaked=$(printf '%s\n' "$_summary" | sed -n 's/.*leaked_shingles=\([0-9]*\).*/\1/p')
	_refused=$(printf '%s\n' "$_summary" | sed -n 's/.* refused=\([0-9]*\).*/\1/p')
	_mean=$(printf '%s\n' "$_summary" | sed -n 's/.*mean_retention=\([0-9.]*\).*/\1/p')
	_why=
	[ "$_leaked" = 0 ] || _why="$_why leaked_shingles=$_leaked"
	[ -n "$_refused" ] && [ "$_refused" -le 1 ] || _why="$_why refused=$_refused"
	# Compare as thousandths: mean_retention is printed with three decimals.
	_th=$(printf '%s\n' "$_mean" | awk '{ printf "%d", $1 * 1000 + 0.5 }')
	[ "$_th" -ge "$_min" ] || _why="$_why mean_retention=$_mean"
	if [ -z "$_why" ]; then
		ok "leakcheck --release $level ($release), $_name: $_summary"
	else
		bad "leakcheck --release $level ($release), $_name:$_why"
		grep -E 'LEAK|refused' "$tmp/out" | sed 's/^/     /'
	fi
}

for level in U C S; do
	case $level in
	U) release=UNCLASSIFIED ;;
	C) release=CONFIDENTIAL ;;
	S) release=SECRET ;;
	esac
	# shellcheck disable=SC2086
	judge "cables and FOIA releases" 970 $docs
	# shellcheck disable=SC2086
	[ -n "$ic" ] && judge "OCR'd IC pages" 0 $ic
done
echo "     ($nfolders folders of $corpus)"
exit $fail
