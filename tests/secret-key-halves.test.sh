#!/bin/sh
# SPDX-License-Identifier: ISC
# Found by the hardening tests and fixed: a signing key whose seed half is not the key's own
# must be refused. keys_read_secret checks that "the halves belong together" with
# crypto_sign_ed25519_sk_to_pk, but for Ed25519 that only copies the public key stored in the
# secret key's second half: a secret key file whose first 32 bytes (the seed) were damaged or
# replaced passes, and redact exits 0 having signed an audit and a ledger entry that can never
# verify (verify: field "signature": does not verify).
#
# Smallest reproducer:
#   ./tearline keygen -q --secret-key k --public-key k.pub
#   sed 's/^\(secret-key: \)0/\11/; t; s/^\(secret-key: \)./\10/' k > bad; chmod 600 bad
#   ./tearline -q -r U -o rel --audit a.jsonl --secret-key bad samples/07MUSCAT1065.txt
#   echo $?                                           # 0: should be 2
#   ./tearline verify --audit a.jsonl --public-key k.pub --output rel   # exit 1
#
# Fixed in filter/keys.c: the public key is derived again from the seed
# (crypto_sign_ed25519_sk_to_seed, crypto_sign_seed_keypair) and compared with sodium_memcmp.
set -u
cd "$(dirname "$0")/.." || exit 2
T=${TEARLINE:-./tearline}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
"$T" keygen -q --secret-key "$tmp/k" --public-key "$tmp/k.pub" || exit 2
# Flip the first hex digit of the secret key: the seed changes, the stored public half does not.
sed 's/^\(secret-key: \)0/\11/; t; s/^\(secret-key: \)./\10/' "$tmp/k" > "$tmp/bad"
chmod 600 "$tmp/bad"
"$T" -q -r U -o "$tmp/rel" --audit "$tmp/a.jsonl" --secret-key "$tmp/bad" \
    samples/07MUSCAT1065.txt 2> "$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && [ ! -e "$tmp/rel" ] && [ ! -e "$tmp/a.jsonl" ]; then
	echo "ok   a secret key whose seed is not its own is refused"
	exit 0
fi
echo "FAIL a secret key whose seed is not its own: exit $rc, and the audit it signed:"
"$T" verify --audit "$tmp/a.jsonl" --public-key "$tmp/k.pub" --output "$tmp/rel" 2>&1 |
    sed 's/^/     /'
exit 1
