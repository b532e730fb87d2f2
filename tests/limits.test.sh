#!/bin/sh
# SPDX-License-Identifier: ISC
# Limits and hostile bytes: a line of 17 MB, a document of 1 GB, the --max-document boundary,
# CR-only line ends, a byte order mark, invalid UTF-8 and NUL bytes in each kind of line (banner,
# mark, text), and policies whose patterns hit PCRE2's match, depth, heap and JIT stack limits.
# Each case either releases what it may, withholding the named secret words (in mask, strip and
# blackout mode), or is refused with exit 2, a message, and nothing on standard output.
#
# Processing a 1 GB document (about 18 s and 4 GB of memory) runs only with
# TEARLINE_SLOW_LIMITS=1, which make check-limits sets; its refusal at the default limit runs
# always.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
# shellcheck source=tests/lib/adversarial.sh
. tests/lib/adversarial.sh

# refused NAME MESSAGE COMMAND...: COMMAND exits 2, says MESSAGE and prints nothing.
refused() {
	_name=$1 _says=$2
	shift 2
	"$@" > "$tmp/out" 2> "$tmp/err"
	_rc=$?
	if [ "$_rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -F -q -e "$_says" "$tmp/err"; then
		ok "$_name: exit 2, \"$_says\""
	else
		bad "$_name: exit $_rc, $(wc -c < "$tmp/out") bytes out: $(head -c 300 "$tmp/err")"
	fi
}

# words BYTES: BYTES bytes of secret words on one line, without a line end.
words() {
	yes 'walrus zebra narwhal' | head -c "$1" | tr '\n' ' '
}

# A line of 17 MB (past 2^24 bytes): decided like any other text (a line is a byte range, with no
# length limit; no structure pattern is tried on a line longer than 1 KiB). It was 100 MB, then
# 25 MB; the reader reads such a line in folds of 1 KiB, at about 5 MB/s, and a line just past
# 2^24 bytes shows the same.
start=$(date +%s)
{ printf 'SECRET\n\n1. (S) '; words 17000000; printf '\n\n2. (U) The weather was fine.\n'; } \
    > "$tmp/line-marked"
{
	printf 'SECRET\n\n1. (S) The plan reads as follows and\n'
	words 17000000
	printf '\n\n2. (U) The weather was fine.\n'
} > "$tmp/line-continued"
adv 17-mb-line-marked UNCLASSIFIED "$tmp/line-marked" 'walrus|zebra|narwhal|SECRET' \
    'weather was fine|UNCLASSIFIED'
adv 17-mb-line-continued UNCLASSIFIED "$tmp/line-continued" \
    'walrus|zebra|narwhal|plan reads|SECRET' 'weather was fine|UNCLASSIFIED'
# At SECRET the whole line is released, byte for byte.
if "$T" -q -r SECRET "$tmp/line-marked" | cmp -s - "$tmp/line-marked"; then
	ok "17-mb-line-marked (SECRET): released whole"
else
	bad "17-mb-line-marked (SECRET): not released whole"
fi
rm -f "$tmp/line-marked" "$tmp/line-continued"
ok "the 17 MB lines took $(($(date +%s) - start)) s in all"

# A document of 1 GB, over the default --max-document of 256 MiB: refused before any output,
# from a pipe and from a file, and -o creates nothing.
refused "1 GB on standard input" "larger than the limit of 268435456 bytes (--max-document)" \
    sh -c "{ printf 'SECRET\n\n1. (S) '; yes 'walrus zebra narwhal' | head -c 1073741824; } |
    \"$T\" -r U"
if truncate -s 1G "$tmp/1g" 2> /dev/null; then
	refused "1 GB file (sparse, NUL bytes)" "$tmp/1g: document larger than the limit" \
	    "$T" -r U -o "$tmp/1g.out" "$tmp/1g"
	[ ! -e "$tmp/1g.out" ] || bad "1 GB file: -o created $tmp/1g.out"
	rm -f "$tmp/1g"
fi

# --max-document is exact: a document of that many bytes is read, one byte more is refused.
printf 'SECRET\n\n1. (U) The weather was fine.\n' > "$tmp/small"
size=$(wc -c < "$tmp/small")
if "$T" -q -r U --max-document "$size" "$tmp/small" > /dev/null 2>&1; then
	ok "--max-document $size: a document of $size bytes is read"
else
	bad "--max-document $size: a document of $size bytes is refused"
fi
refused "--max-document $((size - 1))" "larger than the limit of $((size - 1)) bytes" \
    "$T" -q -r U --max-document $((size - 1)) "$tmp/small"

# Processing 1 GB (make check-limits): about 51 million short lines.
if [ "${TEARLINE_SLOW_LIMITS:-0}" = 1 ]; then
	timer=
	[ -x /usr/bin/time ] && timer="/usr/bin/time -v -o $tmp/time"
	start=$(date +%s)
	{ printf 'SECRET\n\n1. (S) '; yes 'walrus zebra narwhal' | head -c 1073741824
	    printf '\n2. (U) The weather was fine.\n'; } |
	    $timer "$T" -q -r U --max-document 2G > "$tmp/out" 2> "$tmp/err"
	rc=$?
	took=$(($(date +%s) - start))
	rss=
	[ -f "$tmp/time" ] && rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
	if [ "$rc" -eq 0 ] && ! grep -q walrus "$tmp/out" &&
	    grep -q 'The weather was fine' "$tmp/out"; then
		ok "1 GB with --max-document 2G: released in $took s, peak RSS ${rss:-?} KiB"
	else
		bad "1 GB with --max-document 2G: exit $rc in $took s: $(head -c 300 "$tmp/err")"
	fi
fi

# CR-only line ends, a byte order mark, invalid UTF-8 and NUL bytes, in each kind of line.
# LF, CRLF and a lone CR each end a line; NUL and invalid bytes are bytes like any other, and a
# line that holds them is a banner or a mark only if the policy's patterns say so.
c() { printf "$2" > "$tmp/$1"; }
c banner-cr 'SECRET\r\r1. (S) The walrus plan.\r\r2. (U) The weather was fine.\r'
adv banner-cr-only UNCLASSIFIED "$tmp/banner-cr" 'walrus|SECRET' 'weather was fine|UNCLASSIFIED'
c banner-bom-cr '\357\273\277SECRET\r\rThe unmarked walrus summary.\r1. (U) Fine.\r'
adv banner-bom-cr-only UNCLASSIFIED "$tmp/banner-bom-cr" 'walrus|SECRET' 'Fine|UNCLASSIFIED'
c banner-nul 'SEC\000RET\n\nThe unmarked walrus summary.\n\n1. (S) The zebra plan.\n2. (U) Fine.\n'
adv banner-nul UNCLASSIFIED "$tmp/banner-nul" 'walrus|zebra|SEC' 'Fine'
c banner-nul-end 'UNCLASSIFIED\000\n\nThe unmarked walrus summary.\n'
adv banner-nul-after-level "TOP SECRET" "$tmp/banner-nul-end" 'walrus'
c banner-utf8 'SECRET\377\n\nThe unmarked walrus summary.\n\n1. (U) Fine.\n'
adv banner-invalid-utf8 UNCLASSIFIED "$tmp/banner-utf8" 'walrus|SECRET' 'Fine'
c mark-nul 'SECRET\n\n1. (U\000) The walrus plan.\n2. (\000U) The zebra plan.\n3. (U) Fine.\n'
adv mark-nul UNCLASSIFIED "$tmp/mark-nul" 'walrus|zebra|SECRET' 'Fine'
c mark-utf8 'SECRET\n\n1. (U\377) The walrus plan.\n2. (\300\250U) The zebra plan.\n3. (U) Fine.\n'
adv mark-invalid-utf8 UNCLASSIFIED "$tmp/mark-utf8" 'walrus|zebra|SECRET' 'Fine'
c mark-bom '\357\273\277(S) The walrus plan.\n(U) Fine.\n'
adv mark-after-bom UNCLASSIFIED "$tmp/mark-bom" 'walrus' 'Fine'
c mark-bom-mid 'UNCLASSIFIED\n\n1. (U) Fine.\n\357\273\277(S) The walrus plan.\n'
adv mark-after-bom-mid-document UNCLASSIFIED "$tmp/mark-bom-mid" 'walrus' 'Fine'
c mark-cr 'SECRET\n\n1. (S) The walrus plan covers\r(U) the zebra depot.\n2. (U) Fine.\n'
adv mark-after-lone-cr-mid-sentence UNCLASSIFIED "$tmp/mark-cr" 'walrus|zebra' 'Fine'
c text-nul 'SECRET\n\n1. (S) The walrus plan covers\000(U) the zebra depot.\n\000(U) narwhal\n'
adv text-nul-before-mark UNCLASSIFIED "$tmp/text-nul" 'walrus|zebra|narwhal'
c text-utf8 'SECRET\n\n1. (S) The wal\377rus plan \300\200 zebra \355\240\200 narwhal.\n2. (U) Fine.\n'
adv text-invalid-utf8 UNCLASSIFIED "$tmp/text-utf8" 'rus plan|zebra|narwhal' 'Fine'
c text-crlf-cr 'SECRET\r\n\r\n1. (S) The walrus plan\rcontinues to the zebra depot.\r\n2. (U) Fine.\r\n'
adv text-lone-cr-in-crlf UNCLASSIFIED "$tmp/text-crlf-cr" 'walrus|zebra' 'Fine'

# Policies whose patterns hit a limit on a hostile line: an error that names the limit, exit 2
# and no output, never "no match"; the same policy on a harmless line releases as usual.
as=$(head -c 40 /dev/zero | tr '\0' a)
printf 'SECRET\n(U) %sb\n(S) The walrus plan.\n' "$as" > "$tmp/hostile-portion"
printf 'SECRET\n(S) The walrus plan.\n%sb\n(U) Fine.\n' "$as" > "$tmp/hostile-caption"
{ printf 'SECRET\n(U) '; head -c 5000 /dev/zero | tr '\0' a; printf '\n(S) The walrus plan.\n'; } \
    > "$tmp/deep"
{ printf 'SECRET\n(U) '; head -c 1000000 /dev/zero | tr '\0' a
    printf '\n(S) The walrus plan.\n'; } > "$tmp/deeper"
printf 'SECRET\n(U) aaaab\n(S) The walrus plan.\n(U) Fine.\n' > "$tmp/harmless"
L=tests/data/limits
for case in "catastrophic-portion hostile-portion 2 subject match limit exceeded" \
    "catastrophic-caption hostile-caption 3 page match limit exceeded" \
    "catastrophic-label hostile-caption 3 label match limit exceeded" \
    "depth deep 2 subject matching depth limit exceeded" \
    "heap deep 2 subject heap limit exceeded" \
    "jit-stack deeper 2 subject JIT stack limit reached"; do
	set -- $case
	policy=$1 doc=$2 line=$3 role=$4
	shift 4
	refused "$policy.yaml on $doc" "$doc:$line: $role pattern failed: $*" \
	    "$T" -r U -p "$L/$policy.yaml" "$tmp/$doc"
	if "$T" -q -r U -p "$L/$policy.yaml" "$tmp/harmless" > "$tmp/out" 2>&1 &&
	    grep -q 'Fine' "$tmp/out" && ! grep -q walrus "$tmp/out"; then
		ok "$policy.yaml on a harmless line: released as usual"
	else
		bad "$policy.yaml on a harmless line: $(head -c 300 "$tmp/out")"
	fi
done

# Distinct markings: a document may hold DOC_MARKS_MIN (4096) and one more per KiB; one that
# holds more (here each portion an unknown control of its own) is refused where the limit is
# passed, before any output (bench/scaling.sh times such documents).
# 3,000 distinct ones, as many as a large real compilation would hold, are read as usual.
awk 'BEGIN { print "SECRET\n"; for (i = 0; i < 6000; i++) printf "(C/Q%d) x\n\n", i }' \
    > "$tmp/many-marks"
size=$(wc -c < "$tmp/many-marks")
refused "6,000 distinct unknown controls" \
    "more than $((4096 + size / 1024)) distinct markings in a document of $size bytes" \
    "$T" -r U "$tmp/many-marks"
awk 'BEGIN { print "SECRET\n"; for (i = 0; i < 3000; i++) printf "(C/Q%d) x\n\n", i
    print "(U) The weather was fine.\n" }' > "$tmp/some-marks"
if "$T" -q -r U "$tmp/some-marks" > "$tmp/out" 2> "$tmp/err"; rc=$?; [ "$rc" -eq 0 ] &&
    grep -q 'weather was fine' "$tmp/out" && ! grep -q 'x$' "$tmp/out"; then
	ok "3,000 distinct unknown controls: read, the known portion released"
else
	bad "3,000 distinct unknown controls: exit $rc: $(head -c 300 "$tmp/err")"
fi

exit $fail
