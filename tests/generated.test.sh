#!/bin/sh
# SPDX-License-Identifier: ISC
# Generated documents against the shared leak oracle: tests/lib/gendocs.py writes 400 documents
# from fixed seeds, each built to tempt the filter (marks in many spellings, misspelt, in lower
# case and unclosed; marks in mid-line and at the start of wrapped lines; numbered paragraphs
# with and without marks; bullets, page headers, second banners, captions, subjects), and
# ../shared/tools/leakcheck judges every release at UNCLASSIFIED, CONFIDENTIAL and SECRET, in
# mask and strip mode. Fails on any leaked shingle or refusal. The documents are not meant to be
# released well, only safely: retention is printed, not judged. Without ../shared it fails under
# TEARLINE_REQUIRE_SHARED (.ci/run) and otherwise says so and passes, as tests/leakcheck.test.sh
# does.
set -u
cd "$(dirname "$0")/.." || exit 2
oracle=../shared/tools/leakcheck
if [ ! -f "$oracle" ]; then
	if [ -n "${TEARLINE_REQUIRE_SHARED:-}" ]; then
		echo "FAIL $oracle is absent, and TEARLINE_REQUIRE_SHARED is set"
		exit 1
	fi
	echo "skip: $oracle is absent (CI, with TEARLINE_REQUIRE_SHARED, fails here)"
	exit 0
fi
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
mkdir "$tmp/docs"
python3 tests/lib/gendocs.py 400 20261128 "$tmp/docs" || exit 2
for level in U C S; do
	case $level in
	U) release=UNCLASSIFIED ;;
	C) release=CONFIDENTIAL ;;
	S) release=SECRET ;;
	esac
	for mode in mask strip; do
		python3 "$oracle" --release "$level" --run "$T -q --release $release --mode $mode" \
		    "$tmp"/docs/*.txt > "$tmp/out" 2>&1
		summary=$(grep '^summary:' "$tmp/out")
		leaked=$(printf '%s\n' "$summary" | sed -n 's/.*leaked_shingles=\([0-9]*\).*/\1/p')
		refused=$(printf '%s\n' "$summary" | sed -n 's/.* refused=\([0-9]*\).*/\1/p')
		if [ "$leaked" = 0 ] && [ "$refused" = 0 ]; then
			ok "400 generated documents, $release, $mode: $summary"
		else
			bad "400 generated documents, $release, $mode: ${summary:-no summary}"
			grep -E 'LEAK|refused' "$tmp/out" | head -n 5 | sed 's/^/     /'
		fi
	done
done
exit $fail
