#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every example in the EXAMPLES section of tearline.1, in order, in a fresh directory that
# holds a copy of samples/, and fails when one does not do what the man page says: exit 0 (or
# exit 1 for the `check` example the page says exits 1), print something, write its -o file or
# fill its --output-dir.
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
	case $cmd in
	*"--output-dir "*) dir=$(printf '%s\n' "$cmd" | sed 's/.*--output-dir \([^ ]*\).*/\1/')
		if [ -n "$(ls "$tmp/work/$dir" 2> /dev/null)" ]; then echo "ok   $cmd"
		else echo "FAIL $cmd: wrote nothing in $dir"; fail=1; fi ;;
	*" -o "*) f=$(printf '%s\n' "$cmd" | sed 's/.* -o \([^ ]*\).*/\1/')
		if [ -s "$tmp/work/$f" ]; then echo "ok   $cmd"
		else echo "FAIL $cmd: wrote no $f"; fail=1; fi ;;
	*"keygen"*) echo "ok   $cmd" ;;
	*) if [ -s "$tmp/out" ]; then echo "ok   $cmd"
		else echo "FAIL $cmd: printed nothing"; fail=1; fi ;;
	esac
done < "$tmp/examples"
[ "$n" -ge 8 ] || { echo "FAIL only $n examples found in tearline.1"; fail=1; }
exit $fail
