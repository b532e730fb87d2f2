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

# A filter is quiet: one line for the document names how many portions were withheld for want
# of proof and where the first is; -v names the file and line of each; -q silences them.
printf 'SECRET\n\n1. (S) The plan.\n(S/WCI) The office is closed.\n\n2. (S) More.\n(S/XYZ) The walrus is here.\n' > "$tmp/wci.txt"
"$T" --release TS "$tmp/wci.txt" > /dev/null 2> "$tmp/err"
if [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
    grep -F -q "tearline: $tmp/wci.txt: withheld 2 portions it could not prove anything about, the first at line 4 (-v lists them)" "$tmp/err" &&
    ! grep -q -i walrus "$tmp/err"; then
	ok "one warning line for the document"
else
	bad "not one warning line: $(cat "$tmp/err")"
fi
"$T" -v --release TS "$tmp/wci.txt" > /dev/null 2> "$tmp/err"
if grep -F -q "tearline: $tmp/wci.txt:4: withheld: unknown token \"WCI\"" "$tmp/err" &&
    [ "$(wc -l < "$tmp/err")" -eq 2 ]; then
	ok "-v: a located warning for each unknown token"
else
	bad "-v: no located warnings: $(cat "$tmp/err")"
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

# Each subcommand's --help is its own: its forms (and no other subcommand's), what it does, and
# its options, from its table in filter/main.c.
for sub in keygen verify check ledger policy; do
	if "$T" $sub --help > "$tmp/out" 2> /dev/null && grep -q "^usage: tearline $sub" "$tmp/out" &&
	    ! grep '^\(usage: \|       \)tearline ' "$tmp/out" | grep -q -v "tearline $sub" &&
	    grep -q -e '^  -h, --help  ' "$tmp/out" &&
	    [ "$(grep -c '^  \(-[a-zA-Z], \|    \)--[a-z]' "$tmp/out")" -ge 4 ]; then
		ok "$sub --help: its own forms and options"
	else
		bad "$sub --help: $(head -n 1 "$tmp/out")"
	fi
done

# The option tables and the man page agree: every option a subcommand's --help lists is in that
# subcommand's forms in the SYNOPSIS (its long or its short name), every option those forms name
# is in its table, and every option the man page names anywhere is some subcommand's.
for sub in redact keygen verify check ledger policy; do
	"$T" $sub --help > "$tmp/help.$sub" 2> /dev/null
done
if python3 - "$tmp" tearline.1 <<'PY'
import re, sys
tmp, man = sys.argv[1:3]
text = open(man).read()
syn = text.split(".Sh SYNOPSIS", 1)[1].split(".Sh ", 1)[0]
forms = {}
for block in syn.split(".Nm")[1:]:
    m = re.search(r"\.(?:Op )?Cm (\w+)", block)
    sub = m.group(1) if m else None
    if sub is None:
        continue
    names = set(re.findall(r"Fl -([a-z][a-z-]*)", block)) | \
        set("-" + c for c in re.findall(r"Fl ([a-zA-Z])\b", block))
    forms.setdefault(sub, set()).update(names)
failed = False
every = set()
for sub in ("redact", "keygen", "verify", "check", "ledger", "policy"):
    table = []
    for line in open("%s/help.%s" % (tmp, sub)):
        m = re.match(r"^  (?:-([a-zA-Z]), |    )--([a-z][a-z-]*)", line)
        if m:
            table.append((m.group(1), m.group(2)))
    every.update(l for _, l in table)
    names = forms.get(sub, set())
    lost = [l for s, l in table if l not in ("help", "version") and l not in names and
            ("-" + s if s else None) not in names]
    known = set(l for _, l in table) | set("-" + s for s, _ in table if s)
    extra = sorted(n for n in names if n not in known)
    if not table or lost or extra:
        failed = True
        print("FAIL %s: in --help, not in its SYNOPSIS forms: %s; in the forms, not in --help: %s"
              % (sub, lost, extra))
    else:
        print("ok   %s: its %d options are its forms' in the man page" % (sub, len(table)))
named = set(re.findall(r"Fl -([a-z][a-z-]*)", text))
stray = sorted(named - every)
if stray:
    failed = True
    print("FAIL the man page names options no subcommand has: %s" % stray)
else:
    print("ok   every option the man page names (%d) is a subcommand's" % len(named))
sys.exit(1 if failed else 0)
PY
then :; else fail=1; fi

for args in "keygen" "redact --bogus" "check --bogus" "verify --bogus" "policy bogus"; do
	# shellcheck disable=SC2086
	"$T" $args > "$tmp/out" 2> "$tmp/err"
	rc=$?
	forms=$(grep -c '^\(usage: \|       \)tearline ' "$tmp/err")
	if [ "$rc" -eq 2 ] && grep -q "^Try 'tearline --help'" "$tmp/err" && [ "$forms" -ge 1 ] &&
	    [ "$forms" -le 4 ]; then
		ok "usage error of '$args': its forms ($forms), not the whole synopsis"
	else
		bad "usage error of '$args': exit $rc, $forms forms"
	fi
done

# The README's examples, the check example among them, are run by tests/readme.test.sh.

exit $fail
