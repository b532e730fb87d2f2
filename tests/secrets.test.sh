#!/bin/sh
# SPDX-License-Identifier: ISC
# Secrets never show: redact with a bad --secret-key file (open to others, malformed, truncated
# at every byte, a key of the wrong kind, halves that do not belong together) and verify with a
# bad --auditor-secret-key must exit 2, and nothing the run prints (standard output and error),
# nor the audit and the ledger of a good run, may hold any part of either secret key: no 16
# hex digits of it in either case, no 16 characters of its base64, no 8 of its bytes. Keys are
# only ever named by a path on the command line (the usage and --help are checked for that).
# (Two cases once failed and are kept as tests/secret-key-echo.test.sh and
# tests/secret-key-halves.test.sh.)
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
unset TEARLINE_TEST_SEED SOURCE_DATE_EPOCH
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
if ! command -v python3 > /dev/null 2>&1; then
	echo "FAIL python3 is needed to look for secret bytes"
	exit 1
fi
seed=samples/07MUSCAT1065.txt

"$T" keygen -q --secret-key "$tmp/sign.key" --public-key "$tmp/sign.pub" &&
    "$T" keygen -q --auditor --secret-key "$tmp/auditor.key" --public-key "$tmp/auditor.pub" ||
    { echo "FAIL keygen"; exit 1; }
mkdir "$tmp/runs"

# shows FILE...: fails when any FILE holds a part of either secret key. Prints what it found.
shows() {
	python3 - "$tmp/sign.key" "$tmp/auditor.key" "$@" <<'EOF'
import base64, sys
pieces = set()
for key in sys.argv[1:3]:
    hexkey = [l for l in open(key).read().splitlines() if l.startswith("secret-key: ")][0][12:]
    raw = bytes.fromhex(hexkey)
    for h in (hexkey, hexkey.upper()):
        pieces.update(h[i:i + 16].encode() for i in range(len(h) - 15))
    for shift in range(3):
        for b64 in (base64.b64encode(raw[shift:]), base64.urlsafe_b64encode(raw[shift:])):
            pieces.update(b64[i:i + 16] for i in range(len(b64) - 20))
    pieces.update(raw[i:i + 8] for i in range(len(raw) - 7))
found = False
for name in sys.argv[3:]:
    data = open(name, "rb").read()
    for p in pieces:
        if p in data:
            print("%s holds %r" % (name, p))
            found = True
            break
sys.exit(1 if found else 0)
EOF
}

# badkey NAME FILE: redact with FILE as the signing key must exit 2, with a message, no output.
n=0
badkey() {
	n=$((n + 1))
	chmod 600 "$2" 2> /dev/null
	"$T" -r U -o "$tmp/runs/out$n" --audit "$tmp/runs/audit$n" --secret-key "$2" "$seed" \
	    > "$tmp/runs/stdout$n" 2> "$tmp/runs/stderr$n"
	rc=$?
	if [ "$rc" -ne 2 ] || [ ! -s "$tmp/runs/stderr$n" ] || [ -e "$tmp/runs/out$n" ] ||
	    [ -e "$tmp/runs/audit$n" ]; then
		bad "$1: exit $rc: $(cat "$tmp/runs/stderr$n")"
	fi
}

key=$tmp/sign.key
k=$tmp/k
sk=$(sed -n 's/^secret-key: //p' "$key")

# Open to others: each mode bit for group and others.
for mode in 640 604 620 602 610 601 660 644; do
	cp "$key" "$k.$mode"
	chmod "$mode" "$k.$mode"
	n=$((n + 1))
	"$T" -r U -o "$tmp/runs/out$n" --audit "$tmp/runs/audit$n" --secret-key "$k.$mode" \
	    "$seed" > "$tmp/runs/stdout$n" 2> "$tmp/runs/stderr$n"
	rc=$?
	if [ "$rc" -ne 2 ] || ! grep -q "open to others (mode 0$mode)" "$tmp/runs/stderr$n"; then
		bad "a secret key of mode $mode: exit $rc: $(cat "$tmp/runs/stderr$n")"
	fi
done
ok "a secret key open to its group or others is refused (8 modes)"

# Malformed: upper case, a bad digit, too short, too long, a line more, a line less, a public
# half that is not the key's, the public key file, the auditor's key, CRLF line ends, a NUL byte.
# (A seed half that is not the key's: tests/secret-key-halves.test.sh.)
sed 's/^secret-key: .*/secret-key: '"$(printf '%s' "$sk" | tr a-f A-F)"'/' "$key" > "$k.upper"
badkey "upper-case hex" "$k.upper"
sed 's/^\(secret-key: .\{40\}\)./\1g/' "$key" > "$k.digit"
badkey "a bad hex digit" "$k.digit"
sed 's/^\(secret-key: .*\)..$/\1/' "$key" > "$k.short"
badkey "one byte short" "$k.short"
sed 's/^\(secret-key: .*\)$/\1ab/' "$key" > "$k.long"
badkey "one byte long" "$k.long"
{ cat "$key"; echo "extra: line"; } > "$k.extra"
badkey "a line after the key" "$k.extra"
sed '/^key-id: /d' "$key" > "$k.noid"
badkey "no key id" "$k.noid"
sed 's/^\(secret-key: .\{64\}\).\{64\}/\1'"$(sed -n 's/^public-key: //p' "$tmp/auditor.pub")"'/' \
    "$key" > "$k.halves"
badkey "a secret key whose public half is another key's" "$k.halves"
cp "$tmp/sign.pub" "$k.pub"
badkey "the public key" "$k.pub"
badkey "the auditor's secret key" "$tmp/auditor.key"
sed 's/$/\r/' "$key" > "$k.crlf"
badkey "CRLF line ends" "$k.crlf"
sed 's/^\(secret-key: .\{60\}\)/\1\x00/' "$key" > "$k.nul"
badkey "a NUL byte in the secret" "$k.nul"
: > "$k.empty"
badkey "an empty file" "$k.empty"
mkdir "$k.dir"
badkey "a directory" "$k.dir"
badkey "no such file" "$k.none"
ok "malformed secret keys are refused (13 kinds)"

# Truncated at every byte: refused, except when only the last line end is missing.
len=$(wc -c < "$key")
cut_at=0
cut_bad=
while [ $cut_at -lt $((len - 1)) ]; do
	head -c $cut_at "$key" > "$k.cut"
	before=$fail
	badkey "cut at byte $cut_at" "$k.cut"
	[ $fail = "$before" ] || cut_bad="$cut_bad $cut_at"
	cut_at=$((cut_at + 1))
done
if [ -z "$cut_bad" ]; then
	ok "a secret key cut at any of its first $((len - 1)) bytes is refused"
fi

# verify with a bad auditor key.
"$T" -q -r U -o "$tmp/rel.txt" --audit "$tmp/audit.jsonl" --secret-key "$key" \
    --auditor-key "$tmp/auditor.pub" --ledger "$tmp/ledger.jsonl" "$seed" \
    > "$tmp/runs/good.stdout" 2> "$tmp/runs/good.stderr" || bad "a good run failed"
for bad_auditor in "$k.upper" "$k.halves" "$key" "$k.crlf"; do
	n=$((n + 1))
	"$T" verify --audit "$tmp/audit.jsonl" --public-key "$tmp/sign.pub" \
	    --output "$tmp/rel.txt" --original "$seed" --auditor-secret-key "$bad_auditor" \
	    > "$tmp/runs/stdout$n" 2> "$tmp/runs/stderr$n"
	rc=$?
	[ "$rc" -eq 2 ] || bad "verify with $bad_auditor as the auditor key: exit $rc"
done
n=$((n + 1))
"$T" verify --audit "$tmp/audit.jsonl" --public-key "$tmp/sign.pub" --output "$tmp/rel.txt" \
    --original "$seed" --auditor-secret-key "$tmp/auditor.key" \
    > "$tmp/runs/stdout$n" 2> "$tmp/runs/stderr$n" || bad "verify with the auditor key failed"
ok "verify refuses bad auditor keys and opens the audit with the good one"

# Nothing printed, and no audit or ledger, holds a part of a secret key.
if found=$(shows "$tmp"/runs/* "$tmp/audit.jsonl" "$tmp/ledger.jsonl" "$tmp/rel.txt"); then
	ok "no part of a secret key in any message, output, audit or ledger ($n runs)"
else
	bad "a secret key shows: $found"
fi
# The check itself works: it finds the key in the key file.
if shows "$key" > /dev/null; then
	bad "the secret-bytes check finds nothing in the key file itself"
fi

# Keys are named by path: every key option of the usage takes FILE.
if "$T" --help | grep -o -- '--[a-z-]*key[a-z-]* [A-Z]*' | grep -v ' FILE$' > "$tmp/keyopts"; then
	bad "a key option that takes no FILE: $(cat "$tmp/keyopts")"
else
	ok "every key option takes a FILE, never a key"
fi

exit $fail
