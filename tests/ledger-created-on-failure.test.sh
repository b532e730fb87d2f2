#!/bin/sh
# SPDX-License-Identifier: ISC
# Found by the hardening tests and fixed: a failed redact run must leave no ledger behind when
# there was none. redact opens --ledger with O_CREAT (to lock it) before it reads the document,
# so a run that then fails (here: the document does not exist) exits 2 but leaves an empty
# ledger file, which `tearline verify --ledger` refuses ("empty", exit 1) while the next redact
# run takes it as a new ledger.
#
# Smallest reproducer:
#   ./tearline keygen -q --secret-key k --public-key k.pub
#   ./tearline -q -r U -o out --audit a.jsonl --secret-key k --ledger new.jsonl missing.txt
#   ls -l new.jsonl                                   # exists, 0 bytes
#
# Fixed in filter/audit.c: a ledger that this run created and entered nothing in is removed by
# audit_ledger_close.
set -u
cd "$(dirname "$0")/.." || exit 2
T=${TEARLINE:-./tearline}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
"$T" keygen -q --secret-key "$tmp/k" --public-key "$tmp/k.pub" || exit 2
"$T" -q -r U -o "$tmp/out" --audit "$tmp/a.jsonl" --secret-key "$tmp/k" \
    --ledger "$tmp/new.jsonl" "$tmp/missing.txt" 2> /dev/null
rc=$?
if [ "$rc" -eq 2 ] && [ ! -e "$tmp/new.jsonl" ]; then
	echo "ok   a failed run leaves no new ledger"
	exit 0
fi
echo "FAIL a failed run (exit $rc) left a new ledger: $(ls -l "$tmp/new.jsonl" 2>&1)"
exit 1
