#!/bin/sh
# SPDX-License-Identifier: ISC
# Found by the hardening tests and fixed: no message may show any part of a secret key.
# keys.c's read_public_part quotes up to 32 bytes of a bad "algorithm:" value, in a secret key
# file as in a public one: a secret key file whose secret value stands on its algorithm line (a
# hand-edited or reordered file) has its first 16 bytes, half the Ed25519 seed, printed in the
# error.
#
# Smallest reproducer:
#   ./tearline keygen -q --secret-key k --public-key k.pub
#   printf 'algorithm: %s\n' "$(sed -n 's/^secret-key: //p' k)" > bad; chmod 600 bad
#   ./tearline -q -r U --audit a.jsonl --secret-key bad samples/07MUSCAT1065.txt
#   # tearline: bad:1: algorithm "026b9e48e2d0edea1b868282bafb1cc0": expected an Ed25519 ...
#
# Fixed in filter/keys.c: no value read from a secret key file is quoted (a message says which
# line is wrong, not what it holds).
set -u
cd "$(dirname "$0")/.." || exit 2
T=${TEARLINE:-./tearline}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
"$T" keygen -q --secret-key "$tmp/k" --public-key "$tmp/k.pub" || exit 2
sk=$(sed -n 's/^secret-key: //p' "$tmp/k")
printf 'algorithm: %s\n' "$sk" > "$tmp/bad1"
sed "s/^algorithm: .*/algorithm: $sk/; /^secret-key: /d" "$tmp/k" > "$tmp/bad2"
fail=0
for bad in bad1 bad2; do
	chmod 600 "$tmp/$bad"
	"$T" -q -r U --audit "$tmp/a.jsonl" --secret-key "$tmp/$bad" samples/07MUSCAT1065.txt \
	    > /dev/null 2> "$tmp/err"
	if grep -q "$(printf '%s' "$sk" | cut -c 1-16)" "$tmp/err"; then
		echo "FAIL $bad: the error shows the secret key: $(cat "$tmp/err")"
		fail=1
	else
		echo "ok   $bad: refused without showing the secret key"
	fi
done
exit $fail
