#!/bin/sh
# Runs every example in the EXAMPLES section of tearline.1 from the repository root and fails
# when one exits non-zero. Commands that print are checked to print; -o examples to write.
set -u
cd "$(dirname "$0")/.." || exit 2
PATH=$(pwd):$PATH
export PATH
fail=0
n=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' tearline.1 | sed -n 's/^\$ //p' > "$tmp/examples"
while IFS= read -r cmd; do
	n=$((n + 1))
	if sh -c "$cmd" > "$tmp/out" 2> "$tmp/err" < /dev/null; then
		case $cmd in
		*" -o "*) f=$(printf '%s\n' "$cmd" | sed 's/.* -o \([^ ]*\).*/\1/')
			if [ -s "$f" ]; then echo "ok   $cmd"; rm -f "$f"
			else echo "FAIL $cmd: wrote no $f"; fail=1; fi ;;
		*) if [ -s "$tmp/out" ]; then echo "ok   $cmd"
			else echo "FAIL $cmd: printed nothing"; fail=1; fi ;;
		esac
	else
		echo "FAIL $cmd: exit $?"; sed 's/^/     /' "$tmp/err"; fail=1
	fi
done < "$tmp/examples"
[ "$n" -gt 0 ] || { echo "FAIL no examples found in tearline.1"; fail=1; }
exit $fail
