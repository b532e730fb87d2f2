#!/bin/sh
# SPDX-License-Identifier: ISC
# The streamed reader (issue 13), the other half of tests/stream.test.sh: on the shared corpus,
# the retention documents and the samples, its release, messages and exit status are those of
# the whole reading; on a document of many cables, so are its release and audit; and its memory
# stays within twice the document and 16 MiB on the shapes that once took 13 to 41 times it.
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

# 1. Every shared document, at each kind of target and mode, through a window of 64 lines (16
#    kept behind the line read, 4 ahead of it, portions let go every 4): a rule that reads
#    further is noted and its document read whole, with the same result.
for dir in ../shared/corpus/*/; do
	set -- "$dir"*.txt
	[ -f "$1" ] || continue
	d=$(basename "$dir")
	both "corpus $d at U, mask" UNCLASSIFIED mask 64 "$@"
	both "corpus $d at SECRET//REL TO USA, GBR, strip" "SECRET//REL TO USA, GBR" strip 64 "$@"
	both "corpus $d at C, blackout" CONFIDENTIAL blackout 256 "$@"
done
set -- ../shared/retention/*.txt
[ -f "$1" ] && both "retention at U" UNCLASSIFIED mask 64 "$@"
both "samples at U" UNCLASSIFIED mask 64 samples/*.txt
both "samples at C" CONFIDENTIAL strip 64 samples/*.txt

# 3. A document of many cables, where the real window (65,536 lines) lets go of lines and
#    portions too, and the audit: byte for byte the same, and verified.
for f in ../shared/corpus/*/*.txt; do cat "$f"; done > "$tmp/one.txt"
cat "$tmp/one.txt" "$tmp/one.txt" "$tmp/one.txt" "$tmp/one.txt" "$tmp/one.txt" \
    "$tmp/one.txt" "$tmp/one.txt" "$tmp/one.txt" > "$tmp/big.txt"
"$T" keygen --secret-key "$tmp/k.sec" --public-key "$tmp/k.pub" -q
for b in $whole 0; do
	SOURCE_DATE_EPOCH=1700000000 TEARLINE_TEST_SEED=stream TEARLINE_TEST_BUDGET=$b \
	    TEARLINE_TEST_WINDOW=0 "$T" redact -q -r UNCLASSIFIED --secret-key "$tmp/k.sec" \
	    --audit "$tmp/a.$b" -o "$tmp/o.$b" "$tmp/big.txt" 2> "$tmp/e.$b"
done
if ! grep -q ': read in two passes$' "$tmp/e.0" || ! grep -q ': read whole$' "$tmp/e.$whole"
then
	bad "a document of many cables: not read as asked"
elif cmp -s "$tmp/o.0" "$tmp/o.$whole" && cmp -s "$tmp/a.0" "$tmp/a.$whole"; then
	ok "a document of many cables: release and audit the same whole and streamed"
else
	bad "a document of many cables: release or audit differs"
fi
expect 0 "... and the streamed one's audit verifies" "$T" verify --public-key "$tmp/k.pub" \
    --audit "$tmp/a.0" --output "$tmp/o.0" --original "$tmp/big.txt"

# 4. Memory: peak resident size within twice the document and 16 MiB (GNU time reports the
#    peak), for the shapes that needed 13 to 41 times the document, with and without an audit.
#    The shapes are 2 MB: 13 times that passes the bound by 10 MB, and the bound is the one the
#    project states, not a looser one (a looser one let through a whole reading whose audit of
#    re-marked banners took 27 MB of 2 MB, because those lines were not counted in the budget
#    of records). The runs today stay 2 MB or more below it. check's shapes are 250 KB: their
#    reports are 30 to 80 MB, which the old check held whole (at 4 MB, a report of 870 MB took
#    half of this script's time).
if [ -n "${ASAN_OPTIONS:-}${TSAN_OPTIONS:-}" ]; then
	echo "skip: memory is not measured against a sanitizer build (make check measures it)"
	exit "$fail"
fi
if [ ! -x /usr/bin/time ]; then
	bad "memory: /usr/bin/time is not installed (scripts/deps.sh test installs it)"
	exit 1
fi
if ! python3 - "$tmp" <<'EOF2'
import sys
tmp = sys.argv[1]
def shapes(n):
  return {
    'blank': '\n' * n,
    'small': '(U) ab\n' * (n // 7),
    'alternating': 'SECRET\n\n' + '(U) a.\n\n(S) b.\n\n' * (n // 16),
    'banners': 'SECRET//NOFORN\n' * (n // 15),
    # Runs of blank lines longer than the window looks back, between paragraphs (a scan's
    # blank pages): the rules that look back for the text before a line cross them in one step.
    'blank-runs': ('1. (U) The minister said the ministry would review the plan.\n' +
                   '\n' * 40000) * (n // 40064),
    # Portions of two and four bytes: what is kept of each portion is kept in blocks.
    'dashes': 'SECRET\n\n' + '-\n' * (n // 8),
    'marks': 'SECRET\n\n' + '(U)\n(S)\n' * (n // 16),
    # A list item near the top, whose paragraph the reader names until the end: no portion
    # record is kept for it (evict_portions).
    'pinned': 'SECRET\n\n1. (S) The paragraph says:\n- (U) first item\n\n' +
              '(S) Text here.\n' * (n // 15),
    # Caption lines that alternate: their entries are kept as facts, a few bits each.
    'captions': 'SECRET\n\n1. (S) text\n' + 'NF\nXD\n' * (n // 6),
    # Short lists, one paragraph: a block of facts holds three or four values (a palette), and
    # portions of lines further back than the reader looks are let go.
    'lists': 'SECRET\n\n' + ('(S) P:\n- (U) x\n' + '- y\n' * 8) * (n // 48),
  }
for prefix, n in ('shape', 2000000), ('check', 250000):
    for name, text in shapes(n).items():
        with open('%s/%s-%s.txt' % (tmp, prefix, name), 'w') as f:
            f.write(text)
EOF2
then
	bad "memory: the shapes could not be written"
	exit 1
fi
# With an audit, whose records are written as the changes are made (the alternating document's
# audit is 27 times its size).
for run in blank small alternating banners blank-runs dashes marks pinned captions lists \
    alternating:audit banners:audit lists:audit; do
	shape=${run%:audit}
	f=$tmp/shape-$shape.txt
	size=$(wc -c < "$f") || { bad "memory, $run: no document"; continue; }
	set -- -q -r UNCLASSIFIED -o "$f.out"
	[ "$run" = "$shape" ] || set -- "$@" --secret-key "$tmp/k.sec" --audit "$f.audit"
	rm -f "$f.audit"
	peak=$(/usr/bin/time -f %M "$T" redact "$@" "$f" 2>&1 >/dev/null | tail -n 1)
	bound=$(( (size * 2 + 16 * 1048576) / 1024 ))
	if [ "$peak" -le "$bound" ] 2>/dev/null; then
		ok "memory, $run of $size bytes: peak $peak KiB (bound $bound KiB)"
	else
		bad "memory, $run of $size bytes: peak $peak KiB (bound $bound KiB)"
	fi
	rm -f "$f.audit" "$f.out"
done
# check, which reads as redact does and writes each finding as it is made, in its heaviest
# format (SARIF).
for shape in small dashes lists; do
	f=$tmp/check-$shape.txt
	size=$(wc -c < "$f")
	peak=$(/usr/bin/time -f %M "$T" check -r UNCLASSIFIED --format sarif -o "$f.out" "$f" \
	    2>&1 >/dev/null | tail -n 1)
	bound=$(( (size * 2 + 16 * 1048576) / 1024 ))
	if [ "$peak" -le "$bound" ] 2>/dev/null; then
		ok "memory, check of $shape of $size bytes: peak $peak KiB (bound $bound KiB)"
	else
		bad "memory, check of $shape of $size bytes: peak $peak KiB (bound $bound KiB)"
	fi
	rm -f "$f.out"
done
exit "$fail"
