#!/bin/sh
# SPDX-License-Identifier: ISC
# Fault injection: every open, read, write, fsync and rename that tearline redact makes on its
# files is made to fail in turn (build/faultinject.so, an LD_PRELOAD shim: see
# tests/faults/faultinject.c), with -o and to standard output, from a file and from standard
# input, with and without --audit and --ledger. A run whose fault happened must exit 2, name the
# file and the error on standard error, and leave no release, no temporary file and no audit
# behind, an existing release as it was and the ledger unchanged; a release on standard output
# that broke off is never followed by exit 0. The run after the last call of each kind (no fault
# happened) must succeed with the same release; a fault after the ledger entry is written takes
# the entry back (tests/faults-ledger.test.sh sweeps that case on its own).
# Then the real things: /dev/full, a full tmpfs behind -o (where this user may mount one; the
# shim's ENOSPC otherwise), and a closed pipe with SIGPIPE default and ignored.
set -u
cd "$(dirname "$0")/.." || exit 2
T=${TEARLINE:-./tearline}
shim=$(pwd)/${BUILD:-build}/faultinject.so
if [ ! -x "$T" ]; then
	echo "FAIL $T is not built (run make)"
	exit 1
fi
if [ ! -f "$shim" ]; then
	echo "FAIL $shim is not built (run make unit)"
	exit 1
fi
tmp=$(mktemp -d) || exit 2
mounted=
cleanup() {
	[ -n "$mounted" ] && umount "$mounted" 2> /dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM
fail=0
seed=samples/07MUSCAT1065.txt
strict_ledger=1
# shellcheck source=tests/lib/faults.sh
. tests/lib/faults.sh

ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

faults_setup || { echo "FAIL cannot set up keys and a ledger"; exit 1; }

# Every scenario, every kind of call. A kind a scenario must make is checked to have been made
# (so that the shim is known to work): open, read and write always; fsync and rename with a file.
for scenario in o stdout stdin-o o-audit stdout-audit; do
	sweep "$scenario" open EACCES
	sweep "$scenario" read EIO
	sweep "$scenario" write ENOSPC
	sweep "$scenario" fsync EIO
	sweep "$scenario" rename EROFS
done > "$tmp/sweeps"
cat "$tmp/sweeps"
grep -q '^FAIL' "$tmp/sweeps" && fail=1
for need in "o: no open" "o: no read" "o: no write" "o: no fsync" "o: no rename" \
    "o-audit: no fsync" "o-audit: no rename" "stdout-audit: no rename"; do
	if grep -q "^ok   $need " "$tmp/sweeps"; then
		bad "the shim made no fault in \"${need%%:*}\" (${need#*: no }): is it loaded?"
	fi
done

# An interrupted read is tried again: EINTR is not an error.
for n in 0 1 2; do
	fresh
	FAULT_CALL=read FAULT_AFTER=$n FAULT_TIMES=1 FAULT_ERRNO=EINTR FAULT_PATH=$w/ \
	    LD_PRELOAD=$shim run o-audit
	rc=$?
	if [ "$rc" -eq 0 ] && cmp -s "$w/out.txt" "$ref/release.txt"; then
		ok "read #$((n + 1)) interrupted (EINTR): tried again, released"
	else
		bad "read #$((n + 1)) interrupted (EINTR): exit $rc: $(head -n 1 "$tmp/err")"
	fi
done

# A disk that is full: standard output on /dev/full, with an audit and a ledger.
if [ -w /dev/full ]; then
	fresh
	"$T" -q -r U --audit "$w/audit.jsonl" --secret-key "$w/sign.key" \
	    --ledger "$w/ledger.jsonl" "$w/in.txt" > /dev/full 2> "$tmp/err"
	rc=$?
	left=$(leftovers)
	if [ "$rc" -eq 2 ] && grep -q 'No space left on device' "$tmp/err" && [ -z "$left" ] &&
	    cmp -s "$w/ledger.jsonl" "$ref/ledger.jsonl"; then
		ok "/dev/full with --audit --ledger: exit 2, no audit, the ledger unchanged"
	else
		bad "/dev/full with --audit --ledger: exit $rc, left: $left: $(cat "$tmp/err")"
	fi
fi

# A document whose release (about 1 MB) is larger than a pipe holds and a small disk.
big=$tmp/big.txt
awk 'BEGIN { print "UNCLASSIFIED"; print "";
    for (i = 1; i <= 15000; i++) printf "%d. (U) The weather was fine and the sea was calm.\n", i }' \
    > "$big"
"$T" -q -r U "$big" > "$tmp/big.rel" 2> /dev/null

# A full disk behind -o: a 64 KiB tmpfs where this user may mount one, the shim's ENOSPC
# otherwise (the sweeps above fail every write with ENOSPC in any case).
mkdir "$tmp/full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k tmpfs "$tmp/full" 2> /dev/null; then
	mounted=$tmp/full
	fresh
	"$T" -q -r U -o "$tmp/full/out.txt" --audit "$tmp/full/audit.jsonl" \
	    --secret-key "$w/sign.key" --ledger "$w/ledger.jsonl" "$big" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q "$tmp/full/out.txt: write error: No space left on device" \
	    "$tmp/err" && [ -z "$(ls -A "$tmp/full")" ] &&
	    cmp -s "$w/ledger.jsonl" "$ref/ledger.jsonl"; then
		ok "a full 64 KiB tmpfs behind -o and --audit: exit 2, the disk left empty"
	else
		bad "a full tmpfs behind -o: exit $rc, left: $(ls -A "$tmp/full"): $(cat "$tmp/err")"
	fi
	umount "$tmp/full" && mounted=
else
	fresh
	FAULT_CALL=write FAULT_ERRNO=ENOSPC FAULT_PATH=$tmp/full/ LD_PRELOAD=$shim \
	    "$T" -q -r U -o "$tmp/full/out.txt" "$big" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q 'No space left on device' "$tmp/err" &&
	    [ -z "$(ls -A "$tmp/full")" ]; then
		ok "a full disk behind -o (the shim's ENOSPC: no tmpfs can be mounted here): exit 2"
	else
		bad "a full disk behind -o (shim): exit $rc, left: $(ls -A "$tmp/full")"
	fi
fi

# A closed pipe: the reader takes 10 bytes and goes. With SIGPIPE ignored the write fails with
# EPIPE: exit 2 and a message. With SIGPIPE at its default the run must not succeed either
# (exit 2 when tearline ignores SIGPIPE itself, or death by the signal), and in both cases the
# audit's temporary file is removed and the ledger unchanged.
for sigpipe in default ignored; do
	fresh
	if [ $sigpipe = ignored ]; then
		{ (trap '' PIPE && exec "$T" -q -r U --audit "$w/audit.jsonl" \
		    --secret-key "$w/sign.key" --ledger "$w/ledger.jsonl" "$big" 2> "$tmp/err")
		echo $? > "$tmp/rc"; } | head -c 10 > /dev/null
	else
		{ "$T" -q -r U --audit "$w/audit.jsonl" --secret-key "$w/sign.key" \
		    --ledger "$w/ledger.jsonl" "$big" 2> "$tmp/err"
		echo $? > "$tmp/rc"; } | head -c 10 > /dev/null
	fi
	rc=$(cat "$tmp/rc")
	left=$(leftovers)
	why=
	[ "$rc" -ne 0 ] || why="$why [exit 0]"
	if [ $sigpipe = ignored ] || [ "$rc" -le 128 ]; then
		[ "$rc" -eq 2 ] && grep -q 'write error: Broken pipe' "$tmp/err" ||
		    why="$why [exit $rc: $(cat "$tmp/err")]"
	fi
	[ -z "$left" ] || why="$why [left behind: $(echo $left)]"
	cmp -s "$w/ledger.jsonl" "$ref/ledger.jsonl" || why="$why [the ledger changed]"
	if [ -z "$why" ]; then
		ok "a closed pipe, SIGPIPE $sigpipe: exit $rc, no audit, the ledger unchanged"
	else
		bad "a closed pipe, SIGPIPE $sigpipe:$why"
	fi
done

exit $fail
