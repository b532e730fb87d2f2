#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench, memory: peak resident size (GNU time's %M) of a release at UNCLASSIFIED, audit off
# and on, to a file, for the shapes of document that once needed 13 to 41 times their size (20 MB
# each) and for the cable corpus of run.sh (x16.txt, when it has been built), beside the bound of
# issue 13: twice the document and 16 MiB; then of `check` in each report format on five of them.
# Run alone: sh bench/memory.sh. Nothing here is a test.
set -eu
cd "$(dirname "$0")/.."
W=bench/work
T=./tearline
mkdir -p "$W"
[ -f "$W/key" ] || $T keygen --secret-key "$W/key" --public-key "$W/key.pub" > /dev/null

python3 - "$W" <<'EOF'
import sys
w, n = sys.argv[1], 20 * 1000 * 1000
shapes = {
    'blank': '\n' * n,
    'short': '(U) ab\n' * (n // 7),
    'alternating': 'SECRET\n\n' + '(U) a.\n\n(S) b.\n\n' * (n // 16),
    'banners': 'SECRET//NOFORN\n' * (n // 15),
    'dashes': 'SECRET\n\n' + '-\n' * (n // 2),
    'marks': 'SECRET\n\n' + '(U)\n(S)\n' * (n // 8),
    'raised': 'SECRET\n\n' + '(U) The walrus is here. (S)\n' * (n // 28),
    'pinned': 'SECRET\n\n1. (S) The paragraph says:\n- (U) first item\n\n' +
              '(S) Text here.\n' * (n // 15),
    'captions': 'SECRET\n\n1. (S) text\n' + 'NF\nXD\n' * (n // 6),
    'lists': 'SECRET\n\n' + ('(S) P:\n- (U) x\n' + '- y\n' * 8) * (n // 48),
}
for name, text in shapes.items():
    with open('%s/mem-%s.txt' % (w, name), 'w') as f:
        f.write(text)
EOF

echo
echo "memory: peak RSS, release UNCLASSIFIED to a file"
printf '%-34s %8s %12s %12s %10s %8s\n' document "MB" "audit off" "audit on" "bound" "seconds"
for doc in mem-blank mem-short mem-alternating mem-banners mem-dashes mem-marks mem-raised \
    mem-pinned mem-captions mem-lists x16; do
	f=$W/$doc.txt
	[ -f "$f" ] || continue
	size=$(wc -c < "$f")
	set --
	for audit in off on; do
		rm -f "$W/mem.audit"
		keys=
		[ "$audit" = on ] && keys="--audit $W/mem.audit --secret-key $W/key"
		t0=$(date +%s%N)
		# shellcheck disable=SC2086
		/usr/bin/time -f %M -o "$W/t" $T -q --release UNCLASSIFIED -o "$W/mem.out" $keys "$f"
		t1=$(date +%s%N)
		set -- "$@" "$(cat "$W/t")" "$(( (t1 - t0) / 1000000 ))"
	done
	awk -v d="${doc#mem-}" -v s="$size" -v off="$1" -v on="$3" -v ms="$2/$4" 'BEGIN {
	    split(ms, t, "/")
	    printf "%-34s %8.1f %10.1f MB %10.1f MB %7.1f MB %4.1f/%4.1f\n", d, s / 1e6, off / 1024,
	    on / 1024, (2 * s + 16 * 1048576) / 1048576, t[1] / 1000, t[2] / 1000 }'
done

echo
echo "memory: peak RSS, check --release UNCLASSIFIED, each report format to a file"
printf '%-34s %8s %10s %10s %10s %10s\n' document "MB" "text" "json" "sarif" "bound"
for doc in mem-blank mem-short mem-alternating mem-dashes mem-lists; do
	f=$W/$doc.txt
	[ -f "$f" ] || continue
	size=$(wc -c < "$f")
	set --
	for format in text json sarif; do
		/usr/bin/time -f %M -o "$W/t" $T check --release UNCLASSIFIED --format "$format" \
		    -o "$W/mem.out" "$f" || [ $? -eq 1 ]
		# GNU time writes "Command exited with non-zero status 1" first when it is so.
		set -- "$@" "$(tail -n 1 "$W/t")"
	done
	awk -v d="${doc#mem-}" -v s="$size" -v a="$1" -v b="$2" -v c="$3" 'BEGIN {
	    printf "%-34s %8.1f %7.1f MB %7.1f MB %7.1f MB %7.1f MB\n", d, s / 1e6, a / 1024,
	    b / 1024, c / 1024, (2 * s + 16 * 1048576) / 1048576 }'
done
rm -f "$W/mem.audit" "$W/mem.out" "$W/t" "$W"/mem-*.txt
