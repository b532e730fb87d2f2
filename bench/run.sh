#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench: tearline against the tools a pipeline would otherwise use, on the same bytes.
#
# Builds a corpus from the cables of ../shared/corpus (or tests/corpus when ../shared is absent):
# a base of about 10 MB and its 4x and 16x (160 MB). On each size it runs, REPS times each, with
# the median reported: tearline redact at UNCLASSIFIED with the audit off and on (the release to
# a file, as a large job would write it), pcre2grep -c with a portion-mark pattern, cat, and a
# naive sed line-drop script. It prints MB/s, the ratio of each to pcre2grep -c, and peak RSS,
# then checks that tearline's time grows linearly with size, and what the audit costs at three
# targets on the largest corpus. Last, batches of 1,000 documents (single cables, and five
# cables each) with --jobs 1 and 2, audit off and on, written to the work disk and to tmpfs
# (/dev/shm) when there is one. Nothing here is a test: it measures, and says what it measured on
# which machine.
set -eu
cd "$(dirname "$0")/.."
REPS=${REPS:-5}
W=bench/work
T=./tearline
mkdir -p "$W"

if [ -d ../shared/corpus/cablegate ]; then
	src="../shared/corpus/cablegate/*.txt ../shared/corpus/cablegate-alt/*.txt"
else
	src="tests/corpus/*.txt"
fi
# shellcheck disable=SC2086
cat $src > "$W/one.txt"
one=$(wc -c < "$W/one.txt")
n=$(( (10 * 1024 * 1024 + one - 1) / one ))
: > "$W/base.txt"
i=0
while [ $i -lt "$n" ]; do cat "$W/one.txt" >> "$W/base.txt"; i=$((i + 1)); done
cat "$W/base.txt" "$W/base.txt" "$W/base.txt" "$W/base.txt" > "$W/x4.txt"
cat "$W/x4.txt" "$W/x4.txt" "$W/x4.txt" "$W/x4.txt" > "$W/x16.txt"

rm -f "$W/key" "$W/key.pub"
$T keygen --secret-key "$W/key" --public-key "$W/key.pub" > /dev/null

# A portion mark at the head of a line, after an optional paragraph label.
MARK='^[ \t]*(?:(?:\xC2\xB6|\xB6)[ \t]*\d{1,3}\.?|\d{1,3}[.)]|[A-Za-z][.)])?[ \t]*\((?:U|C|S|TS|SBU|LOU)(?:[/-][^()\r\n]{0,60})?\)'
SED='/^[[:space:]]*(¶[0-9]+\.?[[:space:]]*)?\((S|C|TS)([/-][^)]*)?\)/d'

# Runs a command REPS times; prints "median_seconds peak_rss_kib". The time is taken with the
# nanosecond clock around the run (time(1) rounds to 10 ms), the peak RSS from time(1).
measure() {
	rm -f "$W/times"
	r=0
	while [ "$r" -lt "$REPS" ]; do
		rm -f "$W/audit.jsonl" "$W/release.txt"
		t0=$(date +%s%N)
		/usr/bin/time -f '%M' -o "$W/t" sh -c "$1" > /dev/null 2>> "$W/stderr"
		t1=$(date +%s%N)
		echo "$(( (t1 - t0) / 1000000 )) $(cat "$W/t")" |
		    awk '{ printf "%.3f %s\n", $1 / 1000, $2 }' >> "$W/times"
		r=$((r + 1))
	done
	sort -n "$W/times" | awk -v n="$REPS" 'NR == int((n + 1) / 2) { t = $1 } { if ($2 > m) m = $2 }
	    END { print t, m }'
}

machine() {
	printf '%s, %s cores, %s, ' "$(uname -m)" "$(nproc)" \
	    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
	grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'
}

echo "machine: $(machine)"
echo "repetitions: $REPS, median reported"
for size in base x4 x16; do
	f="$W/$size.txt"
	mb=$(awk -v b="$(wc -c < "$f")" 'BEGIN { printf "%.1f", b / 1048576 }')
	echo
	echo "corpus $size: $mb MB"
	printf '%-28s %10s %10s %10s %12s\n' tool seconds MB/s "/pcre2grep" "peak RSS MB"
	set -- \
	    "tearline (audit off)|$T -q --release UNCLASSIFIED -o $W/release.txt $f" \
	    "tearline (audit on)|$T -q --release UNCLASSIFIED -o $W/release.txt --audit $W/audit.jsonl --secret-key $W/key $f" \
	    "pcre2grep -c|pcre2grep -c '$MARK' $f" \
	    "cat|cat $f" \
	    "sed line-drop|sed -E '$SED' $f"
	ref=
	for spec in "$@"; do
		name=${spec%%|*}
		cmd=${spec#*|}
		res=$(measure "$cmd")
		secs=${res% *}
		rss=${res#* }
		[ "$name" = "pcre2grep -c" ] && ref=$secs
		echo "$name|$secs|$rss" >> "$W/results.$size"
	done
	while IFS='|' read -r name secs rss; do
		awk -v n="$name" -v s="$secs" -v r="$rss" -v mb="$mb" -v ref="$ref" 'BEGIN {
		    printf "%-28s %10.3f %10.1f %10.2f %12.1f\n", n, s, (s > 0 ? mb / s : 0),
		    (ref > 0 ? s / ref : 0), r / 1024 }'
	done < "$W/results.$size"
	rm -f "$W/results.$size"
	measure "$T -q --release UNCLASSIFIED $f" > "$W/lin.$size"
done

# What the audit costs depends on how much is withheld: on the largest corpus, audit off and on at
# three targets, with the audit's share of the time.
f="$W/x16.txt"
echo
echo "audit cost on corpus x16, by target"
printf '%-28s %10s %10s %10s\n' target "off s" "on s" "on/off"
for target in UNCLASSIFIED CONFIDENTIAL SECRET//NOFORN; do
	off=$(measure "$T -q --release $target -o $W/release.txt $f")
	on=$(measure "$T -q --release $target -o $W/release.txt --audit $W/audit.jsonl --secret-key $W/key $f")
	awk -v t="$target" -v a="${off% *}" -v b="${on% *}" 'BEGIN {
	    printf "%-28s %10.3f %10.3f %10.2f\n", t, a, b, (a > 0 ? b / a : 0) }'
done

# Memory: the shapes of issue 13, and the largest corpus, audit off and on.
sh bench/memory.sh

# Time against size on the shapes that were once quadratic.
sh bench/scaling.sh

# Linearity: time per MB at 16x within 25% of time per MB at 1x.
awk -v b="$(cut -d' ' -f1 "$W/lin.base")" -v x="$(cut -d' ' -f1 "$W/lin.x16")" 'BEGIN {
    ratio = (b > 0 ? x / (16 * b) : 0)
    printf "\nlinearity: time(16x) / (16 * time(1x)) = %.2f (%s)\n", ratio,
    (ratio < 1.25 ? "linear" : "NOT linear") }'

# Batch: 1,000 documents through --jobs 1 and --jobs 2: the corpus's cables, repeated, and
# documents of five cables each (about 54 KB), where the work per document outweighs the cost of
# creating its files.
mkdir -p "$W/batch-in" "$W/batch-big"
rm -f "$W/batch-in"/* "$W/batch-big"/*
# shellcheck disable=SC2086
set -- $src
k=0
while [ "$k" -lt 1000 ]; do
	for f in "$@"; do
		[ "$k" -lt 1000 ] || break
		cp "$f" "$W/batch-in/$k-$(basename "$f")"
		k=$((k + 1))
	done
done
k=0
while [ "$k" -lt 1000 ]; do
	j=0
	for f in "$@"; do
		cat "$f" >> "$W/batch-big/$k.txt"
		j=$((j + 1))
		if [ "$j" -eq 5 ]; then
			j=0
			k=$((k + 1))
			[ "$k" -lt 1000 ] || break
		fi
	done
done
for set in batch-in batch-big; do
	echo
	echo "batch: 1000 documents, $(cat "$W/$set"/* | wc -c |
	    awk '{ printf "%.1f MB", $1 / 1048576 }')"
	printf '%-36s %10s %10s\n' run seconds speed-up
	# On the work disk, and on tmpfs when there is one: creating thousands of files can cost
	# more than redacting them, and that cost is the file system's, not tearline's.
	for place in "$W" /dev/shm; do
		[ -d "$place" ] && [ -w "$place" ] || continue
		fs=$(stat -f -c %T "$place" 2>/dev/null)
		for audit in off on; do
			keys=
			[ "$audit" = on ] && keys="--secret-key $W/key"
			one=
			for j in 1 2; do
				res=$(measure "$T -q --release UNCLASSIFIED $keys --output-dir \$(mktemp -d -p $place tearline-bench.XXXXXX) --jobs $j $W/$set/*")
				rm -rf "$place"/tearline-bench.*
				secs=${res% *}
				[ "$j" = 1 ] && one=$secs
				awk -v l="--jobs $j, audit $audit, out on $fs" -v s="$secs" \
				    -v one="$one" 'BEGIN {
				    printf "%-36s %10.3f %10.2f\n", l, s, (s > 0 ? one / s : 0) }'
			done
		done
	done
done
