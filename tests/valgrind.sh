#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs the golden end-to-end cases (tests/cases/*) and audit round trips (keygen, redact with
# --audit, --auditor-key and --ledger, verify with --original, --auditor-secret-key and
# --ledger, and a tampered audit) under valgrind memcheck, and fails on any memory error or
# definite leak (valgrind --error-exitcode=99), or when a run's output or exit status differs
# from what it is without valgrind. make check-valgrind runs it (about 25 s: not part of make
# check).
#
# redact runs with --no-sandbox: valgrind makes system calls of its own on the program's behalf,
# and stops at seccomp (syscall 317) itself. The sandbox is tested apart (build/test_sandbox, and
# every other test runs with it).
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
unset TEARLINE_TEST_SEED SOURCE_DATE_EPOCH
T=${TEARLINE:-./tearline}
if [ ! -x "$T" ]; then
	echo "FAIL $T is not built (run make)"
	exit 2
fi
if ! command -v valgrind > /dev/null 2>&1; then
	echo "FAIL valgrind is not installed (apt-get install valgrind)"
	exit 2
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
n=0

# vg ARGS...: runs tearline ARGS under memcheck, with --no-sandbox for a redact run. Its
# valgrind report goes to $tmp/vg.log; the exit status is the program's, or 99.
vg() {
	case ${1:-} in
	redact) shift; set -- redact --no-sandbox "$@" ;;
	keygen | verify | check | policy | ledger) ;;
	*) set -- --no-sandbox "$@" ;;
	esac
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	    --log-file="$tmp/vg.log" "$T" "$@"
}

# expect CODE NAME ARGS...: vg ARGS must exit CODE with a clean valgrind report.
expect() {
	want=$1 name=$2
	shift 2
	n=$((n + 1))
	vg "$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ "$rc" = "$want" ] && [ ! -s "$tmp/vg.log" ]; then
		echo "ok   $name"
	else
		echo "FAIL $name: exit $rc, wanted $want"
		sed 's/^/     /' "$tmp/vg.log" "$tmp/err" | head -n 40
		fail=1
	fi
}

# The golden cases: the same output and exit status as tests/cases.test.sh wants.
for dir in tests/cases/*/; do
	dir=${dir%/}
	name=${dir##*/}
	[ -f "$dir/args" ] && [ -f "$dir/input" ] && [ -f "$dir/expected" ] || continue
	n=$((n + 1))
	want=0
	[ -f "$dir/exit" ] && want=$(cat "$dir/exit")
	eval "set -- $(cat "$dir/args")"
	vg "$@" < "$dir/input" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ "$rc" = "$want" ] && [ ! -s "$tmp/vg.log" ] && cmp -s "$tmp/out" "$dir/expected"; then
		echo "ok   case $name"
	else
		echo "FAIL case $name: exit $rc, wanted $want"
		sed 's/^/     /' "$tmp/vg.log" | head -n 40
		cmp "$tmp/out" "$dir/expected" | sed 's/^/     /'
		fail=1
	fi
done

# Audit round trips.
seed=samples/07MUSCAT1065.txt
expect 0 "keygen" keygen -q --secret-key "$tmp/sign.key" --public-key "$tmp/sign.pub"
expect 0 "keygen --auditor" keygen -q --auditor --secret-key "$tmp/auditor.key" \
    --public-key "$tmp/auditor.pub"
for i in 1 2; do
	expect 0 "redact --audit --auditor-key --ledger ($i)" redact -q -r U -o "$tmp/rel$i.txt" \
	    --audit "$tmp/audit$i.jsonl" --secret-key "$tmp/sign.key" \
	    --auditor-key "$tmp/auditor.pub" --ledger "$tmp/ledger.jsonl" "$seed"
done
expect 0 "redact --audit, release on standard output, strip" redact -q -r C -m strip \
    --audit "$tmp/audit3.jsonl" --secret-key "$tmp/sign.key" "$seed"
cp "$tmp/out" "$tmp/rel3.txt"
expect 0 "verify" verify --audit "$tmp/audit1.jsonl" --public-key "$tmp/sign.pub" \
    --output "$tmp/rel1.txt"
expect 0 "verify --original --auditor-secret-key" verify --audit "$tmp/audit2.jsonl" \
    --public-key "$tmp/sign.pub" --output "$tmp/rel2.txt" --original "$seed" \
    --auditor-secret-key "$tmp/auditor.key"
expect 0 "verify --original (strip, C)" verify --audit "$tmp/audit3.jsonl" \
    --public-key "$tmp/sign.pub" --output "$tmp/rel3.txt" --original "$seed"
expect 0 "verify --ledger" verify --ledger "$tmp/ledger.jsonl" --public-key "$tmp/sign.pub"
expect 0 "verify --audit --ledger" verify --audit "$tmp/audit2.jsonl" \
    --output "$tmp/rel2.txt" --ledger "$tmp/ledger.jsonl" --public-key "$tmp/sign.pub"
sed '5d' "$tmp/audit1.jsonl" > "$tmp/tampered.jsonl"
expect 1 "verify a tampered audit" verify --audit "$tmp/tampered.jsonl" \
    --public-key "$tmp/sign.pub" --output "$tmp/rel1.txt"
expect 2 "redact: an audit is never overwritten" redact -q -r U -o "$tmp/x.txt" \
    --audit "$tmp/audit1.jsonl" --secret-key "$tmp/sign.key" "$seed"
printf 'SECRET\n(U) aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n' > "$tmp/hostile"
expect 2 "redact: a match limit hit" redact -q -r U \
    -p tests/data/limits/catastrophic-portion.yaml "$tmp/hostile"
expect 0 "policy test" policy test

# The streamed reader (document_read, document_replay): a document read in two passes through a
# small window, audited as its changes are made, and one whose rules read outside the window.
for f in samples/*.txt; do cat "$f"; done > "$tmp/many.txt"
export TEARLINE_TEST_BUDGET=0 TEARLINE_TEST_WINDOW=1024
expect 0 "redact, streamed, --audit --ledger" redact -q -r U -o "$tmp/srel.txt" \
    --audit "$tmp/saudit.jsonl" --secret-key "$tmp/sign.key" --ledger "$tmp/ledger.jsonl" \
    "$tmp/many.txt"
grep -q 'read in two passes$' "$tmp/err" || { echo "FAIL ... not streamed"; fail=1; }
TEARLINE_TEST_WINDOW=64
expect 0 "redact, streamed past its window: read whole, blackout" redact -r S -m blackout \
    -v "$tmp/many.txt"
unset TEARLINE_TEST_BUDGET TEARLINE_TEST_WINDOW
expect 0 "verify the streamed run's audit" verify --audit "$tmp/saudit.jsonl" \
    --public-key "$tmp/sign.pub" --output "$tmp/srel.txt" --original "$tmp/many.txt"

echo "$n runs under valgrind memcheck, $([ $fail = 0 ] && echo clean || echo NOT clean)"
exit $fail
