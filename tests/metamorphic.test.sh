#!/bin/sh
# SPDX-License-Identifier: ISC
# Metamorphic test (tests/metamorphic.py): every document of tests/corpus and of the shared corpus
# (../shared/corpus), rewritten in ways that change no marking and no paragraph (indented, its
# spaces no-break or doubled, CR or CRLF line ends, in Latin-1, curly quotes, blank lines doubled,
# quoted with "> " or "> > ", marks in bold as markdown, HTML and TeX write it, paragraphs given
# a bullet or put in HTML's <p>), releases at UNCLASSIFIED and CONFIDENTIAL no word that the
# original's release withholds. Without ../shared it runs over tests/corpus alone, and fails
# when TEARLINE_REQUIRE_SHARED is set.
set -u
cd "$(dirname "$0")/.." || exit 2
T=${TEARLINE:-./tearline}
if ! command -v python3 > /dev/null 2>&1; then
	echo "FAIL metamorphic: python3 is missing (scripts/deps.sh test installs it)"
	exit 1
fi
set -- tests/corpus/*.txt
if [ -d ../shared/corpus ]; then
	set -- "$@" ../shared/corpus/*/*.txt
elif [ -n "${TEARLINE_REQUIRE_SHARED:-}" ]; then
	echo "FAIL metamorphic: ../shared/corpus is missing"
	exit 1
else
	echo "skip metamorphic over ../shared/corpus (not beside this checkout)"
fi
python3 tests/metamorphic.py "$T" "$@"
