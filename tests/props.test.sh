#!/bin/sh
# SPDX-License-Identifier: ISC
# The properties of the reading and the lattice (tests/props/props.h: nested releases by level and
# by audience, damage to a mark and an inserted signal never releasing a withheld line, the three
# modes releasing the same lines, banners that read back and admit no reader a kept portion
# excludes, a release redacted again keeping what it copied) on real documents: the seed cable and the samples, the cables copied into tests/corpus,
# and, where ../shared is beside the tree, every document of ../shared/corpus, each with damage
# and insertions from five seeds; and on 5,000 generated documents from seeds other than the unit
# test's. build/props is the runner (make unit builds it); run it with -s and -n for more.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
P=${BUILD:-build}/props
if [ ! -x "$P" ]; then
	bad "$P is not built (make unit)"
	exit 1
fi
files="samples/*.txt tests/corpus/*.txt"
if [ -d ../shared/corpus ]; then
	files="$files ../shared/corpus/*/*.txt"
elif [ -n "${TEARLINE_REQUIRE_SHARED:-}" ]; then
	bad "../shared/corpus is absent, and TEARLINE_REQUIRE_SHARED is set"
fi
# shellcheck disable=SC2086
if "$P" -s 20261203 -n 0 -t 12 $files > "$tmp/out" 2>&1; then
	ok "real documents: $(tail -n 1 "$tmp/out")"
else
	bad "real documents: $(tail -n 1 "$tmp/out")"
	grep '^FAIL' "$tmp/out" | head -n 10 | sed 's/^/     /'
fi
# The scheme samples under their own policies (the lattice properties (e) to (g) at each
# scheme's own targets).
for pol in cui nato uk us-intel; do
	# shellcheck disable=SC2086
	if "$P" -p "policies/$pol.yaml" -s 20261203 -n 0 -t 12 samples/schemes/${pol#us-}-*.txt \
	    > "$tmp/out" 2>&1; then
		ok "$pol samples: $(tail -n 1 "$tmp/out")"
	else
		bad "$pol samples: $(tail -n 1 "$tmp/out")"
		grep '^FAIL' "$tmp/out" | head -n 10 | sed 's/^/     /'
	fi
done
if "$P" -s 1 -n 5000 -t 6 > "$tmp/out" 2>&1; then
	ok "generated documents: $(tail -n 1 "$tmp/out")"
else
	bad "generated documents: $(tail -n 1 "$tmp/out")"
	grep '^FAIL' "$tmp/out" | head -n 10 | sed 's/^/     /'
fi
exit $fail
