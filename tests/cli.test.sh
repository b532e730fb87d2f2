#!/bin/sh
# SPDX-License-Identifier: ISC
# The command line's manners: standard input and "-", the redact subcommand, -o written
# atomically (and not at all on error), write errors reported (a full disk is /dev/full),
# located warnings, -q, --help and --version.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
seed=samples/07MUSCAT1065.txt

# The same release from a path, from standard input, from "-", and with "redact".
"$T" --release U "$seed" > "$tmp/a" 2> /dev/null
"$T" --release U < "$seed" > "$tmp/b" 2> /dev/null
"$T" --release U - < "$seed" > "$tmp/c" 2> /dev/null
"$T" redact --release U "$seed" > "$tmp/d" 2> /dev/null
"$T" -r U -m mask "$seed" > "$tmp/e" 2> /dev/null
if [ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b" && cmp -s "$tmp/a" "$tmp/c" &&
    cmp -s "$tmp/a" "$tmp/d" && cmp -s "$tmp/a" "$tmp/e"; then
	ok "path, standard input, -, redact and short options agree"
else
	bad "path, standard input, -, redact and short options give different releases"
fi

# -o writes the same bytes, atomically: no temporary file is left.
mkdir "$tmp/o"
if "$T" --release U -o "$tmp/o/release.txt" "$seed" > "$tmp/stdout" 2> /dev/null &&
    cmp -s "$tmp/a" "$tmp/o/release.txt" && [ ! -s "$tmp/stdout" ] &&
    [ "$(ls "$tmp/o")" = release.txt ]; then
	ok "-o writes the release and nothing else"
else
	bad "-o: $(ls "$tmp/o")"
fi

# An error leaves an existing -o file as it was, and creates none.
printf 'old\n' > "$tmp/o/release.txt"
"$T" --release U --max-document 100 -o "$tmp/o/release.txt" "$seed" 2> "$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && [ "$(cat "$tmp/o/release.txt")" = old ] &&
    [ "$(ls "$tmp/o")" = release.txt ]; then
	ok "-o untouched on error"
else
	bad "-o on error: exit $rc, files: $(ls "$tmp/o")"
fi
"$T" --release NOPE -o "$tmp/o/new.txt" "$seed" 2> /dev/null
if [ ! -e "$tmp/o/new.txt" ] && [ "$(ls "$tmp/o")" = release.txt ]; then
	ok "-o creates nothing on error"
else
	bad "-o created a file on error: $(ls "$tmp/o")"
fi
"$T" --release U -o "$tmp/o/no/such/dir/out.txt" "$seed" > "$tmp/stdout" 2> "$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && [ ! -s "$tmp/stdout" ] && grep -q 'tearline: .*out.txt' "$tmp/err"; then
	ok "-o into a missing directory: exit 2 with a message"
else
	bad "-o into a missing directory: exit $rc: $(cat "$tmp/err")"
fi

# -o replaces a regular file by renaming a new one over it: a pipe or a link there is refused and
# left as it was (as root, -o /dev/null would otherwise replace /dev/null with a regular file).
mkfifo "$tmp/o/fifo" && ln -s /dev/null "$tmp/o/link"
for f in fifo link; do
	"$T" --release U -o "$tmp/o/$f" "$seed" > "$tmp/stdout" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q "$f: not a regular file" "$tmp/err" &&
	    [ ! -f "$tmp/o/$f" ] && [ "$(ls "$tmp/o" | wc -l)" -eq 3 ]; then
		ok "-o onto a $f: refused, left as it was"
	else
		bad "-o onto a $f: exit $rc, $(ls -l "$tmp/o"): $(cat "$tmp/err")"
	fi
done
rm -f "$tmp/o/fifo" "$tmp/o/link"

# A write error on standard output (a full disk) is an error, not a silent truncation.
if [ -w /dev/full ]; then
	"$T" --release U "$seed" > /dev/full 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q 'write error' "$tmp/err"; then
		ok "standard output on a full disk: exit 2, write error"
	else
		bad "standard output on a full disk: exit $rc: $(cat "$tmp/err")"
	fi
	printf 'SECRET\n1. (U) x.\n' | "$T" --release U > /dev/full 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q 'write error' "$tmp/err"; then
		ok "a short release on a full disk: exit 2, write error"
	else
		bad "a short release on a full disk: exit $rc: $(cat "$tmp/err")"
	fi
fi

# Warnings name the file and line of what was withheld for want of proof; -q silences them.
printf 'SECRET\n\n1. (S) The plan.\n(S/WCI) The office.\n' > "$tmp/wci.txt"
"$T" --release TS "$tmp/wci.txt" > /dev/null 2> "$tmp/err"
if grep -F -q "tearline: $tmp/wci.txt:4: withheld: unknown token \"WCI\"" "$tmp/err"; then
	ok "located warning for an unknown token"
else
	bad "no located warning: $(cat "$tmp/err")"
fi
printf 'No marks here.\n' | "$T" --release TS > /dev/null 2> "$tmp/err"
if grep -F -q "no banner line and no portion marks" "$tmp/err"; then
	ok "warning for a document with neither banner nor marks"
else
	bad "no warning for an unmarked document: $(cat "$tmp/err")"
fi
"$T" -q --release TS "$tmp/wci.txt" > /dev/null 2> "$tmp/err"
if [ ! -s "$tmp/err" ]; then
	ok "-q silences warnings"
else
	bad "-q printed: $(cat "$tmp/err")"
fi

# --help and --version go to standard output and succeed.
if "$T" --help > "$tmp/out" 2> /dev/null && grep -q '^usage: tearline' "$tmp/out"; then
	ok "--help"
else
	bad "--help"
fi
if "$T" --version > "$tmp/out" 2> /dev/null && grep -q '^tearline [0-9]' "$tmp/out"; then
	ok "--version"
else
	bad "--version"
fi

exit $fail
