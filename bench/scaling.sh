#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench, scaling: the shapes of document that once took time growing with the square of
# their size (a look back to the last text line from every line, a paragraph raised back once for
# each of its marks, a list joined once for each item, a semicolon paragraph scanned ahead from
# every line, markings that fell in one slot of the interned set, a SARIF report counting every
# finding before each), each at n and 4n lines (of 4,000 distinct markings, within the limit). A ratio near 4 is linear; near 16, quadratic.
# Run alone: sh bench/scaling.sh. Nothing here is a test.
set -eu
cd "$(dirname "$0")/.."
W=bench/work
T=./tearline
mkdir -p "$W"
echo
echo "scaling: seconds (user) at n and 4n lines, release UNCLASSIFIED"
printf '%-22s %8s %8s %8s %8s\n' shape n "s at n" "s at 4n" ratio
for shape in marks-alone raised-back list-items semicolons unknown-tokens rel-lists sarif; do
	set --
	for n in 20000 80000; do
		python3 - "$shape" "$n" "$W/scale.txt" <<'PY'
import sys
shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
hdr = 'SECRET\n\nSUBJECT: (U) TEST\n\n'
w = 'The Minister said the ministry would consider the matter further next week'
cs = ['AUS', 'GBR', 'CAN', 'NZL', 'FRA', 'DEU', 'ITA', 'ESP', 'NLD', 'BEL', 'NOR', 'DNK',
      'POL', 'JPN', 'KOR', 'ISR', 'TUR', 'GRC', 'PRT', 'CZE']
doc = {
    'marks-alone': lambda: hdr + '(U)\n' * n,
    'raised-back': lambda: hdr + '(U) The plan is set (S)\n' * n,
    'list-items': lambda: hdr + '2. (S) The paragraph says:\n\n- (U) first item\n' +
                          '- another item\n' * n,
    'semicolons': lambda: hdr + '1. (U) The points agreed were these;\n' + (w + ';\n') * n,
    'unknown-tokens': lambda: hdr + ''.join('(S//QQ%d) The text.\n' % (i % 4000) for i in range(n)),
    'rel-lists': lambda: hdr + ''.join('(S//REL TO USA, %s) x\n' % ', '.join(
        c for j, c in enumerate(cs) if ((i % 4000) >> j) & 1) for i in range(n)),
    'sarif': lambda: hdr + ''.join('%d. (S) %s.\n\n' % (i % 999 + 1, w) for i in range(n)),
}[shape]()
open(out, 'w').write(doc)
PY
		if [ "$shape" = sarif ]; then
			set -- "$@" "$( { /usr/bin/time -f %U $T check --format sarif -r U "$W/scale.txt" \
			    > /dev/null; } 2>&1 | tail -n 1)"
		else
			set -- "$@" "$( { /usr/bin/time -f %U $T redact -q -r U -o "$W/scale.out" \
			    "$W/scale.txt"; } 2>&1 | tail -n 1)"
		fi
	done
	awk -v s="$shape" -v a="$1" -v b="$2" 'BEGIN {
	    printf "%-22s %8d %8.2f %8.2f %8.1f\n", s, 20000, a, b, (a > 0 ? b / a : 0) }'
done
rm -f "$W/scale.txt" "$W/scale.out"
