#!/bin/sh
# SPDX-License-Identifier: ISC
# The streamed reader (issue 13): a document whose line and portion records would pass their
# budget is read in two passes through a window (document_read). Its release, its messages, its
# exit status are byte for byte those of the whole reading, on every red-team document, golden
# case and generated document, with windows small enough that lines and portions are let go all
# the time. tests/stream-memory.test.sh does the same on the shared documents, and checks a
# large document's audit and the memory bound; the two run side by side in make check.
#
# TEARLINE_TEST_BUDGET=N sets the budget (0: every document is streamed; a large N: none is);
# TEARLINE_TEST_WINDOW=N the window's lines, and makes every run say how it read its document.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
# shellcheck source=tests/lib/stream.sh
. tests/lib/stream.sh
need_shared ../shared/corpus

# 2. The red-team documents (redteam*, stop5*, stop6*), the golden cases and the limit cases, which hold
#    the shapes the reader's rules look furthest for.
for dir in tests/data/redteam*/ tests/data/stop5*/ tests/data/stop6*/ tests/cases/; do
	set -- "$dir"*.txt "$dir"*/input
	files=
	for f in "$@"; do
		[ -f "$f" ] && files=1
	done
	[ -n "$files" ] || continue
	# A batch refuses two documents of one base name: one run per document.
	n=0
	for f in "$@"; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		mkdir -p "$tmp/one/$n"
		cp "$f" "$tmp/one/$n/$(echo "$f" | tr '/' '_')"
	done
	set -- "$tmp"/one/*/*
	both "$(basename "$dir") at U" UNCLASSIFIED mask 64 "$@"
	rm -rf "$tmp/one"
done

# The generated documents of tests/generated.test.sh (the same seed), at each target.
mkdir "$tmp/gen"
python3 tests/lib/gendocs.py 400 20261128 "$tmp/gen" || exit 2
for t in UNCLASSIFIED CONFIDENTIAL SECRET; do
	both "generated at $t" "$t" mask 64 "$tmp"/gen/*
done

exit "$fail"
