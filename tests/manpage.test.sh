#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every example in the EXAMPLES section of tearline.1, in order, in a fresh directory that
# holds a copy of samples/, and fails when one does not do what the man page says: exit 0 (or
# exit 1 for the `check` example the page says exits 1), and what it prints or writes: a release
# with its withheld paragraphs masked (or, in strip mode, gone), check's verdict, verify's
# "verified", both key files, a batch's releases, audits and ledger, a checkpoint, the policy's
# examples passed.
set -u
cd "$(dirname "$0")/.." || exit 2
bin=$(cd "$(dirname "${TEARLINE:-./tearline}")" && pwd)/$(basename "${TEARLINE:-./tearline}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" && ln -s "$bin" "$tmp/bin/tearline"
mkdir "$tmp/work"
cp -r samples "$tmp/work/samples"
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' tearline.1 | sed -n 's/^\$ //p' > "$tmp/examples"
fail=0
n=0
while IFS= read -r cmd; do
	n=$((n + 1))
	want=0
	case $cmd in "tearline check --release UNCLASSIFIED "*) want=1 ;; esac
	(cd "$tmp/work" && PATH="$tmp/bin:$PATH" sh -c "$cmd" > "$tmp/out" 2> "$tmp/err" < /dev/null)
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		echo "FAIL $cmd: exit $rc, wanted $want"
		sed 's/^/     /' "$tmp/err"
		fail=1
		continue
	fi
	why=
	w=$tmp/work
	case $cmd in
	*"--output-dir "*) dir=$(printf '%s\n' "$cmd" | sed 's/.*--output-dir \([^ ]*\).*/\1/')
		[ -s "$w/$dir/ledger.jsonl" ] && [ "$(ls "$w/$dir"/*.audit | wc -l)" -eq 3 ] &&
		    grep -q -F '[WITHHELD' "$w/$dir/07MUSCAT1065.txt" ||
		    why="no release, audit or ledger in $dir" ;;
	*"ledger merge"*) f=$(printf '%s\n' "$cmd" | sed 's/.* -o \([^ ]*\).*/\1/')
		[ -s "$w/$f" ] || why="wrote no $f" ;;
	*"--mode strip -o "*) f=$(printf '%s\n' "$cmd" | sed 's/.* -o \([^ ]*\).*/\1/')
		[ -s "$w/$f" ] && ! grep -q -F '[WITHHELD' "$w/$f" &&
		    [ "$(wc -l < "$w/$f")" -lt "$(wc -l < "$w/samples/07MUSCAT1065.txt")" ] ||
		    why="$f is no release in strip mode" ;;
	*" -o "*) f=$(printf '%s\n' "$cmd" | sed 's/.* -o \([^ ]*\).*/\1/')
		grep -q -F '[WITHHELD' "$w/$f" 2> /dev/null || why="$f is no release" ;;
	*"keygen"*) k=$(printf '%s\n' "$cmd" | sed 's/.*--secret-key \([^ ]*\).*/\1/')
		pk=$(printf '%s\n' "$cmd" | sed 's/.*--public-key \([^ ]*\).*/\1/')
		[ -s "$w/$k" ] && [ -s "$w/$pk" ] || why="wrote no $k and $pk" ;;
	"tearline check "*) grep -q 'not releasable as it stands' "$tmp/out" ||
		why="printed no verdict" ;;
	"tearline verify "*) grep -q ': verified: ' "$tmp/out" || why="printed no \"verified\"" ;;
	"tearline policy test"*) grep -q ' 0 failed$' "$tmp/out" || why="its examples did not pass" ;;
	*) grep -q -F '[WITHHELD' "$tmp/out" || why="printed no release" ;;
	esac
	if [ -z "$why" ]; then
		echo "ok   $cmd"
	else
		echo "FAIL $cmd: $why"
		fail=1
	fi
done < "$tmp/examples"
[ "$n" -ge 8 ] || { echo "FAIL only $n examples found in tearline.1"; fail=1; }
exit $fail
